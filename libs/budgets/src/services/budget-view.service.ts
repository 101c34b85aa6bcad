import type { LocalizedText } from '@ashar/i18n';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { budgetModelTotals, countryOfCurrency, BudgetModelTotals } from '../domain/budget-model';
import { TreasurySnapshotsRepository } from '../repositories/treasury-snapshots.repository';
import { computeFlags, ExecutionTotals, executionByLine, executionTotals, Flag, LineExecution, planVsActual } from '../domain/execution';
import { Direction, MonthlyActual, PlanLine } from '../domain/types';
import { CURRENT_PUBLIC_STATUSES } from '../domain/workflow';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';
import { BudgetClassificationsRepository } from '../repositories/budget-classifications.repository';
import { BudgetVersionsRepository } from '../repositories/budget-versions.repository';
import { BudgetViewQueries } from '../repositories/budget-views.queries';
import { BudgetsRepository } from '../repositories/budgets.repository';

export interface LineView extends PlanLine {
  specialFunds: bigint;
  forecastYear1: bigint | null;
  forecastYear2: bigint | null;
  id: string;
  versionId: string;
  position: number;
  economicNames: LocalizedText | null;
  functionalNames: LocalizedText | null;
}

export type TotalsView = ExecutionTotals & { model: BudgetModelTotals };

export interface NeighbourView {
  budgetId: string;
  communityId: string;
  unitNames: LocalizedText;
  unitCode: string;
  population: number | null;
  revenue: bigint;
  expenditure: bigint;
  isSelf: boolean;
}

const NEIGHBOURS_LIMIT = 100;

/**
 * Statuses whose lines never change again: the database freezes the lines of every version that is not a
 * draft (trg_budget_lines_frozen), and only SUBMITTED goes back to DRAFT (withdraw). So the lines of these
 * versions are the same in every process for ever; only the classification names joined to them can be
 * edited by a platform admin, hence the time to live.
 */
const FROZEN_STATUSES = new Set(['PUBLISHED', 'APPROVED', 'SUPERSEDED']);
export const FROZEN_LINES_TTL_MS = 5 * 60_000;
/** Bound on the lines kept (about 1 KB each): the public pages of a few hundred budgets. */
const FROZEN_LINES_MAX = 200_000;

/**
 * The lines of public versions, kept in this process: every visitor of a public budget page asks for the
 * same immutable lines, so reading, parsing and naming 2,000 of them on each request was most of the page's
 * time (bench/budgets). Oldest entries go first past the bound.
 */
export class FrozenLinesCache {
  private readonly entries = new Map<string, { lines: LineView[]; until: number }>();
  private size = 0;

  constructor(private readonly now: () => number = Date.now, private readonly maxLines = FROZEN_LINES_MAX) {}

  get(versionId: string): LineView[] | undefined {
    const e = this.entries.get(versionId);
    if (!e) return undefined;
    if (e.until > this.now()) return e.lines;
    this.drop(versionId);
    return undefined;
  }

  set(versionId: string, lines: LineView[]): void {
    if (lines.length > this.maxLines) return;
    this.drop(versionId);
    this.entries.set(versionId, { lines: Object.freeze(lines) as LineView[], until: this.now() + FROZEN_LINES_TTL_MS });
    this.size += lines.length;
    for (const [k, e] of this.entries) {
      if (this.size <= this.maxLines) break;
      this.entries.delete(k);
      this.size -= e.lines.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }

  private drop(versionId: string) {
    const e = this.entries.get(versionId);
    if (!e) return;
    this.entries.delete(versionId);
    this.size -= e.lines.length;
  }
}

/**
 * The read side: a fixed number of set-based statements whatever the number of lines or versions
 * (one for lines, one for their classification names, one for monthly actuals per budget), so the
 * public page and the resolvers batch through DataLoaders without N+1. Where a budget is (country,
 * unit, neighbours) comes from territory's CommunityService.
 */
@Injectable()
export class BudgetViewService {
  constructor(
    private readonly queries: BudgetViewQueries,
    private readonly budgets: BudgetsRepository,
    private readonly versions: BudgetVersionsRepository,
    private readonly classifications: BudgetClassificationsRepository,
    private readonly communities: CommunityService,
    private readonly treasury: TreasurySnapshotsRepository,
  ) {}

  /** The treasury snapshots of these budgets, oldest first, with their lines (read every request, like actuals). */
  treasuryOfBudgets(budgetIds: readonly string[]) {
    return this.treasury.ofBudgets(budgetIds);
  }

  /** Lines of public versions already read (immutable; see FrozenLinesCache). Callers treat the arrays as read-only. */
  readonly frozenLines = new FrozenLinesCache();

  async linesOfVersions(versionIds: readonly string[]): Promise<Map<string, LineView[]>> {
    const out = new Map<string, LineView[]>();
    const toRead: string[] = [];
    for (const id of versionIds) {
      const kept = this.frozenLines.get(id);
      if (kept) out.set(id, kept);
      else toRead.push(id);
    }
    if (!toRead.length) return out;
    const { lines, statuses } = await this.readLines(toRead);
    for (const [id, l] of lines) {
      out.set(id, l);
      if (FROZEN_STATUSES.has(statuses.get(id) ?? '')) this.frozenLines.set(id, l);
    }
    return out;
  }

