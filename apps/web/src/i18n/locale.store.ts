import { DEFAULT_LOCALE, isLocale, Locale, LOCALE_COOKIE } from '@ashar/i18n/core';

export { LOCALE_COOKIE };

const KEY = 'ashar.locale';

/** The language chosen on this device, if any (storage can be missing or blocked in private modes). */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): Locale | null {
  try {
    const value = storage?.getItem(KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(
  locale: Locale,
  storage: Pick<Storage, 'setItem'> | undefined = safeStorage(),
  doc: Pick<Document, 'cookie'> | undefined = typeof document === 'undefined' ? undefined : document,
): void {
  try {
    storage?.setItem(KEY, locale);
  } catch {
    // Full or blocked storage: the choice still holds for this visit.
  }
  try {
    // Not a secret and not a session: only so the server's first answer is already in this language.
    if (doc) doc.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  } catch {
    // Cookies blocked: the server falls back to the browser's languages.
  }
}

/**
 * The first of the browser's languages we have ("ru-RU" → ru), or null. Only the language part counts:
 * a Kazakh phone set to kk-KZ and a Russian one set to ru-KZ both find their language.
 */
export function browserLocale(languages: readonly string[] | undefined = safeLanguages()): Locale | null {
  for (const tag of languages ?? []) {
    const base = String(tag).trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return null;
}

/** A choice saved on this device wins; on a first visit the browser's language, when we have it; else Kyrgyz. */
export function initialLocale(
  storage: Pick<Storage, 'getItem'> | undefined = safeStorage(),
  languages: readonly string[] | undefined = safeLanguages(),
): Locale {
  return readStoredLocale(storage) ?? browserLocale(languages) ?? DEFAULT_LOCALE;
}

function safeLanguages(): readonly string[] | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : undefined;
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
