/**
 * Money is an integer number of minor units (tyiyn for KGS, tiyn for KZT) with its currency.
 * bigint, never a float: sums of budget lines must be exact.
 */
import { NumberParse, parseLocaleNumber } from './numbers';

export const CURRENCIES = ['KGS', 'KZT'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Money {
  readonly amount: bigint; // minor units
  readonly currency: Currency;
}

export const MINOR_UNITS_PER_MAJOR = 100n;

/**
 * Largest amount accepted anywhere (exclusive): 10^15 minor units = 10^13 som/tenge, far above any
 * local budget, and every sum of such amounts still fits PostgreSQL's bigint.
 */
export const MAX_MONEY_MINOR = 10n ** 15n;

export function money(amount: bigint | number | string, currency: Currency): Money {
  const value = typeof amount === 'bigint' ? amount : BigInt(amount);
  return { amount: value, currency };
}

export function sumMoney(items: Money[], currency: Currency): Money {
  let total = 0n;
  for (const m of items) {
    if (m.currency !== currency) throw new Error(`Currency mismatch: ${m.currency} vs ${currency}`);
    total += m.amount;
  }
  return { amount: total, currency };
}

/**
 * Parses a decimal amount typed by a person ("1 234,50", "1234.5", "1,234.50", "4 200" with a no-break
 * space) into minor units, with the one locale parser (numbers.ts). Returns null for anything that is
 * not an exact amount with at most two decimals, or that could be read two ways ("1,234").
 * `parseMajorAmountChecked` says why.
 */
export function parseMajorAmount(input: string): bigint | null {
  const r = parseMajorAmountChecked(input);
  return r.ok ? r.value : null;
}

export function parseMajorAmountChecked(input: string): NumberParse {
  return parseLocaleNumber(input, { decimals: 2, allowNegative: true });
}

/** Minor units to a plain decimal string ("123456" → "1234.56"), for exports. */
export function formatMinorAsDecimal(amount: bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const major = abs / MINOR_UNITS_PER_MAJOR;
  const minor = abs % MINOR_UNITS_PER_MAJOR;
  return `${negative ? '-' : ''}${major}.${minor.toString().padStart(2, '0')}`;
}
