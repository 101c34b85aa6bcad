import { foldForSearch } from '../search-fold';
import { formatMinorAsDecimal, parseMajorAmount, sumMoney } from '../money';

describe('foldForSearch', () => {
  it('folds Kyrgyz letters to their Russian look-alikes', () => {
    expect(foldForSearch('Ак-Дөбө')).toBe(foldForSearch('Ак-Дoбo'));
    expect(foldForSearch('Үч-Коргон')).toBe(foldForSearch('уч коргон'));
    expect(foldForSearch('Көң-Жар')).toBe(foldForSearch('кон жар'));
    expect(foldForSearch('Ёлка')).toBe('елка');
  });

  it('folds Latin look-alike letters typed into Cyrillic names', () => {
    // "Ак-Дебе" typed with Latin A, e and e
    expect(foldForSearch('Aк-Дeбe')).toBe(foldForSearch('Ак-Дебе'));
  });

  it('drops case and punctuation but keeps different letters apart', () => {
    expect(foldForSearch('  Кызыл-Сай  ')).toBe('кызыл саи');
    expect(foldForSearch('Кызыл-Сай')).not.toBe(foldForSearch('Кызыл-Чарба'));
  });
});

describe('money', () => {
  it('parses amounts typed by people into exact minor units', () => {
    expect(parseMajorAmount('1 234,50')).toBe(123450n);
    expect(parseMajorAmount('1234.5')).toBe(123450n);
    expect(parseMajorAmount('1,234.56')).toBe(123456n);
    expect(parseMajorAmount('355')).toBe(35500n);
    expect(parseMajorAmount('-12.01')).toBe(-1201n);
  });

  it('rejects text, three decimals and empty input', () => {
    expect(parseMajorAmount('abc')).toBeNull();
    expect(parseMajorAmount('1.234.5x')).toBeNull();
    expect(parseMajorAmount('12.345')).toBeNull();
    expect(parseMajorAmount('')).toBeNull();
  });

  it('sums exactly where floats would drift', () => {
    const items = Array.from({ length: 10 }, () => ({ amount: 10n, currency: 'KGS' as const }));
    expect(sumMoney(items, 'KGS').amount).toBe(100n);
    expect(formatMinorAsDecimal(100n)).toBe('1.00');
    expect(formatMinorAsDecimal(-5n)).toBe('-0.05');
    expect(() => sumMoney([{ amount: 1n, currency: 'KZT' }], 'KGS')).toThrow(/mismatch/);
  });
});

import { ConfigError, loadConfig } from '../config';

describe('loadConfig', () => {
  const good = { DATABASE_URL: 'postgres://root@127.0.0.1:5432/test', JWT_SECRET: 'x'.repeat(32) };

  it('accepts a minimal environment and defaults the rest', () => {
    const c = loadConfig(good);
    expect(c.port).toBe(3000);
    expect(c.redisUrl).toBeNull();
    expect(c.accessTokenTtlSeconds).toBe(900);
  });

  it('stops with one line naming the wrong setting', () => {
    expect(() => loadConfig({ ...good, DATABASE_URL: undefined })).toThrow(/DATABASE_URL is required/);
    expect(() => loadConfig({ ...good, PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ ...good, REDIS_URL: 'http://x' })).toThrow(/REDIS_URL must start with redis:/);
    expect(() => loadConfig({ ...good, JWT_SECRET: 'short' })).toThrow(ConfigError);
  });
});

import { parseCsv, parseCsvLine, toCsv } from '../csv';

describe('parseCsv', () => {
  it('reads quoted separators, doubled quotes, CRLF, BOM and reports line numbers', () => {
    const rows = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', 'z'] },
    ]);
  });

  it('round-trips through toCsv', () => {
    const data = [['id', 'name'], ['1', 'Ак-Дөбө, "centre"'], ['2', '']];
    expect(parseCsv(toCsv(data)).map((r) => r.cells)).toEqual(data);
  });

  it('fails on an unterminated quote, naming the line it opened on', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
    expect(() => parseCsv('a\n\nb,"c\nd')).toThrow('CSV line 3: unterminated quoted field');
  });

  it('keeps the habits of the files people have: stray quotes, text after a closing quote, mixed line ends, empty lines', () => {
    expect(parseCsv('a,b\n"x\ny",2\nab"c,3\n\n4,5')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', '2'] },
      { line: 4, cells: ['ab"c', '3'] },
      { line: 6, cells: ['4', '5'] },
    ]);
    expect(parseCsv('47;"Odkupmy" i my;x', ';')[0].cells).toEqual(['47', 'Odkupmy i my', 'x']);
    // A quoted cell whose text starts with an (escaped) quote is not touched.
    expect(parseCsv('a,"""x"" y",z')[0].cells).toEqual(['a', '"x" y', 'z']);
    expect(parseCsv('a\r\nb\nc\rd').map((r) => [r.line, r.cells[0]])).toEqual([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
    expect(parseCsv('a,b\r\n"1\r\n2",3\r\nz,y\r\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reads a file without quotes exactly as the parser reads it (the quote-free fast path)', () => {
    // A leading `"x"` record sends the same text through csv-parse; dropping that record (and its line)
    // leaves what the parser made of the rest, to compare with the direct split.
    const pieces = ['a', 'Ак', ',', ';', '\n', '\r', '\r\n', ' ', '\t', '1 200,50', '', ',,'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let n = 0; n < 500; n++) {
      const bom = n % 5 === 0 ? '\ufeff' : '';
      const text = Array.from({ length: 1 + (n % 40) }, () => pieces[next()]).join('');
      for (const sep of [',', ';']) {
        const [first, ...rest] = parseCsv(`${bom}"x"\n${text}`, sep);
        expect(first).toEqual({ line: 1, cells: ['x'] });
        expect(parseCsv(bom + text, sep)).toEqual(rest.map((r) => ({ line: r.line - 1, cells: r.cells })));
      }
    }
  });

  it('reads one line of a line-based format', () => {
    expect(parseCsvLine('a;b;;c', ';')).toEqual(['a', 'b', '', 'c']);
    expect(parseCsvLine('1;"x; y";"say ""hi"""', ';')).toEqual(['1', 'x; y', 'say "hi"']);
  });
});
