import { CompiledProfile } from '../profile/compiled-profile.model';
import { Rational, add, cmp, mul, rat, ratFromNumber, sub, div, toNumber, R0 } from '../util/rational.util';

/**
 * Relative tolerance under which two floating-point quantities are treated as "maybe equal" and
 * re-decided in exact arithmetic. Accumulated rounding error in the float path is below 1e-13
 * relative, so 1e-9 leaves a safety factor of at least 10^4.
 */
export const NEAR = 1e-9;

export interface MesRound {
  project: number;
  /** price per unit of utility (cost utilities: share of the cost each full payer covers / cost). */
  rho: number;
  exactRho?: Rational;
  /** Other projects whose price was exactly equal; the smaller id (as text) won. */
  tiedWith?: number[];
}

export interface MesRunResult {
  k: number;
  rounds: MesRound[];
  selected: number[];
  /** Projects found unaffordable, with the round (index into rounds) they were found in. */
  dropped: { project: number; round: number }[];
  /**
   * How far (in scaled money per voter) the initial per-voter budget may grow while this run's
   * decisions all stay the same; the add-one loop skips steps inside that range.
   */
  safeIncrease: number;
  /** Per-voter start budget, float and exact (scaled units). */
  b0: number;
  b0Exact: Rational;
}

/** Largest increase Δ ≥ 0 for which m + s·Δ stays positive, with an error margin. */
function safeDelta(margin: number, slope: number, magnitude: number): number {
  const eps = NEAR * magnitude;
  if (margin <= eps) return 0;
  if (slope >= 0) return Infinity;
  return (margin - eps) / (-slope * (1 + 1e-7));
}

/**
 * Method of Equal Shares on a compiled profile. Floats decide whenever the margin is clear; every
 * comparison closer than NEAR is redone exactly with BigInt rationals, so rounding never picks a
 * winner. `run(k, true)` also tracks derivatives with respect to the per-voter start budget (a
 * first attempt at skipping add-one steps; on real data the decision structure changes almost every
 * unit, so add-one now uses `certify`, interval arithmetic, instead; kept as a diagnostic).
 */
export class MesEngine {
  readonly p: CompiledProfile;
  readonly budgets: Float64Array;
  private readonly dBudgets: Float64Array;
  private readonly prevRho: Float64Array;
  private readonly dPrevRho: Float64Array;
  private readonly prevAllRich: Uint8Array;
  readonly selRound: Int32Array;
  private readonly baseCandidates: number[];
  private readonly isPoints: boolean;
  private readonly utilExactCache = new Map<number, Rational>();

  // results of the last evaluate()
  private evRho = 0;
  private evDRho = 0;
  private evAllRich = false;
  private evNear = false;
  private evExact: Rational | undefined;
  private safe = Infinity;

  // exact state of the current run
  private curB0Exact: Rational = R0;
  private curRounds: MesRound[] = [];

  constructor(profile: CompiledProfile) {
    this.p = profile;
    this.isPoints = profile.utility === 'points';
    this.budgets = new Float64Array(profile.nGroups);
    this.dBudgets = new Float64Array(profile.nGroups);
    const m = profile.ids.length;
    this.prevRho = new Float64Array(m);
    this.dPrevRho = new Float64Array(m);
    this.prevAllRich = new Uint8Array(m);
    this.selRound = new Int32Array(m);
    // Zero-cost projects give no cost-satisfaction, and unsupported projects have no payers.
    this.baseCandidates = [];
    for (let q = 0; q < m; q++) {
      if (profile.costs[q] > 0 && profile.pStart[q + 1] > profile.pStart[q]) this.baseCandidates.push(q);
    }
    // Evaluate in id order on ties of the lower bound so that equal prices meet in one list.
    this.baseCandidates.sort((a, b) => profile.idRank[a] - profile.idRank[b]);
  }

  /** MES candidates: positive cost and at least one supporter. */
  get candidates(): readonly number[] {
    return this.baseCandidates;
  }

