import type { BallotKind, ProcessPhase, ProposalStatus } from './participation.operations';

/** Literal catalogue keys for the API's enum values (the catalogue test sees literal keys only). */
export const PHASES: readonly ProcessPhase[] = ['DRAFT', 'IDEAS', 'REVIEW', 'VOTING', 'RESULTS', 'IMPLEMENTATION'];

export const PHASE_KEY: Record<ProcessPhase, string> = {
  DRAFT: 'participation.phase.DRAFT',
  IDEAS: 'participation.phase.IDEAS',
  REVIEW: 'participation.phase.REVIEW',
  VOTING: 'participation.phase.VOTING',
  RESULTS: 'participation.phase.RESULTS',
  IMPLEMENTATION: 'participation.phase.IMPLEMENTATION',
};

export const PHASE_ABOUT_KEY: Record<ProcessPhase, string> = {
  DRAFT: 'participation.phaseAbout.DRAFT',
  IDEAS: 'participation.phaseAbout.IDEAS',
  REVIEW: 'participation.phaseAbout.REVIEW',
  VOTING: 'participation.phaseAbout.VOTING',
  RESULTS: 'participation.phaseAbout.RESULTS',
  IMPLEMENTATION: 'participation.phaseAbout.IMPLEMENTATION',
};

export const PROPOSAL_STATUS_KEY: Record<ProposalStatus, string> = {
  SUBMITTED: 'participation.status.SUBMITTED',
  FEASIBLE: 'participation.status.FEASIBLE',
  REJECTED: 'participation.status.REJECTED',
  MERGED: 'participation.status.MERGED',
};

export const CURRENCY_KEY: Record<string, string> = {
  KGS: 'budgets.currency.KGS',
  KZT: 'budgets.currency.KZT',
};

/** The stage after `phase` (phases move forward only, one at a time from the web), or null at the last one. */
export function nextPhase(phase: ProcessPhase): ProcessPhase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}

/** How the count is done, in plain words: ranked ballots are counted by Borda score whatever the rule says. */
export function countingKey(ballotKind: BallotKind, countingRule: string): string {
  if (ballotKind === 'RANKING') return 'participation.rules.count.BORDA';
  return countingRule === 'MES' ? 'participation.rules.count.MES' : 'participation.rules.count.GREEDY';
}
