import { Election } from '../model/election.model';
import { GreedyExplanation, RuleResult } from '../model/explanation.model';
import { compileProfile } from '../profile/compiled-profile.model';
import { Rational, rat } from '../util/rational.util';
import { greedyKeys, greedyOrderOf, greedyScan } from './greedy.rule';

/**
 * Greedy by Borda score for ordinal ballots. With m projects, a ballot ranking r projects gives
 * m − 1 points to its first, m − 2 to its second, ... and m − r to its last; unranked projects get
 * nothing (so a short ranking is never worth more than a full one). Projects are then funded in
 * order of total score (ties: smaller id as text) while they fit, like the greedy rule.
 */
export function bordaScores(e: Election): Map<string, number> {
  const m = e.projects.length;
  const scores = new Map(e.projects.map((p) => [p.id, 0] as [string, number]));
  for (const b of e.ballots) {
    const seen = new Set<string>();
    let pos = 0;
    for (const pid of b.projects) {
      if (seen.has(pid) || !scores.has(pid)) continue;
      seen.add(pid);
      scores.set(pid, scores.get(pid)! + (m - 1 - pos));
      pos++;
    }
  }
  return scores;
}

export function greedyBorda(e: Election): RuleResult {
  // The profile is built with approval utility only to reuse costs, ids and exact money.
  const p = compileProfile(e, 'approval');
  const sc = bordaScores(e);
  const scores: Rational[] = p.ids.map((id) => rat(BigInt(sc.get(id) ?? 0)));
  const keys = greedyKeys(p, 'BORDA_SCORE', scores);
  const order = greedyOrderOf(p, keys);
  const res = greedyScan(p, order, keys, p.budgetExact, false);
  const spent = p.budgetExact - res.remaining;
  const explanation: GreedyExplanation = {
    kind: 'greedy',
    order: 'BORDA_SCORE',
    budget: Number(p.budgetExact) / p.scale,
    steps: res.steps,
    spent: Number(spent) / p.scale,
    leftover: Number(res.remaining) / p.scale,
  };
  return { rule: 'greedy-borda', selected: res.selected.map((q) => p.ids[q]), totalCost: Number(spent) / p.scale, explanation };
}