  /** Start budget per voter, in scaled units, for add-one step k (k currency units per voter). */
  b0ExactFor(k: number): Rational {
    const p = this.p;
    const n = BigInt(p.nVoters);
    return rat(p.budgetExact + BigInt(k) * n * BigInt(p.scale), n);
  }

  private utilExact(u: number): Rational {
    let r = this.utilExactCache.get(u);
    if (!r) {
      r = ratFromNumber(u);
      this.utilExactCache.set(u, r);
    }
    return r;
  }

  run(k: number, withSensitivity: boolean): MesRunResult {
    const P = this.p;
    const sens = withSensitivity;
    const b0Exact = P.nVoters > 0 ? this.b0ExactFor(k) : R0;
    const b0 = P.nVoters > 0 ? P.budget / P.nVoters + k * P.scale : 0;
    this.curB0Exact = b0Exact;
    this.budgets.fill(b0);
    if (sens) this.dBudgets.fill(1);
    this.safe = Infinity;
    this.selRound.fill(0x7fffffff);
    const rounds: MesRound[] = [];
    this.curRounds = rounds;
    const result: MesRunResult = { k, rounds, selected: [], dropped: [], safeIncrease: Infinity, b0, b0Exact };
    if (P.nVoters === 0) return result;

    const cand = this.baseCandidates.slice();
    for (const q of cand) {
      // Lower bound before any payment: everyone pays rho·u with full budgets.
      this.prevRho[q] = P.costs[q] / P.totalUtility[q];
      this.dPrevRho[q] = 0;
      this.prevAllRich[q] = 0;
    }
    const rank = P.idRank;
    const near: number[] = [];
    let dropped: number[] = [];

    while (cand.length > 0) {
      cand.sort((a, b) => this.prevRho[a] - this.prevRho[b] || rank[a] - rank[b]);
      let best = Infinity;
      near.length = 0;
      dropped = [];
      for (let i = 0; i < cand.length; i++) {
        const q = cand[i];
        if (this.prevRho[q] > best * (1 + NEAR)) break;
        const ok = this.evaluate(q, rounds.length, sens);
        if (!ok) {
          dropped.push(q);
          continue;
        }
        this.prevRho[q] = this.evRho;
        this.dPrevRho[q] = this.evDRho;
        this.prevAllRich[q] = this.evAllRich && !this.evNear ? 1 : 0;
        if (this.evExact) this.exactCache.set(q, this.evExact);
        if (this.evNear) this.nearFlag.add(q);
        if (this.evRho < best) best = this.evRho;
        near.push(q);
      }
      for (const q of dropped) cand.splice(cand.indexOf(q), 1);
      if (near.length === 0) {
        this.clearRoundCaches();
        for (const q of dropped) result.dropped.push({ project: q, round: rounds.length });
        break;
      }
      // Candidates within NEAR of the best are decided exactly.
      let contenders = near.filter((q) => this.prevRho[q] <= best * (1 + NEAR));
      let winner: number;
      let winnerExact: Rational | undefined;
      let tied: number[] | undefined;
      if (contenders.length === 1) {
        winner = contenders[0];
        if (this.nearFlag.has(winner) && sens) this.safe = 0;
      } else {
        let bestR: Rational | null = null;
        winner = -1;
        for (const q of contenders) {
          const r = this.exactRhoNow(q, rounds.length);
          if (r === null) continue;
          if (winner < 0) {
            bestR = r;
            winner = q;
            continue;
          }
          const c = bestR === null ? -1 : cmp(r, bestR);
          if (c < 0 || (c === 0 && rank[q] < rank[winner])) {
            bestR = r;
            winner = q;
          }
        }
        if (winner < 0) throw new Error('internal: no affordable contender in exact arithmetic');
        winnerExact = bestR ?? undefined;
        for (const q of contenders) {
          if (q === winner) continue;
          const r = this.exactCache.get(q);
          if (r && bestR && cmp(r, bestR) === 0) (tied ??= []).push(q);
        }
        // An exact tie that holds for every budget (all supporters pay in full on both sides) keeps
        // the add-one region open; any other near-tie closes it.
        if (sens && !contenders.every((q) => this.prevAllRich[q] === 1)) this.safe = 0;
        contenders = [winner];
      }
      const rhoW = winnerExact ? toNumber(winnerExact) : this.prevRho[winner];
      const dRhoW = this.dPrevRho[winner];
      if (sens && this.safe > 0) {
        const richW = this.prevAllRich[winner] === 1;
        for (const q of cand) {
          if (q === winner) continue;
          if (richW && this.prevAllRich[q] === 1) continue; // both constant in the start budget
          const d = safeDelta(this.prevRho[q] - rhoW, this.dPrevRho[q] - dRhoW, Math.max(this.prevRho[q], rhoW));
          if (d < this.safe) this.safe = d;
        }
      }
      if (winnerExact === undefined && this.exactCache.has(winner)) winnerExact = this.exactCache.get(winner);
      this.pay(winner, rhoW, dRhoW, sens);
      this.selRound[winner] = rounds.length;
      rounds.push(tied ? { project: winner, rho: rhoW, exactRho: winnerExact, tiedWith: tied } : { project: winner, rho: rhoW, exactRho: winnerExact });
      result.selected.push(winner);
      cand.splice(cand.indexOf(winner), 1);
      for (const q of dropped) result.dropped.push({ project: q, round: rounds.length - 1 });
      this.clearRoundCaches();
    }
    result.safeIncrease = this.safe;
    return result;
  }

