/** UI languages. Kyrgyz first: it is the default for Kyrgyz communities. */
export const LOCALES = ['ky', 'ru', 'en', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ky';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header or a stored preference. */
export function negotiateLocale(header: string | undefined | null, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!header) return fallback;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return fallback;
}

/** Order in which names are tried when the requested language has none: never show a blank. */
export function fallbackChain(locale: Locale): Locale[] {
  const chains: Record<Locale, Locale[]> = {
    ky: ['ky', 'ru', 'en', 'kk'],
    ru: ['ru', 'ky', 'kk', 'en'],
    en: ['en', 'ru', 'ky', 'kk'],
    kk: ['kk', 'ru', 'ky', 'en'],
  };
  return chains[locale];
}

export type LocalizedText = Partial<Record<Locale, string | null>>;

export function pickLocalized(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  for (const l of fallbackChain(locale)) {
    const v = text[l];
    if (v && v.trim()) return v;
  }
  return '';
}

/** The cookie holding the language chosen on a device: the web app writes it, the API's shell renders public pages in it. */
export const LOCALE_COOKIE = 'ashar_locale';
