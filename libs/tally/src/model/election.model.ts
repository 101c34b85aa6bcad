/**
 * The data model of an election, independent of any storage. Money is a JavaScript number in the
 * election's currency; values with decimals are allowed (pabulib files use "75000.0") and are turned
 * into exact integers with a common decimal scale by the rules that need exactness.
 */

export type BallotKind = 'approval' | 'knapsack' | 'cumulative' | 'ordinal';

export interface Project {
  id: string;
  cost: number;
  name?: string;
  /** pabulib `category`, comma-separated in the file. */
  categories?: string[];
  /** pabulib `target`, comma-separated in the file. */
  targets?: string[];
  district?: string;
  /** Every other column, by header name, as text (kept for round-trips). */
  extra?: Record<string, string>;
}

export interface Ballot {
  voterId: string;
  /** Approved projects, or the ranking (best first) for ordinal ballots. */
  projects: string[];
  /** Cumulative ballots only: points given to projects[i]. */
  points?: number[];
  /** Every other column (age, sex, ...), as text. */
  extra?: Record<string, string>;
}

export interface BallotRules {
  kind: BallotKind;
  minLength?: number;
  maxLength?: number;
  /** Approval: cap on the total cost of the chosen projects. Knapsack: defaults to the budget. */
  maxTotalCost?: number;
  /** Cumulative: cap on the sum of points. */
  maxSumPoints?: number;
  minSumPoints?: number;
  /** Cumulative: cap on the points given to one project. */
  maxPoints?: number;
  minPoints?: number;
}

export interface Election {
  budget: number;
  projects: Project[];
  ballots: Ballot[];
  ballotRules: BallotRules;
  /** pabulib META section in file order (includes budget, vote_type, ...). */
  meta: Record<string, string>;
  /** Column order as read, so that a written file looks like its source. */
  projectColumns?: string[];
  voteColumns?: string[];
}

/** Which utility a rule uses: "cost" = approval with cost-satisfaction, "points" = the ballot's points. */
export type UtilityKind = 'approval' | 'points';
