import fc from 'fast-check';
import { Election } from '../model/election.model';
import { MesExplanation } from '../model/explanation.model';
import { naiveMes, naiveMesAddOne } from '../testing/naive-mes';
import { greedy } from './greedy.rule';
import { mes } from './mes.rule';
import { apportion } from './apportionment.rule';

/** Small random elections with many exact ties (small integer costs, few voters, empty ballots). */
const electionArb = (cumulative: boolean) =>
  fc
    .record({
      costs: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }),
      budget: fc.integer({ min: 1, max: 60 }),
      ballots: fc.array(fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 0, max: 4 })), { maxLength: 5 }), { maxLength: 9 }),
    })
    .map(({ costs, budget, ballots }): Election => {
      const ids = costs.map((_, i) => String(i * 7 + 3)); // "3","10","17": text order differs from numeric
      return {
        budget,
        projects: costs.map((cost, i) => ({ id: ids[i], cost })),
        ballots: ballots.map((b, v) => {
          const seen = new Map<string, number>();
          for (const [p, pts] of b) if (p < ids.length) seen.set(ids[p], pts);
          const projects = Array.from(seen.keys());
          return cumulative ? { voterId: `v${v}`, projects, points: projects.map((p) => seen.get(p)!) } : { voterId: `v${v}`, projects };
        }),
        ballotRules: { kind: cumulative ? 'cumulative' : 'approval' },
        meta: {},
      };
    });

const cost = (e: Election, sel: string[]) => sel.reduce((s, id) => s + e.projects.find((p) => p.id === id)!.cost, 0);

describe('rule properties', () => {
  it('MES (cost utilities) equals a naive exact implementation and never overspends', () => {
    fc.assert(
      fc.property(electionArb(false), (e) => {
        const r = mes(e, 'approval');
        expect(r.selected).toEqual(naiveMes(e, 'approval'));
        expect(cost(e, r.selected)).toBeLessThanOrEqual(e.budget);
      }),
      { numRuns: 400 },
    );
  });

  it('MES (points utilities) equals a naive exact implementation', () => {
    fc.assert(
      fc.property(electionArb(true), (e) => {
        expect(mes(e, 'points').selected).toEqual(naiveMes(e, 'points'));
      }),
      { numRuns: 300 },
    );
  });

  it('MES add-one equals the step-by-step definition', () => {
    fc.assert(
      fc.property(electionArb(false), (e) => {
        expect(mes(e, 'approval', { completion: 'add1' }).selected).toEqual(naiveMesAddOne(e, 'approval'));
      }),
      { numRuns: 150 },
    );
  });

  it('no voter pays more than their share, and payments cover each cost', () => {
    fc.assert(
      fc.property(electionArb(false), fc.constantFrom('none', 'add1') as fc.Arbitrary<'none' | 'add1'>, (e, completion) => {
        const r = mes(e, 'approval', { completion });
        const ex = r.explanation as MesExplanation;
        for (const rd of ex.rounds) {
          let paid = 0;
          for (const p of rd.payments) {
            if (p.kind === 'FULL_SHARE') {
              expect(p.amount).toBeLessThanOrEqual(ex.startShare + 1e-9);
              paid += p.amount * p.voters;
            } else {
              expect(p.max).toBeLessThanOrEqual(ex.startShare + 1e-9);
              paid += p.total;
            }
          }
          expect(paid).toBeCloseTo(rd.cost, 6);
        }
        for (const x of ex.remaining) expect(x.amount).toBeGreaterThanOrEqual(0);
        expect(cost(e, r.selected)).toBeLessThanOrEqual(e.budget);
      }),
      { numRuns: 300 },
    );
  });

  it('greedy rules are budget-feasible and fund every project that still fits at its turn', () => {
    fc.assert(
      fc.property(electionArb(false), fc.constantFrom('greedy', 'greedy-per-cost') as fc.Arbitrary<'greedy' | 'greedy-per-cost'>, (e, v) => {
        const r = greedy(e, v, 'approval');
        expect(cost(e, r.selected)).toBeLessThanOrEqual(e.budget);
        const left = e.budget - cost(e, r.selected);
        for (const p of e.projects) if (!r.selected.includes(p.id)) expect(p.cost).toBeGreaterThan(left);
      }),
      { numRuns: 300 },
    );
  });

  it('apportionment hands out exactly the seats', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('dhondt', 'sainte-lague', 'largest-remainder') as fc.Arbitrary<'dhondt' | 'sainte-lague' | 'largest-remainder'>,
        (weights, seats, method) => {
          fc.pre(weights.some((w) => w > 0));
          const r = apportion(method, weights.map((weight, i) => ({ id: `p${i}`, weight })), seats);
          expect(r.allocation.reduce((s, a) => s + a.seats, 0)).toBe(seats);
          for (const a of r.allocation) expect(a.seats).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
