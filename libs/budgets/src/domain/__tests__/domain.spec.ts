import { computeFlags, planVsActual } from '../execution';
import { buildFiscalDataPackage, castProblem, checkFiscalDataPackage } from '../fiscal-data-package';
import { parseAmountCell, parseDateCell, validateBudgetRows, validateLedgerRows, MAX_LINE_CHARS } from '../import-rows';
import { computeTotals, percentOf, perResident, rollUp } from '../totals';
import { PlanLine } from '../types';
import { diffVersions } from '../version-diff';
import { canTransition, isPublicStatus, isSecondPerson } from '../workflow';

const line = (lineKey: string, direction: PlanLine['direction'], economicCode: string, amount: bigint, functionalCode: string | null = null): PlanLine => ({ lineKey, direction, economicCode, functionalCode, names: {}, amount });

describe('totals', () => {
  it('sums exactly in minor units, far beyond float precision', () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1
    expect(computeTotals([line('a', 'REVENUE', '1', big), line('b', 'REVENUE', '1', 1n), line('c', 'EXPENDITURE', '2', 3n)])).toEqual({ revenue: big + 1n, expenditure: 3n, balance: big - 2n });
  });
  it('rolls amounts up the classification tree', () => {
    const tree = [{ code: '2', parentCode: null }, { code: '22', parentCode: '2' }, { code: '2212', parentCode: '22' }, { code: '2231', parentCode: '22' }];
    expect(rollUp([line('a', 'EXPENDITURE', '2212', 5n), line('b', 'EXPENDITURE', '2231', 7n)], tree)).toEqual([
      { code: '2', direction: 'EXPENDITURE', amount: 12n },
      { code: '22', direction: 'EXPENDITURE', amount: 12n },
      { code: '2212', direction: 'EXPENDITURE', amount: 5n },
      { code: '2231', direction: 'EXPENDITURE', amount: 7n },
    ]);
  });
  it('percent rounds down to hundredths; per-resident rounds half up; both null without a base', () => {
    expect(percentOf(2n, 3n)).toBe(66.66);
    expect(percentOf(1n, 0n)).toBeNull();
    expect(perResident(15n, 10)).toBe(2n);
    expect(perResident(14n, 10)).toBe(1n);
    expect(perResident(14n, null)).toBeNull();
  });
});

describe('plan versus actual and flags', () => {
  const lines = [line('rev', 'REVENUE', '11111', 1000n), line('sal', 'EXPENDITURE', '2111', 600n), line('lit', 'EXPENDITURE', '2231', 100n), line('res', 'EXPENDITURE', '2811', 50n)];
  const actuals = [
    { lineKey: 'rev', month: 1, amount: 400n },
    { lineKey: 'sal', month: 1, amount: 300n },
    { lineKey: 'sal', month: 2, amount: 200n },
    { lineKey: 'lit', month: 2, amount: 90n },
    { lineKey: 'lit', month: 8, amount: 30n },
  ];
  const exec = planVsActual(lines, actuals);
  it('gives actual, remaining, percent, monthly and cumulative figures per line', () => {
    const sal = exec.find((e) => e.lineKey === 'sal')!;
    expect(sal).toMatchObject({ planned: 600n, actual: 500n, remaining: 100n, percent: 83.33 });
    expect(sal.monthly.slice(0, 3)).toEqual([300n, 200n, 0n]);
    expect(sal.cumulative[11]).toBe(500n);
  });
  it('flags overspent lines, undocumented spending, and no movement only from 1 July', () => {
    const undocumented = [{ id: 't1', lineKey: 'lit', amount: 30n }];
    const june = computeFlags({ fiscalYear: 2025, asOf: '2025-06-30', lines, execution: exec, undocumented });
    expect(june.map((f) => [f.kind, f.lineKey, f.amount])).toEqual([['OVERSPENT', 'lit', 20n], ['NO_DOCUMENT', 'lit', 30n]]);
    const july = computeFlags({ fiscalYear: 2025, asOf: '2025-07-01', lines, execution: exec, undocumented: [] });
    expect(july.map((f) => [f.kind, f.lineKey])).toEqual([['OVERSPENT', 'lit'], ['NO_MOVEMENT_BY_MID_YEAR', 'res']]);
  });
});

