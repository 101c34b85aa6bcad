import { bigintTransformer } from '@ashar/database';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TransactionKind } from '../domain/types';
import { BudgetImport } from './budget-import.entity';
import { Budget } from './budget.entity';

export interface AttachmentRef {
  name: string;
  url: string;
}

/**
 * Execution: a spending record (against an expenditure line) or a revenue receipt (against a
 * revenue line), attached to the line by its key so it survives amendments.
 */
@Entity('budget_transactions')
@Index('uq_budget_transactions_client_request', ['budgetId', 'clientRequestId'], { unique: true, where: `"client_request_id" IS NOT NULL` })
@Index('idx_budget_transactions_line', ['budgetId', 'lineKey', 'occurredOn'])
@Index('idx_budget_transactions_import', ['importId'])
@Check('ck_budget_transactions_amount', '"amount" > 0')
@Check('ck_budget_transactions_kind', `"kind" IN ('SPENDING', 'RECEIPT')`)
export class BudgetTransaction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_budget_transactions_budget' })
  budget?: Budget;

  @Column({ type: 'uuid' })
  lineKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: TransactionKind;

  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount: bigint;

  /** Payee of a spending, payer of a receipt. */
  @Column({ type: 'text', nullable: true })
  counterparty: string | null;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  /** Contract or invoice number. */
  @Column({ type: 'text', nullable: true })
  documentNumber: string | null;

  /** Scanned receipts and other documents, by reference. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  attachments: AttachmentRef[];

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => BudgetImport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_budget_transactions_import' })
  import?: BudgetImport;

  /** The id the phone gave this write (offline outbox): a re-send finds this row instead of making another. */
  @Column({ type: 'uuid', nullable: true })
  clientRequestId: string | null;

  /** SHA-256 of the request's content when it was first stored: a re-send with other content is a conflict. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestHash: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
