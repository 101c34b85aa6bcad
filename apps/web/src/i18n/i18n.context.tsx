import { Catalogue, loadCatalogue, LocalizedText, Locale, pickLocalized, translateFrom, TranslationParams } from '@ashar/i18n/core';
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

/**
 * Only the language shown is downloaded (its catalogue is a chunk of its own, asked for by main.tsx at the
 * same moment as the page's data); nothing renders until it is there, and a language switch shows the new
 * language once its catalogue has come.
 */
export function I18nProvider({
  children,
  onChange,
  initial,
}: {
  children: ReactNode;
  onChange?: (l: Locale) => void;
  /** The server's render (src/server/render-page.tsx) has the language and its catalogue before the first render. */
  initial?: { locale: Locale; catalogue: Catalogue };
}) {
  const [{ locale, catalogue }, setShown] = useState<{ locale: Locale; catalogue: Catalogue | null }>(() => initial ?? { locale: initialLocale(), catalogue: null });

  useEffect(() => {
    if (catalogue) return;
    let live = true;
    void loadCatalogue(locale).then((c) => live && setShown((s) => (s.locale === locale ? { locale, catalogue: c } : s)));
    return () => {
      live = false;
    };
  }, [locale, catalogue]);

  useEffect(() => {
    // Screen readers and browser hyphenation/translation read the language from <html lang>.
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale, opts?: { remote?: boolean }) => {
      storeLocale(next);
      if (opts?.remote !== false) onChange?.(next);
      // The old language stays on screen until the new one's catalogue has come (offline: it stays).
      void loadCatalogue(next).then(
        (c) => setShown({ locale: next, catalogue: c }),
        () => undefined,
      );
    },
    [onChange],
  );

  const value = useMemo<I18n | null>(() => {
    if (!catalogue) return null;
    const catalogues = { [locale]: catalogue };
    const dates = dateFormatter(locale);
    const numbers = numberFormatter(locale);
    return {
      locale,
      t: (key, params) => translateFrom(catalogues, locale, key, params),
      pick: (names) => pickLocalized(names, locale),
      formatDate: (iso) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dates.format(d);
      },
      formatNumber: (n) => numbers.format(n),
      setLocale,
    };
  }, [locale, catalogue, setLocale]);

  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
