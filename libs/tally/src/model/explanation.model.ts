/**
 * Explanations are structured data: stable codes plus numbers, never sentences, so that the UI can
 * render them in any language. Money is in the election's currency (not scaled); exact rationals
 * are given as "numerator/denominator" strings next to their float value where they matter.
 */

export type GreedyOrder = 'APPROVALS' | 'APPROVALS_PER_COST' | 'POINTS_PER_COST' | 'BORDA_SCORE';

export type GreedyDecision =
  /** Funded: it fit in what was left. */
  | 'SELECTED'
  /** Not funded: its cost is more than what was left at its turn. */
  | 'SKIPPED_EXCEEDS_REMAINING'
  /** Not funded: its cost is more than the whole budget. */
  | 'SKIPPED_EXCEEDS_BUDGET';

export interface GreedyStep {
  project: string;
  cost: number;
  /** Position in the greedy order (0-based). */
  rank: number;
  /** Approvals (number of supporting voters), points, or Borda score, as the order says. */
  score: number;
  /** score / cost when the order is per cost (null for a zero-cost project). */
  scorePerCost?: number | null;
  /** Projects with exactly the same key at this position; the smaller id (as text) goes first. */
  tiedWith?: string[];
  decision: GreedyDecision;
  remainingBefore: number;
  remainingAfter: number;
}

export interface GreedyExplanation {
  kind: 'greedy';
  order: GreedyOrder;
  budget: number;
  steps: GreedyStep[];
  spent: number;
  leftover: number;
}

export type MesPayment =
  /** `voters` supporters each paid `amount` (their equal share of the price). */
  | { kind: 'FULL_SHARE'; amount: number; voters: number; utility?: number }
  /** `voters` supporters had less than the share and paid everything they had left. */
  | { kind: 'ALL_REMAINING'; voters: number; total: number; min: number; max: number };

export interface MesRoundExplanation {
  round: number;
  project: string;
  cost: number;
  supporters: number;
  /** Price per unit of utility (cost utilities: fraction of the cost each full payer covers). */
  rho: number;
  rhoExact?: string;
  /** What one full payer paid (cost utilities); per unit of points for points utilities. */
  sharePerVoter: number;
  payments: MesPayment[];
  tiedWith?: string[];
}

export type MesLossReason =
  /** Nobody supports it. */
  | 'NO_SUPPORT'
  /** Zero cost: gives no cost-satisfaction, so MES never considers it. */
  | 'ZERO_COST'
  /** Its supporters together no longer had enough money left. */
  | 'SUPPORTERS_CANNOT_AFFORD';

export interface MesLoser {
  project: string;
  cost: number;
  supporters: number;
  reason: MesLossReason;
  /** Round after which the supporters' money was found insufficient (null if never an MES candidate). */
  droppedAtRound: number | null;
  /** Money its supporters had left at the end. */
  supportersMoney: number;
  /** cost − supportersMoney. */
  shortfall: number;
  /** New supporters with a full start share each that would cover the shortfall. */
  extraSupportersNeeded: number;
}

export interface MesExplanation {
  kind: 'mes';
  utility: 'approval' | 'points';
  completion: 'none' | 'add1' | 'add1-greedy';
  budget: number;
  voters: number;
  /** Start money per voter in the final run: budget / voters + addOneSteps. */
  startShare: number;
  addOneSteps: number;
  /** How many MES runs add-one actually computed (the rest were proven identical). */
  runsComputed: number;
  rounds: MesRoundExplanation[];
  /** Money left per voter after MES, grouped by amount (rounded to 1/100 of a currency unit). */
  remaining: { amount: number; voters: number }[];
  notSelected: MesLoser[];
  mesSpent: number;
  /** add1-greedy: how the greedy completion used the leftover. */
  completionSteps?: GreedyStep[];
  spent: number;
  leftover: number;
}

export interface RuleResult {
  rule: string;
  selected: string[];
  totalCost: number;
  explanation: GreedyExplanation | MesExplanation;
}
