import { bigintTransformer } from '@ashar/database';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Budget } from './budget.entity';

/**
 * Execution summed per line and month, kept by statement-level triggers on budget_transactions
 * (see the BudgetActuals migration) in the same transaction as the records, so it is never stale.
 * The public page reads at most lines × 12 rows here instead of aggregating every record.
 */
@Entity('budget_actuals_monthly')
export class BudgetActualMonthly {
  @PrimaryColumn({ type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_budget_actuals_monthly_budget' })
  budget?: Budget;

  @PrimaryColumn({ type: 'uuid' })
  lineKey: string;

  @PrimaryColumn({ type: 'smallint' })
  month: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount: bigint;

  @Column({ type: 'integer' })
  records: number;
}
