import { validateBallot, validateElection } from './ballot.validation';
import { Project } from '../model/election.model';
import { election } from '../testing/election.builder';

const projects = new Map<string, Project>([
  ['a', { id: 'a', cost: 50 }],
  ['b', { id: 'b', cost: 70 }],
]);
const codes = (i: { code: string }[]) => i.map((x) => x.code);

describe('ballot validation', () => {
  it('approval: unknown, duplicate, too few/many, cost cap', () => {
    expect(codes(validateBallot({ voterId: 'v', projects: ['a', 'x', 'a'] }, { kind: 'approval', maxLength: 2 }, projects, 100))).toEqual([
      'UNKNOWN_PROJECT',
      'DUPLICATE_PROJECT',
      'TOO_MANY_PROJECTS',
    ]);
    expect(codes(validateBallot({ voterId: 'v', projects: [] }, { kind: 'approval', minLength: 1 }, projects, 100))).toEqual(['TOO_FEW_PROJECTS']);
    const cap = validateBallot({ voterId: 'v', projects: ['a', 'b'] }, { kind: 'approval', maxTotalCost: 100 }, projects, 1000);
    expect(cap).toEqual([expect.objectContaining({ code: 'OVER_COST_CAP', actual: 120, limit: 100 })]);
  });
  it('knapsack: within the budget', () => {
    expect(codes(validateBallot({ voterId: 'v', projects: ['a', 'b'] }, { kind: 'knapsack' }, projects, 100))).toEqual(['OVER_BUDGET']);
    expect(validateBallot({ voterId: 'v', projects: ['b'] }, { kind: 'knapsack' }, projects, 100)).toEqual([]);
  });
  it('cumulative: points caps and sign', () => {
    const r = { kind: 'cumulative' as const, maxSumPoints: 5, maxPoints: 4 };
    expect(codes(validateBallot({ voterId: 'v', projects: ['a', 'b'], points: [5, 1] }, r, projects, 100))).toEqual(['OVER_POINTS_PER_PROJECT', 'OVER_POINTS_CAP']);
    expect(codes(validateBallot({ voterId: 'v', projects: ['a'], points: [-1] }, r, projects, 100))).toEqual(['NEGATIVE_POINTS']);
    expect(codes(validateBallot({ voterId: 'v', projects: ['a'] }, r, projects, 100))).toEqual(['POINTS_MISSING']);
  });
  it('projects: negative cost and duplicate ids', () => {
    const e = election(10, [['a', -1], ['a', 2]], []);
    expect(codes(validateElection(e))).toEqual(['NEGATIVE_COST', 'DUPLICATE_PROJECT_ID']);
    expect(validateElection(e)[0].message).toMatch(/project a: cost -1 is negative/);
  });
});
