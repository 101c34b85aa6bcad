import { parseCsv, parseMajorAmount } from '@ashar/kernel';
import { columnLetter, executionAsOf, minorToCellNumber, minorToDecimalComma, safeSheetName, sheetRef, toExcelCsv } from '../export-format';

describe('export formats for spreadsheet programs', () => {
  it('the execution as-of date is today in the budget’s time zone, capped at the fiscal year’s end', () => {
    const now = new Date('2026-12-31T18:30:00Z'); // Bishkek (UTC+6): 1 Jan 2027 00:30; Almaty (UTC+5): 31 Dec 23:30
    expect(executionAsOf(2027, 'KG', now)).toBe('2027-01-01');
    expect(executionAsOf(2026, 'KG', now)).toBe('2026-12-31');
    expect(executionAsOf(2027, 'KZ', now)).toBe('2026-12-31');
    expect(executionAsOf(2025, 'KZ', now)).toBe('2025-12-31');
  });

  it('a money cell is the exact decimal string read as a number, up to the largest amount allowed', () => {
    expect(minorToCellNumber(45000050n)).toBe(450000.5);
    expect(minorToCellNumber(1n)).toBe(0.01);
    expect(minorToCellNumber(-1050n)).toBe(-10.5);
    // 10^15 − 1 minor units (MAX_MONEY_MINOR − 1): 15 significant digits survive the double exactly.
    expect(String(minorToCellNumber(999999999999999n))).toBe('9999999999999.99');
    for (const v of [0n, 7n, 10n, 123456789n, 100000000000001n, 999999999999999n]) expect(parseMajorAmount(String(minorToCellNumber(v)))).toBe(v);
  });

  it('CSV for Excel: BOM, `;`, decimal comma, CRLF, quotes only where needed, and it parses back', () => {
    const body = toExcelCsv([
      ['Код', 'Аталышы', 'Сумма'],
      ['2231', 'Көчө жарыгы; түнкү', minorToDecimalComma(45000050n)],
      ['11111', 'Салык "жер"', minorToDecimalComma(-5n)],
      ['2111', ' боштук ', minorToDecimalComma(100000000000000n)],
    ]);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.subarray(3).toString('utf8');
    expect(text).toBe('Код;Аталышы;Сумма\r\n2231;"Көчө жарыгы; түнкү";450000,50\r\n11111;"Салык ""жер""";-0,05\r\n2111;" боштук ";1000000000000,00\r\n');
    const rows = parseCsv(text, ';').map((r) => r.cells);
    expect(rows.slice(1).map((r) => parseMajorAmount(r[2]))).toEqual([45000050n, -5n, 100000000000000n]);
    expect(rows[1][1]).toBe('Көчө жарыгы; түнкү');
  });

  it('column letters, sheet references and sheet names Excel accepts', () => {
    expect([1, 9, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'I', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(sheetRef("Айыл'дын бюджети")).toBe("'Айыл''дын бюджети'");
    expect(safeSheetName('Бюджет [2025/2026]: план?')).toBe('Бюджет  2025 2026   план');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });
});
