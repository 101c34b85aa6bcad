import { monthlySpending, scaleOf } from './charts';

describe('public budget charts', () => {
  test('spending per month against an even twelfth of the expenditure plan', () => {
    const points = monthlySpending([
      { direction: 'REVENUE', amount: '9999900', monthly: ['500'] },
      { direction: 'EXPENDITURE', amount: '1200000', monthly: ['100000', '0', '250000'] },
      { direction: 'EXPENDITURE', amount: '1200000', monthly: null },
    ]);
    expect(points).toHaveLength(12);
    expect(points[0]).toEqual({ spent: BigInt(100000), planned: BigInt(200000) });
    expect(points[2].spent).toBe(BigInt(250000));
    expect(points[11].spent).toBe(BigInt(0));
  });

  test('one scale for plan and spending; nothing planned or spent gives zero heights', () => {
    const scale = scaleOf([{ spent: BigInt(400), planned: BigInt(200) }]);
    expect(scale(BigInt(400))).toBe(1);
    expect(scale(BigInt(200))).toBe(0.5);
    expect(scaleOf([{ spent: BigInt(0), planned: BigInt(0) }])(BigInt(0))).toBe(0);
  });
});
