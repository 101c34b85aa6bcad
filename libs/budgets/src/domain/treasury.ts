import { Direction, MonthlyActual, PlanLine } from './types';

/**
 * Execution from the treasury's reports (dated snapshots) next to execution from the payments entered one
 * by one, and the quarterly view built from both. Pure: minor units as bigint.
 *
 * The two are never added together. Which one the public page calls "executed":
 * - the newest snapshot's cumulative actual, as of its date, when the budget has a snapshot (the
 *   treasury's figure is the official one, and it counts what was paid outside this platform);
 * - else the sum of the payments entered, as of today.
 * Both are always given, so a reader sees the difference.
 */

export interface TreasuryLineFigures {
  lineKey: string | null;
  direction: Direction;
  economicCode: string;
  functionalCode: string | null;
  isGroup: boolean;
  approvedPlan: bigint | null;
  revisedPlan: bigint | null;
  cumulativeActual: bigint;
}

export interface TreasurySnapshotFigures {
  id: string;
  asOf: string;
  lines: readonly TreasuryLineFigures[];
}

/**
 * Which codes of a report are groups: a code that is the start of another code of the same side in the
 * same report (11 above 111 above 1111). Their figures repeat their children's, so totals leave them out.
 */
export function groupCodes(rows: ReadonlyArray<{ direction: Direction; economicCode: string; functionalCode: string | null }>): Set<number> {
  const groups = new Set<number>();
  const codes = rows.map((r) => `${r.direction}|${r.economicCode}`);
  const sorted = [...new Set(codes)].sort();
  const isGroup = new Set<string>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [d, c] = sorted[i].split('|');
    // Sorted: the codes that start with c follow c directly.
    for (let j = i + 1; j < sorted.length; j++) {
      const [d2, c2] = sorted[j].split('|');
      if (d2 !== d || !c2.startsWith(c)) break;
      if (c2.length > c.length) {
        isGroup.add(sorted[i]);
        break;
      }
    }
  }
  codes.forEach((k, i) => {
    if (isGroup.has(k)) groups.add(i);
  });
  return groups;
}

export interface SideFigures {
  approvedPlan: bigint | null;
  revisedPlan: bigint | null;
  actual: bigint;
}

/** A snapshot's totals per side over the codes that are not groups (a plan is null when no row gives one). */
export function snapshotTotals(s: Pick<TreasurySnapshotFigures, 'lines'>): Record<Direction, SideFigures> {
  const out: Record<Direction, SideFigures> = { REVENUE: { approvedPlan: null, revisedPlan: null, actual: 0n }, EXPENDITURE: { approvedPlan: null, revisedPlan: null, actual: 0n } };
  for (const l of s.lines) {
    if (l.isGroup) continue;
    const t = out[l.direction];
    t.actual += l.cumulativeActual;
    if (l.approvedPlan !== null) t.approvedPlan = (t.approvedPlan ?? 0n) + l.approvedPlan;
    if (l.revisedPlan !== null) t.revisedPlan = (t.revisedPlan ?? 0n) + l.revisedPlan;
  }
  return out;
}

/** The newest snapshot (by as-of date), or null. */
export function newestSnapshot<S extends { asOf: string }>(snapshots: readonly S[]): S | null {
  let best: S | null = null;
  for (const s of snapshots) if (!best || s.asOf > best.asOf) best = s;
  return best;
}

/**
 * The quarter (1–4) a report as of this date closes or falls in. A report "на 01.04" (the first day after
 * a quarter) is the quarter before it, as treasuries date them; 1 January of the next year is Q4; 1 January
 * of the fiscal year is no quarter (0).
 */
export function quarterOfAsOf(asOf: string, fiscalYear: number): number {
  const [y, m, d] = asOf.split('-').map(Number);
  if (y > fiscalYear) return 4;
  if (m === 1 && d === 1) return 0;
  if (d === 1 && (m === 4 || m === 7 || m === 10)) return (m - 1) / 3;
  return Math.ceil(m / 3);
}

export type QuarterSource = 'TREASURY' | 'PAYMENTS';

export interface QuarterFigures {
  quarter: number;
  /** A quarter of the year's plan (the budget has no quarterly allocation; Q4 takes the remainder, so the four add up). */
  planned: bigint;
  /** The treasury's actual in the quarter (its cumulative minus the one of the newest earlier report), null without a report in it. */
  treasuryActual: bigint | null;
  /** The as-of date of the report it comes from. */
  treasuryAsOf: string | null;
  /** The payments entered with a date in the quarter. */
  paymentsActual: bigint;
  /** The treasury's figure when there is one for the quarter, else the payments'. */
  actual: bigint;
  source: QuarterSource;
}

export function quarterShares(amount: bigint): bigint[] {
  const q = amount / 4n;
  return [q, q, q, amount - 3n * q];
}

type Keyed = { lineKey: string | null; economicCode: string; functionalCode: string | null };
const codesKey = (l: { economicCode: string; functionalCode: string | null }) => `${l.economicCode}|${l.functionalCode ?? ''}`;

/** A budget line's row in a snapshot: by line key, else by its codes. */
function findIn<T extends Keyed>(rows: readonly T[], line: Pick<PlanLine, 'lineKey' | 'economicCode' | 'functionalCode'>): T | undefined {
  return rows.find((r) => r.lineKey === line.lineKey) ?? rows.find((r) => r.lineKey === null && codesKey(r) === codesKey(line));
}

/**
 * Q1–Q4 of one series: `cumulativeAt(s)` is the figure of a snapshot (null: the snapshot says nothing of it);
 * `paymentsIn(q)` the payments entered in the quarter; `plan` the year's plan.
 */
