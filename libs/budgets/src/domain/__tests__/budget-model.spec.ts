import { budgetFundsOf, budgetModelTotals, countryOfCurrency, forecastTotals, fundsTotals, revenueSourceOf, revenueSources } from '../budget-model';
import { validateBudgetRows } from '../import-rows';
import type { PlanLine } from '../types';

const line = (direction: PlanLine['direction'], economicCode: string, amount: bigint, more: Partial<PlanLine> = {}): PlanLine => ({ lineKey: `${direction}-${economicCode}`, direction, economicCode, functionalCode: null, names: {}, amount, ...more });

describe('the real budget model (pure, bigint minor units)', () => {
  it('splits each side into budget funds and special funds; both add up to the side total', () => {
    const lines = [
      line('REVENUE', '11111', 156_160_000n),
      line('REVENUE', '14221', 31_100_000n, { specialFunds: 28_000_000n }),
      line('EXPENDITURE', '2111', 100_000_001n, { specialFunds: 1n }),
      line('EXPENDITURE', '2231', 5_000_000n),
    ];
    const f = fundsTotals(lines);
    expect(f).toEqual({ revenue: { budgetFunds: 159_260_000n, specialFunds: 28_000_000n }, expenditure: { budgetFunds: 105_000_000n, specialFunds: 1n } });
    expect(f.revenue.budgetFunds + f.revenue.specialFunds).toBe(187_260_000n);
    expect(budgetFundsOf(lines[1])).toBe(3_100_000n);
    // A line without special funds is all budget funds (what the migration gives existing rows).
    expect(budgetFundsOf(lines[0])).toBe(156_160_000n);
    expect(fundsTotals([])).toEqual({ revenue: { budgetFunds: 0n, specialFunds: 0n }, expenditure: { budgetFunds: 0n, specialFunds: 0n } });
  });

  it('sums the two forecast years, counting only lines that carry a forecast', () => {
    const lines = [line('REVENUE', '11111', 100n, { forecastYear1: 110n, forecastYear2: 121n }), line('REVENUE', '13111', 50n, { forecastYear1: 0n }), line('EXPENDITURE', '2111', 120n, { forecastYear1: 130n, forecastYear2: null })];
    expect(forecastTotals(lines, 2026)).toEqual([
      { fiscalYear: 2027, revenue: 110n, expenditure: 130n, balance: -20n, lines: 3 },
      { fiscalYear: 2028, revenue: 121n, expenditure: 0n, balance: 121n, lines: 1 },
    ]);
    expect(forecastTotals([line('REVENUE', '11111', 1n)], 2026).map((f) => f.lines)).toEqual([0, 0]);
  });

  it('classifies Kyrgyz revenue codes: 13111 equalisation grant, 1312x earmarked, other 13 transfers, the rest own', () => {
    expect(revenueSourceOf('13111', 'KG')).toBe('EQUALISATION_GRANT');
    expect(revenueSourceOf('1311100', 'KG')).toBe('EQUALISATION_GRANT');
    expect(revenueSourceOf('13121', 'KG')).toBe('CATEGORICAL_GRANT');
    expect(revenueSourceOf('13', 'KG')).toBe('OTHER_TRANSFER');
    expect(revenueSourceOf('13211', 'KG')).toBe('OTHER_TRANSFER');
    for (const own of ['11111', '11311', '14221', '144', '14311']) expect(revenueSourceOf(own, 'KG')).toBe('OWN');
  });

  it('classifies Kazakh revenue codes: subventions (4xx03) equalisation, earmarked 4xx01/02 categorical, other category 4 transfers', () => {
    expect(revenueSourceOf('402303', 'KZ')).toBe('EQUALISATION_GRANT');
    expect(revenueSourceOf('402301', 'KZ')).toBe('CATEGORICAL_GRANT');
    expect(revenueSourceOf('402302', 'KZ')).toBe('CATEGORICAL_GRANT');
    expect(revenueSourceOf('4', 'KZ')).toBe('OTHER_TRANSFER');
    expect(revenueSourceOf('402', 'KZ')).toBe('OTHER_TRANSFER');
    for (const own of ['101201', '104302', '201500', '301100']) expect(revenueSourceOf(own, 'KZ')).toBe('OWN');
    // The Kyrgyz rule does not leak into Kazakh codes, nor the other way round.
    expect(revenueSourceOf('13111', 'KZ')).toBe('OWN');
    expect(revenueSourceOf('402303', 'KG')).toBe('OWN');
    expect(countryOfCurrency('KZT')).toBe('KZ');
    expect(countryOfCurrency('KGS')).toBe('KG');
  });

  it('splits planned revenue into own revenues and transfers, exactly (Kazan-Kuygan 2023: 3 132.1 own + 6 872.0 grant)', () => {
    const lines = [
      line('REVENUE', '11111', 200_000_000n),
      line('REVENUE', '11311', 113_210_000n),
      line('REVENUE', '13111', 687_200_000n),
      line('REVENUE', '13121', 10n),
      line('EXPENDITURE', '2111', 999_999_999n),
    ];
    const s = revenueSources(lines, 'KG');
    expect(s).toEqual({ own: 313_210_000n, equalisationGrant: 687_200_000n, categoricalGrants: 10n, otherTransfers: 0n, transfers: 687_200_010n, total: 1_000_410_010n, ownPercent: 31.3 });
    expect(s.own + s.transfers).toBe(s.total);
    expect(revenueSources([line('EXPENDITURE', '2111', 5n)], 'KG')).toMatchObject({ total: 0n, ownPercent: null });
    expect(revenueSources([line('REVENUE', '11111', 1n), line('REVENUE', '13111', 2n)], 'KG').ownPercent).toBe(33.33);
  });

  it('puts the three together for a version', () => {
    const m = budgetModelTotals([line('REVENUE', '402303', 500n, { specialFunds: 0n, forecastYear1: 600n }), line('REVENUE', '104302', 500n, { specialFunds: 100n })], 2026, 'KZ');
    expect(m.revenueSources).toMatchObject({ own: 500n, equalisationGrant: 500n, ownPercent: 50 });
    expect(m.funds.revenue).toEqual({ budgetFunds: 900n, specialFunds: 100n });
    expect(m.forecasts[0]).toMatchObject({ fiscalYear: 2027, revenue: 600n, lines: 1 });
  });

  it('reads a special-funds column of a budget file (ky/ru/kk/en headers), in the file unit, never above the amount', () => {
    const ctx = { economicCodes: new Set(['11111', '14221', '2111']), functionalCodes: new Set<string>() };
    for (const header of ['Специальные средства', 'в т.ч. специальные средства', 'Атайын каражаттар', 'Арнайы қаражаттар', 'Special funds', 'special_funds']) {
      const rows = [['Код', 'Наименование', 'Сумма, тыс. сом', header], ['11111', 'Подоходный налог', '1 561,6', ''], ['14221', 'Родительская плата', '280', '280'], ['2111', 'Зарплата', '1000,5', '0,5']].map((cells, i) => ({ line: i + 1, cells }));
      const r = validateBudgetRows(rows, ctx);
      expect(r.errors).toEqual([]);
      expect(r.records.map((x) => [x.economicCode, x.amount, x.specialFunds])).toEqual([
        ['11111', 156_160_000n, 0n],
        ['14221', 28_000_000n, 28_000_000n],
        ['2111', 100_050_000n, 50_000n],
      ]);
    }
    // Without the column every line is budget funds only.
    const plain = validateBudgetRows([['Код', 'Сумма'], ['11111', '10']].map((cells, i) => ({ line: i + 1, cells })), ctx);
    expect(plain.records[0]).toMatchObject({ amount: 1000n, specialFunds: 0n });
    const above = validateBudgetRows([['Код', 'Сумма', 'Спецсредства'], ['11111', '10', '11'], ['2111', '5', '-1']].map((cells, i) => ({ line: i + 1, cells })), ctx);
    expect(above.errors.map((e) => [e.line, e.column, e.messageKey])).toEqual([
      [2, 'Спецсредства', 'errors.budgets.import.specialFundsAboveAmount'],
      [3, 'Спецсредства', expect.stringMatching(/^errors\.budgets\.import\./)],
    ]);
  });
});
