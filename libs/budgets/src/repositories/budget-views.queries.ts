import type { LocalizedText } from '@ashar/i18n';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LineRow {
  id: string;
  version_id: string;
  line_key: string;
  direction: string;
  economic_code: string;
  functional_code: string | null;
  names: LocalizedText | null;
  amount: string;
  special_funds: string;
  forecast_year1: string | null;
  forecast_year2: string | null;
  position: number;
  community_id: string;
  /** The version's status (lines of a version past SUBMITTED never change: the read side keeps them). */
  version_status: string;
}

export interface NeighbourTotalsRow {
  budget_id: string;
  community_id: string;
  population: number | null;
  revenue: string;
  expenditure: string;
}

/**
 * The read model of the public page, exports and flags: a fixed number of set-based statements
 * whatever the number of lines or versions, so callers batch through DataLoaders without N+1.
 */
@Injectable()
export class BudgetViewQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Lines of these versions, with the community of each version's budget (its country comes from territory). */
  linesOfVersions(versionIds: readonly string[]): Promise<LineRow[]> {
    return this.db.query(
      `WITH vc AS (SELECT v.id, v.status, b.community_id FROM budget_versions v JOIN budgets b ON b.id = v.budget_id WHERE v.id = ANY($1))
       SELECT l.id, l.version_id, l.line_key, l.direction, l.economic_code, l.functional_code, l.names, l.amount::text AS amount, l.special_funds::text AS special_funds, l.forecast_year1::text AS forecast_year1, l.forecast_year2::text AS forecast_year2, l.position, vc.community_id, vc.status AS version_status
         FROM budget_lines l JOIN vc ON vc.id = l.version_id
        ORDER BY l.version_id, l.position, l.economic_code`,
      [[...versionIds]],
    );
  }

  /** From the monthly summary kept by triggers (at most lines × 12 rows per budget). */
  monthlyActuals(budgetIds: readonly string[]): Promise<{ budget_id: string; line_key: string; month: number; amount: string }[]> {
    return this.db.query(`SELECT budget_id, line_key, month, amount::text AS amount FROM budget_actuals_monthly WHERE budget_id = ANY($1) AND records > 0`, [[...budgetIds]]);
  }

  /** Spending records with neither a document number nor an attachment (first 1,000 by date). */
  undocumentedSpending(budgetId: string): Promise<{ id: string; line_key: string; amount: string }[]> {
    return this.db.query(
      `SELECT id, line_key, amount::text AS amount FROM budget_transactions
        WHERE budget_id = $1 AND kind = 'SPENDING' AND coalesce(btrim(document_number), '') = '' AND attachments = '[]'::jsonb
        ORDER BY occurred_on, id LIMIT 1000`,
      [budgetId],
    );
  }

  /**
   * The budgets of these communities for the year, totals of the latest version in one of `statuses`
   * (the public ones): one statement. Budgets without such a version are left out.
   */
  latestPublicTotals(communityIds: readonly string[], fiscalYear: number, statuses: readonly string[]): Promise<NeighbourTotalsRow[]> {
    return this.db.query(
      `WITH pv AS (SELECT DISTINCT ON (v.budget_id) v.budget_id, v.id FROM budget_versions v JOIN budgets b ON b.id = v.budget_id
                    WHERE b.community_id = ANY($1) AND b.fiscal_year = $2 AND v.status = ANY($3) ORDER BY v.budget_id, v.number DESC)
       SELECT b.id AS budget_id, b.community_id, b.population,
              coalesce(sum(l.amount) FILTER (WHERE l.direction = 'REVENUE'), 0)::text AS revenue,
              coalesce(sum(l.amount) FILTER (WHERE l.direction = 'EXPENDITURE'), 0)::text AS expenditure
         FROM budgets b
         JOIN pv ON pv.budget_id = b.id
         LEFT JOIN budget_lines l ON l.version_id = pv.id
        GROUP BY b.id`,
      [[...communityIds], fiscalYear, [...statuses]],
    );
  }
}
