import { Election, UtilityKind } from '../model/election.model';
import { RuleResult } from '../model/explanation.model';
import { compileProfile } from '../profile/compiled-profile.model';
import { greedyFromProfile } from './greedy.rule';
import { MesCompletion, mesFromProfile } from './mes.rule';
import { greedyBorda } from './ordinal.rule';

export type RuleName = 'greedy' | 'greedy-per-cost' | 'mes' | 'greedy-borda';

export interface TallyOptions {
  rule: RuleName;
  completion?: MesCompletion;
  /** Default: points for cumulative ballots, approval otherwise. */
  utility?: UtilityKind;
  explain?: boolean;
}

export function defaultUtility(e: Election): UtilityKind {
  return e.ballotRules.kind === 'cumulative' ? 'points' : 'approval';
}

/** One entry point for every budget rule. */
export function tally(e: Election, opts: TallyOptions): RuleResult {
  if (opts.rule === 'greedy-borda') {
    if (e.ballotRules.kind !== 'ordinal') throw new Error('greedy-borda needs ordinal ballots');
    return greedyBorda(e);
  }
  const utility = opts.utility ?? defaultUtility(e);
  if (utility === 'points' && e.ballotRules.kind !== 'cumulative') {
    throw new Error(`points utility needs cumulative ballots, this election has ${e.ballotRules.kind} ballots`);
  }
  const profile = compileProfile(e, utility);
  if (opts.rule === 'mes') return mesFromProfile(profile, { completion: opts.completion ?? 'none', explain: opts.explain });
  if (opts.completion && opts.completion !== 'none') throw new Error('--completion applies to mes only');
  return greedyFromProfile(profile, opts.rule);
}
