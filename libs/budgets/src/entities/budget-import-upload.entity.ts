import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ImportKind } from '../domain/import-rows';
import { Budget } from './budget.entity';

/**
 * A file uploaded once to be previewed (`POST …/imports?stage=1`): previewed again from here with other
 * settings (columns, side, unit) and imported from here on confirm, so a big file crosses a village
 * link once. Kept for a day (UPLOAD_TTL_MS), a few per person and budget; nothing else points at it.
 */
@Entity('budget_import_uploads')
@Index('idx_budget_import_uploads_budget', ['budgetId', 'createdBy', 'createdAt'])
@Check('ck_budget_import_uploads_kind', `"kind" IN ('LEDGER', 'BUDGET', 'TREASURY')`)
export class BudgetImportUpload extends TimestampedEntity {
  @Column({ type: 'uuid' })
  communityId: string;

  @Column({ type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_budget_import_uploads_budget' })
  budget?: Budget;

  @Column({ type: 'varchar', length: 8 })
  kind: ImportKind;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  fileSha256: string;

  @Column({ type: 'integer' })
  bytes: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  locale: string | null;
}
