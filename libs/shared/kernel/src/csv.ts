import { CsvError, parse } from 'csv-parse/sync';

/**
 * The one CSV reader of the code base: csv-parse (RFC 4180: quoted fields with separators, doubled
 * quotes and line breaks inside; CRLF, LF or CR, mixed; a leading BOM), with the habits every caller
 * relies on:
 *  - rows keep the 1-based line of the file they start on (error reports name it);
 *  - empty lines are dropped; rows may have different lengths;
 *  - a stray quote inside an unquoted cell is text (`ab"c`);
 *  - text after a closing quote is kept without the quotes (`"Odkupmy" i my` → `Odkupmy i my`), as
 *    Python's csv module and the pabulib reference reader read it;
 *  - an unterminated quoted field is an error naming the line.
 *
 * Pure and browser-safe: Node resolves `csv-parse/sync` to its CommonJS build; a browser bundler maps it
 * to `csv-parse/browser/esm/sync` (self-contained, no Node `Buffer`) through the `browser` field of the
 * root package.json, which Vite and esbuild honour.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, reason: string) {
    super(`CSV line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

type Parsed = string[][];

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** The file's line ends: one kind when they agree (fast), all three when a file mixes them. */
function recordDelimiters(text: string): string[] {
  const cr = count(text, '\r');
  if (!cr) return ['\n'];
  const lf = count(text, '\n');
  if (!lf) return ['\r'];
  return cr === lf && cr === count(text, '\r\n') ? ['\r\n'] : ['\r\n', '\n', '\r'];
}

function run(text: string, separator: string, raw: boolean): Parsed | Array<{ record: string[]; raw: string }> {
  try {
    return parse(text, {
      delimiter: separator,
      record_delimiter: recordDelimiters(text),
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      raw,
    }) as unknown as Parsed;
  } catch (e) {
    if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') throw new CsvSyntaxError(openQuoteLine(text, separator), 'unterminated quoted field');
    if (e instanceof CsvError) throw new CsvSyntaxError(Number((e as unknown as { lines?: number }).lines ?? 0), e.message);
    throw e;
  }
}

/** Line breaks inside a record's (quoted) cells: the record spans that many more lines. */
function innerLineBreaks(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.indexOf('\n') < 0 && c.indexOf('\r') < 0) continue;
    n += c.split(/\r\n|\n|\r/).length - 1;
  }
  return n;
}

/** The line on which the unclosed quote opened: the first line of the last record csv-parse began. */
function openQuoteLine(text: string, separator: string): number {
  let line = 1;
  let start = 1;
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      } else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      continue;
    }
    if (c === '"' && cellStart) {
      quoted = true;
      start = line;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      cellStart = true;
      continue;
    }
    cellStart = c === separator;
  }
  return start;
}

/**
 * csv-parse (relax_quotes) reads `"x" y` as `"x" y`; callers want `x y`. A cell can start with a quote
 * only then or when its quoted text itself starts with an escaped quote (`"""x"" y"` → `"x" y`): the raw
 * record tells them apart.
 */
function dropQuotesAroundLeadingText(cell: string, raw: string): string {
  if (raw.includes(`"${cell.replace(/"/g, '""')}"`)) return cell;
  const close = cell.indexOf('"', 1);
  return close < 0 ? cell : cell.slice(1, close) + cell.slice(close + 1);
}

/**
 * A file without a single quote character has nothing for a CSV parser to interpret: every line is one
 * record and every separator ends a cell. Splitting it directly gives what csv-parse gives (a test
 * compares them) at a third of the time, which a 100,000-row ledger feels.
 */
function parseUnquoted(text: string, separator: string): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  const lines = body.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) if (lines[i] !== '') rows.push({ line: i + 1, cells: lines[i].split(separator) });
  return rows;
}

export function parseCsv(text: string, separator = ','): CsvRow[] {
  if (text.indexOf('"') < 0) return parseUnquoted(text, separator);
  const records = run(text, separator, false) as Parsed;
  // A cell can start with a quote only in the rare cases dropQuotesAroundLeadingText sorts out: then
  // (only then) the file is read again with each record's raw text.
  const raws = records.some((r) => r.some((c) => c.charCodeAt(0) === 34)) ? (run(text, separator, true) as Array<{ raw: string }>).map((r) => r.raw) : null;
  const rows: CsvRow[] = [];
  let line = 1;
  for (let k = 0; k < records.length; k++) {
    const cells = records[k];
    const at = line;
    // Line numbers are counted, not asked of csv-parse (its per-record info objects double the time).
    line += 1 + innerLineBreaks(cells);
    if (cells.length === 1 && cells[0] === '' && !raws?.[k].includes('"')) continue;
    if (raws) for (let i = 0; i < cells.length; i++) if (cells[i].charCodeAt(0) === 34) cells[i] = dropQuotesAroundLeadingText(cells[i], raws[k]);
    rows.push({ line: at, cells });
  }
  return rows;
}

/**
 * One line of a line-based format (pabulib `.pb`): the cells of `line` (no line break inside). Same
 * reading as parseCsv; a line without quotes is split directly (the same result, without the parser).
 */
export function parseCsvLine(line: string, separator: string): string[] {
  if (line.indexOf('"') < 0) return line.split(separator);
  const rows = parseCsv(line, separator);
  return rows.length ? rows[0].cells : [''];
}

export function toCsvCell(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Array<Array<string | number | bigint | null | undefined>>): string {
  return rows.map((r) => r.map(toCsvCell).join(',')).join('\r\n') + '\r\n';
}
