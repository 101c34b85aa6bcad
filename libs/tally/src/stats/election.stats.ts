import { Election } from '../model/election.model';
import { validateElection } from '../validation/ballot.validation';

export interface ElectionStats {
  voteType: string;
  budget: number;
  projects: number;
  voters: number;
  emptyBallots: number;
  distinctBallots: number;
  meanBallotLength: number;
  maxBallotLength: number;
  totalProjectCost: number;
  /** total cost of all projects / budget */
  costToBudget: number;
  projectsOverBudget: number;
  zeroCostProjects: number;
  projectsWithoutVotes: number;
  approvals: { project: string; voters: number; cost: number }[];
  issues: Record<string, number>;
}

export function electionStats(e: Election): ElectionStats {
  const approvals = new Map(e.projects.map((p) => [p.id, 0] as [string, number]));
  const distinct = new Set<string>();
  let empty = 0;
  let len = 0;
  let maxLen = 0;
  for (const b of e.ballots) {
    if (b.projects.length === 0) empty++;
    len += b.projects.length;
    maxLen = Math.max(maxLen, b.projects.length);
    const uniq = Array.from(new Set(b.projects));
    for (const pid of uniq) if (approvals.has(pid)) approvals.set(pid, approvals.get(pid)! + 1);
    distinct.add(uniq.sort().join(',') + '|' + (b.points?.join(',') ?? ''));
  }
  const total = e.projects.reduce((s, p) => s + p.cost, 0);
  const issues: Record<string, number> = {};
  for (const i of validateElection(e)) issues[i.code] = (issues[i.code] ?? 0) + 1;
  return {
    voteType: e.meta['vote_type'] ?? e.ballotRules.kind,
    budget: e.budget,
    projects: e.projects.length,
    voters: e.ballots.length,
    emptyBallots: empty,
    distinctBallots: distinct.size,
    meanBallotLength: e.ballots.length ? len / e.ballots.length : 0,
    maxBallotLength: maxLen,
    totalProjectCost: total,
    costToBudget: e.budget > 0 ? total / e.budget : Infinity,
    projectsOverBudget: e.projects.filter((p) => p.cost > e.budget).length,
    zeroCostProjects: e.projects.filter((p) => p.cost === 0).length,
    projectsWithoutVotes: Array.from(approvals.values()).filter((v) => v === 0).length,
    approvals: e.projects
      .map((p) => ({ project: p.id, voters: approvals.get(p.id)!, cost: p.cost }))
      .sort((a, b) => b.voters - a.voters || (a.project < b.project ? -1 : 1)),
    issues,
  };
}
