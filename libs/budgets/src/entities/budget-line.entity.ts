import { bigintTransformer } from '@ashar/database';
import type { LocalizedText } from '@ashar/i18n';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Direction } from '../domain/types';
import { BudgetVersion } from './budget-version.entity';

/**
 * A planned amount of one version. `lineKey` is the line's identity across versions (an amendment
 * copies it), so execution, notes and comparisons follow the line, whatever version is current.
 */
@Entity('budget_lines')
@Index('uq_budget_lines_key', ['versionId', 'lineKey'], { unique: true })
@Check('ck_budget_lines_amount', '"amount" >= 0')
@Check('ck_budget_lines_special_funds', '"special_funds" >= 0 AND "special_funds" <= "amount"')
@Check('ck_budget_lines_forecast_year1', '"forecast_year1" IS NULL OR "forecast_year1" >= 0')
@Check('ck_budget_lines_forecast_year2', '"forecast_year2" IS NULL OR "forecast_year2" >= 0')
@Check('ck_budget_lines_direction', `"direction" IN ('REVENUE', 'EXPENDITURE')`)
export class BudgetLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => BudgetVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_budget_lines_version' })
  version?: BudgetVersion;

  @Column({ type: 'uuid' })
  lineKey: string;

  @Column({ type: 'varchar', length: 16 })
  direction: Direction;

  @Column({ type: 'varchar', length: 20 })
  economicCode: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  functionalCode: string | null;

  /** Line's own wording (the classification name is the fallback). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  names: LocalizedText;

  /** The line's planned amount for the budget year: budget funds + special funds. */
  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount: bigint;

  /** Special funds (атайын каражаттар), the part of `amount` that is not budget funds. */
  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  specialFunds: bigint;

  /** Forecast amounts for fiscal year + 1 and + 2 (the three-year budget), when given. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintTransformer })
  forecastYear1: bigint | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintTransformer })
  forecastYear2: bigint | null;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
