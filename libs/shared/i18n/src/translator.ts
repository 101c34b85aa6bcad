import { fallbackChain, Locale } from './locale';
import { formatMessage, MessageParams } from './message-format';

/** One catalogue for web and API: flat keys ("errors.validation.email") to ICU-lite strings (see message-format.ts). */
export type Catalogue = Record<string, string>;

export type TranslationParams = MessageParams;

/** `key` in `locale`, else in the next language of its fallback chain among the catalogues given; the key itself when none has it. */
export function translateFrom(catalogues: Partial<Record<Locale, Catalogue>>, locale: Locale, key: string, params?: TranslationParams): string {
  for (const l of fallbackChain(locale)) {
    const text = catalogues[l]?.[key];
    // Plural rules follow the language the text is written in, not the one asked for.
    if (text !== undefined) return formatMessage(l, text, params);
  }
  return key;
}