  private readonly exactCache = new Map<number, Rational>();
  private readonly nearFlag = new Set<number>();
  private clearRoundCaches(): void {
    this.exactCache.clear();
    this.nearFlag.clear();
    this.budgetMemo.clear();
  }

  /**
   * Float evaluation of one project at the current state. Returns false if its supporters cannot
   * afford it (it is then dropped for good, since budgets only shrink).
   */
  private evaluate(q: number, round: number, sens: boolean): boolean {
    const P = this.p;
    const b = this.budgets;
    const db = this.dBudgets;
    const w = P.groupWeight;
    const s = P.pStart[q];
    const e = P.pStart[q + 1];
    const c = P.costs[q];
    this.evExact = undefined;
    this.evNear = false;
    let T = 0;
    let dT = 0;
    for (let j = s; j < e; j++) {
      const g = P.pGroup[j];
      T += w[g] * b[g];
    }
    if (sens) for (let j = s; j < e; j++) dT += w[P.pGroup[j]] * db[P.pGroup[j]];
    if (T < c * (1 - NEAR)) {
      if (sens) {
        const d = safeDelta(c - T, -dT, c);
        if (d < this.safe) this.safe = d;
      }
      return false;
    }
    if (T <= c * (1 + NEAR)) return this.evaluateExactly(q, round, sens);

    let rho = c / P.totalUtility[q];
    let poorW = 0;
    let richU = P.totalUtility[q];
    let nearSeen = false;
    let iter = 0;
    // Water-filling by fixed point: raise rho until no further supporter runs out of money. The poor
    // set only grows, so an unchanged poor weight means the same set.
    for (;;) {
      let cw = 0;
      let pb = 0;
      let ru = 0;
      nearSeen = false;
      for (let j = s; j < e; j++) {
        const g = P.pGroup[j];
        const bb = b[g];
        const due = rho * P.pUtil[j];
        if (bb < due) {
          cw += w[g];
          pb += w[g] * bb;
          if (due - bb <= NEAR * due) nearSeen = true;
        } else {
          ru += w[g] * P.pUtil[j];
          if (bb - due <= NEAR * bb) nearSeen = true;
        }
      }
      if (cw === poorW) {
        richU = ru;
        break;
      }
      if (ru <= 0 || ++iter > 60) return this.evaluateExactly(q, round, sens);
      poorW = cw;
      rho = (c - pb) / ru;
    }
    let poorDB = 0;
    if (sens) {
      for (let j = s; j < e; j++) {
        const g = P.pGroup[j];
        if (b[g] < rho * P.pUtil[j]) poorDB += w[g] * db[g];
      }
    }
    const dRho = sens ? -poorDB / richU : 0;
    this.evRho = rho;
    this.evDRho = dRho;
    this.evAllRich = poorW === 0;
    this.evNear = nearSeen;
    if (sens) {
      if (nearSeen) this.safe = 0;
      else if (this.safe > 0) {
        for (let j = s; j < e; j++) {
          const g = P.pGroup[j];
          const u = P.pUtil[j];
          const due = rho * u;
          const mrg = b[g] - due;
          const slope = db[g] - dRho * u;
          const d = mrg >= 0 ? safeDelta(mrg, slope, Math.max(b[g], due)) : safeDelta(-mrg, -slope, Math.max(b[g], due));
          if (d < this.safe) this.safe = d;
        }
      }
    }
    return true;
  }

