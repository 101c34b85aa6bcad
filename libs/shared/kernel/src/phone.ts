/**
 * Phone numbers as people write them in Kyrgyzstan and Kazakhstan, to E.164 ("+996700123456"):
 * - KG (+996, nine national digits; trunk prefix 0): "0700 123 456", "0 (312) 12-34-56",
 *   "+996 700 123456", "996700123456", "700 123 456".
 * - KZ (+7, ten national digits starting with 6 or 7; trunk prefix 8): "8 701 123 4567",
 *   "+7 701 123 45 67", "77011234567", "701 123 4567".
 * A number written with "+" and another country code is kept as it is (10–15 digits): a member may
 * live abroad. Pure: no dependencies, used by the web (before sending) and by identity (before storing
 * or looking up an account), so both agree on what a number is.
 */
export const PHONE_COUNTRIES = ['KG', 'KZ'] as const;
export type PhoneCountry = (typeof PHONE_COUNTRIES)[number];

export type PhoneProblem = 'notAPhone' | 'tooShort' | 'tooLong' | 'notInCountry';
export type PhoneParse = { ok: true; e164: string; country: PhoneCountry | null } | { ok: false; problem: PhoneProblem };

/** Catalogue key of each problem; the message names the country's example ({example}). */
export const PHONE_ERROR_KEY: Record<PhoneProblem, string> = {
  notAPhone: 'errors.phone.notAPhone',
  tooShort: 'errors.phone.tooShort',
  tooLong: 'errors.phone.tooLong',
  notInCountry: 'errors.phone.notInCountry',
};

/** How a number of each country is written at home, for hints and messages. */
export const PHONE_EXAMPLE: Record<PhoneCountry, string> = { KG: '0700 123 456', KZ: '8 701 123 4567' };

interface Plan {
  code: string; // country calling code, digits
  national: number; // national significant number length
  trunk: string; // domestic prefix
  firstDigits: RegExp; // what a national number may start with
}
const PLAN: Record<PhoneCountry, Plan> = {
  // Mobile 2xx/5xx/7xx/9xx, fixed lines 3xxx (Bishkek 312), service 8xx.
  KG: { code: '996', national: 9, trunk: '0', firstDigits: /^[235789]/ },
  // Kazakhstan's share of +7: 7xx mobile and 7xxx fixed lines, 6xx reserved for it.
  KZ: { code: '7', national: 10, trunk: '8', firstDigits: /^[67]/ },
};

/** Looks like a phone number rather than an email or a name: digits and the marks people write between them. */
export function looksLikePhone(input: string): boolean {
  return /^\+?[\d\s\u00a0().-]+$/.test(input.trim()) && /\d/.test(input);
}

/** The number in E.164 for `country`, or why it cannot be one. */
export function normalisePhone(input: string, country: PhoneCountry): PhoneParse {
  const raw = input.trim();
  if (!raw || !looksLikePhone(raw) || raw.indexOf('+') > 0) return { ok: false, problem: 'notAPhone' };
  const digits = raw.replace(/\D/g, '');
  const plan = PLAN[country];
  if (raw.startsWith('+') || raw.startsWith('00')) {
    const intl = raw.startsWith('+') ? digits : digits.slice(2);
    for (const [c, p] of Object.entries(PLAN) as [PhoneCountry, Plan][]) {
      if (intl.startsWith(p.code)) return national(intl.slice(p.code.length), c, { explicit: true });
    }
    if (intl.length < 10) return { ok: false, problem: 'tooShort' };
    if (intl.length > 15) return { ok: false, problem: 'tooLong' };
    return { ok: true, e164: `+${intl}`, country: null };
  }
  // Written with the country code but no "+": "996700123456", "77011234567".
  if (digits.length === plan.code.length + plan.national && digits.startsWith(plan.code)) {
    const rest = digits.slice(plan.code.length);
    if (plan.firstDigits.test(rest)) return national(rest, country);
  }
  if (digits.length === plan.trunk.length + plan.national && digits.startsWith(plan.trunk)) {
    return national(digits.slice(plan.trunk.length), country);
  }
  // Started the domestic way ("0…", "8…") but the wrong length: say so, not "not in the country".
  if (digits.startsWith(plan.trunk)) return { ok: false, problem: digits.length < plan.trunk.length + plan.national ? 'tooShort' : 'tooLong' };
  return national(digits, country);
}

/**
 * For a log-in or a form whose country is only a guess: the preferred country first, then the other
 * ones whose domestic format the number has ("8 701 …" is Kazakh even when the form said Kyrgyzstan).
 */
export function normalisePhoneGuess(input: string, preferred: PhoneCountry): PhoneParse {
  const first = normalisePhone(input, preferred);
  if (first.ok) return first;
  for (const other of PHONE_COUNTRIES) {
    if (other === preferred) continue;
    const r = normalisePhone(input, other);
    if (r.ok) return r;
  }
  return first;
}

function national(n: string, country: PhoneCountry, opts: { explicit?: boolean } = {}): PhoneParse {
  const plan = PLAN[country];
  if (n.length < plan.national) return { ok: false, problem: 'tooShort' };
  if (n.length > plan.national) return { ok: false, problem: 'tooLong' };
  // An explicit "+7 9xx …" is a Russian number: valid E.164, not a Kazakh one; kept as written.
  if (!plan.firstDigits.test(n)) return opts.explicit && country === 'KZ' ? { ok: true, e164: `+${plan.code}${n}`, country: null } : { ok: false, problem: 'notInCountry' };
  return { ok: true, e164: `+${plan.code}${n}`, country };
}
