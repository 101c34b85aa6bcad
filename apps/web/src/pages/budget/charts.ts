/** Pure helpers of the public page's charts (no React; unit-tested in charts.spec.ts). */
import { twelveMonths } from './execution';

export interface MonthPoint {
  /** Spent in this month, minor units. */
  spent: bigint;
  /** The plan's even monthly share (annual plan / 12), minor units. */
  planned: bigint;
}

/**
 * Spending against plan by month for the expenditure side: the plan has no monthly split, so each month's
 * planned amount is an even twelfth of the year's (what a resident compares a month's spending with).
 */
export function monthlySpending(lines: readonly { direction: string; amount: string; monthly?: readonly string[] | null }[]): MonthPoint[] {
  const spent = Array.from({ length: 12 }, () => BigInt(0));
  let plan = BigInt(0);
  for (const l of lines) {
    if (l.direction !== 'EXPENDITURE') continue;
    plan += BigInt(l.amount || '0');
    twelveMonths(l.monthly).forEach((m, i) => (spent[i] += BigInt(m)));
  }
  const planned = plan / BigInt(12);
  return spent.map((s) => ({ spent: s, planned }));
}

/** Bar heights as fractions of the tallest value (plan or spending), so both fit one scale. */
export function scaleOf(points: readonly MonthPoint[]): (v: bigint) => number {
  const max = points.reduce((m, p) => (p.spent > m ? p.spent : p.planned > m ? p.planned : m), BigInt(0));
  return (v) => (max > BigInt(0) ? Number((v * BigInt(10000)) / max) / 10000 : 0);
}
