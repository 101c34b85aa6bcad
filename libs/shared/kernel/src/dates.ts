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

/** RFC 3339 date-time with seconds optional and an explicit offset ("Z" or ±HH:MM): an instant, never a wall time. */
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-](\d{2}):(\d{2}))$/i;

/**
 * An instant from an RFC 3339 string, checked against the calendar and the clock: "2027-02-30T10:00Z",
 * "24:00" or an offset of +25:00 are refused (JavaScript's Date would roll them over silently), and so is a
 * time without an offset, whose meaning depends on the server's zone. BAD_USER_INPUT `errors.validation.dateTime`.
 */
export function parseInstant(field: string, value: unknown): Date {
  const m = typeof value === 'string' ? RFC3339.exec(value) : null;
  const ok = m && isIsoDate(m[1]) && Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4] ?? 0) <= 59 && (!m[7] || (Number(m[7]) <= 18 && Number(m[8]) <= 59));
  const d = ok ? new Date((value as string).replace(' ', 'T')) : null;
  if (!d || Number.isNaN(d.getTime())) throw new InvalidInputError(field, 'errors.validation.dateTime');
  return d;
}
