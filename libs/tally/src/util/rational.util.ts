/**
 * Exact non-negative-or-signed rationals on BigInt. Used only where a comparison decides an
 * outcome (near-ties, affordability at the edge); the hot loops run on floats.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint; // always > 0, gcd(n, d) = 1
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function rat(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new Error('rational with zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const R0: Rational = { n: 0n, d: 1n };

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return rat(a.n - b.n, a.d);
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new Error('division by zero');
  return rat(a.n * b.d, a.d * b.n);
}

export function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function toNumber(a: Rational): number {
  // Number(bigint) is fine while both fit; scale down huge operands first to keep precision.
  const an = a.n < 0n ? -a.n : a.n;
  const bits = Math.max(an.toString(2).length, a.d.toString(2).length);
  if (bits <= 1000) return Number(a.n) / Number(a.d);
  const shift = BigInt(bits - 1000);
  return Number(a.n >> shift) / Number(a.d >> shift);
}

export function toStringRational(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/**
 * Parses a finite decimal number's shortest string form ("123.45", "1e+21", "5e-7") into an exact
 * rational. Doubles parsed from short decimal text print back as that text, so this recovers the
 * value the file meant.
 */
export function ratFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return ratFromDecimalString(String(x));
}

export function ratFromDecimalString(s: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal number: "${s}"`);
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] || '0';
  const frac = m[3] ?? '';
  const exp = m[4] ? parseInt(m[4], 10) : 0;
  let n = BigInt(intPart + frac) * sign;
  const scaleExp = exp - frac.length;
  if (scaleExp >= 0) {
    n *= 10n ** BigInt(scaleExp);
    return rat(n, 1n);
  }
  return rat(n, 10n ** BigInt(-scaleExp));
}

/** Number of decimal digits after the point needed to write x exactly (0 for integers). */
export function decimalsOf(x: number): number {
  const r = ratFromNumber(x);
  let d = r.d;
  let k = 0;
  while (d % 10n === 0n) {
    d /= 10n;
    k++;
  }
  if (d !== 1n) {
    // d contains only 2s and 5s for a decimal; pad to a power of ten.
    while (d % 2n === 0n) {
      d /= 2n;
      k++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      k++;
    }
  }
  return k;
}
