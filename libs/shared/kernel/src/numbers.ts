/**
 * The one parser for numbers people type (web forms and API inputs that arrive as text): "4 200",
 * "4 200" with a no-break or narrow no-break space, "1 234,50", "1234.5", "1.234,50", "1,234.50".
 * Exact (bigint scaled by 10^decimals, never a float) and strict: anything that could be read two
 * ways ("1,234", "1.234") or that is not a number ("12a", "1 23") is refused with a reason that has
 * its own catalogue message (`NUMBER_ERROR_KEY`). Pure: no dependencies, safe in the browser.
 */
export type NumberProblem = 'empty' | 'notANumber' | 'ambiguous' | 'tooManyDecimals' | 'negative' | 'notWhole';

export type NumberParse = { ok: true; value: bigint } | { ok: false; problem: NumberProblem };

/** The catalogue key of each problem (libs/shared/i18n), with `{decimals}` where it says how many. */
export const NUMBER_ERROR_KEY: Record<NumberProblem, string> = {
  empty: 'errors.validation.required',
  notANumber: 'errors.number.notANumber',
  ambiguous: 'errors.number.ambiguous',
  tooManyDecimals: 'errors.number.tooManyDecimals',
  negative: 'errors.number.negative',
  notWhole: 'errors.number.notWhole',
};

/** Spaces people and programs put between thousands: space, NBSP, narrow NBSP, thin space, apostrophe. */
const GROUP_SPACES = /[\u0020\u00a0\u202f\u2009\u2007']/;

export interface ParseNumberOptions {
  /** Digits kept after the decimal separator (2 for money, 0 for counts and years). */
  decimals: number;
  allowNegative?: boolean;
}

/**
 * `value` is the number times 10^decimals: parseLocaleNumber("1 234,5", { decimals: 2 }) → 123450n.
 */
export function parseLocaleNumber(input: string, { decimals, allowNegative = false }: ParseNumberOptions): NumberParse {
  let s = input.trim();
  if (!s) return { ok: false, problem: 'empty' };
  let negative = false;
  if (/^[-\u2212]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (!s || !/^[\d\s\u00a0\u202f\u2009\u2007'.,]+$/.test(s) || !/^\d/.test(s) || !/\d$/.test(s)) return { ok: false, problem: 'notANumber' };
  // Runs of spaces of one kind are one separator; mixed separators next to each other are garbage.
  if (/[\s\u00a0\u202f\u2009\u2007'.,]{2,}/.test(s)) return { ok: false, problem: 'notANumber' };

  const commas = count(s, ',');
  const dots = count(s, '.');
  let intPart: string;
  let fracPart = '';
  let groupMark: string | null = null; // "." or "," used between thousands
  if (commas && dots) {
    // Both: the last one is the decimal separator, the other groups thousands ("1.234,50", "1,234.50").
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const other = decimal === ',' ? '.' : ',';
    if (count(s, decimal) > 1 || s.lastIndexOf(other) > s.lastIndexOf(decimal)) return { ok: false, problem: 'notANumber' };
    [intPart, fracPart] = s.split(decimal);
    groupMark = other;
  } else if (commas + dots === 1) {
    const mark = commas ? ',' : '.';
    const [before, after] = s.split(mark);
    // "1,234" or "1.234": thousands or three decimals? Refused rather than guessed.
    if (after.length === 3 && /^\d{1,3}$/.test(before.replace(/[\s\u00a0\u202f\u2009\u2007']/g, '')) && !GROUP_SPACES.test(before)) {
      return { ok: false, problem: 'ambiguous' };
    }
    intPart = before;
    fracPart = after;
  } else if (commas + dots > 1) {
    // "1.234.567" or "1,234,567": several of one mark can only group thousands.
    intPart = s;
    groupMark = commas ? ',' : '.';
  } else {
    intPart = s;
  }
  if (!/^\d+$/.test(fracPart || '0')) return { ok: false, problem: 'notANumber' };
  const digits = groupedDigits(intPart, groupMark);
  if (digits === null) return { ok: false, problem: 'notANumber' };
  if (fracPart.length > decimals) {
    return { ok: false, problem: decimals === 0 ? 'notWhole' : 'tooManyDecimals' };
  }
  if (negative && !allowNegative) return { ok: false, problem: 'negative' };
  const scale = BigInt(10) ** BigInt(decimals);
  const value = BigInt(digits) * scale + BigInt((fracPart + '0'.repeat(decimals)).slice(0, decimals) || '0');
  return { ok: true, value: negative ? -value : value };
}

/** A whole number typed by a person ("4 200" → 4200); problems as parseLocaleNumber. */
export function parseLocaleInteger(input: string, opts: { allowNegative?: boolean } = {}): { ok: true; value: number } | { ok: false; problem: NumberProblem } {
  const r = parseLocaleNumber(input, { decimals: 0, allowNegative: opts.allowNegative });
  if (!r.ok) return r;
  if (r.value > BigInt(Number.MAX_SAFE_INTEGER) || r.value < -BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'notANumber' };
  return { ok: true, value: Number(r.value) };
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/**
 * The integer part with its thousands separators taken out, or null when they are not every three
 * digits ("4 200", "1.234.567" yes; "42 00", "1 2345" no). One kind of separator only.
 */
function groupedDigits(intPart: string, groupMark: string | null): string | null {
  const separators = new Set(intPart.replace(/\d/g, ''));
  if (separators.size === 0) return intPart;
  if (separators.size > 1) {
    // Spaces of different kinds are still spaces; a space and a mark together are not.
    const spaces = [...separators].every((c) => GROUP_SPACES.test(c));
    if (!spaces) return null;
  } else if (groupMark && ![...separators].every((c) => c === groupMark || GROUP_SPACES.test(c))) {
    return null;
  } else if (!groupMark && ![...separators].every((c) => GROUP_SPACES.test(c))) {
    return null;
  }
  const groups = intPart.split(/[^\d]/);
  if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}
