import { ageOn, iinCheckDigit, readNationalId } from './national-id';

const TODAY = new Date('2026-12-03T00:00:00Z');

describe('KG PIN', () => {
  test('14 digits, sex digit 1 or 2, a real birth date DDMMYYYY', () => {
    expect(readNationalId('KG_PIN', '2 15031990 00123', TODAY)).toEqual({ ok: true, kind: 'KG_PIN', digits: '21503199000123', birthDate: '1990-03-15' });
    expect(readNationalId('KG_PIN', '12902200012345', TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });
  test.each([
    ['2150319900012', 'length'],
    ['31503199000123', 'sexDigit'],
    ['23002199000123', 'birthDate'], // 30 February
    ['22902200112345', 'birthDate'], // 2001 is no leap year
    ['20101203000123', 'birthDate'], // 2030: in the future
    ['2150319900012a', 'notDigits'],
  ])('%s is refused (%s)', (raw, problem) => {
    expect(readNationalId('KG_PIN', raw, TODAY)).toEqual({ ok: false, problem });
  });
});

describe('KZ IIN', () => {
  test('check digit with the first weights, and with the second when the first give 10', () => {
    expect(iinCheckDigit('90011530012')).toBe(2);
    expect(iinCheckDigit('90011530040')).toBe(1); // first sum 10, second 1
    expect(readNationalId('KZ_IIN', '900115 300122', TODAY)).toEqual({ ok: true, kind: 'KZ_IIN', digits: '900115300122', birthDate: '1990-01-15' });
    expect(readNationalId('KZ_IIN', '900115300401', TODAY)).toMatchObject({ ok: true });
    expect(readNationalId('KZ_IIN', '000102500126', TODAY)).toMatchObject({ ok: true, birthDate: '2000-01-02' }); // 5: 2000s
  });
  test.each([
    ['900115300123', 'checkDigit'],
    ['90011530012', 'length'],
    ['900115700122', 'centuryDigit'],
    ['901315300122', 'birthDate'],
    ['300115500120', 'birthDate'], // 2030
  ])('%s is refused (%s)', (raw, problem) => {
    expect(readNationalId('KZ_IIN', raw, TODAY)).toEqual({ ok: false, problem });
  });
  test('a number whose both sums give 10 has no valid check digit', () => {
    expect(iinCheckDigit('90011530120')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(readNationalId('KZ_IIN', `90011530120${d}`, TODAY)).toEqual({ ok: false, problem: 'checkDigit' });
  });
});

test('age in full years on a date', () => {
  expect(ageOn('2008-12-03', TODAY)).toBe(18);
  expect(ageOn('2008-12-04', TODAY)).toBe(17);
  expect(ageOn('1990-03-15', TODAY)).toBe(36);
});
