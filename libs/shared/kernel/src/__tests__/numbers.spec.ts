import { parseLocaleInteger, parseLocaleNumber } from '../numbers';
import { parseMajorAmount } from '../money';

const money = (s: string) => parseLocaleNumber(s, { decimals: 2 });
const value = (r: ReturnType<typeof parseLocaleNumber>) => (r.ok ? r.value : r.problem);

describe('parseLocaleNumber: what people type', () => {
  it.each([
    ['4 200', 420000n],
    ['4\u00a0200', 420000n],
    ['4\u202f200', 420000n],
    ['4\u2009200', 420000n],
    ['1 234,50', 123450n],
    ['1\u00a0234,50', 123450n],
    ['1234,5', 123450n],
    ['1234.5', 123450n],
    ['1.234,50', 123450n],
    ['1,234.50', 123450n],
    ['1 234 567', 123456700n],
    ['1.234.567', 123456700n],
    ['1,234,567', 123456700n],
    ['  355 ', 35500n],
    ['0,05', 5n],
    ['12,3', 1230n],
    ["1'234.50", 123450n],
  ])('%j → %s minor units', (input, expected) => {
    expect(value(money(input))).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'notANumber'],
    ['12a', 'notANumber'],
    ['42 00', 'notANumber'],
    ['1 2345', 'notANumber'],
    ['1.234.5x', 'notANumber'],
    ['1,,5', 'notANumber'],
    ['1 ,5', 'notANumber'],
    [',5', 'notANumber'],
    ['5,', 'notANumber'],
    ['1.234,5.6', 'notANumber'],
    ['1,234', 'ambiguous'],
    ['1.234', 'ambiguous'],
    ['12.345', 'ambiguous'],
    ['1234,567', 'tooManyDecimals'],
    ['-5', 'negative'],
    ['миң сом', 'notANumber'],
  ])('%j is refused: %s', (input, problem) => {
    expect(value(money(input))).toBe(problem);
  });

  it('negatives only when asked for', () => {
    expect(value(parseLocaleNumber('-12,01', { decimals: 2, allowNegative: true }))).toBe(-1201n);
    expect(value(parseLocaleNumber('−12,01', { decimals: 2, allowNegative: true }))).toBe(-1201n);
  });

  it('whole numbers (population, year)', () => {
    expect(parseLocaleInteger('4 200')).toEqual({ ok: true, value: 4200 });
    expect(parseLocaleInteger('4\u00a0200')).toEqual({ ok: true, value: 4200 });
    expect(parseLocaleInteger('2026')).toEqual({ ok: true, value: 2026 });
    expect(parseLocaleInteger('4 200,5')).toEqual({ ok: false, problem: 'notWhole' });
    expect(parseLocaleInteger('4,200')).toEqual({ ok: false, problem: 'ambiguous' });
    expect(parseLocaleInteger('9'.repeat(20))).toEqual({ ok: false, problem: 'notANumber' });
  });

  it('is what the API uses for amounts', () => {
    expect(parseMajorAmount('1 234,50')).toBe(123450n);
    expect(parseMajorAmount('4\u202f200')).toBe(420000n);
    expect(parseMajorAmount('1,234')).toBeNull();
  });
});
