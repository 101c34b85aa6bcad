/**
 * SMS segment arithmetic after GSM 03.38 / 3GPP TS 23.038 (pure).
 *
 * A text that uses only the GSM-7 default alphabet (plus its extension table, each extension character costing an
 * escape septet, so 2) is sent in GSM-7: 160 septets in one part, 153 per part when concatenated (the user data
 * header takes the rest). Any other character (any Cyrillic letter, an emoji) forces UCS-2 for the whole message:
 * 70 UTF-16 code units in one part, 67 per part when concatenated.
 *
 * Parts are packed the way a gateway splits: an escape pair (GSM-7) or a surrogate pair (UCS-2) is never cut
 * across two parts, so a part may carry one unit less than its maximum.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Characters as a person counts them (Unicode code points). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text needs. */
  units: number;
  /** Number of parts the message is sent (and billed) as; 0 for an empty text. */
  parts: number;
  /** Units one part can hold for this text: 160/70 when it fits one part, else 153/67. */
  perPart: number;
  /** Units still free in the last part before another part is needed. */
  remainingInLastPart: number;
  /** The distinct characters that forced UCS-2, in order of first appearance (empty for GSM-7). */
  nonGsmCharacters: string[];
}

// The GSM 03.38 default alphabet, in table order (0x00–0x7F); 0x1B (escape) is not a character of its own.
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ' + 'ÆæßÉ' + ' !"#¤%&\'()*+,-./0123456789:;<=>?' + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' + '¿abcdefghijklmnopqrstuvwxyzäöñüà';

// The extension table (reached through the escape septet): form feed, ^ { } \ [ ~ ] | €.
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(Array.from(GSM7_BASIC));
const EXTENSION = new Set(Array.from(GSM7_EXTENSION));

export const SMS_LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;

/** Septets one character takes in GSM-7, or null when it is not in GSM-7 at all. */
export function gsm7Septets(ch: string): 1 | 2 | null {
  if (BASIC.has(ch)) return 1;
  if (EXTENSION.has(ch)) return 2;
  return null;
}

/** Number of parts for a list of indivisible unit sizes, packing greedily into parts of `size` units. */
function packParts(sizes: number[], size: number): { parts: number; usedInLast: number } {
  let parts = 1;
  let used = 0;
  for (const s of sizes) {
    if (used + s > size) {
      parts += 1;
      used = 0;
    }
    used += s;
  }
  return { parts, usedInLast: used };
}

export function smsSegments(text: string): SmsSegments {
  const chars = Array.from(text); // code points: an emoji is one character, two UTF-16 units
  const nonGsm: string[] = [];
  const seen = new Set<string>();
  const septets: number[] = [];
  for (const ch of chars) {
    const n = gsm7Septets(ch);
    if (n === null) {
      if (!seen.has(ch)) {
        seen.add(ch);
        nonGsm.push(ch);
      }
    } else septets.push(n);
  }
  const encoding: SmsEncoding = nonGsm.length === 0 ? 'GSM-7' : 'UCS-2';
  const sizes = encoding === 'GSM-7' ? septets : chars.map((c) => c.length);
  const units = sizes.reduce((a, b) => a + b, 0);
  const limits = SMS_LIMITS[encoding];
  if (units === 0) return { encoding, characters: 0, units: 0, parts: 0, perPart: limits.single, remainingInLastPart: limits.single, nonGsmCharacters: [] };
  if (units <= limits.single) return { encoding, characters: chars.length, units, parts: 1, perPart: limits.single, remainingInLastPart: limits.single - units, nonGsmCharacters: nonGsm };
  const { parts, usedInLast } = packParts(sizes, limits.multi);
  return { encoding, characters: chars.length, units, parts, perPart: limits.multi, remainingInLastPart: limits.multi - usedInLast, nonGsmCharacters: nonGsm };
}
