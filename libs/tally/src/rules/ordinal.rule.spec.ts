import { bordaScores, greedyBorda } from './ordinal.rule';
import { election } from '../testing/election.builder';

describe('greedy by Borda score (ordinal ballots)', () => {
  it('scores m-1, m-2, ... and funds greedily', () => {
    const e = election(10, { a: 6, b: 5, c: 4 }, [['a', 'b', 'c'], ['b', 'a'], ['b']], 'ordinal');
    expect(Object.fromEntries(bordaScores(e))).toEqual({ a: 3, b: 5, c: 0 });
    const r = greedyBorda(e);
    expect(r.selected).toEqual(['b', 'c']);
  });
});
