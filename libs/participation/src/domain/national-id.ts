/**
 * National ID numbers, read for in-person verification (pure). Only their structure is checked here; the
 * number is then kept as a keyed hash, never as itself.
 * - Kyrgyzstan, PIN (ПИН/ИНН of a person): 14 digits; the first is the sex (1 or 2), the next eight the
 *   birth date DDMMYYYY, then five digits of a serial (no public check digit).
 * - Kazakhstan, IIN (ЖСН/ИИН): 12 digits; YYMMDD, then the century and sex (1–2: 1800s, 3–4: 1900s,
 *   5–6: 2000s), four serial digits and a check digit: the weighted sum of the first eleven (weights 1..11)
 *   modulo 11; when that is 10, again with weights 3..11, 1, 2; a second 10 means no valid number.
 */
export type NationalIdKind = 'KG_PIN' | 'KZ_IIN';
export type NationalIdProblem = 'notDigits' | 'length' | 'sexDigit' | 'centuryDigit' | 'birthDate' | 'checkDigit';

export type NationalIdReading = { ok: true; kind: NationalIdKind; digits: string; birthDate: string } | { ok: false; problem: NationalIdProblem };

/** The digits of a number as people write it (spaces, dashes and dots dropped). */
export function normaliseNationalId(raw: string): string {
  return raw.replace(/[\s.\-–]/g, '');
}

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The IIN's check digit from its first eleven digits, or null when the algorithm gives none. */
export function iinCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const sum = (w: number[]) => d.reduce((s, x, i) => s + x * w[i], 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c === 10 ? null : c;
}

export function readNationalId(kind: NationalIdKind, raw: string, today: Date = new Date()): NationalIdReading {
  const digits = normaliseNationalId(raw);
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'notDigits' };
  const todayIso = today.toISOString().slice(0, 10);
  if (kind === 'KG_PIN') {
    if (digits.length !== 14) return { ok: false, problem: 'length' };
    if (digits[0] !== '1' && digits[0] !== '2') return { ok: false, problem: 'sexDigit' };
    const birthDate = isoDate(Number(digits.slice(5, 9)), Number(digits.slice(3, 5)), Number(digits.slice(1, 3)));
    if (!birthDate || birthDate > todayIso || birthDate < '1890-01-01') return { ok: false, problem: 'birthDate' };
    return { ok: true, kind, digits, birthDate };
  }
  if (digits.length !== 12) return { ok: false, problem: 'length' };
  const centuryDigit = Number(digits[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return { ok: false, problem: 'centuryDigit' };
  const century = 1800 + 100 * Math.floor((centuryDigit - 1) / 2);
  const birthDate = isoDate(century + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)));
  if (!birthDate || birthDate > todayIso || birthDate < '1890-01-01') return { ok: false, problem: 'birthDate' };
  if (iinCheckDigit(digits.slice(0, 11)) !== Number(digits[11])) return { ok: false, problem: 'checkDigit' };
  return { ok: true, kind, digits, birthDate };
}

/** Full years between a birth date (YYYY-MM-DD) and `today` (UTC). */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}
