import { cellText } from '../../reader/read-rows';
import { decodeCsvText, detectSeparator } from '../csv-text';
import { FileLimitError } from '../limits';

describe('delimited text as people save it', () => {
  const cp1251 = (s: string) => Buffer.from([...s].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : ch.charCodeAt(0) - 0x410 + 0xc0)));

  it('reads UTF-8 with and without BOM, and Windows-1251, saying which', () => {
    expect(decodeCsvText(Buffer.from('Код;Сумма\n'))).toEqual({ text: 'Код;Сумма\n', encoding: 'UTF-8' });
    expect(decodeCsvText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Коду\n')]))).toEqual({ text: 'Коду\n', encoding: 'UTF-8-BOM' });
    expect(decodeCsvText(cp1251('Код;Наименование;Сумма\r\n11111;Подоходный налог;1,5\r\n'))).toEqual({ text: 'Код;Наименование;Сумма\r\n11111;Подоходный налог;1,5\r\n', encoding: 'WINDOWS-1251' });
  });

  it('refuses UTF-16 and binary rather than storing replacement characters', () => {
    const refused = (b: Buffer) => {
      try {
        decodeCsvText(b, 'x.encoding');
        return null;
      } catch (e) {
        return (e as FileLimitError).rowError;
      }
    };
    expect(refused(Buffer.from('\ufeffКод\tСумма\r\n', 'utf16le'))).toEqual({ line: 1, column: null, messageKey: 'x.encoding', params: { expected: 'UTF-8, Windows-1251' } });
    expect(refused(Buffer.from([0x50, 0x4b, 0x98, 0x01, 0x02]))).toMatchObject({ messageKey: 'x.encoding' });
  });

  it('finds the separator on the header lines, not line 1 alone, and not from decimal commas', () => {
    expect(detectSeparator('Бюджет на 2026 год, тыс. сом\n\nКод;Наименование;Сумма\n11111;Налог;1 561,6\n2111;Зарплата;450,5\n')).toBe(';');
    expect(detectSeparator('Коду\tАталышы\tСуммасы\n11111\tСалык, киреше\t1200\n')).toBe('\t');
    expect(detectSeparator('date,economic_code,amount\n2025-01-31,2111,"150 000,00"\n')).toBe(',');
  });

  it('reads XLSX cells as Excel shows them', () => {
    expect(cellText(11111)).toBe('11111');
    expect(cellText(10613.099999999999)).toBe('10613.1');
    expect(cellText(1.234)).toBe('1.2340');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText({ formula: 'SUM(A1:A2)', result: 2250000.99 } as never)).toBe('2250000.99');
    expect(cellText(new Date(Date.UTC(2026, 2, 31)))).toBe('2026-03-31');
    expect(cellText(null)).toBe('');
  });
});
