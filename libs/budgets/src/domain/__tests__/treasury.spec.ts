import { asOfFromTexts, TreasuryContext, validateTreasuryRows } from '../import-rows';
import { executedPerLine, groupCodes, quarterlyView, quarterOfAsOf, quarterShares, snapshotTotals } from '../treasury';

const rows = (lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));
const ctx = (over: Partial<TreasuryContext> = {}): TreasuryContext => ({
  fiscalYear: 2026,
  lines: [
    { lineKey: 'k-11111', direction: 'REVENUE', economicCode: '11111', functionalCode: null },
    { lineKey: 'k-2111-a', direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011' },
    { lineKey: 'k-2111-b', direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7012' },
  ],
  economicCodes: new Set(['11', '111', '11111', '2111']),
  functionalCodes: new Set(['7011', '7012']),
  ...over,
});

describe('treasury reports: reading', () => {
  it('finds the as-of date in a title in ru, ky, kk and en, and only next to a cue word', () => {
    expect(asOfFromTexts(['Отчет об исполнении бюджета по состоянию на 01.04.2026'])).toBe('2026-04-01');
    expect(asOfFromTexts(['Бюджеттин аткарылышы 01.07.2026-ж. карата'])).toBe('2026-07-01');
    expect(asOfFromTexts(['01.10.2026 жылғы жағдай бойынша'])).toBe('2026-10-01');
    expect(asOfFromTexts(['Execution as of 2026-05-15'])).toBe('2026-05-15');
    expect(asOfFromTexts(['Решение от 12.03.2026 № 5'])).toBeNull();
    expect(asOfFromTexts(['по состоянию на 31.02.2026'])).toBeNull();
  });

  it('reads plans and the cumulative actual in thousands, matches lines by codes, refuses what is wrong', () => {
    const r = validateTreasuryRows(rows([['Исполнение на 01.04.2026 (тыс. сом)'], ['Код', 'ФКР', 'Уточненный план', 'Исполнено'], ['11111', '', '1 600', '400,2'], ['2111', '7012', '', '1,5']]), ctx());
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [x.economicCode, x.lineKey, x.revisedPlan, x.amount, x.asOf, x.direction])).toEqual([
      ['11111', 'k-11111', 160000000n, 40020000n, '2026-04-01', 'REVENUE'],
      ['2111', 'k-2111-b', null, 150000n, '2026-04-01', 'EXPENDITURE'],
    ]);
    // Two lines share 2111: without a functional code the row names no line (kept by its code only).
    expect(validateTreasuryRows(rows([['Код', 'Исполнено'], ['2111', '5']]), ctx({ asOf: '2026-03-31' })).records[0].lineKey).toBeNull();
    const bad = validateTreasuryRows(rows([['Код', 'Исполнено'], ['11111', '-5'], ['99999', '1'], ['11111', '2'], ['111', 'x']]), ctx({ asOf: '2026-03-31' }));
    expect(bad.records).toEqual([]);
    expect(bad.errors.map((e) => [e.line, e.messageKey])).toEqual([
      [2, 'errors.budgets.import.amountNotPositive'],
      [3, 'errors.budgets.import.unknownCode'],
      [4, 'errors.budgets.import.duplicateCode'],
      [5, 'errors.budgets.import.notANumber'],
    ]);
    expect(validateTreasuryRows(rows([['Код', 'Исполнено'], ['11111', '5']]), ctx()).errors[0].messageKey).toBe('errors.budgets.import.asOfMissing');
    expect(validateTreasuryRows(rows([['Код', 'Исполнено'], ['11111', '5']]), ctx({ asOf: '2027-01-02' })).errors[0].messageKey).toBe('errors.budgets.import.asOfOutsideFiscalYear');
  });
});

describe('treasury reports: figures', () => {
  it('marks groups (a code that starts another code of the same side) and leaves them out of the totals', () => {
    const lines = [
      { direction: 'REVENUE' as const, economicCode: '11', functionalCode: null },
      { direction: 'REVENUE' as const, economicCode: '111', functionalCode: null },
      { direction: 'REVENUE' as const, economicCode: '11111', functionalCode: null },
      { direction: 'REVENUE' as const, economicCode: '112', functionalCode: null },
      { direction: 'EXPENDITURE' as const, economicCode: '2111', functionalCode: '7011' },
      { direction: 'EXPENDITURE' as const, economicCode: '2111', functionalCode: '7012' },
    ];
    expect([...groupCodes(lines)].sort()).toEqual([0, 1]);
    const t = snapshotTotals({ lines: lines.map((l, i) => ({ ...l, lineKey: null, isGroup: i < 2, approvedPlan: i === 2 ? 5n : null, revisedPlan: null, cumulativeActual: BigInt(10 * (i + 1)) })) });
    expect(t).toEqual({ REVENUE: { approvedPlan: 5n, revisedPlan: null, actual: 70n }, EXPENDITURE: { approvedPlan: null, revisedPlan: null, actual: 110n } });
  });

  it('puts a report in its quarter (as of the 1st after a quarter: the quarter before) and splits the plan exactly', () => {
    expect([['2026-01-01', 0], ['2026-03-31', 1], ['2026-04-01', 1], ['2026-04-02', 2], ['2026-07-01', 2], ['2026-10-01', 3], ['2026-12-31', 4], ['2027-01-01', 4]].map(([d]) => quarterOfAsOf(d as string, 2026))).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
    expect(quarterShares(10n)).toEqual([2n, 2n, 2n, 4n]);
  });

  it('quarters from reports where there are some, from payments elsewhere; executed from the newest report', () => {
    const lines = [{ lineKey: 'a', direction: 'EXPENDITURE' as const, economicCode: '2111', functionalCode: null, amount: 400n }];
    const snap = (id: string, asOf: string, actual: bigint) => ({ id, asOf, lines: [{ lineKey: 'a', direction: 'EXPENDITURE' as const, economicCode: '2111', functionalCode: null, isGroup: false, approvedPlan: null, revisedPlan: null, cumulativeActual: actual }] });
    const v = quarterlyView(2026, lines, [{ lineKey: 'a', month: 2, amount: 7n }, { lineKey: 'a', month: 8, amount: 9n }], [snap('s1', '2026-04-01', 90n), snap('s2', '2026-06-30', 150n)]);
    expect(v.lines[0].quarters.map((q) => [q.treasuryActual, q.paymentsActual, q.actual, q.source])).toEqual([
      [90n, 7n, 90n, 'TREASURY'],
      [60n, 0n, 60n, 'TREASURY'],
      [null, 9n, 9n, 'PAYMENTS'],
      [null, 0n, 0n, 'PAYMENTS'],
    ]);
    expect(v).toMatchObject({ executedSource: 'TREASURY', executedAsOf: '2026-06-30', payments: { EXPENDITURE: 16n, REVENUE: 0n } });
    expect(executedPerLine(lines, new Map([['a', 16n]]), [snap('s1', '2026-04-01', 90n), snap('s2', '2026-06-30', 150n)])).toEqual({ source: 'TREASURY', asOf: '2026-06-30', executed: new Map([['a', 150n]]) });
    expect(executedPerLine(lines, new Map([['a', 16n]]), [])).toEqual({ source: 'PAYMENTS', asOf: null, executed: new Map([['a', 16n]]) });
  });
});
