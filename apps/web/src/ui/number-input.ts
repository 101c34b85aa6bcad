import { NUMBER_ERROR_KEY, parseLocaleInteger, parseLocaleNumber } from '@ashar/kernel/entry';
import type { Message } from '../api/graphql-errors';

/**
 * Every numeric box of the web reads what people type through the kernel's one parser (the API uses
 * the same): "4 200", "4 200" with a no-break or narrow no-break space, "1 234,50", "1234.5". A value
 * that cannot be read is a message for the box, never a silently dropped field.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: Message };

const fail = (problem: keyof typeof NUMBER_ERROR_KEY, decimals = 0): { ok: false; message: Message } => ({
  ok: false,
  message: { key: NUMBER_ERROR_KEY[problem], params: { decimals } },
});

/** A whole number (population, year); empty is null unless `required`. */
export function readWhole(text: string, opts: { required?: boolean } = {}): Read<number | null> {
  if (!text.trim()) return opts.required ? fail('empty') : { ok: true, value: null };
  const r = parseLocaleInteger(text);
  return r.ok ? { ok: true, value: r.value } : fail(r.problem);
}

/** An amount in som/tenge → minor units as a decimal string ("1 234,50" → "123450"); empty is null. */
export function readAmountMinor(text: string): Read<string | null> {
  if (!text.trim()) return { ok: true, value: null };
  const r = parseLocaleNumber(text, { decimals: 2 });
  return r.ok ? { ok: true, value: r.value.toString() } : fail(r.problem, 2);
}

/** Minor units → the plain decimal the API's amount inputs read exactly ("123450" → "1234.50"). */
export function minorToDecimalText(minor: string): string {
  const negative = minor.startsWith('-');
  const digits = (negative ? minor.slice(1) : minor).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2).replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`;
}

/** Keeps what can be part of a typed number (digits, spaces of every kind, "." and ","), drops the rest. */
export function cleanNumberInput(s: string): string {
  return s.replace(/[^\d\s\u00a0\u202f.,]/g, '');
}
