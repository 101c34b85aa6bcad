import { translate, type Locale, pickLocalized, type LocalizedText } from '@ashar/i18n';
import { E_SERVICES, isActiveAccount, Indicators, scoreOf, scoreParts } from './indicators';

/** One municipality of an export: where it is and its current observation (null = never observed). */
export interface ExportMunicipality {
  code: string;
  names: LocalizedText;
  observation: (Indicators & { source: string }) | null;
}

export const EXPORT_COLUMNS = ['code', 'name', 'observedOn', 'score', 'eServicesCount', 'eServices', 'eServicesOther', 'websiteUrl', 'websiteAnswered', 'socialAccounts', 'activeSocial', 'tunduk', 'tundukSince', 'contactPhone', 'contactEmail', 'contactAnswered', 'contactCheckedOn', 'source'] as const;

const yesNo = (locale: Locale, v: boolean | null) => (v === null ? '' : translate(locale, v ? 'municipal.yes' : 'municipal.no'));

/**
 * The open-data table of an area, header first, in the reader's language: one row per municipality,
 * e-service and Tunduk values as their names, lists joined with ", ". Same rows in CSV and "CSV for Excel".
 */
export function exportTable(municipalities: readonly ExportMunicipality[], locale: Locale): string[][] {
  const header = EXPORT_COLUMNS.map((c) => translate(locale, `municipal.export.${c}`));
  const rows = municipalities.map((m) => {
    const o = m.observation;
    if (!o) return [m.code, pickLocalized(m.names, locale), ...EXPORT_COLUMNS.slice(2).map(() => '')];
    const order = (c: string) => E_SERVICES.indexOf(c as never);
    return [
      m.code,
      pickLocalized(m.names, locale),
      o.observedOn,
      String(scoreOf(scoreParts(o))),
      String(new Set(o.eServices).size),
      [...new Set(o.eServices)].sort((a, b) => order(a) - order(b)).map((c) => translate(locale, `municipal.eservice.${c}`)).join(', '),
      o.eServicesOther ?? '',
      o.websiteUrl ?? '',
      yesNo(locale, o.websiteAnswered),
      o.socialAccounts.map((a) => a.url).join(', '),
      yesNo(locale, o.socialAccounts.some((a) => isActiveAccount(a, o.observedOn))),
      translate(locale, `municipal.tunduk.${o.tunduk}`),
      o.tundukSince ?? '',
      o.contactPhone ?? '',
      o.contactEmail ?? '',
      yesNo(locale, o.contactAnswered),
      o.contactCheckedOn ?? '',
      translate(locale, `municipal.source.${o.source}`),
    ];
  });
  return [header, ...rows];
}

const cell = (sep: string) => (s: string) => (s.includes(sep) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** Spreadsheet programs run a cell that starts with = + - @ as a formula: such text gets a leading apostrophe (a phone number such as +996 … stays as it is). */
const defuse = (s: string) => (/^[=@\t\r]|^[+-](?![\d ()-]+$)/.test(s) ? `'${s}` : s);

/** RFC 4180 CSV (comma, LF line ends, UTF-8 without BOM). */
export function toCsv(rows: readonly string[][]): string {
  return rows.map((r) => r.map((c) => cell(',')(defuse(c))).join(',')).join('\n') + '\n';
}

/** "CSV for Excel" as budgets make it: UTF-8 with BOM, `;` between cells, CRLF, so a ky/ru Excel opens it in columns. */
export function toExcelCsv(rows: readonly string[][]): Buffer {
  return Buffer.from('\ufeff' + rows.map((r) => r.map((c) => cell(';')(defuse(c))).join(';')).join('\r\n') + '\r\n', 'utf8');
}
