import { ballotInDistrict, countDistricts, districtOverspend } from './districts';
import { ProcessRules } from './election';

const rules: ProcessRules = { id: 'p', currency: 'KGS', envelope: '1000', ballotKind: 'APPROVAL', minChoices: 1, maxChoices: null, maxPoints: null, countingRule: 'GREEDY' };

describe('districts', () => {
  test('a ballot keeps only its choices in the district, with their points', () => {
    expect(ballotInDistrict({ receiptCode: 'r', choices: ['a', 'x', 'b'], points: [3, 2, 1] }, new Set(['a', 'b']))).toEqual({ receiptCode: 'r', choices: ['a', 'b'], points: [3, 1] });
    expect(ballotInDistrict({ receiptCode: 'r', choices: ['x'], points: null }, new Set(['a']))).toBeNull();
  });

  test('each district is counted apart within its own envelope', () => {
    const candidates = [
      { id: 'a1', title: 'A1', cost: '60', districtId: 'A' },
      { id: 'a2', title: 'A2', cost: '50', districtId: 'A' },
      { id: 'b1', title: 'B1', cost: '30', districtId: 'B' },
    ];
    const ballots = [
      { receiptCode: '1', choices: ['a1', 'b1'], points: null },
      { receiptCode: '2', choices: ['a1'], points: null },
      { receiptCode: '3', choices: ['a2'], points: null },
    ];
    const out = countDistricts(rules, [{ id: 'A', envelope: '100' }, { id: 'B', envelope: '20' }], candidates, ballots);
    // A: a1 (2 votes) fits 100, a2 no longer does; B: b1 costs more than B's 20.
    expect(out).toEqual([
      { districtId: 'A', envelope: '100', selected: ['a1'], totalCost: '60', ballotCount: 3 },
      { districtId: 'B', envelope: '20', selected: [], totalCost: '0', ballotCount: 1 },
    ]);
  });

  test('a knapsack ballot over a district envelope is found, with the numbers', () => {
    const cost = new Map([['a1', '60'], ['a2', '50'], ['b1', '30']]);
    const district = new Map<string, string | null>([['a1', 'A'], ['a2', 'A'], ['b1', 'B']]);
    const env = new Map([['A', '100'], ['B', '40']]);
    expect(districtOverspend(['a1', 'b1'], cost, district, env)).toBeNull();
    expect(districtOverspend(['a1', 'a2'], cost, district, env)).toEqual({ districtId: 'A', actual: '110', limit: '100' });
  });
});
