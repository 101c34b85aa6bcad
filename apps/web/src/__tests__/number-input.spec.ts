import { cleanNumberInput, minorToDecimalText, readAmountMinor, readWhole } from '../ui/number-input';

describe('numeric boxes read what people type', () => {
  test.each([['4 200'], ['4\u00a0200'], ['4\u202f200'], ['4200']])('population %j → 4200', (s) => {
    expect(readWhole(s)).toEqual({ ok: true, value: 4200 });
  });
  test('empty is nothing, or required; garbage and ambiguity are messages', () => {
    expect(readWhole('')).toEqual({ ok: true, value: null });
    expect(readWhole(' ', { required: true })).toMatchObject({ ok: false, message: { key: 'errors.validation.required' } });
    expect(readWhole('4,200')).toMatchObject({ ok: false, message: { key: 'errors.number.ambiguous' } });
    expect(readWhole('4 200,5')).toMatchObject({ ok: false, message: { key: 'errors.number.notWhole' } });
    expect(readWhole('четыре')).toMatchObject({ ok: false, message: { key: 'errors.number.notANumber' } });
  });
  test.each([
    ['1 234,50', '123450'],
    ['1\u00a0234,50', '123450'],
    ['1234.5', '123450'],
    ['3 037 000', '303700000'],
  ])('amount %j → %s minor units', (s, minor) => {
    expect(readAmountMinor(s)).toEqual({ ok: true, value: minor });
  });
  test('amount problems carry the number of decimals', () => {
    expect(readAmountMinor('1,234')).toMatchObject({ ok: false, message: { key: 'errors.number.ambiguous' } });
    expect(readAmountMinor('1,234.567')).toMatchObject({ ok: false, message: { key: 'errors.number.tooManyDecimals', params: { decimals: 2 } } });
  });
  test('helpers', () => {
    expect(minorToDecimalText('123450')).toBe('1234.50');
    expect(minorToDecimalText('5')).toBe('0.05');
    expect(cleanNumberInput('1 234,50 сом')).toBe('1 234,50 ');
  });
});
