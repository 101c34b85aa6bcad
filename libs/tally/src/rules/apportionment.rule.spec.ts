import { apportion } from './apportionment.rule';

describe('seat apportionment', () => {
  const villages = [
    { id: 'A', weight: 100000 },
    { id: 'B', weight: 80000 },
    { id: 'C', weight: 30000 },
    { id: 'D', weight: 20000 },
  ];
  const seats = (r: ReturnType<typeof apportion>) => Object.fromEntries(r.allocation.map((a) => [a.party, a.seats]));

  it("D'Hondt (classic textbook example, 8 seats)", () => {
    expect(seats(apportion('dhondt', villages, 8))).toEqual({ A: 4, B: 3, C: 1, D: 0 });
  });
  it('Sainte-Laguë', () => {
    expect(seats(apportion('sainte-lague', villages, 8))).toEqual({ A: 3, B: 3, C: 1, D: 1 });
  });
  it('largest remainder (Hare)', () => {
    const r = apportion('largest-remainder', villages, 8);
    // ideal shares 3.48, 2.78, 1.04, 0.70 → 3+2+1+0, remainders .78 and .70 take the last two seats
    expect(seats(r)).toEqual({ A: 3, B: 3, C: 1, D: 1 });
    expect(r.quota).toBeCloseTo(28750);
  });
  it('ties go to the larger weight, then the smaller id, and are reported', () => {
    const r = apportion('dhondt', [{ id: 'x', weight: 10 }, { id: 'w', weight: 10 }, { id: 'z', weight: 5 }], 3);
    expect(r.awards!.map((a) => a.party)).toEqual(['w', 'x', 'w']);
    expect(r.awards![0]).toMatchObject({ tiedWith: ['x'], tieBreak: 'SMALLER_ID' });
    // third seat: w 10/2 = x 10/2 = z 5/1 → tie of three; w and x weigh more than z, w < x
    expect(r.awards![2]).toMatchObject({ tiedWith: ['x', 'z'], tieBreak: 'SMALLER_ID' });
    const lr = apportion('largest-remainder', [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }], 1);
    expect(seats(lr)).toEqual({ a: 1, b: 0 });
    expect(lr.rows![0]).toMatchObject({ extraSeat: true, tiedWith: ['b'], tieBreak: 'SMALLER_ID' });
  });
  it('rejects bad input', () => {
    expect(() => apportion('dhondt', [{ id: 'a', weight: -1 }], 1)).toThrow(/non-negative integer/);
    expect(() => apportion('dhondt', [{ id: 'a', weight: 0 }], 1)).toThrow(/all weights are zero/);
    expect(() => apportion('dhondt', [{ id: 'a', weight: 1 }], 1.5)).toThrow(/seats/);
  });
});
