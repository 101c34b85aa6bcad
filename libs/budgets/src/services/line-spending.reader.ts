import { Injectable, Module } from '@nestjs/common';
import { LineSpendingQueries, SpendingLine } from '../repositories/line-spending.queries';

export type { SpendingLine } from '../repositories/line-spending.queries';

/**
 * What other contexts read of execution (participation's "promised versus spent"): a line's budget
 * community, and the spending records' total per line. Read only; also in the worker.
 */
@Injectable()
export class LineSpendingReader {
  constructor(private readonly queries: LineSpendingQueries) {}

  /** Null when the budget has no line with that key. */
  lineOf(budgetId: string, lineKey: string): Promise<{ communityId: string; currency: string; direction: string } | null> {
    return this.queries.line(budgetId, lineKey);
  }

  /** Minor units spent per line, keyed `budgetId/lineKey`; a line with no spending is absent (0). */
  spentOn(lines: readonly SpendingLine[]): Promise<Map<string, string>> {
    return this.queries.spent(lines);
  }
}

/** Imported by contexts that read spending (no resolver, no write). */
@Module({ providers: [LineSpendingQueries, LineSpendingReader], exports: [LineSpendingReader] })
export class BudgetSpendingReadModule {}