  private async readLines(versionIds: readonly string[]): Promise<{ lines: Map<string, LineView[]>; statuses: Map<string, string> }> {
    const rows = await this.queries.linesOfVersions(versionIds);
    const statuses = new Map<string, string>();
    const countryOf = await this.communities.countriesOf([...new Set(rows.map((r) => r.community_id))]);
    const country = (communityId: string) => countryOf.get(communityId) ?? 'KG';
    const countries = [...new Set(rows.map((r) => country(r.community_id)))];
    const codes = [...new Set(rows.flatMap((r) => [r.economic_code, r.functional_code].filter(Boolean) as string[]))];
    const names = new Map<string, LocalizedText>();
    if (codes.length) {
      for (const c of await this.classifications.namesOf(countries, codes)) names.set(`${c.country}|${c.scheme}|${c.code}`, c.names);
    }
    const out = new Map<string, LineView[]>(versionIds.map((id) => [id, []]));
    for (const r of rows) {
      statuses.set(r.version_id, r.version_status);
      const cc = country(r.community_id);
      out.get(r.version_id)!.push({
        id: r.id,
        versionId: r.version_id,
        lineKey: r.line_key,
        direction: r.direction as Direction,
        economicCode: r.economic_code,
        functionalCode: r.functional_code,
        names: r.names ?? {},
        amount: BigInt(r.amount),
        specialFunds: BigInt(r.special_funds ?? '0'),
        forecastYear1: r.forecast_year1 === null || r.forecast_year1 === undefined ? null : BigInt(r.forecast_year1),
        forecastYear2: r.forecast_year2 === null || r.forecast_year2 === undefined ? null : BigInt(r.forecast_year2),
        position: r.position,
        economicNames: names.get(`${cc}|ECONOMIC|${r.economic_code}`) ?? null,
        functionalNames: r.functional_code ? names.get(`${cc}|FUNCTIONAL|${r.functional_code}`) ?? null : null,
      });
    }
    return { lines: out, statuses };
  }

  async monthlyActualsOfBudgets(budgetIds: readonly string[]): Promise<Map<string, MonthlyActual[]>> {
    const rows = await this.queries.monthlyActuals(budgetIds);
    const out = new Map<string, MonthlyActual[]>(budgetIds.map((id) => [id, []]));
    for (const r of rows) out.get(r.budget_id)!.push({ lineKey: r.line_key, month: r.month, amount: BigInt(r.amount) });
    return out;
  }

  async versionsOfBudgets(budgetIds: readonly string[]): Promise<Map<string, BudgetVersion[]>> {
    const rows = await this.versions.ofBudgets(budgetIds);
    const out = new Map<string, BudgetVersion[]>(budgetIds.map((id) => [id, []]));
    for (const v of rows) out.get(v.budgetId)!.push(v);
    return out;
  }

  budgetsByIds(ids: readonly string[]): Promise<Budget[]> {
    return this.budgets.byIds(ids);
  }

  execution(lines: readonly LineView[], actuals: readonly MonthlyActual[]): Map<string, LineExecution> {
    return executionByLine(lines, actuals);
  }

  /** Plan vs actual, plus the budget model's splits (funds, forecast years, own revenues vs transfers) for the budget's country. */
  totals(lines: readonly LineView[], exec: Map<string, LineExecution>, population: number | null, budget: Pick<Budget, 'fiscalYear' | 'currency'>): TotalsView {
    return { ...executionTotals(lines, exec, population), model: budgetModelTotals(lines, budget.fiscalYear, countryOfCurrency(budget.currency)) };
  }

  async flags(budget: Budget, version: BudgetVersion, asOf: string): Promise<Flag[]> {
    const lines = (await this.linesOfVersions([version.id])).get(version.id)!;
    const actuals = (await this.monthlyActualsOfBudgets([budget.id])).get(budget.id)!;
    const undocumented = await this.queries.undocumentedSpending(budget.id);
    return computeFlags({
      fiscalYear: budget.fiscalYear,
      asOf,
      lines,
      execution: planVsActual(lines, actuals),
      undocumented: undocumented.map((u) => ({ id: u.id, lineKey: u.line_key, amount: BigInt(u.amount) })),
    });
  }

  /**
   * Budgets of the other aiyl okrugs of the same raion for the same year, totals of their latest public
   * version: the raion's communities from territory (one statement), their totals here (one statement),
   * in territory's order (by Russian unit name).
   */
  async neighbours(budget: Budget): Promise<NeighbourView[]> {
    const places = await this.communities.neighboursOf(budget.communityId);
    if (!places.length) return [];
    const totals = await this.queries.latestPublicTotals([...new Set(places.map((p) => p.communityId))], budget.fiscalYear, CURRENT_PUBLIC_STATUSES);
    const byCommunity = new Map(totals.map((t) => [t.community_id, t]));
    const out: NeighbourView[] = [];
    for (const p of places) {
      const t = byCommunity.get(p.communityId);
      if (!t) continue;
      byCommunity.delete(p.communityId);
      out.push({
        budgetId: t.budget_id,
        communityId: t.community_id,
        unitNames: p.unitNames,
        unitCode: p.unitCode,
        population: t.population ?? p.unitPopulation,
        revenue: BigInt(t.revenue),
        expenditure: BigInt(t.expenditure),
        isSelf: t.budget_id === budget.id,
      });
      if (out.length === NEIGHBOURS_LIMIT) break;
    }
    return out;
  }
}
