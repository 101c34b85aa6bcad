import { CellError, ErrorCollector, RowError } from './row-error';

/** Rows as read from CSV or XLSX: cells as text, with the file's own line numbers. */
export interface RawRow {
  line: number;
  cells: string[];
}

/** What a row schema says about one data row: the typed row, or what is wrong with it (one entry per cell). */
export type RowOutcome<R> = { ok: true; row: R } | { ok: false; errors: CellError[] } | RowSkip;

/**
 * A row that is not data and is left out, with the reason (a catalogue key): a totals or subtotal row,
 * an empty row. `report: false` leaves it out silently (an empty row); others are reported to the user.
 */
export interface RowSkip {
  ok: 'skip';
  reasonKey: string;
  report?: boolean;
}

/** A row left out of an import, as reported (file line, reason key). */
export interface SkippedRow {
  line: number;
  reasonKey: string;
}

/** A row reader bound to one file's header. Pure: no I/O, no clock. */
export type RowParser<R> = (row: RawRow) => RowOutcome<R>;

/**
 * What a context supplies for one kind of file: given the header row (and what it loaded beforehand,
 * `ctx`: the codes, the lines, the saved column mapping), either a parser for the data rows or the
 * header's errors (a missing column). Errors carry a catalogue key, its params and the column's header
 * as the file spells it.
 */
export interface RowSchema<R, C = void> {
  bind(header: string[], ctx: C, above?: readonly RawRow[]): { ok: true; parse: RowParser<R>; info?: Record<string, unknown> } | { ok: false; errors: RowError[] };
  /**
   * Which of the first rows is the header (title rows above it are skipped); the first row when absent.
   * The place for header detection in files people type by hand.
   */
  headerIndex?(rows: readonly RawRow[], ctx: C): number;
}

export interface ValidationResult<R> {
  /** Every row, typed, when there is no error at all; otherwise empty (all or nothing). */
  records: R[];
  errors: RowError[];
  /** Number of data rows looked at. */
  rows: number;
  /** Errors found, including those beyond the reported cap. */
  errorCount: number;
  /** The header's file line (0 when the file is empty). */
  headerLine: number;
  /** Rows left out (totals, subtotals) with their reason; silent skips (empty rows) not listed. */
  skipped: SkippedRow[];
  /** What the schema says about how it read the header (the columns it took, the unit). */
  info?: Record<string, unknown>;
}

export interface ValidateOptions {
  maxLineChars: number;
  emptyKey: string;
  lineTooLongKey: string;
}

function rowTooLong(r: RawRow, max: number): boolean {
  let n = 0;
  for (const c of r.cells) {
    n += c.length + 1;
    if (n > max) return true;
  }
  return false;
}

/**
 * Runs a schema over a whole file: the header row (the first, or the schema's `headerIndex`), then every
 * row after it is parsed; every bad
 * cell of every row is reported (up to MAX_REPORTED_ERRORS) and, when there is any, no record is
 * returned. The checks every file gets (empty file, a line too long to be real) are made here.
 */
export function validateRows<R, C>(rows: RawRow[], schema: RowSchema<R, C>, ctx: C, opts: ValidateOptions): ValidationResult<R> {
  if (!rows.length) return { records: [], errors: [{ line: 1, column: null, messageKey: opts.emptyKey }], rows: 0, errorCount: 1, headerLine: 0, skipped: [] };
  const h = Math.max(0, Math.min(rows.length - 1, schema.headerIndex?.(rows, ctx) ?? 0));
  const headerLine = rows[h].line;
  const bound = schema.bind(rows[h].cells, ctx, rows.slice(0, h));
  if (!bound.ok) return { records: [], errors: bound.errors.map((e) => (e.line === 1 ? { ...e, line: headerLine } : e)), rows: rows.length - 1 - h, errorCount: bound.errors.length, headerLine, skipped: [] };
  const sink = new ErrorCollector();
  const records: R[] = [];
  const skipped: SkippedRow[] = [];
  let data = 0;
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i];
    if (rowTooLong(r, opts.maxLineChars)) {
      data++;
      sink.add({ line: r.line, column: null, messageKey: opts.lineTooLongKey });
      continue;
    }
    const out = bound.parse(r);
    if (out.ok === 'skip') {
      if (out.report !== false) skipped.push({ line: r.line, reasonKey: out.reasonKey });
      continue;
    }
    data++;
    if (out.ok) {
      if (!sink.any) records.push(out.row);
    } else for (const e of out.errors) sink.add({ line: r.line, ...e });
  }
  return { records: sink.any ? [] : records, errors: sink.errors, rows: data, errorCount: sink.total, headerLine, skipped, info: bound.info };
}

/** Header lookup most schemas want: case, spaces and dashes do not matter (`Economic code` = `economic_code`). */
export function foldHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
