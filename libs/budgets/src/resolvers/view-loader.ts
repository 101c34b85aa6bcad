import { byKeys, RequestContext } from '@ashar/graphql';
import type { LineExecution } from '../domain/execution';
import type { TreasurySnapshotFigures } from '../domain/treasury';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';
import { BudgetViewService, LineView, TotalsView } from '../services/budget-view.service';

export interface VersionView {
  budget: Budget;
  population: number | null;
  lines: LineView[];
  exec: Map<string, LineExecution>;
  totals: TotalsView;
}

/**
 * Budgets by id, one loader per request. The budget queries prime it with what they found, so a
 * page that starts from a budget does not read it again for its versions' fields.
 */
export function budgetLoader(ctx: RequestContext, views: BudgetViewService) {
  return ctx.loaders.get<string, Budget | null>('budgets.budgetById', async (ids) => byKeys(ids, await views.budgetsByIds(ids), (b) => b.id));
}

export function primeBudgets<B extends Budget | null | undefined>(ctx: RequestContext, views: BudgetViewService, found: B | B[]): B | B[] {
  const loader = budgetLoader(ctx, views);
  for (const b of Array.isArray(found) ? found : [found]) if (b) loader.prime(b.id, b);
  return found;
}

/** Everything a version's fields need, batched per request: budgets (usually primed), lines, actuals. */
export function versionView(ctx: RequestContext, views: BudgetViewService, versionId: string, budgetId: string): Promise<VersionView> {
  return ctx.loaders
    .get<string, VersionView>('budgets.versionView', async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const budgetIds = [...new Set(pairs.map((p) => p[1]))];
      const [budgets, lines, actuals] = await Promise.all([budgetLoader(ctx, views).loadMany(budgetIds), views.linesOfVersions(pairs.map((p) => p[0])), views.monthlyActualsOfBudgets(budgetIds)]);
      const byId = new Map(budgets.filter((b): b is Budget => !!b && !(b instanceof Error)).map((b) => [b.id, b]));
      return pairs.map(([vid, bid]) => {
        const budget = byId.get(bid)!;
        const l = lines.get(vid) ?? [];
        const exec = views.execution(l, actuals.get(bid) ?? []);
        const population = budget.population;
        return { budget, population, lines: l, exec, totals: views.totals(l, exec, population, budget) };
      });
    })
    .load(`${versionId}|${budgetId}`);
}

export function versionsOf(ctx: RequestContext, views: BudgetViewService, budgetId: string): Promise<BudgetVersion[]> {
  return ctx.loaders.get<string, BudgetVersion[]>('budgets.versionsByBudget', async (ids) => {
    const m = await views.versionsOfBudgets(ids);
    return ids.map((id) => m.get(id) ?? []);
  }).load(budgetId);
}

/** The treasury snapshots of a budget (oldest first, with their lines), batched per request. */
export function treasuryOf(ctx: RequestContext, views: BudgetViewService, budgetId: string): Promise<TreasurySnapshotFigures[]> {
  return ctx.loaders.get<string, TreasurySnapshotFigures[]>('budgets.treasuryByBudget', async (ids) => {
    const m = await views.treasuryOfBudgets(ids);
    return ids.map((id) => m.get(id) ?? []);
  }).load(budgetId);
}
