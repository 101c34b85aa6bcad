import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BudgetTransaction } from './budget-transaction.entity';

/**
 * A scanned receipt, invoice or contract attached to a spending record or receipt. Kept in PostgreSQL
 * (small files, one backup, one permission check); only the budget group can read them, because
 * receipts carry names and signatures.
 */
@Entity('budget_documents')
@Index('idx_budget_documents_transaction', ['transactionId'])
@Check('ck_budget_documents_size', '"size_bytes" > 0 AND "size_bytes" <= 5242880')
@Check('ck_budget_documents_type', `"content_type" IN ('application/pdf', 'image/jpeg', 'image/png')`)
export class BudgetDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  transactionId: string;

  @ManyToOne(() => BudgetTransaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'transaction_id', foreignKeyConstraintName: 'fk_budget_documents_transaction' })
  transaction?: BudgetTransaction;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  /** Sent by the phone with the upload: `takenAt`, when the photo was taken (EXIF or the file's date). */
  @Column({ type: 'jsonb', default: {} })
  metadata: { takenAt?: string };

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
