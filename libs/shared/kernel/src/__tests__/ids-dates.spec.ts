import { assertUuid, isUuid, uuidOrNotFound } from '../ids';
import { isIsoDate, isLeapYear, parseInstant, parseIsoDate } from '../dates';
import { DomainError, InvalidInputError } from '../errors';
import { MAX_MONEY_MINOR } from '../money';

describe('isUuid', () => {
  it('accepts the 8-4-4-4-12 hex shape: v4, v7 and the nil id, in either case', () => {
    expect(isUuid('3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b')).toBe(true); // v4
    expect(isUuid('0190f5a4-7c3e-7a12-9b45-6d8e2f1a3c5b')).toBe(true); // v7
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isUuid('3F2B8C1E-9D4A-4F6B-8E2A-1C5D7E9F0A1B')).toBe(true);
  });

  it('refuses what the old [0-9a-f-]{36} check let through, and other near misses', () => {
    expect(isUuid('-'.repeat(36))).toBe(false);
    expect(isUuid('a'.repeat(36))).toBe(false);
    expect(isUuid('3f2b8c1e9d4a-4f6b-8e2a-1c5d7e9f0a1b-')).toBe(false); // dashes in the wrong places
    expect(isUuid('{3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b}')).toBe(false); // braces
    expect(isUuid('urn:uuid:3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b')).toBe(false);
    expect(isUuid('3f2b8c1e9d4a4f6b8e2a1c5d7e9f0a1b')).toBe(false); // no dashes
    expect(isUuid('3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1g')).toBe(false); // not hex
    expect(isUuid(' 3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b')).toBe(false);
    expect(isUuid('3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b\n')).toBe(false);
    expect(isUuid('')).toBe(false);
    expect(isUuid(undefined)).toBe(false);
    expect(isUuid(42)).toBe(false);
  });

  it('assertUuid answers BAD_USER_INPUT naming the field; uuidOrNotFound answers NOT_FOUND', () => {
    expect(assertUuid('input.budgetId', '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b')).toBe('3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b');
    const bad = (() => { try { assertUuid('input.budgetId', '-'.repeat(36)); } catch (e) { return e; } })() as InvalidInputError;
    expect(bad).toBeInstanceOf(InvalidInputError);
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.field).toBe('input.budgetId');
    expect(bad.messageKey).toBe('errors.validation.invalid');
    const missing = (() => { try { uuidOrNotFound('BudgetDocument', '-'.repeat(36)); } catch (e) { return e; } })() as DomainError;
    expect(missing.code).toBe('NOT_FOUND');
    expect(uuidOrNotFound('BudgetDocument', '0190f5a4-7c3e-7a12-9b45-6d8e2f1a3c5b')).toBe('0190f5a4-7c3e-7a12-9b45-6d8e2f1a3c5b');
  });
});

describe('isIsoDate / parseIsoDate', () => {
  it('knows the leap years of the Gregorian calendar', () => {
    expect([2024, 2000, 2400].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('accepts days that exist', () => {
    for (const d of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-04-30', '0001-01-01', '9999-12-31']) expect(isIsoDate(d)).toBe(true);
  });

  it('refuses dates that fit YYYY-MM-DD but are not in the calendar', () => {
    for (const d of ['2099-02-30', '2026-13-01', '2026-02-29', '1900-02-29', '2100-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-01-32', '0000-01-01']) {
      expect(isIsoDate(d)).toBe(false);
    }
  });

  it('refuses other shapes', () => {
    for (const d of ['2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', ' 2026-01-01', '01.02.2026', '', '２０２６-01-01']) expect(isIsoDate(d)).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it('parseIsoDate returns the date or BAD_USER_INPUT with the field and errors.validation.date', () => {
    expect(parseIsoDate('input.decisionDate', '2024-02-29')).toBe('2024-02-29');
    const e = (() => { try { parseIsoDate('input.decisionDate', '2026-02-29'); } catch (err) { return err; } })() as InvalidInputError;
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.field).toBe('input.decisionDate');
    expect(e.messageKey).toBe('errors.validation.date');
  });
});

describe('MAX_MONEY_MINOR', () => {
  it('is 10^15 minor units, and a sum of thousands of such amounts still fits a PostgreSQL bigint', () => {
    expect(MAX_MONEY_MINOR).toBe(1_000_000_000_000_000n);
    expect(MAX_MONEY_MINOR * 9000n).toBeLessThan(2n ** 63n);
  });
});

describe('parseInstant', () => {
  it('reads RFC 3339 instants with an offset', () => {
    expect(parseInstant('f', '2027-03-01T09:00:00+06:00').toISOString()).toBe('2027-03-01T03:00:00.000Z');
    expect(parseInstant('f', '2027-03-01T09:00Z').toISOString()).toBe('2027-03-01T09:00:00.000Z');
    expect(parseInstant('f', '2028-02-29T23:59:59.5+05:00').toISOString()).toBe('2028-02-29T18:59:59.500Z');
  });
  it.each(['2027-02-30T10:00Z', '2027-03-01T24:00Z', '2027-03-01T10:60Z', '2027-03-01T10:00', '2027-03-01', '2027-03-01T10:00+25:00', 'tomorrow', '', 5, null])(
    'refuses %p with the field path', (v) => {
      expect(() => parseInstant('input.phases.0.startsAt', v)).toThrow(expect.objectContaining({ field: 'input.phases.0.startsAt' }));
    },
  );
});
