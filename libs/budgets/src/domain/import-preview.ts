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
