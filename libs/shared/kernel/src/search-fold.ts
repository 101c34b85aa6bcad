/**
 * Folds text for search so that a village is found whatever the spelling: Kyrgyz and Kazakh letters
 * fold to their Russian look-alikes (ө→о, ү→у, ң→н, ё→е, ...), Latin letters that look Cyrillic
 * (legacy fonts and copy-paste mix them: "Ak-Dоbо" with a Latin "o") fold to Cyrillic, case and
 * punctuation are dropped. Applied to both the stored names and the query.
 */
const LETTER_FOLD: Record<string, string> = {
  ө: 'о', ү: 'у', ң: 'н', ё: 'е', ә: 'а', ғ: 'г', қ: 'к', ұ: 'у', һ: 'х', і: 'и', й: 'и', ъ: '', ь: '',
  // Latin look-alikes of Cyrillic letters
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у', i: 'и',
};

export function foldForSearch(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  for (const ch of lower) {
    const folded = LETTER_FOLD[ch];
    if (folded !== undefined) out += folded;
    else if (/[\p{L}\p{N}]/u.test(ch)) out += ch;
    else out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}
