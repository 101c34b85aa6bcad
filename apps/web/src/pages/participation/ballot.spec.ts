import { sheetProblem } from './ballot';

const options = [
  { id: 'a', cost: '60000000' },
  { id: 'b', cost: '40000000' },
  { id: 'c', cost: '1' },
];
const knapsack = { ballotKind: 'KNAPSACK', envelope: '100000000', minChoices: 1, maxChoices: null, maxPoints: null };

test('a paper sheet that cannot count is said before it is saved, with the API’s own message', () => {
  expect(sheetProblem(knapsack, options, ['a', 'b'])).toBeNull();
  expect(sheetProblem(knapsack, options, ['a', 'b', 'c'])).toEqual({ key: 'errors.participation.ballot.OVER_COST_CAP' });
  expect(sheetProblem(knapsack, options, [])).toEqual({ key: 'errors.participation.ballot.TOO_FEW_PROJECTS', params: { limit: 1 } });
  expect(sheetProblem({ ...knapsack, ballotKind: 'APPROVAL', maxChoices: 2 }, options, ['a', 'b', 'c'])).toEqual({ key: 'errors.participation.ballot.TOO_MANY_PROJECTS', params: { limit: 2 } });
  expect(sheetProblem({ ...knapsack, ballotKind: 'APPROVAL' }, options, ['a', 'b', 'c'])).toBeNull();
  const cumulative = { ...knapsack, ballotKind: 'CUMULATIVE', maxPoints: 10 };
  expect(sheetProblem(cumulative, options, ['a', 'b'], [7, 4])).toEqual({ key: 'errors.participation.ballot.OVER_POINTS_CAP', params: { limit: 10 } });
  expect(sheetProblem(cumulative, options, ['a', 'b'], [7, 3])).toBeNull();
});
