import { aggregate, Criterion, scoreProblems, weightedTotal } from './aggregation';

const criteria: Criterion[] = [
  { key: 'relevance', weight: 3, min: 0, max: 10 },
  { key: 'budget', weight: 1, min: 0, max: 10 },
];
const s = (applicationId: string, expertId: string, relevance: number, budget: number) => ({ applicationId, expertId, scores: { relevance, budget } });

describe('aggregation (hand-computed)', () => {
  it('weighted mean of raw scores: (3·8 + 1·4) / 4 = 7', () => {
    expect(weightedTotal(criteria, { relevance: 8, budget: 4 })).toBe(7);
  });

  it('ranks by weighted mean, with per-expert z-scores and the spread', () => {
    // e1 totals: X 7, Y 4, Z 5 → mean 16/3, σ = √(14/9) = 1.247219
    // e2 totals: X 10, Y 8 → mean 9, σ = 1
    const r = aggregate(criteria, [s('X', 'e1', 8, 4), s('Y', 'e1', 4, 4), s('Z', 'e1', 6, 2), s('X', 'e2', 10, 10), s('Y', 'e2', 8, 8)]);
    expect(r.map((a) => a.applicationId)).toEqual(['X', 'Y', 'Z']);
    const [x, y, z] = r;
    expect(x).toMatchObject({ reviews: 2, weightedMean: 8.5, spread: 3 });
    expect(x.perExpert).toEqual([{ expertId: 'e1', total: 7, z: 1.336306 }, { expertId: 'e2', total: 10, z: 1 }]);
    expect(x.meanZ).toBeCloseTo((1.336306 + 1) / 2, 6);
    expect(y).toMatchObject({ weightedMean: 6, spread: 4 });
    expect(y.perExpert.map((p) => p.z)).toEqual([-1.069045, -1]);
    expect(z).toMatchObject({ reviews: 1, weightedMean: 5, spread: 0, meanZ: -0.267261 });
  });

  it('an expert who gives everything the same gets z = 0 (no division by zero)', () => {
    const r = aggregate(criteria, [s('A', 'e', 5, 5), s('B', 'e', 5, 5)]);
    expect(r.every((a) => a.meanZ === 0)).toBe(true);
  });

  it('the normalised score breaks a tie of weighted means', () => {
    // A and B both 6 on the mean; A's 6 is the strict expert's best mark.
    const r = aggregate(criteria, [s('A', 'strict', 6, 6), s('C', 'strict', 2, 2), s('B', 'kind', 6, 6), s('D', 'kind', 10, 10)]);
    expect(r.find((a) => a.applicationId === 'A')!.meanZ).toBe(1);
    expect(r.find((a) => a.applicationId === 'B')!.meanZ).toBe(-1);
    expect(r.map((a) => a.applicationId)).toEqual(['D', 'A', 'B', 'C']);
  });

  it('names each score problem by its path: out of scale, unknown, duplicate, missing', () => {
    expect(scoreProblems(criteria, [{ criterionKey: 'relevance', score: 11 }, { criterionKey: 'budget', score: 3 }])).toEqual([{ path: 'input.scores.0.score', key: 'errors.competitions.score.outOfScale', params: { min: 0, max: 10 } }]);
    expect(scoreProblems(criteria, [{ criterionKey: 'relevance', score: 2.5 }, { criterionKey: 'budget', score: 3 }])[0].path).toBe('input.scores.0.score');
    expect(scoreProblems(criteria, [{ criterionKey: 'x', score: 1 }])[0].key).toBe('errors.competitions.score.unknownCriterion');
    expect(scoreProblems(criteria, [{ criterionKey: 'budget', score: 1 }, { criterionKey: 'budget', score: 1 }])[0].key).toBe('errors.competitions.score.duplicate');
    expect(scoreProblems(criteria, [{ criterionKey: 'budget', score: 1 }])).toEqual([{ path: 'input.scores', key: 'errors.competitions.score.missingCriterion', params: { criterion: 'relevance' } }]);
    expect(scoreProblems(criteria, [{ criterionKey: 'budget', score: 0 }, { criterionKey: 'relevance', score: 10 }])).toEqual([]);
  });
});
