import { LocalizedText, Locale, pickLocalized, translate, TranslationParams } from '@ashar/i18n';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { dateFormatter, numberFormatter } from './intl-format';
import { initialLocale, storeLocale } from './locale.store';

export interface I18n {
  locale: Locale;
  t: (key: string, params?: TranslationParams) => string;
  /** A name from the API in the current language, falling back to one that exists. */
  pick: (names: LocalizedText | null | undefined) => string;
  formatDate: (iso: string) => string;
  formatNumber: (n: number) => string;
  /** `remote: false` applies a language without telling the server (it came from the server). */
  setLocale: (locale: Locale, opts?: { remote?: boolean }) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, onChange }: { children: ReactNode; onChange?: (l: Locale) => void }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale());

  useEffect(() => {
    // Screen readers and browser hyphenation/translation read the language from <html lang>.
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale, opts?: { remote?: boolean }) => {
      setLocaleState(next);
      storeLocale(next);
      if (opts?.remote !== false) onChange?.(next);
    },
    [onChange],
  );

  const value = useMemo<I18n>(() => {
    const dates = dateFormatter(locale);
    const numbers = numberFormatter(locale);
    return {
      locale,
      t: (key, params) => translate(locale, key, params),
      pick: (names) => pickLocalized(names, locale),
      formatDate: (iso) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dates.format(d);
      },
      formatNumber: (n) => numbers.format(n),
      setLocale,
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
