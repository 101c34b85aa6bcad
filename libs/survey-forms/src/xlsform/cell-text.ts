import type { CellValue } from 'exceljs';

/**
 * What a spreadsheet cell says, as text: people and Kobo write XLSForms with numbers (choice names
 * 1, 2, 3; a version 2026120301), rich text (a bold word in a label), formulas (their cached value)
 * and hyperlinks (their text). Booleans read as `true`/`false` (a `required` column typed as TRUE).
 */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberText(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v && v.result !== undefined ? cellText(v.result as CellValue) : '';
    // A hyperlink's text may itself be rich text.
    if ('text' in v) return cellText((v as { text: CellValue }).text);
    if ('error' in v) return '';
  }
  return '';
}

/** A number as Excel shows it (15 significant digits), never in exponent form for whole numbers. */
function numberText(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString();
  return String(Number(v.toPrecision(15)));
}

/** Column number (1-based) as its letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
