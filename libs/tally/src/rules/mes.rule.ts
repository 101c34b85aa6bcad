import { Election, UtilityKind } from '../model/election.model';
import { MesExplanation, MesLoser, MesPayment, MesRoundExplanation, RuleResult } from '../model/explanation.model';
import { CompiledProfile, compileProfile } from '../profile/compiled-profile.model';
import { toStringRational } from '../util/rational.util';
import { greedyKeys, greedyOrderOf, greedyScan } from './greedy.rule';
import { MesEngine, MesRunResult } from './mes.engine';

export type MesCompletion = 'none' | 'add1' | 'add1-greedy';

export interface MesOptions {
  completion?: MesCompletion;
  /** Build the citizen-facing explanation (default true). */
  explain?: boolean;
}

export interface AddOneOutcome {
  run: MesRunResult;
  /** Add-one steps of the returned outcome (0 = plain MES). */
  k: number;
  runsComputed: number;
}

function costOf(p: CompiledProfile, sel: number[]): bigint {
  let t = 0n;
  for (const q of sel) t += p.costExact[q];
  return t;
}

/** Exhaustive among MES candidates: no unselected candidate fits in what is left of the real budget. */
function isExhaustive(engine: MesEngine, run: MesRunResult): boolean {
  const p = engine.p;
  const left = p.budgetExact - costOf(p, run.selected);
  const chosen = new Set(run.selected);
  for (const q of engine.candidates) if (!chosen.has(q) && p.costExact[q] <= left) return false;
  return true;
}

/**
 * Add-one completion: step k gives every voter budget/n + k currency units and reruns MES. The
 * first step whose outcome costs more than the budget returns the previous step's outcome; the
 * first exhaustive outcome is returned itself. The outcome is not monotone in k, so every step is
 * decided, but a run proves (by its sensitivity analysis) how many following steps repeat its
 * exact sequence of decisions, and those are not recomputed.
 */
