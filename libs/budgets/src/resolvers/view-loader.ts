import { RequestContext } from '@ashar/graphql';
import type { LineExecution } from '../domain/execution';
import { diffVersions, VersionDiff } from '../domain/version-diff';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';
import { BudgetViewService, LineView, TotalsView } from '../services/budget-view.service';
import { BudgetLineType, LineChangeType, TotalsType } from '../dtos';
import { perResident } from '../domain/totals';

export interface VersionView {
  budget: Budget;
  population: number | null;
  lines: LineView[];
  exec: Map<string, LineExecution>;
  totals: TotalsView;
}

/** Everything a version's fields need, batched per request: budgets, lines, actuals in three statements. */
export function versionView(ctx: RequestContext, views: BudgetViewService, versionId: string, budgetId: string): Promise<VersionView> {
  return ctx.loaders
    .get<string, VersionView>('budgets.versionView', async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const budgetIds = [...new Set(pairs.map((p) => p[1]))];
      const [budgets, lines, actuals] = await Promise.all([views.budgetsByIds(budgetIds), views.linesOfVersions(pairs.map((p) => p[0])), views.monthlyActualsOfBudgets(budgetIds)]);
      const byId = new Map(budgets.map((b) => [b.id, b]));
      return pairs.map(([vid, bid]) => {
        const budget = byId.get(bid)!;
        const l = lines.get(vid) ?? [];
        const exec = views.execution(l, actuals.get(bid) ?? []);
        const population = budget.population;
        return { budget, population, lines: l, exec, totals: views.totals(l, exec, population) };
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

const s = (v: bigint | null) => (v === null ? null : v.toString());

export function toTotalsType(t: TotalsView): TotalsType {
  return {
    revenue: t.revenue.toString(),
    expenditure: t.expenditure.toString(),
    balance: t.balance.toString(),
    revenueActual: t.revenueActual.toString(),
    expenditureActual: t.expenditureActual.toString(),
    revenuePercent: t.revenuePercent,
    expenditurePercent: t.expenditurePercent,
    revenuePerResident: s(t.revenuePerResident),
    expenditurePerResident: s(t.expenditurePerResident),
  };
}

export function toLineType(l: LineView, exec: Map<string, LineExecution>, population: number | null): BudgetLineType {
  const e = exec.get(l.lineKey);
  const names = { ...(l.economicNames ?? {}), ...Object.fromEntries(Object.entries(l.names ?? {}).filter(([, v]) => v)) };
  return {
    id: l.id,
    lineKey: l.lineKey,
    direction: l.direction as never,
    economicCode: l.economicCode,
    functionalCode: l.functionalCode,
    names,
    functionalNames: l.functionalNames,
    amount: l.amount.toString(),
    actual: (e?.actual ?? 0n).toString(),
    percent: e?.percent ?? null,
    monthly: (e?.monthly ?? Array(12).fill(0n)).map((v) => v.toString()),
    perResident: s(perResident(l.amount, population)),
    position: l.position,
  };
}

export function toChanges(d: VersionDiff): LineChangeType[] {
  return d.changes.map((c) => ({ ...c, kind: c.kind as never, direction: c.direction as never, before: s(c.before), after: s(c.after), delta: c.delta.toString(), fields: c.fields }));
}

export { diffVersions };
