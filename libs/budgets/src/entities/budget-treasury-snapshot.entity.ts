import { bigintTransformer } from '@ashar/database';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Direction } from '../domain/types';
import { BudgetImport } from './budget-import.entity';
import { Budget } from './budget.entity';

/**
 * The treasury's execution report for a budget as of a date (imported, kind TREASURY): kept beside the
 * payment-by-payment records (budget_transactions), never mixed with them. One per budget and date; a
 * later import for the same date replaces it.
 */
@Entity('budget_treasury_snapshots')
@Index('uq_budget_treasury_snapshots_date', ['budgetId', 'asOf'], { unique: true })
export class BudgetTreasurySnapshot {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_budget_treasury_snapshots' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_budget_treasury_snapshots_budget' })
  budget?: Budget;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => BudgetImport, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_budget_treasury_snapshots_import' })
  import?: BudgetImport;

  /** The date the report is as of (its actuals are cumulative from 1 January). */
  @Column({ type: 'date' })
  asOf: string;

  @Column({ type: 'integer' })
  lineCount: number;

  @Column({ type: 'uuid' })
  createdBy: string;
}

/** One classification code of a treasury snapshot; each (economic, functional) code once per snapshot (an expression index, in the migration). */
@Entity('budget_treasury_lines')
@Index('uq_budget_treasury_lines_code', { synchronize: false })
@Check('ck_budget_treasury_lines_direction', `"direction" IN ('REVENUE', 'EXPENDITURE')`)
@Check('ck_budget_treasury_lines_amounts', `"cumulative_actual" >= 0 AND ("approved_plan" IS NULL OR "approved_plan" >= 0) AND ("revised_plan" IS NULL OR "revised_plan" >= 0)`)
export class BudgetTreasuryLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_budget_treasury_lines' })
  id: string;

  @Column({ type: 'uuid' })
  snapshotId: string;

  @ManyToOne(() => BudgetTreasurySnapshot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'fk_budget_treasury_lines_snapshot' })
  snapshot?: BudgetTreasurySnapshot;

  @Column({ type: 'integer' })
  position: number;

  /** The budget line of this code when the import found one (else the code is only in the report). */
  @Column({ type: 'uuid', nullable: true })
  lineKey: string | null;

  @Column({ type: 'varchar', length: 16 })
  direction: Direction;

  @Column({ type: 'varchar', length: 20 })
  economicCode: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  functionalCode: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  names: Record<string, string>;

  @Column({ type: 'bigint', nullable: true, transformer: bigintTransformer })
  approvedPlan: bigint | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintTransformer })
  revisedPlan: bigint | null;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  cumulativeActual: bigint;

  /** The prefix of another code of the same report (a group): left out of the totals. */
  @Column({ type: 'boolean' })
  isGroup: boolean;
}