  private evaluateExactly(q: number, round: number, sens: boolean): boolean {
    if (sens) this.safe = 0;
    const r = this.exactRhoAt(q, round);
    if (r === null) return false;
    this.evExact = r;
    this.evRho = toNumber(r);
    this.evDRho = 0;
    this.evAllRich = false;
    this.evNear = true;
    return true;
  }

  /** Exact price of q now, reusing this round's cache. */
  private exactRhoNow(q: number, round: number): Rational | null {
    const c = this.exactCache.get(q);
    if (c) return c;
    const P = this.p;
    let r: Rational | null;
    if (this.prevAllRich[q] === 1) {
      // Everyone pays rho·u in full: rho = cost / Σ utility, exactly.
      r = this.isPoints ? this.allRichPointsRho(q) : rat(1n, BigInt(P.supporters[q]));
    } else {
      r = this.exactRhoAt(q, round);
    }
    if (r) this.exactCache.set(q, r);
    return r;
  }

  private allRichPointsRho(q: number): Rational {
    const P = this.p;
    let U = R0;
    for (let j = P.pStart[q]; j < P.pStart[q + 1]; j++) {
      U = add(U, mul(rat(BigInt(P.groupWeight[P.pGroup[j]])), this.utilExact(P.pUtil[j])));
    }
    return div(rat(P.costExact[q]), U);
  }

  private readonly budgetMemo = new Map<string, Rational>();

  private exactRoundRho(roundIdx: number): Rational {
    const rd = this.curRounds[roundIdx];
    if (!rd.exactRho) {
      const r = this.exactRhoAt(rd.project, roundIdx);
      if (r === null) throw new Error('internal: selected project not affordable in exact arithmetic');
      rd.exactRho = r;
    }
    return rd.exactRho;
  }

  /**
   * Exact budget of group g at the start of round `round`: max(0, b0 − Σ rho_r·u) over the
   * projects it supports that were selected before that round (a voter pays rho·u while they can,
   * then everything they have left, and 0 afterwards).
   */
  exactBudget(g: number, round: number, memo?: Map<string, Rational>): Rational {
    const P = this.p;
    let key = '';
    for (let j = P.gStart[g]; j < P.gStart[g + 1]; j++) {
      const r = this.selRound[P.gProj[j]];
      if (r < round) key += this.isPoints ? `${r}:${P.gUtil[j]},` : `${r},`;
    }
    if (key === '') return this.curB0Exact;
    const mkey = `${round}|${key}`;
    const hit = memo?.get(mkey);
    if (hit) return hit;
    let spent = R0;
    for (let j = P.gStart[g]; j < P.gStart[g + 1]; j++) {
      const r = this.selRound[P.gProj[j]];
      if (r < round) {
        const rho = this.exactRoundRho(r);
        spent = add(spent, mul(rho, this.isPoints ? this.utilExact(P.gUtil[j]) : rat(P.costExact[P.gProj[j]])));
      }
    }
    let bud = sub(this.curB0Exact, spent);
    if (bud.n < 0n) bud = R0;
    memo?.set(mkey, bud);
    return bud;
  }