export function mesAddOne(engine: MesEngine): AddOneOutcome {
  const p = engine.p;
  let cur = engine.run(0, false);
  let runs = 1;
  if (isExhaustive(engine, cur)) return { run: cur, k: 0, runsComputed: runs };
  let k = 0;
  let stride = 1;
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (;;) {
    // Steps k+1..k+stride provably repeat cur's selections: none of them ends the loop.
    if (stride > 1 && engine.certify(k + 1, k + stride, cur.selected)) {
      runs++;
      k += stride;
      stride *= 2;
      continue;
    }
    if (stride > 1) {
      runs++;
      stride = Math.max(1, stride >> 2);
      continue;
    }
    const next = engine.run(k + 1, false);
    runs++;
    if (costOf(p, next.selected) > p.budgetExact) {
      // Step k's outcome is cur's (certified or computed); rerun it for the explanation.
      const again = k === cur.k ? cur : engine.run(k, false);
      return { run: again, k, runsComputed: runs };
    }
    k += 1;
    if (isExhaustive(engine, next)) return { run: next, k, runsComputed: runs };
    stride = same(next.selected, cur.selected) ? 2 : 1;
    cur = next;
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Replays a run's payments in floats to describe who paid what; it does not decide anything. */
function explainMes(
  engine: MesEngine,
  out: AddOneOutcome,
  completion: MesCompletion,
  greedySteps: MesExplanation['completionSteps'],
  spentTotal: bigint,
): MesExplanation {
  const P = engine.p;
  const s = P.scale;
  const run = out.run;
  const b = new Float64Array(P.nGroups).fill(run.b0);
  const rounds: MesRoundExplanation[] = run.rounds.map((rd, i) => {
    const q = rd.project;
    const full = new Map<number, number>();
    let poorVoters = 0;
    let poorTotal = 0;
    let poorMin = Infinity;
    let poorMax = 0;
    for (let j = P.pStart[q]; j < P.pStart[q + 1]; j++) {
      const g = P.pGroup[j];
      const w = P.groupWeight[g];
      const due = rd.rho * P.pUtil[j];
      if (b[g] <= due * (1 + 1e-12)) {
        poorVoters += w;
        poorTotal += w * b[g];
        poorMin = Math.min(poorMin, b[g]);
        poorMax = Math.max(poorMax, b[g]);
        b[g] = 0;
      } else {
        full.set(P.pUtil[j], (full.get(P.pUtil[j]) ?? 0) + w);
        b[g] -= due;
      }
    }
    const payments: MesPayment[] = [];
    for (const [u, voters] of Array.from(full.entries()).sort((x, y) => y[0] - x[0])) {
      const pay: MesPayment = { kind: 'FULL_SHARE', amount: (rd.rho * u) / s, voters };
      if (P.utility === 'points') pay.utility = u;
      payments.push(pay);
    }
    if (poorVoters > 0) {
      payments.push({ kind: 'ALL_REMAINING', voters: poorVoters, total: poorTotal / s, min: poorMin / s, max: poorMax / s });
    }
    const r: MesRoundExplanation = {
      round: i,
      project: P.ids[q],
      cost: Number(P.costExact[q]) / s,
      supporters: P.supporters[q],
      rho: P.utility === 'points' ? rd.rho / s : rd.rho,
      sharePerVoter: P.utility === 'points' ? rd.rho / s : (rd.rho * P.costs[q]) / s,
      payments,
    };
    if (rd.exactRho) {
      r.rhoExact =
        P.utility === 'points'
          ? toStringRational({ n: rd.exactRho.n, d: rd.exactRho.d * BigInt(s) })
          : toStringRational(rd.exactRho);
    }
    if (rd.tiedWith) r.tiedWith = rd.tiedWith.map((t) => P.ids[t]);
    return r;
  });
  const rem = new Map<number, number>();
  for (let g = 0; g < P.nGroups; g++) {
    const a = round2(b[g] / s);
    rem.set(a, (rem.get(a) ?? 0) + P.groupWeight[g]);
  }
  const remaining = Array.from(rem.entries())
    .map(([amount, voters]) => ({ amount, voters }))
    .sort((x, y) => y.amount - x.amount);
  const chosen = new Set(run.selected);
  const dropRound = new Map<number, number>();
  for (const d of run.dropped) dropRound.set(d.project, d.round);
  const isCand = new Set(engine.candidates);
  const notSelected: MesLoser[] = [];
  P.ids.forEach((id, q) => {
    if (chosen.has(q)) return;
    let money = 0;
    for (let j = P.pStart[q]; j < P.pStart[q + 1]; j++) money += P.groupWeight[P.pGroup[j]] * b[P.pGroup[j]];
    const cost = P.costs[q];
    const shortfall = Math.max(0, cost - money);
    const reason: MesLoser['reason'] = P.supporters[q] === 0 ? 'NO_SUPPORT' : cost === 0 ? 'ZERO_COST' : 'SUPPORTERS_CANNOT_AFFORD';
    notSelected.push({
      project: id,
      cost: cost / s,
      supporters: P.supporters[q],
      reason,
      droppedAtRound: isCand.has(q) ? (dropRound.get(q) ?? null) : null,
      supportersMoney: money / s,
      shortfall: shortfall / s,
      extraSupportersNeeded: run.b0 > 0 && reason === 'SUPPORTERS_CANNOT_AFFORD' ? Math.ceil(shortfall / run.b0 - 1e-9) : 0,
    });
  });
  const mesSpent = costOf(P, run.selected);
  const ex: MesExplanation = {
    kind: 'mes',
    utility: P.utility,
    completion,
    budget: Number(P.budgetExact) / s,
    voters: P.nVoters,
    startShare: run.b0 / s,
    addOneSteps: out.k,
    runsComputed: out.runsComputed,
    rounds,
    remaining,
    notSelected,
    mesSpent: Number(mesSpent) / s,
    spent: Number(spentTotal) / s,
    leftover: Number(P.budgetExact - spentTotal) / s,
  };
  if (greedySteps) ex.completionSteps = greedySteps;
  return ex;
}

/**
 * Method of Equal Shares. Approval utility = cost utilities (a voter's satisfaction is the cost of
 * the approved projects funded); points utility = the cumulative ballot's points.
 */
export function mesFromProfile(p: CompiledProfile, opts: MesOptions = {}, engineIn?: MesEngine): RuleResult {
  const completion = opts.completion ?? 'none';
  const engine = engineIn ?? new MesEngine(p);
  const out: AddOneOutcome =
    completion === 'none' ? { run: engine.run(0, false), k: 0, runsComputed: 1 } : mesAddOne(engine);
  let selected = out.run.selected.slice();
  let greedySteps: MesExplanation['completionSteps'];
  let spent = costOf(p, selected);
  if (completion === 'add1-greedy') {
    const order = p.utility === 'points' ? 'POINTS_PER_COST' : 'APPROVALS';
    const keys = greedyKeys(p, order);
    const chosen = new Set(selected);
    const rest = greedyOrderOf(
      p,
      keys,
      p.ids.map((_, q) => q).filter((q) => !chosen.has(q)),
    );
    const g = greedyScan(p, rest, keys, p.budgetExact - spent, order !== 'APPROVALS');
    selected = selected.concat(g.selected);
    greedySteps = g.steps;
    spent = p.budgetExact - g.remaining;
  }
  const explanation =
    opts.explain === false
      ? (undefined as unknown as MesExplanation)
      : explainMes(engine, out, completion, greedySteps, spent);
  return {
    rule: completion === 'none' ? 'mes' : `mes-${completion}`,
    selected: selected.map((q) => p.ids[q]),
    totalCost: Number(spent) / p.scale,
    explanation,
  };
}

export function mes(e: Election, utility: UtilityKind, opts: MesOptions = {}): RuleResult {
  return mesFromProfile(compileProfile(e, utility), opts);
}
