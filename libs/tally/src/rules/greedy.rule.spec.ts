import { election } from '../testing/election.builder';
import { greedy } from './greedy.rule';
import { GreedyExplanation } from '../model/explanation.model';

describe('greedy rules', () => {
  // approvals: a=3 b=2 c=2 d=3 z=1 (zero cost) n=0 y=0 (zero cost, unsupported); one empty ballot.
  const e = election(10, { a: 6, b: 5, c: 4, d: 12, z: 0, n: 1, y: 0 }, [['a', 'b', 'd', 'z'], ['a', 'c', 'd'], ['b', 'c', 'd'], ['a'], []]);

  it('greedy by approvals: zero-cost supported first, skips what no longer fits, unsupported zero-cost last', () => {
    const r = greedy(e, 'greedy', 'approval');
    expect(r.selected).toEqual(['z', 'a', 'c', 'y']);
    expect(r.totalCost).toBe(10);
    const ex = r.explanation as GreedyExplanation;
    expect(ex.steps.map((s) => [s.project, s.decision])).toEqual([
      ['z', 'SELECTED'],
      ['a', 'SELECTED'],
      ['d', 'SKIPPED_EXCEEDS_BUDGET'],
      ['b', 'SKIPPED_EXCEEDS_REMAINING'],
      ['c', 'SELECTED'],
      ['n', 'SKIPPED_EXCEEDS_REMAINING'],
      ['y', 'SELECTED'],
    ]);
    expect(ex.steps[1].tiedWith).toEqual(['d']);
    expect(ex.steps[1]).toMatchObject({ score: 3, remainingBefore: 10, remainingAfter: 4 });
    expect(ex.leftover).toBe(0);
  });

  it('greedy per cost orders by approvals per unit of cost', () => {
    const r = greedy(e, 'greedy-per-cost', 'approval');
    expect(r.selected).toEqual(['z', 'a', 'c', 'y']);
    const ex = r.explanation as GreedyExplanation;
    expect(ex.steps.map((s) => s.project)).toEqual(['z', 'a', 'c', 'b', 'd', 'n', 'y']);
    expect(ex.steps[1].scorePerCost).toBeCloseTo(0.5);
  });

  it('breaks exact ties by id compared as text ("10" before "9")', () => {
    const t = election(5, { '9': 5, '10': 5 }, [['9', '10'], ['9', '10']]);
    expect(greedy(t, 'greedy', 'approval').selected).toEqual(['10']);
    expect(greedy(t, 'greedy-per-cost', 'approval').selected).toEqual(['10']);
  });

  it('points greedy ranks by points per cost', () => {
    const c = election(10, { x: 6, y: 6 }, [{ projects: ['x', 'y'], points: [3, 1] }, { projects: ['y'], points: [2] }], 'cumulative');
    expect(greedy(c, 'greedy', 'points').selected).toEqual(['x']);
    // as approvals: y has 2 approvals, x 1
    expect(greedy(c, 'greedy', 'approval').selected).toEqual(['y']);
  });

  it('handles decimal money exactly', () => {
    const d = election(0.3, { a: 0.1, b: 0.2, c: 0.05 }, [['a', 'b'], ['a', 'b'], ['c']]);
    expect(greedy(d, 'greedy', 'approval').selected).toEqual(['a', 'b']);
  });
});
