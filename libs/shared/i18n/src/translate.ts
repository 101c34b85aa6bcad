import en from './catalogues/en.json';
import kk from './catalogues/kk.json';
import ky from './catalogues/ky.json';
import ru from './catalogues/ru.json';
import { Locale } from './locale';
import { Catalogue, TranslationParams, translateFrom } from './translator';

/** Every catalogue, loaded at once: for the API and tests. The web loads only the one it shows (see load-catalogue.ts). */
export const CATALOGUES: Record<Locale, Catalogue> = { ky, ru, en, kk };

export function hasTranslation(key: string): boolean {
  return key in CATALOGUES.en;
}

export function translate(locale: Locale, key: string, params?: TranslationParams): string {
  return translateFrom(CATALOGUES, locale, key, params);
}