function quarters(fiscalYear: number, snapshots: readonly TreasurySnapshotFigures[], cumulativeAt: (s: TreasurySnapshotFigures) => bigint | null, paymentsIn: (q: number) => bigint, plan: bigint): QuarterFigures[] {
  const byQuarter = new Map<number, TreasurySnapshotFigures>();
  for (const s of snapshots) {
    const q = quarterOfAsOf(s.asOf, fiscalYear);
    const seen = byQuarter.get(q);
    if (q >= 1 && (!seen || s.asOf > seen.asOf)) byQuarter.set(q, s);
  }
  const shares = quarterShares(plan);
  let before = 0n;
  return [1, 2, 3, 4].map((q) => {
    const s = byQuarter.get(q);
    const cumulative = s ? (cumulativeAt(s) ?? 0n) : null;
    const treasuryActual = cumulative === null ? null : cumulative - before;
    if (cumulative !== null) before = cumulative;
    const paymentsActual = paymentsIn(q);
    return { quarter: q, planned: shares[q - 1], treasuryActual, treasuryAsOf: s?.asOf ?? null, paymentsActual, actual: treasuryActual ?? paymentsActual, source: treasuryActual === null ? 'PAYMENTS' : 'TREASURY' };
  });
}

export interface QuarterlyLine {
  lineKey: string;
  direction: Direction;
  economicCode: string;
  functionalCode: string | null;
  planned: bigint;
  quarters: QuarterFigures[];
}

export interface QuarterlyView {
  lines: QuarterlyLine[];
  sides: Array<{ direction: Direction; planned: bigint; quarters: QuarterFigures[] }>;
  /** The newest snapshot's totals (null without one) and the payments' totals: the two "executed" figures. */
  treasury: { snapshotId: string; asOf: string; totals: Record<Direction, SideFigures> } | null;
  payments: Record<Direction, bigint>;
  /** What the public page calls executed (see the rule above) and as of when (null: today). */
  executedSource: QuarterSource;
  executedAsOf: string | null;
}

/**
 * The quarterly view of a version's lines. Per line, the treasury figures are the line's row in each report
 * (by line key, else by codes; a report without the line counts 0 for it). Per side, the treasury figures
 * are the reports' totals (every code that is not a group, also codes without a budget line).
 */
export function quarterlyView(fiscalYear: number, lines: ReadonlyArray<Pick<PlanLine, 'lineKey' | 'direction' | 'economicCode' | 'functionalCode' | 'amount'>>, actuals: readonly MonthlyActual[], snapshots: readonly TreasurySnapshotFigures[]): QuarterlyView {
  const paid = new Map<string, bigint[]>();
  for (const a of actuals) {
    const q = Math.ceil(a.month / 3);
    const arr = paid.get(a.lineKey) ?? [0n, 0n, 0n, 0n, 0n];
    arr[q] += a.amount;
    paid.set(a.lineKey, arr);
  }
  const out: QuarterlyLine[] = lines.map((l) => ({
    lineKey: l.lineKey,
    direction: l.direction,
    economicCode: l.economicCode,
    functionalCode: l.functionalCode,
    planned: l.amount,
    quarters: quarters(fiscalYear, snapshots, (s) => findIn(s.lines, l)?.cumulativeActual ?? 0n, (q) => paid.get(l.lineKey)?.[q] ?? 0n, l.amount),
  }));
  const totalsOf = new Map(snapshots.map((s) => [s.id, snapshotTotals(s)]));
  const sides = (['REVENUE', 'EXPENDITURE'] as const).map((direction) => {
    const own = out.filter((l) => l.direction === direction);
    const planned = own.reduce((a, l) => a + l.planned, 0n);
    const paymentsIn = (q: number) => own.reduce((a, l) => a + (paid.get(l.lineKey)?.[q] ?? 0n), 0n);
    return { direction, planned, quarters: quarters(fiscalYear, snapshots, (s) => totalsOf.get(s.id)![direction].actual, paymentsIn, planned) };
  });
  const payments = { REVENUE: 0n, EXPENDITURE: 0n } as Record<Direction, bigint>;
  for (const l of out) payments[l.direction] += (paid.get(l.lineKey) ?? []).reduce((a, b) => a + b, 0n);
  const newest = newestSnapshot(snapshots);
  return {
    lines: out,
    sides,
    treasury: newest ? { snapshotId: newest.id, asOf: newest.asOf, totals: totalsOf.get(newest.id)! } : null,
    payments,
    executedSource: newest ? 'TREASURY' : 'PAYMENTS',
    executedAsOf: newest?.asOf ?? null,
  };
}

/** What the FDP's `executed` measure carries per line: the newest snapshot's figure as of its date, else the payments. */
export function executedPerLine(lines: ReadonlyArray<Pick<PlanLine, 'lineKey' | 'economicCode' | 'functionalCode'>>, payments: ReadonlyMap<string, bigint>, snapshots: readonly TreasurySnapshotFigures[]): { source: QuarterSource; asOf: string | null; executed: Map<string, bigint> } {
  const newest = newestSnapshot(snapshots);
  if (!newest) return { source: 'PAYMENTS', asOf: null, executed: new Map(lines.map((l) => [l.lineKey, payments.get(l.lineKey) ?? 0n])) };
  return { source: 'TREASURY', asOf: newest.asOf, executed: new Map(lines.map((l) => [l.lineKey, findIn(newest.lines, l)?.cumulativeActual ?? 0n])) };
}