  /** Exact MES price of q at the start of `round`, or null if its supporters cannot afford it. */
  exactRhoAt(q: number, round: number): Rational | null {
    const P = this.p;
    const classes = new Map<string, { b: Rational; u: Rational; w: bigint }>();
    const memo = this.budgetMemo;
    for (let j = P.pStart[q]; j < P.pStart[q + 1]; j++) {
      const g = P.pGroup[j];
      const bud = this.exactBudget(g, round, memo);
      const u = this.isPoints ? this.utilExact(P.pUtil[j]) : rat(P.costExact[q]);
      const key = `${bud.n}/${bud.d}|${u.n}/${u.d}`;
      const cl = classes.get(key);
      if (cl) cl.w += BigInt(P.groupWeight[g]);
      else classes.set(key, { b: bud, u, w: BigInt(P.groupWeight[g]) });
    }
    const cost = rat(P.costExact[q]);
    const list = Array.from(classes.values());
    let total = R0;
    for (const cl of list) total = add(total, mul(cl.b, rat(cl.w)));
    if (cmp(total, cost) < 0) return null;
    // Water-filling: sort by budget per unit of utility; the first k classes pay everything.
    const ratio = list.map((cl) => ({ cl, r: div(cl.b, cl.u) }));
    ratio.sort((x, y) => cmp(x.r, y.r));
    let richU = R0;
    for (const x of ratio) richU = add(richU, mul(x.cl.u, rat(x.cl.w)));
    let poorPaid = R0;
    for (let i = 0; i < ratio.length; i++) {
      const rho = div(sub(cost, poorPaid), richU);
      if (cmp(rho, ratio[i].r) <= 0) return rho;
      poorPaid = add(poorPaid, mul(ratio[i].cl.b, rat(ratio[i].cl.w)));
      richU = sub(richU, mul(ratio[i].cl.u, rat(ratio[i].cl.w)));
    }
    // Total equals cost exactly: everyone pays all they have.
    return ratio[ratio.length - 1].r;
  }

  // ---- interval certification for add-one -------------------------------------------------

  private lo: Float64Array | null = null;
  private hi: Float64Array | null = null;
  private ivAllRich = false;

  /**
   * Float water-filling of q on the given budgets: rho, Infinity if clearly unaffordable, NaN if
   * affordability is too close to call.
   */
  private rhoOn(q: number, b: Float64Array): number {
    const P = this.p;
    const w = P.groupWeight;
    const s = P.pStart[q];
    const e = P.pStart[q + 1];
    const c = P.costs[q];
    let rho = c / P.totalUtility[q];
    let poorW = 0;
    let T = 0;
    let first = true;
    let iter = 0;
    this.ivAllRich = false;
    for (;;) {
      let cw = 0;
      let pb = 0;
      let ru = 0;
      let t = 0;
      let nearSeen = false;
      for (let j = s; j < e; j++) {
        const g = P.pGroup[j];
        const bb = b[g];
        const due = rho * P.pUtil[j];
        if (first) t += w[g] * bb;
        if (bb < due) {
          cw += w[g];
          pb += w[g] * bb;
        } else {
          ru += w[g] * P.pUtil[j];
          if (bb - due <= NEAR * bb) nearSeen = true;
        }
      }
      if (first) {
        T = t;
        if (T < c * (1 - NEAR)) return Infinity;
        if (T <= c * (1 + NEAR)) return NaN;
        first = false;
        if (cw === 0) {
          this.ivAllRich = !nearSeen;
          return rho;
        }
      } else if (cw === poorW) return rho;
      if (ru <= 0 || ++iter > 60) return NaN;
      poorW = cw;
      rho = (c - pb) / ru;
    }
  }

