/**
 * Money is an integer number of minor units (tyiyn for KGS, tiyn for KZT) with its currency.
 * bigint, never a float: sums of budget lines must be exact.
 */
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
 * Parses a decimal amount typed by a person ("1 234,50", "1234.5", "1,234.50") into minor units.
 * Returns null for anything that is not an exact amount with at most two decimals.
 */
export function parseMajorAmount(input: string): bigint | null {
  let s = input.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const decimalSep = lastComma > lastDot ? ',' : lastDot > lastComma ? '.' : null;
  let intPart = s;
  let fracPart = '';
  if (decimalSep) {
    const idx = s.lastIndexOf(decimalSep);
    const after = s.slice(idx + 1);
    const other = decimalSep === ',' ? '.' : ',';
    // "1,234" with no other separator is ambiguous: three digits after a comma reads as thousands.
    if (after.length === 3 && !s.includes(other) && s.indexOf(decimalSep) === idx && decimalSep === ',') {
      intPart = s.replace(',', '');
    } else {
      intPart = s.slice(0, idx).split(other).join('');
      fracPart = after;
    }
  }
  if (!/^\d+$/.test(intPart) || !/^\d{0,2}$/.test(fracPart)) return null;
  const value = BigInt(intPart) * MINOR_UNITS_PER_MAJOR + BigInt((fracPart + '00').slice(0, 2));
  return negative ? -value : value;
}

/** Minor units to a plain decimal string ("123456" → "1234.56"), for exports. */
export function formatMinorAsDecimal(amount: bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const major = abs / MINOR_UNITS_PER_MAJOR;
  const minor = abs % MINOR_UNITS_PER_MAJOR;
  return `${negative ? '-' : ''}${major}.${minor.toString().padStart(2, '0')}`;
}
