import { normalisePhone, normalisePhoneGuess } from '../phone';

describe('normalisePhone: to E.164 with the country', () => {
  it.each([
    ['0700 123 456', '+996700123456'],
    ['0 (312) 12-34-56', '+996312123456'],
    ['+996 700 123456', '+996700123456'],
    ['996700123456', '+996700123456'],
    ['700 123 456', '+996700123456'],
    ['0555-12-34-56', '+996555123456'],
    ['00996 700 123 456', '+996700123456'],
  ])('KG %j → %s', (input, e164) => {
    expect(normalisePhone(input, 'KG')).toEqual({ ok: true, e164, country: 'KG' });
  });

  it.each([
    ['8 701 123 4567', '+77011234567'],
    ['+7 701 123 45 67', '+77011234567'],
    ['77011234567', '+77011234567'],
    ['701 123 4567', '+77011234567'],
    ['8 (727) 123-45-67', '+77271234567'],
  ])('KZ %j → %s', (input, e164) => {
    expect(normalisePhone(input, 'KZ')).toEqual({ ok: true, e164, country: 'KZ' });
  });

  it.each([
    ['0700 123 45', 'KG', 'tooShort'],
    ['0700 123 4567', 'KG', 'tooLong'],
    ['0100 123 456', 'KG', 'notInCountry'],
    ['+996 100 123 456', 'KG', 'notInCountry'],
    ['8 901 123 4567', 'KZ', 'notInCountry'],
    ['8 701 123 456', 'KZ', 'tooShort'],
    ['hello', 'KG', 'notAPhone'],
    ['07a0 123 456', 'KG', 'notAPhone'],
    ['', 'KG', 'notAPhone'],
    ['070+0123456', 'KG', 'notAPhone'],
    ['+12', 'KG', 'tooShort'],
  ] as const)('%j in %s is refused: %s', (input, country, problem) => {
    expect(normalisePhone(input, country)).toEqual({ ok: false, problem });
  });

  it('keeps an explicit foreign number (a member abroad)', () => {
    expect(normalisePhone('+7 916 123 45 67', 'KG')).toEqual({ ok: true, e164: '+79161234567', country: null });
    expect(normalisePhone('+998 90 123 45 67', 'KZ')).toEqual({ ok: true, e164: '+998901234567', country: null });
  });

  it('a guess tries the other country when the number is written its way', () => {
    expect(normalisePhoneGuess('8 701 123 4567', 'KG')).toEqual({ ok: true, e164: '+77011234567', country: 'KZ' });
    expect(normalisePhoneGuess('0700 123 456', 'KZ')).toEqual({ ok: true, e164: '+996700123456', country: 'KG' });
    expect(normalisePhoneGuess('0700 12', 'KG')).toEqual({ ok: false, problem: 'tooShort' });
  });
});
