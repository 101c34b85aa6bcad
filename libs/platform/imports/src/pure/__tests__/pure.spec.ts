import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { errorReportRows, reportLocale } from '../error-report';
import { RowSchema, validateRows } from '../row-schema';
import { sniffFormat } from '../sniff';

describe('import pipeline, pure parts', () => {
  it('sniffs XLSX by its ZIP signature, anything else is text', () => {
    expect(sniffFormat(Buffer.from('PK\u0003\u0004rest'))).toBe('XLSX');
    expect(sniffFormat(Buffer.from('PK,not a zip'))).toBe('CSV');
    expect(sniffFormat(Buffer.from('\ufeffdate,amount'))).toBe('CSV');
    expect(sniffFormat(Buffer.alloc(0))).toBe('CSV');
  });

  it('reports in the downloader\'s language, else the import\'s, else Kyrgyz', () => {
    expect(reportLocale('ru', 'en')).toBe('ru');
    expect(reportLocale(null, 'kk')).toBe('kk');
    expect(reportLocale('de', null)).toBe('ky');
    expect(errorReportRows([{ line: 3, column: 'qty', messageKey: 'errors.validation.tooLong', params: { max: 5 }, value: 'abcdefg' }], 'en')).toEqual([
      ['Row', 'Column', 'Value', 'Problem', 'Code'],
      ['3', 'qty', 'abcdefg', 'This text is too long (at most 5 characters).', 'errors.validation.tooLong'],
    ]);
  });

  it('validates all rows, keeps none when one is bad, caps the report and counts beyond it', () => {
    const schema: RowSchema<number> = {
      bind: () => ({ ok: true, parse: (r) => (/^\d+$/.test(r.cells[0]) ? { ok: true, row: Number(r.cells[0]) } : { ok: false, errors: [{ column: 'n', messageKey: 'bad' }] }) }),
    };
    const opts = { maxLineChars: 20, emptyKey: 'empty', lineTooLongKey: 'long' };
    const rows = (cells: string[]) => cells.map((c, i) => ({ line: i + 1, cells: [c] }));
    expect(validateRows(rows(['n', '1', '2']), schema, undefined, opts)).toEqual({ records: [1, 2], errors: [], rows: 2, errorCount: 0, headerLine: 1, skipped: [], info: undefined });
    expect(validateRows(rows(['n', '1', 'x', 'y'.repeat(30)]), schema, undefined, opts)).toEqual({
      records: [],
      errors: [{ line: 3, column: 'n', messageKey: 'bad' }, { line: 4, column: null, messageKey: 'long' }],
      rows: 3,
      errorCount: 2,
      headerLine: 1,
      skipped: [],
      info: undefined,
    });
    expect(validateRows([], schema, undefined, opts).errors).toEqual([{ line: 1, column: null, messageKey: 'empty' }]);
    // A title row above the header, when the schema says where the header is.
    expect(validateRows(rows(['Budget 2026', 'n', '5']), { ...schema, headerIndex: () => 1 }, undefined, opts)).toMatchObject({ records: [5], rows: 1 });
    const many = validateRows(rows(['n', ...Array.from({ length: 1500 }, () => 'x')]), schema, undefined, opts);
    expect(many.errors).toHaveLength(1000);
    expect(many.errorCount).toBe(1500);
  });

  it('imports nothing but pure libraries (no Nest, TypeORM, Node streams or spreadsheet parser)', () => {
    const dir = join(__dirname, '..');
    const bad: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)) {
        if (!m[1].startsWith('./') && !['@ashar/i18n', '@ashar/kernel'].includes(m[1])) bad.push(`${f}: ${m[1]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
