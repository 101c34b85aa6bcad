import { Ballot, BallotRules, Election, Project } from '../model/election.model';

export type ValidationCode =
  | 'UNKNOWN_PROJECT'
  | 'DUPLICATE_PROJECT'
  | 'TOO_FEW_PROJECTS'
  | 'TOO_MANY_PROJECTS'
  | 'OVER_COST_CAP'
  | 'OVER_BUDGET'
  | 'POINTS_MISSING'
  | 'POINTS_LENGTH_MISMATCH'
  | 'NEGATIVE_POINTS'
  | 'NON_INTEGER_POINTS'
  | 'OVER_POINTS_CAP'
  | 'UNDER_POINTS_MINIMUM'
  | 'OVER_POINTS_PER_PROJECT'
  | 'UNDER_POINTS_PER_PROJECT'
  | 'NEGATIVE_COST'
  | 'INVALID_COST'
  | 'DUPLICATE_PROJECT_ID'
  | 'EMPTY_PROJECT_ID'
  | 'NEGATIVE_BUDGET'
  | 'INVALID_BUDGET';

/** One problem, as a code for the UI, the numbers it needs, and an English message for operators. */
export interface ValidationIssue {
  code: ValidationCode;
  voterId?: string;
  projectId?: string;
  /** Actual and allowed values where relevant (count, cost, points). */
  actual?: number;
  limit?: number;
  message: string;
}

export function validateProjects(budget: number, projects: Project[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!Number.isFinite(budget)) issues.push({ code: 'INVALID_BUDGET', message: `budget ${budget} is not a finite number` });
  else if (budget < 0) issues.push({ code: 'NEGATIVE_BUDGET', actual: budget, message: `budget ${budget} is negative` });
  const seen = new Set<string>();
  for (const p of projects) {
    if (p.id.trim() === '') issues.push({ code: 'EMPTY_PROJECT_ID', message: 'a project has an empty id' });
    if (seen.has(p.id)) issues.push({ code: 'DUPLICATE_PROJECT_ID', projectId: p.id, message: `project ${p.id} is listed twice` });
    seen.add(p.id);
    if (!Number.isFinite(p.cost)) issues.push({ code: 'INVALID_COST', projectId: p.id, message: `project ${p.id}: cost is not a finite number` });
    else if (p.cost < 0) issues.push({ code: 'NEGATIVE_COST', projectId: p.id, actual: p.cost, message: `project ${p.id}: cost ${p.cost} is negative` });
  }
  return issues;
}

/**
 * Checks one ballot against the ballot rules. Approval: min/max number of projects and optional
 * cap on their total cost. Knapsack: total cost within the cap (default: the budget). Cumulative:
 * non-negative points, per-project and total caps. Ordinal: a ranking without repeats.
 */
export function validateBallot(
  ballot: Ballot,
  rules: BallotRules,
  projects: ReadonlyMap<string, Project>,
  budget: number,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const v = ballot.voterId;
  const seen = new Set<string>();
  let total = 0;
  for (const pid of ballot.projects) {
    const p = projects.get(pid);
    if (!p) {
      issues.push({ code: 'UNKNOWN_PROJECT', voterId: v, projectId: pid, message: `voter ${v}: unknown project ${pid}` });
      continue;
    }
    if (seen.has(pid)) {
      issues.push({ code: 'DUPLICATE_PROJECT', voterId: v, projectId: pid, message: `voter ${v}: project ${pid} appears more than once` });
      continue;
    }
    seen.add(pid);
    total += p.cost;
  }
  const n = ballot.projects.length;
  if (rules.minLength !== undefined && n < rules.minLength) {
    issues.push({ code: 'TOO_FEW_PROJECTS', voterId: v, actual: n, limit: rules.minLength, message: `voter ${v}: ${n} projects chosen, at least ${rules.minLength} required` });
  }
  if (rules.maxLength !== undefined && n > rules.maxLength) {
    issues.push({ code: 'TOO_MANY_PROJECTS', voterId: v, actual: n, limit: rules.maxLength, message: `voter ${v}: ${n} projects chosen, at most ${rules.maxLength} allowed` });
  }
  const costCap = rules.maxTotalCost ?? (rules.kind === 'knapsack' ? budget : undefined);
  if (costCap !== undefined && total > costCap) {
    issues.push({
      code: rules.kind === 'knapsack' && rules.maxTotalCost === undefined ? 'OVER_BUDGET' : 'OVER_COST_CAP',
      voterId: v,
      actual: total,
      limit: costCap,
      message: `voter ${v}: chosen projects cost ${total} in total, more than ${costCap}`,
    });
  }
  if (rules.kind === 'cumulative') {
    if (!ballot.points) {
      issues.push({ code: 'POINTS_MISSING', voterId: v, message: `voter ${v}: a cumulative ballot needs points` });
    } else if (ballot.points.length !== n) {
      issues.push({ code: 'POINTS_LENGTH_MISMATCH', voterId: v, actual: ballot.points.length, limit: n, message: `voter ${v}: ${ballot.points.length} points for ${n} projects` });
    } else {
      let sum = 0;
      ballot.points.forEach((pt, i) => {
        const pid = ballot.projects[i];
        if (!Number.isFinite(pt) || pt < 0) {
          issues.push({ code: 'NEGATIVE_POINTS', voterId: v, projectId: pid, actual: pt, message: `voter ${v}: points ${pt} for project ${pid} must be a non-negative number` });
        } else if (!Number.isInteger(pt)) {
          issues.push({ code: 'NON_INTEGER_POINTS', voterId: v, projectId: pid, actual: pt, message: `voter ${v}: points ${pt} for project ${pid} must be a whole number` });
        }
        if (rules.maxPoints !== undefined && pt > rules.maxPoints) {
          issues.push({ code: 'OVER_POINTS_PER_PROJECT', voterId: v, projectId: pid, actual: pt, limit: rules.maxPoints, message: `voter ${v}: ${pt} points for project ${pid}, at most ${rules.maxPoints} allowed` });
        }
        if (rules.minPoints !== undefined && pt < rules.minPoints) {
          issues.push({ code: 'UNDER_POINTS_PER_PROJECT', voterId: v, projectId: pid, actual: pt, limit: rules.minPoints, message: `voter ${v}: ${pt} points for project ${pid}, at least ${rules.minPoints} required` });
        }
        sum += pt;
      });
      if (rules.maxSumPoints !== undefined && sum > rules.maxSumPoints) {
        issues.push({ code: 'OVER_POINTS_CAP', voterId: v, actual: sum, limit: rules.maxSumPoints, message: `voter ${v}: ${sum} points given, at most ${rules.maxSumPoints} allowed` });
      }
      if (rules.minSumPoints !== undefined && sum < rules.minSumPoints) {
        issues.push({ code: 'UNDER_POINTS_MINIMUM', voterId: v, actual: sum, limit: rules.minSumPoints, message: `voter ${v}: ${sum} points given, at least ${rules.minSumPoints} required` });
      }
    }
  }
  return issues;
}

/** All problems of an election: projects first, then every ballot. */
export function validateElection(e: Election): ValidationIssue[] {
  const issues = validateProjects(e.budget, e.projects);
  const map = new Map(e.projects.map((p) => [p.id, p] as [string, Project]));
  for (const b of e.ballots) issues.push(...validateBallot(b, e.ballotRules, map, e.budget));
  return issues;
}
