import { MONTHS, MonthlyActual, PlanLine } from './types';
import { computeTotals, percentOf, perResident, Totals } from './totals';

export interface LineExecution {
  lineKey: string;
  planned: bigint;
  actual: bigint;
  /** planned − actual (negative when overspent or over-collected). */
  remaining: bigint;
  percent: number | null;
  /** Index 0 = January. */
  monthly: bigint[];
  /** Running total by month end. */
  cumulative: bigint[];
}

export function planVsActual(lines: ReadonlyArray<Pick<PlanLine, 'lineKey' | 'amount'>>, actuals: ReadonlyArray<MonthlyActual>): LineExecution[] {
  const byLine = new Map<string, bigint[]>();
  for (const a of actuals) {
    if (a.month < 1 || a.month > 12) continue;
    const m = byLine.get(a.lineKey) ?? MONTHS.map(() => 0n);
    m[a.month - 1] += a.amount;
    byLine.set(a.lineKey, m);
  }
  return lines.map((l) => {
    const monthly = byLine.get(l.lineKey) ?? MONTHS.map(() => 0n);
    let run = 0n;
    const cumulative = monthly.map((v) => (run += v));
    const actual = run;
    return { lineKey: l.lineKey, planned: l.amount, actual, remaining: l.amount - actual, percent: percentOf(actual, l.amount), monthly, cumulative };
  });
}

/** Plan vs actual of each line, by line key. */
export function executionByLine(lines: ReadonlyArray<Pick<PlanLine, 'lineKey' | 'amount'>>, actuals: ReadonlyArray<MonthlyActual>): Map<string, LineExecution> {
  return new Map(planVsActual(lines, actuals).map((e) => [e.lineKey, e]));
}

/** A version's totals with what was executed against them, as percentages and per resident. */
export interface ExecutionTotals extends Totals {
  revenueActual: bigint;
  expenditureActual: bigint;
  revenuePercent: number | null;
  expenditurePercent: number | null;
  revenuePerResident: bigint | null;
  expenditurePerResident: bigint | null;
}

export function executionTotals(lines: ReadonlyArray<Pick<PlanLine, 'lineKey' | 'direction' | 'amount'>>, exec: ReadonlyMap<string, Pick<LineExecution, 'actual'>>, population: number | null): ExecutionTotals {
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

export type FlagKind = 'OVERSPENT' | 'NO_DOCUMENT' | 'NO_MOVEMENT_BY_MID_YEAR';

export interface Flag {
  kind: FlagKind;
  lineKey: string | null;
  transactionId: string | null;
  amount: bigint | null;
}

export interface FlagInput {
  fiscalYear: number;
  /** ISO date the flags are computed for (usually today). */
  asOf: string;
  lines: ReadonlyArray<Pick<PlanLine, 'lineKey' | 'direction' | 'amount'>>;
  execution: ReadonlyArray<LineExecution>;
  /** Spending records lacking a document number and attachments. */
  undocumented: ReadonlyArray<{ id: string; lineKey: string; amount: bigint }>;
}

/**
 * What the budget group must look at:
 * - OVERSPENT: an expenditure line whose spending exceeds its plan;
 * - NO_DOCUMENT: a spending record with neither a document number nor an attachment;
 * - NO_MOVEMENT_BY_MID_YEAR: from 1 July of the fiscal year, a planned line with nothing recorded
 *   in January–June.
 */
export function computeFlags(input: FlagInput): Flag[] {
  const flags: Flag[] = [];
  const exec = new Map(input.execution.map((e) => [e.lineKey, e]));
  const midYearPassed = input.asOf >= `${input.fiscalYear}-07-01`;
  for (const l of input.lines) {
    const e = exec.get(l.lineKey);
    const actual = e?.actual ?? 0n;
    if (l.direction === 'EXPENDITURE' && actual > l.amount) {
      flags.push({ kind: 'OVERSPENT', lineKey: l.lineKey, transactionId: null, amount: actual - l.amount });
    }
    const firstHalf = e ? e.cumulative[5] : 0n;
    if (midYearPassed && l.amount > 0n && firstHalf === 0n) {
      flags.push({ kind: 'NO_MOVEMENT_BY_MID_YEAR', lineKey: l.lineKey, transactionId: null, amount: null });
    }
  }
  for (const u of input.undocumented) flags.push({ kind: 'NO_DOCUMENT', lineKey: u.lineKey, transactionId: u.id, amount: u.amount });
  return flags;
}
