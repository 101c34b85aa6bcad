import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SpendingLine {
  budgetId: string;
  lineKey: string;
}

/** Read model for other contexts: a budget line's identity and the spending recorded against it. */
@Injectable()
export class LineSpendingQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The line in any version of the budget (its key survives amendments), with the budget's community and currency. */
  async line(budgetId: string, lineKey: string): Promise<{ communityId: string; currency: string; direction: string } | null> {
    const rows: Array<{ community_id: string; currency: string; direction: string }> = await this.db.query(
      `SELECT b.community_id, b.currency, l.direction
         FROM budgets b JOIN budget_versions v ON v.budget_id = b.id JOIN budget_lines l ON l.version_id = v.id
        WHERE b.id = $1 AND l.line_key = $2
        ORDER BY v.number DESC LIMIT 1`,
      [budgetId, lineKey],
    );
    return rows[0] ? { communityId: rows[0].community_id, currency: rows[0].currency, direction: rows[0].direction } : null;
  }

  /** Sum of SPENDING records per line (minor units, as decimal strings: exact beyond 2^53). */
  async spent(lines: readonly SpendingLine[]): Promise<Map<string, string>> {
    if (!lines.length) return new Map();
    const rows: Array<{ budget_id: string; line_key: string; total: string }> = await this.db.query(
      `SELECT t.budget_id, t.line_key, sum(t.amount)::text AS total
         FROM budget_transactions t
         JOIN unnest($1::uuid[], $2::uuid[]) AS w(budget_id, line_key) ON w.budget_id = t.budget_id AND w.line_key = t.line_key
        WHERE t.kind = 'SPENDING'
        GROUP BY t.budget_id, t.line_key`,
      [lines.map((l) => l.budgetId), lines.map((l) => l.lineKey)],
    );
    return new Map(rows.map((r) => [`${r.budget_id}/${r.line_key}`, r.total]));
  }
}