describe('version comparison', () => {
  it('matches lines by key: changed, added, removed, with deltas and totals', () => {
    const a = [line('k1', 'REVENUE', '13111', 100n), line('k2', 'EXPENDITURE', '2231', 40n), line('k3', 'EXPENDITURE', '2111', 60n)];
    const b = [line('k1', 'REVENUE', '13111', 150n), line('k3', 'EXPENDITURE', '2121', 60n), line('k4', 'EXPENDITURE', '3112', 50n)];
    const d = diffVersions(a, b);
    expect(d.changes.map((c) => [c.kind, c.lineKey, c.delta, c.fields])).toEqual([
      ['CHANGED', 'k1', 50n, ['amount']],
      ['CHANGED', 'k3', 0n, ['economicCode']],
      ['REMOVED', 'k2', -40n, []],
      ['ADDED', 'k4', 50n, []],
    ]);
    expect(d.after.balance - d.before.balance).toBe(50n - 10n);
  });
});

describe('workflow rules', () => {
  it('allows edits only on drafts and four-eyes confirmations only by a second person', () => {
    expect(canTransition('edit', 'DRAFT')).toBe(true);
    for (const s of ['SUBMITTED', 'PUBLISHED', 'APPROVED', 'SUPERSEDED'] as const) expect(canTransition('edit', s)).toBe(false);
    expect(canTransition('approve', 'SUBMITTED')).toBe(false);
    expect(isSecondPerson('a', 'a')).toBe(false);
    expect(isSecondPerson(null, 'a')).toBe(false);
    expect(isSecondPerson('a', 'b')).toBe(true);
    expect(isPublicStatus('DRAFT')).toBe(false);
  });
});

describe('import rows', () => {
  it.each([
    ['1 234,50', 123450n],
    ['1234.5', 123450n],
    ['1,234.50', 123450n],
    ['1 000 000', 100000000n],
  ])('reads the amount %s exactly', (raw, minor) => expect(parseAmountCell(raw)).toEqual({ ok: true, value: minor }));
  it.each([
    ['', 'errors.budgets.import.amountRequired'],
    ['abc', 'errors.budgets.import.notANumber'],
    ['1e5', 'errors.budgets.import.notANumber'],
    ['12.345', 'errors.budgets.import.badAmount'],
    ['0', 'errors.budgets.import.amountNotPositive'],
    ['-5', 'errors.budgets.import.amountNotPositive'],
  ])('refuses the amount %j with %s', (raw, key) => expect(parseAmountCell(raw)).toEqual({ ok: false, messageKey: key }));
  it('reads ISO and dd.mm.yyyy dates and refuses impossible ones', () => {
    expect(parseDateCell('31.03.2025')).toBe('2025-03-31');
    expect(parseDateCell('2025-02-29')).toBeNull();
    expect(parseDateCell('yesterday')).toBeNull();
  });
  const lines = [
    { lineKey: 'sal', direction: 'EXPENDITURE' as const, economicCode: '2111', functionalCode: '7011' },
    { lineKey: 'l1', direction: 'EXPENDITURE' as const, economicCode: '2231', functionalCode: '7011' },
    { lineKey: 'l2', direction: 'EXPENDITURE' as const, economicCode: '2231', functionalCode: '7064' },
  ];
  const rows = (...r: string[][]) => r.map((cells, i) => ({ line: i + 1, cells }));
  it('validates a ledger: all or nothing, each error with its line and column; a mapped header works', () => {
    const ok = validateLedgerRows(rows(['Күнү', 'economic_code', 'functional_code', 'amount'], ['2025-01-01', '2231', '7064', '5']), { fiscalYear: 2025, lines, mapping: { date: 'Күнү' } });
    expect(ok.errors).toEqual([]);
    expect(ok.records).toEqual([expect.objectContaining({ lineKey: 'l2', kind: 'SPENDING', amount: 500n, date: '2025-01-01' })]);
    const bad = validateLedgerRows(
      rows(['date', 'economic_code', 'functional_code', 'amount'], ['2025-01-01', '2111', '', '5'], ['2026-01-01', '2111', '', '5'], ['2025-01-01', '2231', '', '5'], ['2025-01-01', '2111', '', 'x'.repeat(MAX_LINE_CHARS)]),
      { fiscalYear: 2025, lines },
    );
    expect(bad.records).toEqual([]);
    expect(bad.errors.map((e) => [e.line, e.column, e.messageKey])).toEqual([
      [3, 'date', 'errors.budgets.import.dateOutsideFiscalYear'],
      [4, 'functional_code', 'errors.budgets.import.ambiguousCode'],
      [5, null, 'errors.budgets.import.lineTooLong'],
    ]);
    expect(validateLedgerRows(rows(['when', 'amount']), { fiscalYear: 2025, lines }).errors.map((e) => e.column)).toEqual(['date', 'economic_code']);
  });
  it('validates budget lines against known codes, allowing zero amounts', () => {
    const r = validateBudgetRows(rows(['direction', 'economic_code', 'functional_code', 'amount'], ['EXPENDITURE', '2111', '7011', '0'], ['REVENUE', '77', '', '1']), { economicCodes: new Set(['2111']), functionalCodes: new Set(['7011']) });
    expect(r.errors).toEqual([{ line: 3, column: 'economic_code', messageKey: 'errors.budgets.import.unknownCode', value: '77' }]);
  });
  it('reads headers and directions written in Kyrgyz, Russian or Kazakh, and Kazakh names', () => {
    const ctx = { economicCodes: new Set(['2111', '13111']), functionalCodes: new Set(['7011']) };
    const ky = validateBudgetRows(rows(['Түрү', 'Экономикалык код', 'Функционалдык код', 'Кыргызча аталышы', 'Казакча аталышы', 'Сумма'], ['Чыгаша', '2111', '7011', 'Эмгек акы', 'Еңбекақы', '1 234,50'], ['киреше', '13111', '', 'Грант', '', '4\u00a0200']), ctx);
    expect(ky.errors).toEqual([]);
    expect(ky.records.map((r) => [r.direction, r.amount, r.names.ky, r.names.kk])).toEqual([
      ['EXPENDITURE', 123450n, 'Эмгек акы', 'Еңбекақы'],
      ['REVENUE', 420000n, 'Грант', null],
    ]);
    const ru = validateBudgetRows(rows(['вид', 'экономический код', 'сумма'], ['Расходы', '2111', '5'], ['прочее', '2111', '5']), ctx);
    expect(ru.errors).toEqual([{ line: 3, column: 'вид', messageKey: 'errors.budgets.import.badDirection', value: 'прочее' }]);
    const kk = validateLedgerRows(rows(['күні', 'экономикалық код', 'функционалдық код', 'сома', 'жазба түрі'], ['2025-01-01', '2231', '7064', '5', 'шығын']), { fiscalYear: 2025, lines });
    expect(kk.errors).toEqual([]);
    expect(kk.records).toEqual([expect.objectContaining({ lineKey: 'l2', kind: 'SPENDING' })]);
  });
});

