/**
 * A process's ballots as a tally-engine election (pure: no Nest, no database). Money stays in minor
 * units (tyiyn, tiyn) in the published `.pb` file, so the count and any recount use exactly the stored
 * figures; the rules are indifferent to the unit.
 */
import type { Ballot as TallyBallot, BallotRules, Election, RuleResult, TallyOptions } from '@ashar/tally';
import { tally, validateBallot, ValidationIssue, writePabulib } from '@ashar/tally';
import { createHash } from 'crypto';

export type BallotKindName = 'APPROVAL' | 'KNAPSACK' | 'CUMULATIVE' | 'RANKING';
export type CountingRule = 'GREEDY' | 'MES';

export interface ProcessRules {
  id: string;
  currency: string;
  envelope: string;
  ballotKind: BallotKindName;
  minChoices: number;
  maxChoices: number | null;
  maxPoints: number | null;
  countingRule: CountingRule;
}

export interface CandidateProject {
  id: string;
  title: string;
  /** Reviewed cost when there is one, else the estimate (minor units). */
  cost: string;
}

export interface StoredBallot {
  receiptCode: string;
  choices: string[];
  points: number[] | null;
}

/** Minor units as a JavaScript number, exactly (every envelope a community has fits 2^53 tyiyn). */
export function exactNumber(minor: string): number {
  const n = Number(minor);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`amount out of range: ${minor}`);
  return n;
}

export function ballotRulesOf(p: ProcessRules): BallotRules {
  const lengths = { minLength: p.minChoices, ...(p.maxChoices !== null ? { maxLength: p.maxChoices } : {}) };
  switch (p.ballotKind) {
    case 'APPROVAL':
      return { kind: 'approval', ...lengths };
    case 'KNAPSACK':
      return { kind: 'knapsack', ...lengths, maxTotalCost: exactNumber(p.envelope) };
    case 'CUMULATIVE':
      return { kind: 'cumulative', ...lengths, ...(p.maxPoints !== null ? { maxSumPoints: p.maxPoints } : {}), minPoints: 1 };
    case 'RANKING':
      return { kind: 'ordinal', ...lengths };
  }
}

/** The engine's rule for the process: ranked ballots are counted by Borda score, the others by the chosen rule. */
export function tallyOptionsOf(p: ProcessRules): TallyOptions {
  if (p.ballotKind === 'RANKING') return { rule: 'greedy-borda', explain: true };
  if (p.countingRule === 'MES') return { rule: 'mes', completion: 'add1', explain: true };
  return { rule: 'greedy', explain: true };
}

/** The problems of one ballot against the process's rules and its feasible projects (empty = valid). */
export function ballotProblems(p: ProcessRules, projects: readonly CandidateProject[], ballot: { choices: string[]; points: number[] | null }): ValidationIssue[] {
  const byId = new Map(projects.map((x) => [x.id, { id: x.id, cost: exactNumber(x.cost) }]));
  const b: TallyBallot = { voterId: 'voter', projects: ballot.choices, ...(ballot.points ? { points: ballot.points } : {}) };
  return validateBallot(b, ballotRulesOf(p), byId, exactNumber(p.envelope));
}

/** Projects and ballots in a fixed order (ids, receipt codes), so the same set always gives the same file. */
export function electionOf(p: ProcessRules, projects: readonly CandidateProject[], ballots: readonly StoredBallot[]): Election {
  const rules = ballotRulesOf(p);
  const sortedProjects = [...projects].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sortedBallots = [...ballots].sort((a, b) => (a.receiptCode < b.receiptCode ? -1 : a.receiptCode > b.receiptCode ? 1 : 0));
  return {
    budget: exactNumber(p.envelope),
    projects: sortedProjects.map((x) => ({ id: x.id, cost: exactNumber(x.cost), name: x.title })),
    ballots: sortedBallots.map((b) => ({ voterId: b.receiptCode, projects: b.choices, ...(b.points ? { points: b.points } : {}) })),
    ballotRules: rules,
    meta: {
      description: `Ashar participatory budgeting process ${p.id}`,
      currency: p.currency,
      money_unit: 'minor (1/100)',
      num_projects: String(projects.length),
      num_votes: String(ballots.length),
      rule: tallyOptionsOf(p).rule,
    },
  };
}

export interface CountedOutcome {
  result: RuleResult;
  ballotSet: string;
  ballotSetSha256: string;
}

/** Counts the ballot set by the process's rule and returns the exact `.pb` text counted, with its hash. */
export function countBallots(p: ProcessRules, projects: readonly CandidateProject[], ballots: readonly StoredBallot[]): CountedOutcome {
  const election = electionOf(p, projects, ballots);
  const result = tally(election, tallyOptionsOf(p));
  const ballotSet = writePabulib(election);
  return { result, ballotSet, ballotSetSha256: createHash('sha256').update(ballotSet).digest('hex') };
}
