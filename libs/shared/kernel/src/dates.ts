import { InvalidInputError } from './errors';

/** Calendar dates as YYYY-MM-DD strings (PostgreSQL `date`), checked against the Gregorian calendar. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * True for an existing day: "2026-02-29", "2099-02-30" and "2026-13-01" fit the pattern but are no
 * dates, and PostgreSQL refuses them with an error that used to surface as a 500. Year 0 does not exist
 * either (1 BC is followed by AD 1).
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The date itself, or BAD_USER_INPUT naming the field with `errors.validation.date`. */
export function parseIsoDate(field: string, value: unknown): string {
  if (!isIsoDate(value)) throw new InvalidInputError(field, 'errors.validation.date');
  return value;
}

/** Today's date (UTC) as YYYY-MM-DD, the form dates are compared in. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
