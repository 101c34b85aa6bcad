import { apportion } from './rules/apportionment.rule';

/** Hand-computed cases the councils' seat apportionment relies on (the engine's own spec has the textbook ones). */
const seats = (r: ReturnType<typeof apportion>) => Object.fromEntries(r.allocation.map((a) => [a.party, a.seats]));

describe('apportionment by contribution, hand-computed', () => {
  const villages = [
    { id: 'ak-dobo', weight: 5_300_000 },
    { id: 'kyzyl-jar', weight: 3_100_000 },
    { id: 'orok', weight: 1_600_000 },
  ];

  it("D'Hondt, 7 seats: quotients 53, 31, 26.5, 17.67, 16, 15.5, 13.25 (×100 000)", () => {
    const r = apportion('dhondt', villages, 7);
    expect(seats(r)).toEqual({ 'ak-dobo': 4, 'kyzyl-jar': 2, orok: 1 });
    expect(r.awards!.map((a) => [a.party, a.divisor])).toEqual([
      ['ak-dobo', 1], ['kyzyl-jar', 1], ['ak-dobo', 2], ['ak-dobo', 3], ['orok', 1], ['kyzyl-jar', 2], ['ak-dobo', 4],
    ]);
  });

  it('Sainte-Laguë, 7 seats: divisors 1, 3, 5, 7', () => {
    const r = apportion('sainte-lague', villages, 7);
    expect(seats(r)).toEqual({ 'ak-dobo': 4, 'kyzyl-jar': 2, orok: 1 });
    expect(r.awards!.map((a) => a.quotientExact)).toEqual(['5300000', '3100000', '5300000/3', '1600000', '5300000/5', '3100000/3', '5300000/7']);
  });

  it('largest remainder, 5 seats: ideal 2.65, 1.55, 0.80 → 2+1+0, the two extra seats to 0.80 and 0.65', () => {
    const r = apportion('largest-remainder', villages, 5);
    expect(seats(r)).toEqual({ 'ak-dobo': 3, 'kyzyl-jar': 1, orok: 1 });
    expect(r.quota).toBe(2_000_000);
    expect(r.rows!.map((x) => [x.party, x.automaticSeats, x.extraSeat])).toEqual([['ak-dobo', 2, true], ['kyzyl-jar', 1, false], ['orok', 0, true]]);
  });

  it('a tie of quotients goes to the larger contribution (Sainte-Laguë 30/3 = 10/1, D’Hondt 20/2 = 10/1)', () => {
    const sl = apportion('sainte-lague', [{ id: 'b', weight: 10 }, { id: 'a', weight: 30 }], 2);
    expect(seats(sl)).toEqual({ a: 2, b: 0 });
    expect(sl.awards![1]).toMatchObject({ party: 'a', tiedWith: ['b'], tieBreak: 'LARGER_WEIGHT' });
    const dh = apportion('dhondt', [{ id: 'b', weight: 10 }, { id: 'a', weight: 20 }], 2);
    expect(seats(dh)).toEqual({ a: 2, b: 0 });
    expect(dh.awards![1]).toMatchObject({ party: 'a', tieBreak: 'LARGER_WEIGHT' });
  });

  it('a tie of remainders between equal villages goes to the smaller id', () => {
    const r = apportion('largest-remainder', [{ id: 'a', weight: 11 }, { id: 'd', weight: 4 }, { id: 'c', weight: 4 }, { id: 'b', weight: 1 }], 2);
    // quota 10: ideal 1.1, 0.4, 0.4, 0.1 → a 1 automatic; the one extra seat: c and d tie at 0.4, c < d.
    expect(seats(r)).toEqual({ a: 1, b: 0, c: 1, d: 0 });
  });
});
