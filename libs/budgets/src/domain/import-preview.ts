import { formatMinorAsDecimal } from '@ashar/kernel';
import type { BudgetLineRecord, LedgerRecord } from './import-rows';

/**
 * What a preview says about the figures of a file before anything is written (pure): totals per side
 * and a warning when they are implausible next to a reference (the community's previous budget, or this
 * budget's plan for a ledger): 100 times more or less, as a thousandfold unit mistake (som / thousand som) is.
 */
export interface SideTotals {
  revenue: bigint;
  expenditure: bigint;
}

export interface PreviewWarning {
  key: string;
  params: Record<string, string | number>;
}

/** How far apart totals and reference may be before the preview warns. */
export const IMPLAUSIBLE_RATIO = 100n;

export function sideTotals(records: ReadonlyArray<LedgerRecord | BudgetLineRecord>): SideTotals {
  let revenue = 0n;
  let expenditure = 0n;
  for (const r of records) {
    const revenueSide = 'direction' in r ? r.direction === 'REVENUE' : r.kind === 'RECEIPT';
    if (revenueSide) revenue += r.amount;
    else expenditure += r.amount;
  }
  return { revenue, expenditure };
}

/** A warning when the file's total is ≥ 100× or ≤ 1/100 of the reference's (both non-zero). */
export function plausibilityWarnings(totals: SideTotals, reference: SideTotals | null): PreviewWarning[] {
  if (!reference) return [];
  const total = totals.revenue + totals.expenditure;
  const ref = reference.revenue + reference.expenditure;
  if (total <= 0n || ref <= 0n) return [];
  const previous = formatMinorAsDecimal(ref);
  if (total >= ref * IMPLAUSIBLE_RATIO) return [{ key: 'budgets.import.warning.muchLarger', params: { ratio: String(total / ref), previous } }];
  if (total * IMPLAUSIBLE_RATIO <= ref) return [{ key: 'budgets.import.warning.muchSmaller', params: { ratio: String(ref / total), previous } }];
  return [];
}

/** A neighbour's budget as the per-resident check sees it. */
export interface NeighbourTotals {
  population: number | null;
  revenue: bigint;
  expenditure: bigint;
}

/**
 * A warning when the file's total per resident is ≥ 100× or ≤ 1/100 of the median per resident of the
 * neighbours' budgets (same raion, same year, public), when the population is known on both sides.
 * Per resident in minor units, integer division (no floats).
 */
export function perResidentWarnings(totals: SideTotals, population: number | null, neighbours: readonly NeighbourTotals[]): PreviewWarning[] {
  if (!population || population <= 0) return [];
  const own = (totals.revenue + totals.expenditure) / BigInt(population);
  const others = neighbours
    .filter((n) => n.population && n.population > 0 && n.revenue + n.expenditure > 0n)
    .map((n) => (n.revenue + n.expenditure) / BigInt(n.population!))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!others.length || own <= 0n) return [];
  const median = others[Math.floor(others.length / 2)];
  if (median <= 0n) return [];
  const perResident = formatMinorAsDecimal(median);
  if (own >= median * IMPLAUSIBLE_RATIO) return [{ key: 'budgets.import.warning.perResidentLarger', params: { ratio: String(own / median), median: perResident } }];
  if (own * IMPLAUSIBLE_RATIO <= median) return [{ key: 'budgets.import.warning.perResidentSmaller', params: { ratio: String(median / own), median: perResident } }];
  return [];
}
