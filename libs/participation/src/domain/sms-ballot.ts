/**
 * Reading a ballot sent by SMS from a feature phone (pure). The convention, documented in the README:
 *
 * - Projects are named by their number on the ballot (1, 2, 3 …: the feasible projects by id, the numbers of
 *   the printed sheet), or by a letter of the list labels used in Kyrgyz and Russian schoolbooks and forms:
 *   А Б В Г Д Е Ж З И К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Э Ю Я (А = 1, Б = 2, В = 3 …). Ё Й Ъ Ы Ь are never
 *   labels, nor Kyrgyz Ң Ө Ү or Kazakh Ә Ғ Қ Ұ Һ І (a different letter than the Russian list would be read
 *   differently by two people), so they are "unknown". A Latin letter that looks like a Cyrillic one
 *   (A B C E H K M O P T X Y, a phone without Cyrillic) reads as that Cyrillic letter (B = В = 3, not 2).
 * - Separators: spaces, commas, semicolons, dots, plus signs, line breaks (any number of them). Digits must be
 *   separated; letters too ("А В" or "А,В"), so an ordinary word is never read as a ballot.
 * - An optional first word: ДОБУШ (ky), ГОЛОС (ru), ДАУЫС (kk), VOTE.
 * - The order of the message is the order of a ranking ballot.
 *
 * Anything else is a typo, answered by naming the first piece that could not be read. A text with no digit
 * and no single letter at all ("салам") is not a ballot: it is kept and not answered.
 */

/** The list labels, in order: index + 1 is the project's number. */
export const SMS_BALLOT_LETTERS = ['А', 'Б', 'В', 'Г', 'Д', 'Е', 'Ж', 'З', 'И', 'К', 'Л', 'М', 'Н', 'О', 'П', 'Р', 'С', 'Т', 'У', 'Ф', 'Х', 'Ц', 'Ч', 'Ш', 'Щ', 'Э', 'Ю', 'Я'] as const;

/** Latin capitals that phones without Cyrillic send for the Cyrillic letter of the same shape. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У' };

const LEADING_WORDS = new Set(['ДОБУШ', 'ГОЛОС', 'ДАУЫС', 'VOTE']);

/** The longest ballot read (a message of 160 characters cannot name more, and the engine's limits apply anyway). */
export const SMS_BALLOT_MAX_PICKS = 60;

export type SmsBallotReading =
  /** Project numbers (1-based) in the order written, and what the voter wrote for each. */
  | { kind: 'ballot'; numbers: number[]; written: string[] }
  /** The first piece that could not be read. */
  | { kind: 'typo'; token: string }
  /** A label outside the list (Ё, Ң, Z …). */
  | { kind: 'unknownLetter'; token: string }
  | { kind: 'tooLong' }
  | { kind: 'notABallot' };

export function readSmsBallot(text: string): SmsBallotReading {
  const tokens = text.normalize('NFC').toUpperCase().split(/[\s,;.+]+/u).filter(Boolean);
  if (tokens.length && LEADING_WORDS.has(tokens[0])) tokens.shift();
  if (!tokens.some((t) => /\d/.test(t) || /^\p{L}$/u.test(t))) return { kind: 'notABallot' };
  if (tokens.length > SMS_BALLOT_MAX_PICKS) return { kind: 'tooLong' };
  const numbers: number[] = [];
  const written: string[] = [];
  for (const token of tokens) {
    if (/^\d{1,4}$/.test(token)) {
      const n = Number(token);
      if (n < 1) return { kind: 'typo', token };
      numbers.push(n);
    } else if (/^\p{L}$/u.test(token)) {
      const letter = LOOK_ALIKES[token] ?? token;
      const i = (SMS_BALLOT_LETTERS as readonly string[]).indexOf(letter);
      if (i < 0) return { kind: 'unknownLetter', token };
      numbers.push(i + 1);
    } else {
      return { kind: 'typo', token };
    }
    written.push(token);
  }
  return { kind: 'ballot', numbers, written };
}

/** The label of project `n` as the voter may write it: its number, and its letter while there is one. */
export function smsLabelOf(n: number): string {
  const letter = SMS_BALLOT_LETTERS[n - 1];
  return letter ? `${n}/${letter}` : String(n);
}
