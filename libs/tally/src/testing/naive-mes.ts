import { Election, UtilityKind } from '../model/election.model';
import { Rational, add, cmp, div, mul, rat, ratFromNumber, sub, R0 } from '../util/rational.util';

/**
 * A deliberately plain MES straight from the definition (every voter separately, every project
 * every round, exact rationals throughout). Used only to cross-check the fast engine in tests.
 */
export function naiveMes(e: Election, utility: UtilityKind, k = 0): string[] {
  const n = e.ballots.length;
  if (n === 0) return [];
  const share = add(div(ratFromNumber(e.budget), rat(BigInt(n))), rat(BigInt(k)));
  const budgets: Rational[] = e.ballots.map(() => share);
  const util = e.ballots.map((b) => {
    const m = new Map<string, Rational>();
    b.projects.forEach((pid, i) => {
      const cost = e.projects.find((p) => p.id === pid)!.cost;
      if (utility === 'approval') m.set(pid, ratFromNumber(cost));
      else {
        const prev = m.get(pid) ?? R0;
        m.set(pid, add(prev, ratFromNumber(b.points![i])));
      }
    });
    for (const [pid, u] of Array.from(m.entries())) if (u.n <= 0n) m.delete(pid);
    return m;
  });
  const remaining = new Set(e.projects.filter((p) => p.cost > 0).map((p) => p.id));
  const selected: string[] = [];
  for (;;) {
    let best: { id: string; rho: Rational } | null = null;
    for (const pid of Array.from(remaining)) {
      const cost = ratFromNumber(e.projects.find((p) => p.id === pid)!.cost);
      const sup = e.ballots.map((_, i) => i).filter((i) => util[i].has(pid));
      let total = R0;
      for (const i of sup) total = add(total, budgets[i]);
      if (sup.length === 0 || cmp(total, cost) < 0) {
        remaining.delete(pid);
        continue;
      }
      // try every "poor prefix" in order of budget per utility
      const order = sup.slice().sort((a, b) => cmp(div(budgets[a], util[a].get(pid)!), div(budgets[b], util[b].get(pid)!)));
      let paid = R0;
      let richU = R0;
      for (const i of order) richU = add(richU, util[i].get(pid)!);
      let rho: Rational | null = null;
      for (const i of order) {
        const r = div(sub(cost, paid), richU);
        if (cmp(r, div(budgets[i], util[i].get(pid)!)) <= 0) {
          rho = r;
          break;
        }
        paid = add(paid, budgets[i]);
        richU = sub(richU, util[i].get(pid)!);
      }
      if (rho === null) rho = div(budgets[order[order.length - 1]], util[order[order.length - 1]].get(pid)!);
      if (!best || cmp(rho, best.rho) < 0 || (cmp(rho, best.rho) === 0 && pid < best.id)) best = { id: pid, rho };
    }
    if (!best) return selected;
    for (let i = 0; i < n; i++) {
      const u = util[i].get(best.id);
      if (!u) continue;
      const due = mul(best.rho, u);
      budgets[i] = cmp(budgets[i], due) <= 0 ? R0 : sub(budgets[i], due);
    }
    selected.push(best.id);
    remaining.delete(best.id);
  }
}

/** Add-one completion from its definition, on top of naiveMes. */
export function naiveMesAddOne(e: Election, utility: UtilityKind, maxSteps = 100000): string[] {
  const costOf = (sel: string[]) => sel.reduce((s, id) => s + e.projects.find((p) => p.id === id)!.cost, 0);
  const supported = new Set<string>();
  e.ballots.forEach((b) =>
    b.projects.forEach((pid, i) => {
      if (utility === 'approval' || (b.points?.[i] ?? 0) > 0) supported.add(pid);
    }),
  );
  const cands = e.projects.filter((p) => p.cost > 0 && supported.has(p.id));
  const exhaustive = (sel: string[]) => {
    const left = e.budget - costOf(sel);
    return cands.every((p) => sel.includes(p.id) || p.cost > left);
  };
  let prev = naiveMes(e, utility, 0);
  if (exhaustive(prev)) return prev;
  for (let k = 1; k <= maxSteps; k++) {
    const cur = naiveMes(e, utility, k);
    if (costOf(cur) > e.budget) return prev;
    if (exhaustive(cur)) return cur;
    prev = cur;
  }
  throw new Error('naive add-one did not finish');
}
