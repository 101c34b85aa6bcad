import { formatMinorAsDecimal } from '@ashar/kernel';

/**
 * Pure helpers of the exports made for spreadsheet programs (XLSX, "CSV for Excel") and of the
 * Fiscal Data Package's as-of date. Money stays bigint minor units: an amount becomes a JavaScript
 * number only at the cell, from its exact decimal string.
 */

/** The time zone whose calendar a budget's dates follow (Asia/Bishkek UTC+6, Asia/Almaty UTC+5). */
export function budgetTimeZone(country: string): string {
  return country === 'KZ' ? 'Asia/Almaty' : 'Asia/Bishkek';
}

/**
 * The date up to which the execution of a fiscal year is counted: today in the budget's time zone,
 * or the year's last day once the year is over.
 */
export function executionAsOf(fiscalYear: number, country: string, now: Date = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: budgetTimeZone(country), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const yearEnd = `${fiscalYear}-12-31`;
  return today > yearEnd ? yearEnd : today;
}

/** A money cell's value: the exact decimal string of the minor units read as a number (no float arithmetic before). */
export function minorToCellNumber(amount: bigint): number {
  return Number(formatMinorAsDecimal(amount));
}

/** "1234567.80" → "1234567,80": what a Russian- or Kyrgyz-locale Excel reads as a number (no grouping). */
export function minorToDecimalComma(amount: bigint): string {
  return formatMinorAsDecimal(amount).replace('.', ',');
}

/** One CSV cell for a `;`-separated file (quoted when it holds `;`, a quote, a line break or edge spaces). */
export function toExcelCsvCell(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[;"\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * "CSV for Excel" as a Russian- or Kyrgyz-locale Excel opens it in columns: UTF-8 with BOM, `;`
 * between cells, CRLF line ends (amounts already written with a decimal comma by the caller).
 */
export function toExcelCsv(rows: ReadonlyArray<ReadonlyArray<string | number | bigint | null | undefined>>): Buffer {
  return Buffer.from('\ufeff' + rows.map((r) => r.map(toExcelCsvCell).join(';')).join('\r\n') + '\r\n', 'utf8');
}

/** "A".."Z", "AA"…: the column letters of a 1-based column number (for formulas). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet name quoted for a formula reference ('Бюджет'!A1), quotes doubled. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
}