  /** Both exactly constant (all supporters pay in full over the whole range): compare exactly. */
  private constantRhoCmp(a: number, b: number): number {
    const P = this.p;
    if (!this.isPoints) {
      // rho = 1 / supporters
      return P.supporters[b] - P.supporters[a];
    }
    const ua = this.allRichPointsRho(a);
    const ub = this.allRichPointsRho(b);
    return cmp(ua, ub);
  }

  /**
   * Proves, in interval arithmetic, that for every per-voter start budget between those of steps
   * kLo and kHi, MES selects exactly `expected` in that order and then stops. Budgets are kept as
   * [lo, hi] bounds; rho is decreasing in every budget, and what is left after paying is increasing
   * in the budget and decreasing in rho, so bounds propagate soundly round by round. Any comparison
   * closer than NEAR makes the proof fail (the caller then computes steps one by one).
   */
  certify(kLo: number, kHi: number, expected: readonly number[]): boolean {
    const P = this.p;
    if (P.nVoters === 0) return false;
    const lo = (this.lo ??= new Float64Array(P.nGroups));
    const hi = (this.hi ??= new Float64Array(P.nGroups));
    lo.fill(P.budget / P.nVoters + kLo * P.scale);
    hi.fill(P.budget / P.nVoters + kHi * P.scale);
    const cand = this.baseCandidates.slice();
    const prevLo = this.prevRho;
    for (const q of cand) prevLo[q] = P.costs[q] / P.totalUtility[q];
    for (let t = 0; t <= expected.length; t++) {
      const w = t < expected.length ? expected[t] : -1;
      let wLo = 0;
      let wHi = 0;
      let wConst = false;
      if (w >= 0) {
        if (cand.indexOf(w) < 0) return false;
        wHi = this.rhoOn(w, lo);
        wConst = this.ivAllRich;
        if (!Number.isFinite(wHi)) return false;
        wLo = wConst ? wHi : this.rhoOn(w, hi);
        if (!Number.isFinite(wLo)) return false;
      }
      cand.sort((a, b) => prevLo[a] - prevLo[b]);
      const removed: number[] = [];
      for (const q of cand) {
        if (q === w) continue;
        if (w >= 0 && prevLo[q] > wHi * (1 + NEAR)) break;
        const r = this.rhoOn(q, hi);
        if (r === Infinity) {
          removed.push(q);
          continue;
        }
        if (w < 0 || Number.isNaN(r)) return false;
        prevLo[q] = r;
        if (r > wHi * (1 + NEAR)) continue;
        // Too close: only an exact, budget-independent tie won by the smaller id is acceptable.
        if (!wConst) return false;
        this.rhoOn(q, lo);
        if (!this.ivAllRich) return false;
        const c = this.constantRhoCmp(w, q);
        if (!(c < 0 || (c === 0 && P.idRank[w] < P.idRank[q]))) return false;
      }
      if (w < 0) return true;
      for (const q of removed) cand.splice(cand.indexOf(q), 1);
      cand.splice(cand.indexOf(w), 1);
      for (let j = P.pStart[w]; j < P.pStart[w + 1]; j++) {
        const g = P.pGroup[j];
        const u = P.pUtil[j];
        const l = lo[g] - wHi * u;
        const h = hi[g] - wLo * u;
        lo[g] = l > 0 ? l : 0;
        hi[g] = h > 0 ? h : 0;
      }
    }
    return true;
  }

  private pay(q: number, rho: number, dRho: number, sens: boolean): void {
    const P = this.p;
    const b = this.budgets;
    const db = this.dBudgets;
    for (let j = P.pStart[q]; j < P.pStart[q + 1]; j++) {
      const g = P.pGroup[j];
      const due = rho * P.pUtil[j];
      if (b[g] <= due) {
        b[g] = 0;
        if (sens) db[g] = 0;
      } else {
        b[g] -= due;
        if (sens) db[g] -= dRho * P.pUtil[j];
      }
    }
  }
}
