import { InvalidInputError } from '@ashar/kernel';
import type { ValidationIssue } from '@ashar/tally';
import type { CandidateProject, ProcessRules } from '../domain/election';
import type { ParticipatoryProcess } from '../entities/participatory-process.entity';
import type { Proposal } from '../entities/proposal.entity';

/** The stored process as the pure rules' input. */
export function rulesOf(p: ParticipatoryProcess): ProcessRules {
  return { id: p.id, currency: p.currency, envelope: p.envelope, ballotKind: p.ballotKind, minChoices: p.minChoices, maxChoices: p.maxChoices, maxPoints: p.maxPoints, countingRule: p.countingRule };
}

/** Feasible proposals as the ballot's candidates, at their reviewed cost. */
export function candidatesOf(proposals: readonly Proposal[]): CandidateProject[] {
  return proposals.map((x) => ({ id: x.id, title: x.title, cost: x.reviewedCost ?? x.estimatedCost }));
}

/** A ballot's first problem as the API answers it (online and paper): the field, a key per engine code, the numbers. */
export function ballotError(problem: ValidationIssue): InvalidInputError {
  const field = problem.code.includes('POINTS') ? 'input.points' : 'input.choices';
  return new InvalidInputError(field, `errors.participation.ballot.${problem.code}`, problem.message, { actual: problem.actual, limit: problem.limit });
}
