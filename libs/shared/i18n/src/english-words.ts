import { CATALOGUES } from './translate';

/**
 * "No English on a Kyrgyz, Russian or Kazakh screen" (issue 9), as a check shared by the catalogue test
 * and the browser sweep (test/e2e/no-english.e2e.spec.ts). A Latin word is fine when it is an acronym
 * written in capitals (CSV, XLSX, PDF, FDP) or a proper name below; any other word of the English
 * catalogue is English left behind.
 */
export const LATIN_PROPER_NAMES: ReadonlySet<string> = new Set(['ashar', 'english', 'excel', 'whatsapp', 'https', 'http', 'facebook', 'instagram', 'telegram', 'youtube', 'tiktok']);

/** Latin words of a text (3+ letters), ICU syntax and {params} taken out; case kept. */
export function latinWordsOf(text: string): string[] {
  const plain = text
    .replace(/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/g, '{')
    .replace(/\b(zero|one|two|few|many|other)\s*\{/g, '{')
    .replace(/\{\s*\w+\s*\}/g, ' ');
  return plain.match(/[A-Za-z]{3,}/g) ?? [];
}

let english: Set<string> | null = null;
/** Every word of the English catalogue, lower-cased. */
export function englishVocabulary(): ReadonlySet<string> {
  english ??= new Set(Object.values(CATALOGUES.en).flatMap((v) => latinWordsOf(v).map((w) => w.toLowerCase())));
  return english;
}

/** The English words in `text` (distinct, lower-cased): not acronyms, not proper names. */
export function englishWordsIn(text: string): string[] {
  const vocabulary = englishVocabulary();
  const found = latinWordsOf(text).filter((w) => w !== w.toUpperCase() || w.length > 5).map((w) => w.toLowerCase());
  return [...new Set(found.filter((w) => vocabulary.has(w) && !LATIN_PROPER_NAMES.has(w)))];
}
