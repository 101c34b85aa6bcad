import { cleanSideRule, LineRef, resolveColumns, validateBudgetRows, validateLedgerRows } from '../import-rows';

/** The column mapping and side rule of issue 10 (pure): mapped headers first, "no column", one side for the file, the file's own side words. */
const rows = (...r: string[][]) => r.map((cells, i) => ({ line: i + 1, cells }));
const codes = { economicCodes: new Set(['11111', '2111']), functionalCodes: new Set<string>() };

describe('column mapping', () => {
  it('takes the mapped headers first, then finds the other fields by name among the columns left', () => {
    // "Сумма" would be the amount by name; the mapping says the amount is "План", so "Сумма" stays free.
    const { index } = resolveColumns('BUDGET', ['Код', 'Сумма', 'План'], { amount: 'План' });
    expect(index.get('amount')).toBe(2);
    expect(index.get('economic_code')).toBe(0);
    // A mapped header this file lacks: the field is found by name as before.
    expect(resolveColumns('BUDGET', ['Код', 'Сумма'], { amount: 'План' }).index.get('amount')).toBe(1);
  });

  it('an empty header means "no column": not found by name, and a required field is then missing', () => {
    const r = resolveColumns('BUDGET', ['Код', 'Вид', 'Сумма'], { direction: '' });
    expect(r.index.has('direction')).toBe(false);
    expect(resolveColumns('BUDGET', ['Код', 'Сумма'], { amount: '' }).errors).toEqual([{ line: 1, column: 'amount', messageKey: 'errors.budgets.import.missingColumn' }]);
  });
});

describe('side rule', () => {
  const file = rows(['Код', 'Белги', 'Сумма'], ['11111', 'Д', '10'], ['2111', 'Р', '5']);

  it('the file’s own side words, case ignored', () => {
    const r = validateBudgetRows(file, { ...codes, mapping: { direction: 'Белги' }, side: { from: 'COLUMN', revenue: 'д', expenditure: 'р' } });
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => x.direction)).toEqual(['REVENUE', 'EXPENDITURE']);
    expect(r.info).toMatchObject({ sideFrom: 'COLUMN' });
    // Without the words the letters are not a side.
    const bad = validateBudgetRows(file, { ...codes, mapping: { direction: 'Белги' } });
    expect(bad.errors.map((e) => e.messageKey)).toEqual(['errors.budgets.import.badDirection', 'errors.budgets.import.badDirection']);
  });

  it('COLUMN requires the side column; CODE ignores it; REVENUE makes every row revenue', () => {
    expect(validateBudgetRows(rows(['Код', 'Сумма'], ['11111', '1']), { ...codes, side: { from: 'COLUMN' } }).errors).toEqual([{ line: 1, column: 'direction', messageKey: 'errors.budgets.import.missingColumn' }]);
    const byCode = validateBudgetRows(file, { ...codes, mapping: { direction: 'Белги' }, side: { from: 'CODE' } });
    expect(byCode.records.map((x) => x.direction)).toEqual(['REVENUE', 'EXPENDITURE']);
    expect(byCode.info).toMatchObject({ sideFrom: 'CODE' });
    // One side for the whole file, with codes the classification does not place (a Kazakh file, say).
    const unplaced = rows(['Код', 'Сумма'], ['A1', '10'], ['A2', '5']);
    const all = validateBudgetRows(unplaced, { economicCodes: new Set(['A1', 'A2']), functionalCodes: new Set(), side: { from: 'REVENUE' } });
    expect(all.errors).toEqual([]);
    expect(all.records.map((x) => x.direction)).toEqual(['REVENUE', 'REVENUE']);
    // A code the classification puts on the other side is refused, never stored on the side chosen.
    const contradicted = validateBudgetRows(file, { ...codes, side: { from: 'REVENUE' } });
    expect(contradicted.errors).toEqual([{ line: 3, column: 'Код', messageKey: 'errors.budgets.import.sideMismatch', value: '2111' }]);
  });

  it('a ledger reads its kind column with the file’s words, and a one-sided ledger is checked against its lines', () => {
    const lines: LineRef[] = [
      { lineKey: 'r', direction: 'REVENUE', economicCode: '11111', functionalCode: null },
      { lineKey: 'e', direction: 'EXPENDITURE', economicCode: '2111', functionalCode: null },
    ];
    const ledger = rows(['date', 'economic_code', 'kind', 'amount'], ['2025-02-01', '11111', 'түш', '3'], ['2025-02-02', '2111', 'чыг', '4']);
    const r = validateLedgerRows(ledger, { fiscalYear: 2025, lines, side: { revenue: 'түш', expenditure: 'чыг' } });
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => x.kind)).toEqual(['RECEIPT', 'SPENDING']);
    const spendingOnly = validateLedgerRows(ledger, { fiscalYear: 2025, lines, side: { from: 'EXPENDITURE' } });
    expect(spendingOnly.errors).toEqual([{ line: 2, column: 'economic_code', messageKey: 'errors.budgets.import.kindMismatch', value: '11111' }]);
  });

  it('is stored clean: an unknown source dropped, blank words null, nothing said is null', () => {
    expect(cleanSideRule({ from: 'SIDEWAYS' as never, revenue: ' Д ', expenditure: '' })).toEqual({ from: null, revenue: 'Д', expenditure: null });
    expect(cleanSideRule({ from: null, revenue: '  ' })).toBeNull();
    expect(cleanSideRule(null)).toBeNull();
  });
});
