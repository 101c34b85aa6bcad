import { parseCsv } from '@ashar/kernel';
import ExcelJS from 'exceljs';
import { Readable } from 'stream';
import { createInflateRaw } from 'zlib';
import { checkCsvShape, CsvSeparator, decodeCsvText, detectSeparator, TextEncodingName } from '../pure/csv-text';
import { FileLimitError, ImportLimits, messageKey, refuse } from '../pure/limits';
import type { RawRow } from '../pure/row-schema';
import type { ImportFormat } from '../pure/sniff';
import { checkZipLimits, ZipEntryInfo } from '../pure/zip-inspect';

export { FileLimitError };

export interface ReadOptions {
  limits: ImportLimits;
  /** Prefix of the limit messages (see PIPELINE_MESSAGES). */
  messagePrefix: string;
}

/** What the reader found out about a file: its rows and, for delimited text, the encoding and separator. */
export interface ReadFile {
  rows: RawRow[];
  encoding: TextEncodingName | null;
  separator: CsvSeparator | null;
}

/** CSV (UTF-8 or Windows-1251; `;`, `,` or tab) or the first worksheet of an XLSX, as rows of text cells; limits checked on the way. */
export async function readRows(format: ImportFormat, content: Buffer, opts: ReadOptions): Promise<RawRow[]> {
  return (await readFile(format, content, opts)).rows;
}

export async function readFile(format: ImportFormat, content: Buffer, opts: ReadOptions): Promise<ReadFile> {
  if (format === 'CSV') {
    const { text, encoding } = decodeCsvText(content, messageKey(opts.messagePrefix, 'encoding'));
    const sep = detectSeparator(text);
    checkCsvShape(text, sep, opts.limits, keys(opts.messagePrefix));
    return { rows: parseCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, sep), encoding, separator: sep };
  }
  await checkXlsx(content, opts);
  return { rows: await readXlsxRows(content, opts), encoding: null, separator: null };
}

const keys = (prefix: string) => ({ tooManyRows: messageKey(prefix, 'tooManyRows'), tooManyColumns: messageKey(prefix, 'tooManyColumns'), tooManyCells: messageKey(prefix, 'tooManyCells') });

/**
 * The ZIP directory against the limits, then each entry inflated (counting bytes, keeping none) to
 * check that it is no bigger than the directory says: a lying directory would defeat the first check.
 */
export async function checkXlsx(content: Buffer, opts: ReadOptions): Promise<void> {
  const z = opts.limits.zip;
  const r = checkZipLimits(content, z);
  if (!r.ok) {
    if (r.reason === 'notZip') throw new Error('not a ZIP file');
    const size = r.reason === 'tooLargeUncompressed' || r.reason === 'sheetTooLarge';
    throw refuse(messageKey(opts.messagePrefix, size ? 'xlsxTooLarge' : 'xlsxSuspicious'), size ? Math.round(r.limit! / 1024 / 1024) : r.limit!);
  }
  for (const e of r.entries) {
    if (!(await entryMatchesDirectory(content, e))) throw refuse(messageKey(opts.messagePrefix, 'xlsxSuspicious'), z.maxRatio);
  }
}

async function entryMatchesDirectory(buf: Buffer, e: ZipEntryInfo): Promise<boolean> {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return false;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.compressedSize > buf.length) return false;
  if (e.method === 0) return e.compressedSize === e.uncompressedSize;
  if (e.method !== 8) return false;
  return new Promise((resolve) => {
    let out = 0;
    let done = false;
    const finish = (v: boolean) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(v);
    };
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > e.uncompressedSize) finish(false);
    });
    inflate.on('end', () => finish(out === e.uncompressedSize));
    inflate.on('error', () => finish(false));
    inflate.end(buf.subarray(start, start + e.compressedSize));
  });
}

/**
 * The first worksheet through exceljs's streaming reader: rows are handled one at a time and the
 * read stops at the first limit broken, so memory stays bounded by the limits, not by the file.
 */
async function readXlsxRows(content: Buffer, opts: ReadOptions): Promise<RawRow[]> {
  const { maxRows, maxColumns, maxCells } = opts.limits;
  const k = keys(opts.messagePrefix);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    styles: 'cache', // dates are numbers with a date format: without styles they would read as serials
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: RawRow[] = [];
  let seen = 0;
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      seen++;
      if (seen > maxRows + 1) throw refuse(k.tooManyRows, maxRows, row.number);
      if (row.cellCount > maxColumns) throw refuse(k.tooManyColumns, maxColumns, row.number);
      if (!row.hasValues) continue;
      cells += row.actualCellCount;
      if (cells > maxCells) throw refuse(k.tooManyCells, maxCells, row.number);
      const out: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) out.push(cellText(row.getCell(c).value));
      rows.push({ line: row.number, cells: out });
    }
    break; // the first worksheet only
  }
  return rows;
}

/**
 * A cell as text, the way Excel stores it: a number in full (15 significant digits, as Excel shows it,
 * so a code stored as a number 11111 is "11111" and a formula's 10613.099999999999 is "10613.1"), a date
 * as ISO, a formula as its cached value, rich text as its text. A merged cell's other cells are empty.
 */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

function numberText(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString();
  let s = String(Number(v.toPrecision(15)));
  if (/e/i.test(s)) s = Number(v.toPrecision(15)).toFixed(Math.min(20, Math.max(0, 15 - Math.floor(Math.log10(Math.abs(v))) - 1))).replace(/\.?0+$/, '');
  // 1.234 stored as a number is one point two three four, not 1234: a fourth decimal 0 keeps the
  // number parser (which refuses "1.234" typed by hand as ambiguous) from guessing.
  return /^-?\d{1,3}\.\d{3}$/.test(s) ? `${s}0` : s;
}
