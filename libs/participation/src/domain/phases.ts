import type { ProcessPhase } from '../entities/participatory-process.entity';

/** The order of a process's life; a phase moves forward only (a step back would reopen a closed vote). */
export const PHASE_ORDER: readonly ProcessPhase[] = ['DRAFT', 'IDEAS', 'REVIEW', 'VOTING', 'RESULTS', 'IMPLEMENTATION'];

export function isForward(from: ProcessPhase, to: ProcessPhase): boolean {
  return PHASE_ORDER.indexOf(to) > PHASE_ORDER.indexOf(from);
}

/** Rules (envelope, ballot kind and limits, rule, eligibility) may change only before voting opens. */
export function rulesEditable(phase: ProcessPhase): boolean {
  return PHASE_ORDER.indexOf(phase) < PHASE_ORDER.indexOf('VOTING');
}
