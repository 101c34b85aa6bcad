import { Direction, PlanLine } from './types';

export interface Totals {
  revenue: bigint;
  expenditure: bigint;
  /** revenue − expenditure: positive is a surplus, negative a deficit. */
  balance: bigint;
}

/** Totals are always computed from lines, never typed. */
export function computeTotals(lines: ReadonlyArray<Pick<PlanLine, 'direction' | 'amount'>>): Totals {
  let revenue = 0n;
  let expenditure = 0n;
  for (const l of lines) {
    if (l.direction === 'REVENUE') revenue += l.amount;
    else expenditure += l.amount;
  }
  return { revenue, expenditure, balance: revenue - expenditure };
}

export interface ClassificationNode {
  code: string;
  parentCode: string | null;
}

export interface RollupRow {
  code: string;
  direction: Direction;
  amount: bigint;
}

/**
 * Sums line amounts up the classification tree: every ancestor of a line's code gets the line's
 * amount. Unknown parents stop the climb (the code itself is always counted).
 */
export function rollUp(lines: ReadonlyArray<Pick<PlanLine, 'direction' | 'amount' | 'economicCode'>>, tree: ReadonlyArray<ClassificationNode>): RollupRow[] {
  const parent = new Map(tree.map((n) => [n.code, n.parentCode]));
  const sums = new Map<string, RollupRow>();
  for (const l of lines) {
    let code: string | null | undefined = l.economicCode;
    const seen = new Set<string>();
    while (code && !seen.has(code)) {
      seen.add(code);
      const key = `${l.direction}|${code}`;
      const row = sums.get(key) ?? { code, direction: l.direction, amount: 0n };
      row.amount += l.amount;
      sums.set(key, row);
      code = parent.get(code) ?? null;
    }
  }
  return [...sums.values()].sort((a, b) => (a.direction === b.direction ? a.code.localeCompare(b.code) : a.direction === 'REVENUE' ? -1 : 1));
}

/** Whole percent (rounded down) of part in whole, exact on bigints; null when whole is 0. */
export function percentOf(part: bigint, whole: bigint): number | null {
  if (whole === 0n) return null;
  return Number((part * 10000n) / whole) / 100;
}

/** Per-resident amount in minor units, rounded half up; null without a population. */
export function perResident(amount: bigint, population: number | null | undefined): bigint | null {
  if (!population || population <= 0) return null;
  const p = BigInt(population);
  return (amount * 2n + p) / (2n * p);
}
