import type { Locale } from '@ashar/i18n/core';

/**
 * Browsers ship uneven ICU data: Chromium on Debian has no Kyrgyz date or number data (it prints
 * "January 1, 2021") and formats Kazakh dates as ISO. Kyrgyzstan and Kazakhstan both write dates as
 * dd.mm.yyyy and group digits with spaces, as Russian does, so that is the fallback.
 */
const REGIONAL_FALLBACK = 'ru';
const LONG_DATE_LOCALES: readonly Locale[] = ['ru', 'en'];

type Supported = (locales: string[]) => string[];

export function dateFormatter(
  locale: Locale,
  supported: Supported = (l) => Intl.DateTimeFormat.supportedLocalesOf(l),
): Intl.DateTimeFormat {
  if (LONG_DATE_LOCALES.includes(locale) && supported([locale]).length) {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  }
  return new Intl.DateTimeFormat(REGIONAL_FALLBACK, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
}

export function numberFormatter(
  locale: Locale,
  supported: Supported = (l) => Intl.NumberFormat.supportedLocalesOf(l),
): Intl.NumberFormat {
  return new Intl.NumberFormat(supported([locale]).length ? locale : REGIONAL_FALLBACK);
}

/** Date and time of day in the device's time zone (when an offline answer was cached, when a write was made). */
export function dateTimeFormatter(
  locale: Locale,
  supported: Supported = (l) => Intl.DateTimeFormat.supportedLocalesOf(l),
): Intl.DateTimeFormat {
  const tag = LONG_DATE_LOCALES.includes(locale) && supported([locale]).length ? locale : REGIONAL_FALLBACK;
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
