import en from './catalogues/en.json';
import kk from './catalogues/kk.json';
import ky from './catalogues/ky.json';
import ru from './catalogues/ru.json';
import { fallbackChain, Locale } from './locale';
import { formatMessage, MessageParams } from './message-format';

/** One catalogue for web and API: flat keys ("errors.validation.email") to ICU-lite strings (see message-format.ts). */
export type Catalogue = Record<string, string>;
export const CATALOGUES: Record<Locale, Catalogue> = { ky, ru, en, kk };

export type TranslationParams = MessageParams;

export function hasTranslation(key: string): boolean {
  return key in CATALOGUES.en;
}

export function translate(locale: Locale, key: string, params?: TranslationParams): string {
  for (const l of fallbackChain(locale)) {
    const text = CATALOGUES[l][key];
    // Plural rules follow the language the text is written in, not the one asked for.
    if (text !== undefined) return formatMessage(l, text, params);
  }
  return key;
}
