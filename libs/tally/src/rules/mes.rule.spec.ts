import { election, repeat } from '../testing/election.builder';
import { mes } from './mes.rule';
import { MesExplanation } from '../model/explanation.model';

describe('Method of Equal Shares', () => {
  it('n counts empty ballots: they shrink every share', () => {
    const ballots = [['q'], ['p'], ['p']];
    const costs = { p: 40, q: 27 };
    expect(mes(election(100, costs, ballots), 'approval').selected).toEqual(['p', 'q']);
    expect(mes(election(100, costs, [...ballots, []]), 'approval').selected).toEqual(['p']);
  });

  it('explains payments, remaining money and what a loser lacks', () => {
    const e = election(100, { p: 60, q: 30, r: 0 }, [['p', 'q', 'r'], ['p', 'r'], ['p', 'r'], []]);
    const r = mes(e, 'approval');
    expect(r.selected).toEqual(['p']);
    const ex = r.explanation as MesExplanation;
    expect(ex.startShare).toBe(25);
    expect(ex.rounds[0]).toMatchObject({ project: 'p', supporters: 3, sharePerVoter: 20 });
    expect(ex.rounds[0].payments).toEqual([{ kind: 'FULL_SHARE', amount: 20, voters: 3 }]);
    expect(ex.remaining).toEqual([
      { amount: 25, voters: 1 },
      { amount: 5, voters: 3 },
    ]);
    const q = ex.notSelected.find((l) => l.project === 'q')!;
    expect(q).toMatchObject({ reason: 'SUPPORTERS_CANNOT_AFFORD', supportersMoney: 5, shortfall: 25, extraSupportersNeeded: 1 });
    expect(ex.notSelected.find((l) => l.project === 'r')!.reason).toBe('ZERO_COST');
  });

  it('a project costlier than the budget and a project without votes are never selected', () => {
    const e = election(100, { big: 101, a: 50, none: 10 }, [['big', 'a'], ['big', 'a']]);
    const r = mes(e, 'approval');
    expect(r.selected).toEqual(['a']);
    const ex = r.explanation as MesExplanation;
    expect(ex.notSelected.find((l) => l.project === 'none')!.reason).toBe('NO_SUPPORT');
  });

  it('exact ties go to the smaller id as text', () => {
    const e = election(30, { '9': 10, '10': 20 }, repeat(3, ['9', '10']));
    const r = mes(e, 'approval');
    expect(r.selected).toEqual(['10', '9']);
    expect((r.explanation as MesExplanation).rounds[0].tiedWith).toEqual(['9']);
    expect((r.explanation as MesExplanation).rounds[0].rhoExact).toBe('1/3');
  });

  it('voters who cannot pay the full share pay what they have', () => {
    // share 10; y (rho 1/4) leaves v0 with 1, so for x v4 and v5 pay (20 - 1) / 2 = 9.5 each.
    const e = election(60, { y: 36, x: 20 }, [['y', 'x'], ['y'], ['y'], ['y'], ['x'], ['x']]);
    const r = mes(e, 'approval');
    expect(r.selected).toEqual(['y', 'x']);
    const ex = r.explanation as MesExplanation;
    expect(ex.rounds[1].payments).toEqual([
      { kind: 'FULL_SHARE', amount: 9.5, voters: 2 },
      { kind: 'ALL_REMAINING', voters: 1, total: 1, min: 1, max: 1 },
    ]);
  });

  it('add-one raises every share by one unit until the outcome is exhaustive', () => {
    const e = election(100, { A: 60, B: 40 }, [['A', 'B'], ['A']]);
    expect(mes(e, 'approval').selected).toEqual(['A']);
    const r = mes(e, 'approval', { completion: 'add1' });
    expect(r.selected).toEqual(['A', 'B']);
    expect((r.explanation as MesExplanation).addOneSteps).toBe(20);
  });

  it('add1-greedy fills what add-one leaves, including unsupported projects that fit', () => {
    const e = election(100, { A: 60, B: 50, C: 30, D: 5 }, [['A', 'B'], ['A'], ['C']]);
    const r = mes(e, 'approval', { completion: 'add1-greedy' });
    const plain = mes(e, 'approval', { completion: 'add1' });
    expect(r.selected.slice(0, plain.selected.length)).toEqual(plain.selected);
    expect(r.totalCost).toBeLessThanOrEqual(100);
    expect(r.selected).toContain('D');
  });

  it('points utilities: payments proportional to points; only positive points count', () => {
    const e = election(10, { x: 6, y: 6 }, [{ projects: ['x', 'y'], points: [3, 1] }, { projects: ['y', 'x'], points: [2, 0] }], 'cumulative');
    const r = mes(e, 'points');
    expect(r.selected).toEqual(['y']);
    const ex = r.explanation as MesExplanation;
    expect(ex.rounds[0].payments).toEqual([
      { kind: 'FULL_SHARE', amount: 4, voters: 1, utility: 2 },
      { kind: 'FULL_SHARE', amount: 2, voters: 1, utility: 1 },
    ]);
    // as approvals x has both voters (0 points still listed): x wins.
    expect(mes(e, 'approval').selected).toEqual(['x']);
  });

  it('no voters: nothing is selected', () => {
    expect(mes(election(10, { a: 1 }, []), 'approval', { completion: 'add1' }).selected).toEqual([]);
  });
});
