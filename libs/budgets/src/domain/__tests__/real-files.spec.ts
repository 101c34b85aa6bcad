import { isTotalsRow, normalizeHeader, parseAmountCell, parseDateChecked, sideOfCode, unitOfText, validateBudgetRows } from '../import-rows';
import { perResidentWarnings, plausibilityWarnings } from '../import-preview';

describe('budget files as villages keep them (pure)', () => {
  it('reads the unit from headers and titles', () => {
    for (const t of ['Сумма, тыс. сом', '(тыс. сом)', 'Суммасы (миң сом)', 'Сомасы, мың теңге', 'тыс. тенге', 'Amount, thousand som']) expect([t, unitOfText(t)]).toEqual([t, 'THOUSAND']);
    expect(unitOfText('Сумма, сом')).toBe('ONE');
    expect(unitOfText('Наименование')).toBeNull();
    // "Батыс" (west) is not "тыс."
    expect(unitOfText('Батыс Қазақстан облысы')).toBeNull();
    expect(normalizeHeader('Сумма, тыс. сом')).toBe('сумма');
    expect(normalizeHeader('Суммасы (миң сом)')).toBe('суммасы');
  });

  it('applies thousands exactly, in tyiyn', () => {
    expect(parseAmountCell('1 561,6', false, 'THOUSAND')).toEqual({ ok: true, value: 156160000n });
    expect(parseAmountCell('0,00001', false, 'THOUSAND')).toEqual({ ok: true, value: 1n });
    expect(parseAmountCell('0,000001', false, 'THOUSAND')).toEqual({ ok: false, messageKey: 'errors.budgets.import.badAmount' });
    expect(parseAmountCell("1'200", false, 'THOUSAND')).toEqual({ ok: true, value: 120000000n });
    expect(parseAmountCell('1\u202f200,50')).toEqual({ ok: true, value: 120050n });
  });

  it('tells an impossible date from a wrong format, and reads Excel serials', () => {
    expect(parseDateChecked('31.02.2026')).toEqual({ ok: false, messageKey: 'errors.budgets.import.impossibleDate' });
    expect(parseDateChecked('2026-13-01')).toEqual({ ok: false, messageKey: 'errors.budgets.import.impossibleDate' });
    expect(parseDateChecked('5 марта')).toEqual({ ok: false, messageKey: 'errors.budgets.import.badDateFormat' });
    expect(parseDateChecked('46112')).toEqual({ ok: true, value: '2026-03-31' });
    expect(parseDateChecked('31/03/2026')).toEqual({ ok: true, value: '2026-03-31' });
  });

  it('knows totals rows and the side of a code', () => {
    for (const w of ['Итого', 'Всего доходов', 'Бардыгы', 'Барлығы', 'Жыйынтыгы', 'Total']) expect(isTotalsRow(['', w, '5'])).toBe(true);
    expect(isTotalsRow(['11111', 'Итоговый налог', '5'])).toBe(false);
    expect(sideOfCode('11111')).toBe('REVENUE');
    expect(sideOfCode('2111')).toBe('EXPENDITURE');
    expect(sideOfCode('3111')).toBe('EXPENDITURE');
    expect(sideOfCode('0101', new Map([['0101', 'EXPENDITURE']]))).toBe('EXPENDITURE');
  });

  it('finds the header below titles, skips and reports totals, subtotals and headings', () => {
    const rows = [['Бюджет 2026'], ['(тыс. сом)'], ['Код', 'Наименование', 'Сумма'], ['', 'Доходы', ''], ['11111', 'Total Energies', '10'], ['13111', 'Аренда', '5'], ['', '', '15'], ['Итого', '', '15'], ['', '', '']].map((cells, i) => ({ line: i + 1, cells }));
    const r = validateBudgetRows(rows, { economicCodes: new Set(['11111', '13111']), functionalCodes: new Set() });
    expect(r.errors).toEqual([]);
    expect(r.headerLine).toBe(3);
    expect(r.records.map((x) => [x.direction, x.amount])).toEqual([
      ['REVENUE', 1000000n],
      ['REVENUE', 500000n],
    ]);
    expect(r.skipped).toEqual([
      { line: 4, reasonKey: 'budgets.import.skip.heading' },
      { line: 7, reasonKey: 'budgets.import.skip.subtotal' },
      { line: 8, reasonKey: 'budgets.import.skip.total' },
    ]);
    expect(r.info).toMatchObject({ unit: 'THOUSAND', unitSource: 'TITLE', sideFrom: 'CODE' });
  });

  it('warns when totals are a hundred times off the reference', () => {
    expect(plausibilityWarnings({ revenue: 330150n, expenditure: 0n }, { revenue: 330150000n, expenditure: 0n })).toEqual([{ key: 'budgets.import.warning.muchSmaller', params: { ratio: '1000', previous: '3301500.00' } }]);
    expect(plausibilityWarnings({ revenue: 330150000000n, expenditure: 0n }, { revenue: 330150000n, expenditure: 0n })[0].key).toBe('budgets.import.warning.muchLarger');
    expect(plausibilityWarnings({ revenue: 300000000n, expenditure: 0n }, { revenue: 330150000n, expenditure: 0n })).toEqual([]);
    expect(plausibilityWarnings({ revenue: 1n, expenditure: 0n }, null)).toEqual([]);
  });

  it('warns when the total per resident is a hundred times off the neighbours\' median', () => {
    const neighbours = [
      { population: 5000, revenue: 1_000_000_000n, expenditure: 1_000_000_000n }, // 4000 som per resident
      { population: 4000, revenue: 800_000_000n, expenditure: 800_000_000n },
      { population: null, revenue: 1n, expenditure: 1n },
    ];
    // The same budget typed in thousands but read as som: 1000 times smaller per resident.
    expect(perResidentWarnings({ revenue: 1_000_000n, expenditure: 1_000_000n }, 5000, neighbours)).toEqual([{ key: 'budgets.import.warning.perResidentSmaller', params: { ratio: '1000', median: '4000.00' } }]);
    expect(perResidentWarnings({ revenue: 1_000_000_000n, expenditure: 1_000_000_000n }, 5000, neighbours)).toEqual([]);
    expect(perResidentWarnings({ revenue: 1_000_000n, expenditure: 0n }, null, neighbours)).toEqual([]);
    expect(perResidentWarnings({ revenue: 1_000_000n, expenditure: 0n }, 5000, [])).toEqual([]);
  });
});
