import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BudgetVersion } from './budget-version.entity';

export type ExportFormat = 'CSV' | 'CSV_EXCEL' | 'XLSX' | 'JSON' | 'FDP';

/** An export produced by the exports job (a snapshot, with the execution as of `createdAt`). */
@Entity('budget_exports')
@Index('idx_budget_exports_version', ['versionId', 'format'])
@Check('ck_budget_exports_format', `"format" IN ('CSV', 'CSV_EXCEL', 'XLSX', 'JSON', 'FDP')`)
@Check('ck_budget_exports_status', `"status" IN ('QUEUED', 'DONE', 'FAILED')`)
export class BudgetExport extends TimestampedEntity {
  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => BudgetVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_budget_exports_version' })
  version?: BudgetVersion;

  @Column({ type: 'uuid' })
  communityId: string;

  @Column({ type: 'varchar', length: 16 })
  format: ExportFormat;

  /** The language of the file's sheet names, headers and words (XLSX, CSV for Excel); null: the default (Kyrgyz). */
  @Column({ type: 'varchar', length: 2, nullable: true })
  locale: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: 'QUEUED' | 'DONE' | 'FAILED';

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  contentType: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @Column({ type: 'uuid' })
  createdBy: string;
}
