import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BudgetTransaction } from './budget-transaction.entity';
import { Budget } from './budget.entity';

export type NoteStatus = 'QUESTION' | 'CONCERN' | 'CONFIRMED_ISSUE' | 'RESOLVED';

/** A budget-group finding about a line or a record; the public sees the RESOLVED ones. Its replies are a thread (libs/threads). */
@Entity('monitoring_notes')
@Index('uq_monitoring_notes_client_request', ['budgetId', 'clientRequestId'], { unique: true, where: `"client_request_id" IS NOT NULL` })
@Index('idx_monitoring_notes_budget', ['budgetId', 'status'])
@Check('ck_monitoring_notes_status', `"status" IN ('QUESTION', 'CONCERN', 'CONFIRMED_ISSUE', 'RESOLVED')`)
@Check('ck_monitoring_notes_target', '"line_key" IS NOT NULL OR "transaction_id" IS NOT NULL')
export class MonitoringNote extends TimestampedEntity {
  @Column({ type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_monitoring_notes_budget' })
  budget?: Budget;

  @Column({ type: 'uuid', nullable: true })
  lineKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  transactionId: string | null;

  @ManyToOne(() => BudgetTransaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'transaction_id', foreignKeyConstraintName: 'fk_monitoring_notes_transaction' })
  transaction?: BudgetTransaction;

  @Column({ type: 'varchar', length: 24 })
  status: NoteStatus;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** The id the phone gave this write (offline outbox): a re-send finds this row instead of making another. */
  @Column({ type: 'uuid', nullable: true })
  clientRequestId: string | null;

  /** SHA-256 of the request's content when it was first stored: a re-send with other content is a conflict. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestHash: string | null;

  @Column({ type: 'uuid' })
  authorAccountId: string;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
