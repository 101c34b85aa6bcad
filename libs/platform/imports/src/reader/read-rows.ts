import { parseCsv } from '@ashar/kernel';
import ExcelJS from 'exceljs';
import { Readable } from 'stream';
import { createInflateRaw } from 'zlib';
import { checkCsvShape, decodeCsvText, detectSeparator } from '../pure/csv-text';
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

/** CSV (UTF-8, comma or semicolon) or the first worksheet of an XLSX, as rows of text cells; limits checked on the way. */
export async function readRows(format: ImportFormat, content: Buffer, opts: ReadOptions): Promise<RawRow[]> {
  if (format === 'CSV') {
    const text = decodeCsvText(content);
    const sep = detectSeparator(text);
    checkCsvShape(text, sep, opts.limits, keys(opts.messagePrefix));
    return parseCsv(text, sep);
  }
  await checkXlsx(content, opts);
  return readXlsxRows(content, opts);
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

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}
