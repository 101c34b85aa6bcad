import type { LocalizedText } from '@ashar/i18n';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { computeFlags, Flag, LineExecution, planVsActual } from '../domain/execution';
import { computeTotals, percentOf, perResident } from '../domain/totals';
import { Direction, MonthlyActual, PlanLine } from '../domain/types';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';

export interface LineView extends PlanLine {
  id: string;
  versionId: string;
  position: number;
  economicNames: LocalizedText | null;
  functionalNames: LocalizedText | null;
}

export interface TotalsView {
  revenue: bigint;
  expenditure: bigint;
  balance: bigint;
  revenueActual: bigint;
  expenditureActual: bigint;
  revenuePercent: number | null;
  expenditurePercent: number | null;
  revenuePerResident: bigint | null;
  expenditurePerResident: bigint | null;
}

/**
 * The read side: a fixed number of set-based statements whatever the number of lines or versions
 * (one for lines with classification names, one for monthly actuals per budget), so the public
 * page and the resolvers batch through DataLoaders without N+1.
 */
@Injectable()
export class BudgetViewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async linesOfVersions(versionIds: readonly string[]): Promise<Map<string, LineView[]>> {
    const rows: any[] = await this.db.query(
      `WITH vc AS (SELECT v.id, u.country FROM budget_versions v JOIN budgets b ON b.id = v.budget_id
                     JOIN communities c ON c.id = b.community_id JOIN territorial_units u ON u.id = c.unit_id WHERE v.id = ANY($1))
       SELECT l.id, l.version_id, l.line_key, l.direction, l.economic_code, l.functional_code, l.names, l.amount::text AS amount, l.position, vc.country
         FROM budget_lines l JOIN vc ON vc.id = l.version_id
        ORDER BY l.version_id, l.position, l.economic_code`,
      [[...versionIds]],
    );
    // Classification names in one small statement (a join per line makes the planner loop).
    const countries = [...new Set(rows.map((r) => r.country as string))];
    const codes = [...new Set(rows.flatMap((r) => [r.economic_code, r.functional_code].filter(Boolean) as string[]))];
    const names = new Map<string, LocalizedText>();
    if (codes.length) {
      const cls: { country: string; scheme: string; code: string; names: LocalizedText }[] = await this.db.query(
        'SELECT country, scheme, code, names FROM budget_classifications WHERE country = ANY($1) AND code = ANY($2)',
        [countries, codes],
      );
      for (const c of cls) names.set(`${c.country}|${c.scheme}|${c.code}`, c.names);
    }
    const out = new Map<string, LineView[]>(versionIds.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.version_id)!.push({
        id: r.id,
        versionId: r.version_id,
        lineKey: r.line_key,
        direction: r.direction as Direction,
        economicCode: r.economic_code,
        functionalCode: r.functional_code,
        names: r.names ?? {},
        amount: BigInt(r.amount),
        position: r.position,
        economicNames: names.get(`${r.country}|ECONOMIC|${r.economic_code}`) ?? null,
        functionalNames: r.functional_code ? names.get(`${r.country}|FUNCTIONAL|${r.functional_code}`) ?? null : null,
      });
    }
    return out;
  }

  /** From the monthly summary kept by triggers (at most lines × 12 rows per budget). */
  async monthlyActualsOfBudgets(budgetIds: readonly string[]): Promise<Map<string, MonthlyActual[]>> {
    const rows: { budget_id: string; line_key: string; month: number; amount: string }[] = await this.db.query(
      `SELECT budget_id, line_key, month, amount::text AS amount FROM budget_actuals_monthly WHERE budget_id = ANY($1) AND records > 0`,
      [[...budgetIds]],
    );
    const out = new Map<string, MonthlyActual[]>(budgetIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.budget_id)!.push({ lineKey: r.line_key, month: r.month, amount: BigInt(r.amount) });
    return out;
  }

  async versionsOfBudgets(budgetIds: readonly string[]): Promise<Map<string, BudgetVersion[]>> {
    const rows = await this.db.getRepository(BudgetVersion).createQueryBuilder('v').where('v.budget_id = ANY(:ids)', { ids: [...budgetIds] }).orderBy('v.number', 'ASC').getMany();
    const out = new Map<string, BudgetVersion[]>(budgetIds.map((id) => [id, []]));
    for (const v of rows) out.get(v.budgetId)!.push(v);
    return out;
  }

  budgetsByIds(ids: readonly string[]): Promise<Budget[]> {
    return this.db.getRepository(Budget).createQueryBuilder('b').where('b.id = ANY(:ids)', { ids: [...ids] }).getMany();
  }

  execution(lines: readonly LineView[], actuals: readonly MonthlyActual[]): Map<string, LineExecution> {
    return new Map(planVsActual(lines, actuals).map((e) => [e.lineKey, e]));
  }

  totals(lines: readonly LineView[], exec: Map<string, LineExecution>, population: number | null): TotalsView {
    const t = computeTotals(lines);
    let revenueActual = 0n;
    let expenditureActual = 0n;
    for (const l of lines) {
      const a = exec.get(l.lineKey)?.actual ?? 0n;
      if (l.direction === 'REVENUE') revenueActual += a;
      else expenditureActual += a;
    }
    return {
      ...t,
      revenueActual,
      expenditureActual,
      revenuePercent: percentOf(revenueActual, t.revenue),
      expenditurePercent: percentOf(expenditureActual, t.expenditure),
      revenuePerResident: perResident(t.revenue, population),
      expenditurePerResident: perResident(t.expenditure, population),
    };
  }

  async flags(budget: Budget, version: BudgetVersion, asOf: string): Promise<Flag[]> {
    const lines = (await this.linesOfVersions([version.id])).get(version.id)!;
    const actuals = (await this.monthlyActualsOfBudgets([budget.id])).get(budget.id)!;
    const undocumented: { id: string; line_key: string; amount: string }[] = await this.db.query(
      `SELECT id, line_key, amount::text AS amount FROM budget_transactions
        WHERE budget_id = $1 AND kind = 'SPENDING' AND coalesce(btrim(document_number), '') = '' AND attachments = '[]'::jsonb
        ORDER BY occurred_on, id LIMIT 1000`,
      [budget.id],
    );
    return computeFlags({
      fiscalYear: budget.fiscalYear,
      asOf,
      lines,
      execution: planVsActual(lines, actuals),
      undocumented: undocumented.map((u) => ({ id: u.id, lineKey: u.line_key, amount: BigInt(u.amount) })),
    });
  }

  /** Budgets of the other aiyl okrugs of the same raion for the same year, totals of their latest public version: one statement. */
  async neighbours(budget: Budget): Promise<Array<{ budgetId: string; communityId: string; unitNames: LocalizedText; unitCode: string; population: number | null; revenue: bigint; expenditure: bigint; isSelf: boolean }>> {
    const rows: any[] = await this.db.query(
      `WITH me AS (SELECT u.parent_id FROM communities c JOIN territorial_units u ON u.id = c.unit_id WHERE c.id = $1),
            pv AS (SELECT DISTINCT ON (v.budget_id) v.budget_id, v.id FROM budget_versions v
                    WHERE v.status IN ('PUBLISHED', 'APPROVED') ORDER BY v.budget_id, v.number DESC)
       SELECT b.id AS budget_id, b.community_id, u.names AS unit_names, u.code AS unit_code, coalesce(b.population, u.population) AS population,
              coalesce(sum(l.amount) FILTER (WHERE l.direction = 'REVENUE'), 0)::text AS revenue,
              coalesce(sum(l.amount) FILTER (WHERE l.direction = 'EXPENDITURE'), 0)::text AS expenditure
         FROM budgets b
         JOIN communities c ON c.id = b.community_id
         JOIN territorial_units u ON u.id = c.unit_id
         JOIN pv ON pv.budget_id = b.id
         LEFT JOIN budget_lines l ON l.version_id = pv.id
        WHERE b.fiscal_year = $2 AND u.parent_id = (SELECT parent_id FROM me)
        GROUP BY b.id, u.id
        ORDER BY u.names->>'ru'
        LIMIT 100`,
      [budget.communityId, budget.fiscalYear],
    );
    return rows.map((r) => ({
      budgetId: r.budget_id,
      communityId: r.community_id,
      unitNames: r.unit_names,
      unitCode: r.unit_code,
      population: r.population,
      revenue: BigInt(r.revenue),
      expenditure: BigInt(r.expenditure),
      isSelf: r.budget_id === budget.id,
    }));
  }

  async unitPopulation(communityId: string): Promise<number | null> {
    const r: { population: number | null }[] = await this.db.query('SELECT u.population FROM communities c JOIN territorial_units u ON u.id = c.unit_id WHERE c.id = $1', [communityId]);
    return r[0]?.population ?? null;
  }
}
