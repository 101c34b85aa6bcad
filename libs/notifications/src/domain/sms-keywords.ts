/**
 * Opt-out and opt-in keywords of an inbound SMS (pure). The whole message must be the keyword (case, spaces,
 * punctuation and Cyrillic/Latin case ignored), so "стоп" opts out but "не стоп, голосую 3 7" does not.
 */
export type SmsKeywordAction = 'OPT_OUT' | 'OPT_IN';

// Latin, Russian, Kyrgyz ("токтот" = stop, "токтотуу"), Kazakh ("тоқтат"); START back in, Kyrgyz "башта", Kazakh "бастау".
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'СТОП', 'ТОКТОТ', 'ТОКТОТУУ', 'ТОҚТАТ', 'ОТПИСАТЬСЯ', 'ОТПИСКА']);
const OPT_IN = new Set(['START', 'UNSTOP', 'СТАРТ', 'БАШТА', 'БАСТАУ']);

export function smsKeyword(text: string): SmsKeywordAction | null {
  const word = text.normalize('NFC').toUpperCase().replace(/[\s.,!?;:"'«»()\-–—]+/gu, '');
  if (OPT_OUT.has(word)) return 'OPT_OUT';
  if (OPT_IN.has(word)) return 'OPT_IN';
  return null;
}
