import { Ballot, BallotKind, Election } from '../model/election.model';

/** Small elections for tests: costs by id, ballots as id lists (points optional). */
export function election(
  budget: number,
  costs: Record<string, number> | [string, number][],
  ballots: (string[] | { projects: string[]; points: number[] })[],
  kind: BallotKind = 'approval',
): Election {
  const entries = Array.isArray(costs) ? costs : Object.entries(costs);
  return {
    budget,
    projects: entries.map(([id, cost]) => ({ id, cost })),
    ballots: ballots.map((b, i): Ballot => (Array.isArray(b) ? { voterId: `v${i}`, projects: b } : { voterId: `v${i}`, ...b })),
    ballotRules: { kind },
    meta: { budget: String(budget), vote_type: kind === 'knapsack' ? 'approval' : kind },
  };
}

export function repeat<T>(n: number, x: T): T[] {
  return Array.from({ length: n }, () => x);
}
