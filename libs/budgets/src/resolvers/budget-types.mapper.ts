import { budgetFundsOf, type RevenueSources } from '../domain/budget-model';
import type { Flag, LineExecution } from '../domain/execution';
import { perResident } from '../domain/totals';
import type { VersionDiff } from '../domain/version-diff';
import { isPublicStatus } from '../domain/workflow';
import { BudgetLineType, ExportLinksType, FlagType, LineChangeType, NeighbourBudgetType, QuarterlyViewType, QuarterType, RevenueSourcesType, TotalsType, TransactionType, TreasurySnapshotType, VersionComparisonType } from '../dtos';
import { QuarterFigures, QuarterlyView, SideFigures, snapshotTotals, TreasurySnapshotFigures } from '../domain/treasury';
import { BudgetTransaction } from '../entities/budget-transaction.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import type { LineView, NeighbourView, TotalsView } from '../services/budget-view.service';

/** From the service's views to the GraphQL types: money as decimal strings of minor units, nothing computed but per-resident figures. */
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
    revenueBudgetFunds: t.model.funds.revenue.budgetFunds.toString(),
    revenueSpecialFunds: t.model.funds.revenue.specialFunds.toString(),
    expenditureBudgetFunds: t.model.funds.expenditure.budgetFunds.toString(),
    expenditureSpecialFunds: t.model.funds.expenditure.specialFunds.toString(),
    revenueSources: toRevenueSourcesType(t.model.revenueSources),
    forecasts: t.model.forecasts.map((f) => ({ ...f, revenue: f.revenue.toString(), expenditure: f.expenditure.toString(), balance: f.balance.toString() })),
  };
}

function toRevenueSourcesType(r: RevenueSources): RevenueSourcesType {
  return { own: r.own.toString(), equalisationGrant: r.equalisationGrant.toString(), categoricalGrants: r.categoricalGrants.toString(), otherTransfers: r.otherTransfers.toString(), transfers: r.transfers.toString(), ownPercent: r.ownPercent };
}

/** A comparison shows plan totals only (no execution, no population). */
function planTotalsType(x: { revenue: bigint; expenditure: bigint; balance: bigint }): TotalsType {
  return { revenue: x.revenue.toString(), expenditure: x.expenditure.toString(), balance: x.balance.toString(), revenueActual: '0', expenditureActual: '0', revenuePercent: null, expenditurePercent: null, revenuePerResident: null, expenditurePerResident: null, revenueBudgetFunds: null, revenueSpecialFunds: null, expenditureBudgetFunds: null, expenditureSpecialFunds: null, revenueSources: null, forecasts: null };
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
    budgetFunds: budgetFundsOf(l).toString(),
    specialFunds: (l.specialFunds ?? 0n).toString(),
    forecastYear1: s(l.forecastYear1 ?? null),
    forecastYear2: s(l.forecastYear2 ?? null),
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

export function toComparisonType(c: { from: BudgetVersion; to: BudgetVersion; diff: VersionDiff }): VersionComparisonType {
  return { from: c.from, to: c.to, changes: toChanges(c.diff), beforeTotals: planTotalsType(c.diff.before), afterTotals: planTotalsType(c.diff.after) } as VersionComparisonType;
}

export function toNeighbourType(r: NeighbourView): NeighbourBudgetType {
  return { ...r, revenue: r.revenue.toString(), expenditure: r.expenditure.toString(), expenditurePerResident: perResident(r.expenditure, r.population)?.toString() ?? null } as NeighbourBudgetType;
}

export function toFlagType(f: Flag): FlagType {
  return { ...f, kind: f.kind as never, amount: f.amount?.toString() ?? null } as FlagType;
}

export function toTransactionType(t: BudgetTransaction): TransactionType {
  return { ...t, kind: t.kind as never, amount: t.amount.toString() };
}

/** Stable public URLs of a version: public versions only. */
export function exportLinksOf(publicUrl: string, v: Pick<BudgetVersion, 'budgetId' | 'number' | 'status'>): ExportLinksType | null {
  if (!isPublicStatus(v.status)) return null;
  const base = `${publicUrl}/api/public/budgets/${v.budgetId}/versions/${v.number}`;
  return { csv: `${base}/budget.csv`, csvExcel: `${base}/budget-excel.csv`, xlsx: `${base}/budget.xlsx`, json: `${base}/budget.json`, datapackage: `${base}/fdp/datapackage.json` };
}

const str = s;

export function toQuarterType(q: QuarterFigures): QuarterType {
  return { quarter: q.quarter, planned: q.planned.toString(), treasuryActual: str(q.treasuryActual), treasuryAsOf: q.treasuryAsOf, paymentsActual: q.paymentsActual.toString(), actual: q.actual.toString(), source: q.source };
}

export function toTreasurySnapshotType(s: { id: string; asOf: string; lines: TreasurySnapshotFigures['lines']; lineCount?: number }): TreasurySnapshotType {
  const t = snapshotTotals(s);
  const side = (x: SideFigures) => ({ approvedPlan: str(x.approvedPlan), revisedPlan: str(x.revisedPlan), actual: x.actual.toString() });
  return { id: s.id, asOf: s.asOf, lineCount: s.lineCount ?? s.lines.length, revenue: side(t.REVENUE), expenditure: side(t.EXPENDITURE) };
}

export function toQuarterlyType(v: QuarterlyView, newest: TreasurySnapshotFigures | null): QuarterlyViewType {
  return {
    sides: v.sides.map((s) => ({ direction: s.direction as never, planned: s.planned.toString(), quarters: s.quarters.map(toQuarterType) })),
    lines: v.lines.map((l) => ({ lineKey: l.lineKey, direction: l.direction as never, economicCode: l.economicCode, functionalCode: l.functionalCode, planned: l.planned.toString(), quarters: l.quarters.map(toQuarterType) })),
    treasury: newest ? toTreasurySnapshotType(newest) : null,
    paymentsRevenue: v.payments.REVENUE.toString(),
    paymentsExpenditure: v.payments.EXPENDITURE.toString(),
    executedSource: v.executedSource,
    executedAsOf: v.executedAsOf,
  };
}
