import { DEFAULT_LOCALE, isLocale, Locale } from '@ashar/i18n';

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

export function storeLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(KEY, locale);
  } catch {
    // Full or blocked storage: the choice still holds for this visit.
  }
}

export function initialLocale(): Locale {
  return readStoredLocale() ?? DEFAULT_LOCALE;
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
