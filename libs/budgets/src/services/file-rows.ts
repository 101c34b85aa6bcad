import { parseCsv } from '@ashar/kernel';
import ExcelJS from 'exceljs';
import { Readable } from 'stream';
import { createInflateRaw } from 'zlib';
import type { RawRow, RowError } from '../domain/import-rows';
import { checkZipLimits, ZipEntryInfo, ZipLimits } from '../domain/zip-inspect';

/**
 * Limits on what one import may hold, checked before (XLSX: ZIP directory) and while (row by row)
 * the file is read, so that one spreadsheet cannot exhaust the worker's memory. A village's yearly
 * ledger is a few thousand rows; the import bench uses 100,000; a 2.5-million-row sheet once took the
 * worker to 4.5 GB of heap. The limits sit well above real budgets and far below that.
 */
export const MAX_IMPORT_ROWS = 200_000;
/** Columns per row: our widest file has 8 fields; a cell at XFD1 (column 16,384) is refused. */
export const MAX_IMPORT_COLUMNS = 100;
/** Non-empty cells in the whole file (200,000 rows × 20 cells). */
export const MAX_IMPORT_CELLS = 4_000_000;
/**
 * XLSX: a 100,000-row ledger written by exceljs is a 29 MB sheet plus 8 MB of shared strings, each
 * compressed about 9-16 times; a zip bomb compresses hundreds of times.
 */
export const XLSX_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalBytes: 150 * 1024 * 1024,
  maxSheetBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** A file refused by a limit: becomes the import's one row-level error. */
export class FileLimitError extends Error {
  constructor(readonly rowError: RowError) {
    super(rowError.messageKey);
  }
}

const refuse = (messageKey: string, limit: number, line = 1): FileLimitError =>
  new FileLimitError({ line, column: null, messageKey, value: String(limit), params: { max: limit } });

/** CSV (UTF-8, comma or semicolon) or the first worksheet of an XLSX, as rows of text cells. */
export async function readRows(format: 'CSV' | 'XLSX', content: Buffer): Promise<RawRow[]> {
  if (format === 'CSV') {
    const text = content.toString('utf8');
    const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r?\n/)[0] ?? '';
    const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    checkCsvShape(text, sep);
    return parseCsv(text, sep);
  }
  await checkXlsx(content);
  return readXlsxRows(content);
}

/**
 * Counts rows and cells the way parseCsv will split them (quotes respected) without building any
 * strings, so a file over the limits is refused before it is parsed.
 */
export function checkCsvShape(text: string, sep: string): void {
  const SEP = sep.charCodeAt(0);
  let rows = 0;
  let cellsInRow = 1;
  let cells = 0;
  let quoted = false;
  let any = false;
  // As in parseCsv, a quote opens a quoted field only at the start of a cell.
  let cellStart = true;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) quoted = text.charCodeAt(i + 1) === 34 ? (i++, true) : false;
      else if (c === 10) line++;
      continue;
    }
    if (c === 34 && cellStart) {
      quoted = true;
      any = true;
      cellStart = false;
    } else if (c === SEP) {
      cellsInRow++;
      any = true;
      cellStart = true;
      if (cellsInRow > MAX_IMPORT_COLUMNS) throw refuse('errors.budgets.import.tooManyColumns', MAX_IMPORT_COLUMNS, line);
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (any) {
        rows++;
        cells += cellsInRow;
        // One header row plus at most MAX_IMPORT_ROWS data rows.
        if (rows > MAX_IMPORT_ROWS + 1) throw refuse('errors.budgets.import.tooManyRows', MAX_IMPORT_ROWS, line);
        if (cells > MAX_IMPORT_CELLS) throw refuse('errors.budgets.import.tooManyCells', MAX_IMPORT_CELLS, line);
      }
      cellsInRow = 1;
      any = false;
      cellStart = true;
      line++;
    } else {
      any = true;
      cellStart = false;
    }
  }
  if (any && rows + 1 > MAX_IMPORT_ROWS + 1) throw refuse('errors.budgets.import.tooManyRows', MAX_IMPORT_ROWS, line);
}

/**
 * The ZIP directory against XLSX_LIMITS, then each entry inflated (counting bytes, keeping none) to
 * check that it is no bigger than the directory says: a lying directory would defeat the first check.
 */
export async function checkXlsx(content: Buffer): Promise<void> {
  const r = checkZipLimits(content, XLSX_LIMITS);
  if (!r.ok) {
    if (r.reason === 'notZip') throw new Error('not a ZIP file');
    const key = r.reason === 'tooLargeUncompressed' || r.reason === 'sheetTooLarge' ? 'errors.budgets.import.xlsxTooLarge' : 'errors.budgets.import.xlsxSuspicious';
    const limit = r.reason === 'tooLargeUncompressed' || r.reason === 'sheetTooLarge' ? Math.round(r.limit! / 1024 / 1024) : r.limit!;
    throw refuse(key, limit);
  }
  for (const e of r.entries) {
    if (!(await entryMatchesDirectory(content, e))) throw refuse('errors.budgets.import.xlsxSuspicious', XLSX_LIMITS.maxRatio);
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
async function readXlsxRows(content: Buffer): Promise<RawRow[]> {
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
      if (seen > MAX_IMPORT_ROWS + 1) throw refuse('errors.budgets.import.tooManyRows', MAX_IMPORT_ROWS, row.number);
      if (row.cellCount > MAX_IMPORT_COLUMNS) throw refuse('errors.budgets.import.tooManyColumns', MAX_IMPORT_COLUMNS, row.number);
      if (!row.hasValues) continue;
      cells += row.actualCellCount;
      if (cells > MAX_IMPORT_CELLS) throw refuse('errors.budgets.import.tooManyCells', MAX_IMPORT_CELLS, row.number);
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

export function detectFormat(fileName: string, content: Buffer): 'CSV' | 'XLSX' {
  return content.length > 4 && content[0] === 0x50 && content[1] === 0x4b && /\.xlsx$/i.test(fileName) ? 'XLSX' : 'CSV';
}
