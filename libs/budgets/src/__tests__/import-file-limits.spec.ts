import { parseCsv } from '@ashar/kernel';
import { checkCsvShape, checkXlsx, FileLimitError, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, readRows } from '../services/file-rows';
import { inlineRow, xlsxWithSheet } from '../../../platform/imports/src/pure/__tests__/zip-fixture';

const refusal = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof FileLimitError) return e.rowError;
    throw e;
  }
  return null;
};

describe('import file limits (checked before and while reading)', () => {
  it('CSV: counts rows the way the parser splits them (quoted line breaks, stray quotes)', () => {
    const text = 'a,b\n"x\ny",2\nab"c,3\n\n4,5';
    expect(parseCsv(text)).toHaveLength(4);
    expect(() => checkCsvShape(text, ',')).not.toThrow();
  });

  it('CSV: one row over the limit is refused with the limit, before parsing', async () => {
    const ok = 'h\n' + '1\n'.repeat(MAX_IMPORT_ROWS);
    expect(await refusal(() => checkCsvShape(ok, ','))).toBeNull();
    // A stray quote inside a cell does not hide the rows after it.
    const over = 'h\nab"c\n' + '1\n'.repeat(MAX_IMPORT_ROWS);
    expect(await refusal(() => checkCsvShape(over, ','))).toEqual({ line: MAX_IMPORT_ROWS + 2, column: null, messageKey: 'errors.budgets.import.tooManyRows', value: String(MAX_IMPORT_ROWS), params: { max: MAX_IMPORT_ROWS } });
    expect(await refusal(readRows('CSV', Buffer.from(over)))).toMatchObject({ messageKey: 'errors.budgets.import.tooManyRows' });
  });

  it('CSV: a row with too many columns', async () => {
    expect(await refusal(() => checkCsvShape('a,b\n' + ','.repeat(MAX_IMPORT_COLUMNS), ','))).toMatchObject({ line: 2, messageKey: 'errors.budgets.import.tooManyColumns' });
  });

  it('XLSX: a directory that understates a sheet (the inflated bytes are counted) is refused', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => inlineRow(i + 1, ['2025-01-01', '1'])).join('');
    expect(await refusal(checkXlsx(xlsxWithSheet(rows)))).toBeNull();
    expect(await refusal(checkXlsx(xlsxWithSheet(rows, { claimedSheetSize: 1000 })))).toMatchObject({ messageKey: 'errors.budgets.import.xlsxSuspicious' });
  });

  it('XLSX: reads the first sheet as text rows (streaming reader)', async () => {
    const file = xlsxWithSheet(inlineRow(1, ['date', 'amount']) + inlineRow(2, ['2025-01-01', '10']) + '<row r="4"><c r="A4"><v>5.5</v></c></row>');
    expect(await readRows('XLSX', file)).toEqual([
      { line: 1, cells: ['date', 'amount'] },
      { line: 2, cells: ['2025-01-01', '10'] },
      { line: 4, cells: ['5.5'] },
    ]);
  });

  it('XLSX: a cell far to the right is refused as too many columns', async () => {
    expect(await refusal(readRows('XLSX', xlsxWithSheet(inlineRow(1, ['a']) + '<row r="2"><c r="XFD2"><v>1</v></c></row>')))).toMatchObject({ line: 2, messageKey: 'errors.budgets.import.tooManyColumns' });
  });
});
