import { Election, UtilityKind } from '../model/election.model';
import { decimalsOf, ratFromNumber } from '../util/rational.util';

/**
 * An election compiled for counting: money as exact integers in a common decimal scale, identical
 * ballots merged into weighted groups, and supporters stored as typed-array adjacency lists in both
 * directions (project → groups, group → projects). Built once, shared by every run of every rule.
 */
export interface CompiledProfile {
  utility: UtilityKind;
  ids: string[];
  /** rank of each project id in string order (ties go to the lower rank). */
  idRank: Int32Array;
  /** 10^decimals: money values are multiplied by this to become integers. */
  scale: number;
  costs: Float64Array;
  costExact: bigint[];
  budget: number;
  budgetExact: bigint;
  nVoters: number;
  nGroups: number;
  groupWeight: Float64Array;
  /** first ballot index of each group, to name a representative voter. */
  groupFirstBallot: Int32Array;
  pStart: Int32Array;
  pGroup: Int32Array;
  /** utility of one voter of that group for the project (scaled cost, or points). */
  pUtil: Float64Array;
  gStart: Int32Array;
  gProj: Int32Array;
  gUtil: Float64Array;
  /** number of voters supporting each project (positive utility). */
  supporters: Float64Array;
  /** Σ voters × utility, for points greedy. */
  totalUtility: Float64Array;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The decimal scale 10^d that makes the budget and every cost an integer. */
export function moneyScale(e: Election): number {
  let d = decimalsOf(e.budget);
  for (const p of e.projects) d = Math.max(d, decimalsOf(p.cost));
  if (d > 6) throw new Error(`money has ${d} decimals; at most 6 are supported`);
  return 10 ** d;
}

export function toScaledExact(x: number, scale: number): bigint {
  const r = ratFromNumber(x);
  const num = r.n * BigInt(scale);
  if (num % r.d !== 0n) throw new Error(`${x} is not a multiple of 1/${scale}`);
  return num / r.d;
}

export function compileProfile(e: Election, utility: UtilityKind): CompiledProfile {
  if (utility === 'points' && e.ballotRules.kind === 'ordinal') {
    throw new Error('points utilities need cumulative ballots; use --utility approval for ordinal ballots');
  }
  const m = e.projects.length;
  const ids = e.projects.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const order = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a], ids[b]));
  const idRank = new Int32Array(m);
  order.forEach((p, r) => (idRank[p] = r));
  const scale = moneyScale(e);
  const costExact = e.projects.map((p) => toScaledExact(p.cost, scale));
  const costs = Float64Array.from(costExact, (c) => Number(c));
  const budgetExact = toScaledExact(e.budget, scale);
  const usePoints = utility === 'points';

  // Group identical ballots (as sets, with points when they are the utility).
  const groupOf = new Map<string, number>();
  const groupItems: { proj: number[]; util: number[] }[] = [];
  const weights: number[] = [];
  const firstBallot: number[] = [];
  e.ballots.forEach((b, bi) => {
    const acc = new Map<number, number>();
    b.projects.forEach((pid, i) => {
      const p = index.get(pid);
      if (p === undefined) throw new Error(`voter ${b.voterId} votes for unknown project ${pid}`);
      if (usePoints) {
        const pts = b.points?.[i] ?? 0;
        acc.set(p, (acc.get(p) ?? 0) + pts);
      } else {
        acc.set(p, 1);
      }
    });
    const proj: number[] = [];
    const util: number[] = [];
    for (const p of Array.from(acc.keys()).sort((x, y) => x - y)) {
      const u = usePoints ? acc.get(p)! : costs[p];
      // Approval support is the approval itself (even of a zero-cost project); points support needs points > 0.
      if (!usePoints || u > 0) {
        proj.push(p);
        util.push(u);
      }
    }
    const key = usePoints ? proj.map((p, i) => `${p}:${util[i]}`).join(',') : proj.join(',');
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupItems.length;
      groupOf.set(key, g);
      groupItems.push({ proj, util });
      weights.push(0);
      firstBallot.push(bi);
    }
    weights[g]++;
  });
  const nGroups = groupItems.length;
  const gStart = new Int32Array(nGroups + 1);
  let total = 0;
  groupItems.forEach((gi, g) => {
    gStart[g] = total;
    total += gi.proj.length;
  });
  gStart[nGroups] = total;
  const gProj = new Int32Array(total);
  const gUtil = new Float64Array(total);
  const count = new Int32Array(m);
  groupItems.forEach((gi, g) => {
    gi.proj.forEach((p, i) => {
      gProj[gStart[g] + i] = p;
      gUtil[gStart[g] + i] = gi.util[i];
      count[p]++;
    });
  });
  const pStart = new Int32Array(m + 1);
  for (let p = 0; p < m; p++) pStart[p + 1] = pStart[p] + count[p];
  const fill = pStart.slice(0, m);
  const pGroup = new Int32Array(total);
  const pUtil = new Float64Array(total);
  const supporters = new Float64Array(m);
  const totalUtility = new Float64Array(m);
  for (let g = 0; g < nGroups; g++) {
    for (let j = gStart[g]; j < gStart[g + 1]; j++) {
      const p = gProj[j];
      const at = fill[p]++;
      pGroup[at] = g;
      pUtil[at] = gUtil[j];
      supporters[p] += weights[g];
      totalUtility[p] += weights[g] * gUtil[j];
    }
  }
  return {
    utility,
    ids,
    idRank,
    scale,
    costs,
    costExact,
    budget: Number(budgetExact),
    budgetExact,
    nVoters: e.ballots.length,
    nGroups,
    groupWeight: Float64Array.from(weights),
    groupFirstBallot: Int32Array.from(firstBallot),
    pStart,
    pGroup,
    pUtil,
    gStart,
    gProj,
    gUtil,
    supporters,
    totalUtility,
  };
}
