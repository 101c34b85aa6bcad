import { DEFAULT_LOCALE, isLocale, Locale, translate } from '@ashar/i18n';
import type { RowError } from './row-error';

/** The header of the downloadable report, in the reader's language. */
export const REPORT_HEADER_KEYS = ['imports.report.line', 'imports.report.column', 'imports.report.value', 'imports.report.message', 'imports.report.code'] as const;

/**
 * The language of an error report: the locale of the request that downloads it, else the one the
 * import was started in, else the default.
 */
export function reportLocale(requested: string | null | undefined, ofImport: string | null | undefined): Locale {
  if (isLocale(requested)) return requested;
  if (isLocale(ofImport)) return ofImport;
  return DEFAULT_LOCALE;
}

/**
 * The rows of an error report: line, column (as the file names it), the value found, the message in
 * `locale` with its parameters filled in, and the stable key (for support and scripts).
 */
export function errorReportRows(errors: readonly RowError[], locale: Locale): string[][] {
  const header = REPORT_HEADER_KEYS.map((k) => translate(locale, k));
  return [header, ...errors.map((e) => [String(e.line), e.column ?? '', e.value ?? '', translate(locale, e.messageKey, e.params), e.messageKey])];
}
