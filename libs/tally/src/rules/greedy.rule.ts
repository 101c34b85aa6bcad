import { Election, UtilityKind } from '../model/election.model';
import { GreedyExplanation, GreedyOrder, GreedyStep, RuleResult } from '../model/explanation.model';
import { CompiledProfile, compileProfile } from '../profile/compiled-profile.model';
import { Rational, cmp, rat, ratFromNumber, add, R0, toNumber } from '../util/rational.util';

/**
 * A project's place in a greedy order: tier 0 = supported zero-cost project (infinitely dense,
 * first), tier 1 = ordinary, tier 2 = unsupported zero-cost project (last); then key descending,
 * then id ascending as text.
 */
export interface GreedyKey {
  tier: 0 | 1 | 2;
  key: Rational;
  score: number;
}

export function exactUtilityTotal(p: CompiledProfile, q: number): Rational {
  let allInt = true;
  for (let j = p.pStart[q]; j < p.pStart[q + 1]; j++) if (!Number.isInteger(p.pUtil[j])) allInt = false;
  if (allInt && p.totalUtility[q] < Number.MAX_SAFE_INTEGER) return rat(BigInt(p.totalUtility[q]));
  let t = R0;
  for (let j = p.pStart[q]; j < p.pStart[q + 1]; j++) {
    t = add(t, rat(ratFromNumber(p.pUtil[j]).n * BigInt(p.groupWeight[p.pGroup[j]]), ratFromNumber(p.pUtil[j]).d));
  }
  return t;
}

export function greedyKeys(p: CompiledProfile, order: GreedyOrder, scores?: Rational[]): GreedyKey[] {
  return p.ids.map((_, q) => {
    const cost = p.costExact[q];
    let score: Rational;
    if (order === 'APPROVALS' || order === 'APPROVALS_PER_COST') score = rat(BigInt(p.supporters[q]));
    else if (order === 'POINTS_PER_COST') score = exactUtilityTotal(p, q);
    else score = scores![q];
    const supported = score.n > 0n;
    if (cost === 0n) return { tier: supported ? 0 : 2, key: score, score: toNumber(score) };
    const key = order === 'APPROVALS' || order === 'BORDA_SCORE' ? score : rat(score.n, score.d * cost);
    return { tier: 1, key, score: toNumber(score) };
  });
}

export function greedyOrderOf(p: CompiledProfile, keys: GreedyKey[], among?: number[]): number[] {
  const list = among ? among.slice() : p.ids.map((_, q) => q);
  return list.sort((a, b) => keys[a].tier - keys[b].tier || -cmp(keys[a].key, keys[b].key) || p.idRank[a] - p.idRank[b]);
}

/** Scans projects in order and funds every one that still fits. Money is exact (scaled integers). */
export function greedyScan(
  p: CompiledProfile,
  order: number[],
  keys: GreedyKey[],
  remainingStart: bigint,
  perCost: boolean,
): { selected: number[]; steps: GreedyStep[]; remaining: bigint } {
  let remaining = remainingStart;
  const selected: number[] = [];
  const steps: GreedyStep[] = [];
  const s = p.scale;
  order.forEach((q, i) => {
    const cost = p.costExact[q];
    const before = remaining;
    let decision: GreedyStep['decision'];
    if (cost <= remaining) {
      decision = 'SELECTED';
      remaining -= cost;
      selected.push(q);
    } else decision = cost > p.budgetExact ? 'SKIPPED_EXCEEDS_BUDGET' : 'SKIPPED_EXCEEDS_REMAINING';
    const step: GreedyStep = {
      project: p.ids[q],
      cost: Number(cost) / s,
      rank: i,
      score: keys[q].score,
      decision,
      remainingBefore: Number(before) / s,
      remainingAfter: Number(remaining) / s,
    };
    if (perCost) step.scorePerCost = cost === 0n ? null : (keys[q].score / Number(cost)) * s;
    // The order is sorted, so exact ties are neighbours.
    const same = (o: number) => keys[o].tier === keys[q].tier && cmp(keys[o].key, keys[q].key) === 0;
    const tied: string[] = [];
    for (let j = i - 1; j >= 0 && same(order[j]); j--) tied.push(p.ids[order[j]]);
    for (let j = i + 1; j < order.length && same(order[j]); j++) tied.push(p.ids[order[j]]);
    if (tied.length) step.tiedWith = tied;
    steps.push(step);
  });
  return { selected, steps, remaining };
}

export type GreedyVariant = 'greedy' | 'greedy-per-cost';

/**
 * Greedy rules. Approval utility: `greedy` orders by number of approvals, `greedy-per-cost` by
 * approvals per unit of cost. Points utility (cumulative ballots): both order by points per unit of
 * cost, which is what utilitarian greedy with points as utilities does.
 */
export function greedyFromProfile(p: CompiledProfile, variant: GreedyVariant): RuleResult {
  const order: GreedyOrder =
    p.utility === 'points' ? 'POINTS_PER_COST' : variant === 'greedy' ? 'APPROVALS' : 'APPROVALS_PER_COST';
  const keys = greedyKeys(p, order);
  const ord = greedyOrderOf(p, keys);
  const res = greedyScan(p, ord, keys, p.budgetExact, order !== 'APPROVALS');
  const spent = p.budgetExact - res.remaining;
  const explanation: GreedyExplanation = {
    kind: 'greedy',
    order,
    budget: Number(p.budgetExact) / p.scale,
    steps: res.steps,
    spent: Number(spent) / p.scale,
    leftover: Number(res.remaining) / p.scale,
  };
  return { rule: variant, selected: res.selected.map((q) => p.ids[q]), totalCost: Number(spent) / p.scale, explanation };
}

export function greedy(e: Election, variant: GreedyVariant, utility: UtilityKind): RuleResult {
  return greedyFromProfile(compileProfile(e, utility), variant);
}
