/** Pure budget model: no NestJS, no TypeORM. Money is bigint minor units throughout. */
export type Direction = 'REVENUE' | 'EXPENDITURE';
export type TransactionKind = 'SPENDING' | 'RECEIPT';
export type VersionStatus = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'APPROVED' | 'SUPERSEDED';
/**
 * A version's place in the cycle (DOMAIN.md §1): ORIGINAL, the first (the draft approved in spring, or the
 * only one); FINAL, the final budget approved at year end once the republican budget is adopted;
 * AMENDMENT, a change during the year.
 */
export type VersionKind = 'ORIGINAL' | 'FINAL' | 'AMENDMENT';

export interface LineNames {
  ky?: string | null;
  ru?: string | null;
  en?: string | null;
  kk?: string | null;
}

export interface PlanLine {
  lineKey: string;
  direction: Direction;
  economicCode: string;
  functionalCode: string | null;
  names: LineNames;
  /** The line's planned amount: budget funds + special funds (the sum, as every total reads it). */
  amount: bigint;
  /**
   * Special funds (атайын каражаттар / специальные средства: parents' fees, paid services, special
   * accounts), the part of `amount` that is not budget funds; 0 when absent. Budget funds = amount − specialFunds.
   */
  specialFunds?: bigint;
  /** The two forecast years of the three-year budget (fiscal year + 1, + 2), when given. */
  forecastYear1?: bigint | null;
  forecastYear2?: bigint | null;
}

/** Actual movement of one line in one month (1..12). */
export interface MonthlyActual {
  lineKey: string;
  month: number;
  amount: bigint;
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
