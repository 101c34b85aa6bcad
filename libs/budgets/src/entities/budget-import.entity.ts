import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ImportRecord, ImportStatus, RowError } from '@ashar/imports';
import type { ImportKind, ImportUnit, SideRule } from '../domain/import-rows';
import { Budget } from './budget.entity';

export type { ImportStatus };

/** The pipeline's ImportReport as budgets stores it (the info its row schemas give). */
export interface BudgetImportReport {
  skipped: Array<{ line: number; reasonKey: string }>;
  encoding: string | null;
  separator: string | null;
  headerLine: number;
  info?: { columns: Record<string, string>; unit: ImportUnit; unitSource: string; sideFrom?: string; asOf?: string; asOfSource?: string };
}

/**
 * An uploaded CSV/XLSX file and what became of it: budgets' record of the shared import pipeline
 * (`@ashar/imports`; the status machine's SQL is the pipeline's, see BudgetImportRepository). The same
 * file for the same budget is imported once (partial unique index on its hash while not FAILED), and
 * the job inserts every row in one transaction together with status DONE: all or nothing.
 */
@Entity('budget_imports')
@Index('uq_budget_imports_file', ['budgetId', 'kind', 'fileSha256'], { unique: true, where: `"status" <> 'FAILED'` })
@Check('ck_budget_imports_kind', `"kind" IN ('LEDGER', 'BUDGET', 'TREASURY')`)
@Check('ck_budget_imports_unit', `"unit" IS NULL OR "unit" IN ('ONE', 'THOUSAND')`)
@Check('ck_budget_imports_saved_unit', `"saved_unit" IS NULL OR "saved_unit" IN ('ONE', 'THOUSAND')`)
@Check('ck_budget_imports_status', `"status" IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')`)
export class BudgetImport extends TimestampedEntity implements ImportRecord {
  @Column({ type: 'uuid' })
  communityId: string;

  @Column({ type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_budget_imports_budget' })
  budget?: Budget;

  /** For BUDGET imports: the draft version whose lines are replaced. */
  @Column({ type: 'uuid', nullable: true })
  versionId: string | null;

  @Column({ type: 'varchar', length: 8 })
  kind: ImportKind;

  @Column({ type: 'varchar', length: 8 })
  format: 'CSV' | 'XLSX';

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  fileSha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  mapping: Record<string, string>;

  @Column({ type: 'varchar', length: 16 })
  status: ImportStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'integer', nullable: true })
  totalRows: number | null;

  @Column({ type: 'integer', nullable: true })
  importedRows: number | null;

  @Column({ type: 'jsonb', nullable: true })
  errors: RowError[] | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  /** The language of the request that started it: the error report's language when the reader's is unknown. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  locale: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The unit the amounts are in when the user chose one (null: read from the file's header, else som). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  unit: ImportUnit | null;

  /** The unit saved with the community's mapping when the import started: used when the file names none and none was chosen. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  savedUnit: ImportUnit | null;

  /** A done import's report: rows left out (totals, subtotals, headings) and why, encoding, separator, header line, columns, unit. */
  @Column({ type: 'jsonb', nullable: true })
  report: BudgetImportReport | null;

  /** The side rule it runs with (the person's in the preview, else the community's saved one; null: the side column if any, else the code). */
  @Column({ type: 'jsonb', nullable: true })
  side: SideRule | null;

  /** TREASURY: the report's as-of date chosen at upload (null: read from the file's title). */
  @Column({ type: 'date', nullable: true })
  asOf: string | null;
}
