import type { Locale } from '@ashar/i18n/core';

/** Minor units (a decimal string from the API) → "1 234 567,89"; exact, no floats. */
export function formatMinor(minor: string | null | undefined, locale: Locale, opts: { decimals?: boolean } = {}): string {
  if (minor == null) return '';
  const negative = minor.startsWith('-');
  const digits = (negative ? minor.slice(1) : minor).padStart(3, '0');
  const major = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  const cents = digits.slice(-2);
  const grouped = major.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'en' ? ',' : '\u00a0');
  const sep = locale === 'en' ? '.' : ',';
  const showCents = opts.decimals ?? cents !== '00';
  return `${negative ? '−' : ''}${grouped}${showCents ? sep + cents : ''}`;
}

/** Minor units → a number of major units for proportions only (bar widths), never for sums. */
export function ratio(part: string, whole: string): number {
  const w = Number(whole);
  return w > 0 ? Math.max(0, Math.min(1, Number(part) / w)) : 0;
}

export function minorToInput(minor: string): string {
  const digits = minor.padStart(3, '0');
  const cents = digits.slice(-2);
  const major = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  return cents === '00' ? major : `${major}.${cents}`;
}