describe('Fiscal Data Package', () => {
  const pkg = buildFiscalDataPackage({
    name: 'budget-41704245825000-2023-v1',
    title: 'Kazan-Kuygan 2023',
    countryCode: 'KG',
    currency: 'KGS',
    fiscalYear: 2023,
    phase: 'approved',
    versionNumber: 1,
    executedAsOf: '2023-12-31',
    lines: [{ lineKey: 'k1', direction: 'REVENUE', economicCode: '13111', economicTitle: 'Equalisation grant, "main"', functionalCode: null, functionalTitle: null, planned: 687200000n, executed: 1n }],
  });
  it('builds a package that passes every check, with exact decimal amounts', () => {
    expect(checkFiscalDataPackage(pkg.descriptor, { 'budget.csv': pkg.csv })).toEqual([]);
    expect(pkg.csv.split('\r\n')[1]).toBe('k1,revenue,13111,"Equalisation grant, ""main""",,,2023,6872000.00,0.01,0.00,,');
  });
  it('reports each missing required property', () => {
    const d = JSON.parse(JSON.stringify(pkg.descriptor));
    delete d.title;
    d.model.measures.planned.currency = 'som';
    d.model.dimensions.economic.attributes = { title: { source: 'economic_title' } };
    d.profiles = { fiscal: '*' };
    const at = checkFiscalDataPackage(d, { 'budget.csv': pkg.csv }).map((p) => p.at);
    expect(at).toEqual(expect.arrayContaining(['title', 'model.measures.planned.currency', 'model.dimensions.economic.attributes', 'model.dimensions.economic.primaryKey', 'profiles']));
    expect(checkFiscalDataPackage(pkg.descriptor, {}).map((p) => p.message)).toContain('file budget.csv is missing');
  });
  it('casts Table Schema values', () => {
    expect(castProblem('number', undefined, '12.50')).toBeNull();
    expect(castProblem('number', 'currency', '12')).toMatch(/not defined/);
    expect(castProblem('date', undefined, '01/01/2015')).toMatch(/ISO date/);
    expect(castProblem('year', undefined, '2023')).toBeNull();
  });
});
