import { FileLimitError, ImportLimits, refuse } from './limits';

/** The encodings delimited text is read in: what spreadsheet programs on Kyrgyz, Kazakh and Russian Windows save. */
export type TextEncodingName = 'UTF-8' | 'UTF-8-BOM' | 'WINDOWS-1251';
export type CsvSeparator = ',' | ';' | '\t';

/**
 * Delimited text: its bytes as text, and the encoding found. UTF-8 (with or without BOM) when the bytes
 * are valid UTF-8; else Windows-1251 when they read as Cyrillic text; else the file is refused (`key`,
 * with the expected encodings as `params.expected`) rather than stored with replacement characters.
 */
export function decodeCsvText(content: Uint8Array, key = 'errors.imports.encoding'): { text: string; encoding: TextEncodingName } {
  const bom = content.length >= 3 && content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
    if (!/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) return { text, encoding: bom ? 'UTF-8-BOM' : 'UTF-8' };
  } catch {
    // not UTF-8: perhaps Windows-1251
  }
  if (!bom && looksLikeWindows1251(content)) return { text: new TextDecoder('windows-1251').decode(content), encoding: 'WINDOWS-1251' };
  throw new FileLimitError({ line: 1, column: null, messageKey: key, params: { expected: 'UTF-8, Windows-1251' } });
}

/**
 * Windows-1251 text: no control bytes besides tab and line breaks, no 0x98 (unassigned), and most bytes
 * above 0x7F are Cyrillic letters (0xC0-0xFF, Ёё, Ііїє, and the typographic marks 0x84-0x97, 0xA0, 0xAB, 0xBB, 0xB9).
 */
function looksLikeWindows1251(b: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) return false;
    if (c < 0x80) continue;
    if (c === 0x98) return false;
    high++;
    if (c >= 0xc0 || c === 0xa8 || c === 0xb8 || c === 0xb2 || c === 0xb3 || c === 0xaa || c === 0xba || c === 0xaf || c === 0xbf || c === 0xa0 || c === 0xab || c === 0xbb || c === 0xb9 || (c >= 0x84 && c <= 0x97)) letters++;
  }
  return high > 0 && letters / high >= 0.9;
}

/**
 * The separator of delimited text, looked for on the first lines (a title line has none): of `;`, tab
 * and `,` (counted outside quotes), the one that splits the most lines into the same number of cells
 * (more than one), then the one that gives more cells, then `;` before tab before `,` (a decimal comma
 * splits amounts, a semicolon file's header has no comma).
 */
export function detectSeparator(text: string): CsvSeparator {
  const lines = text.slice(0, Math.min(text.length, 64 * 1024)).split(/\r?\n/, 40).filter((l) => l.trim());
  let best: { sep: CsvSeparator; lines: number; cells: number } = { sep: ',', lines: 0, cells: 0 };
  for (const sep of [';', '\t', ','] as const) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const n = countOutsideQuotes(l, sep);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [cells, n] of counts) if (n > best.lines || (n === best.lines && cells > best.cells)) best = { sep, lines: n, cells };
  }
  return best.sep;
}

function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) n++;
  }
  return n;
}

/**
 * Counts rows and cells the way the CSV reader will split them (a quote opens a quoted field only at
 * the start of a cell) without building any strings, so a file over the limits is refused before it
 * is parsed.
 */
export function checkCsvShape(text: string, sep: string, limits: Pick<ImportLimits, 'maxRows' | 'maxColumns' | 'maxCells'>, keys: { tooManyRows: string; tooManyColumns: string; tooManyCells: string }): void {
  const SEP = sep.charCodeAt(0);
  let rows = 0;
  let cellsInRow = 1;
  let cells = 0;
  let quoted = false;
  let any = false;
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
      if (cellsInRow > limits.maxColumns) throw refuse(keys.tooManyColumns, limits.maxColumns, line);
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (any) {
        rows++;
        cells += cellsInRow;
        // One header row plus at most maxRows data rows.
        if (rows > limits.maxRows + 1) throw refuse(keys.tooManyRows, limits.maxRows, line);
        if (cells > limits.maxCells) throw refuse(keys.tooManyCells, limits.maxCells, line);
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
  if (any && rows + 1 > limits.maxRows + 1) throw refuse(keys.tooManyRows, limits.maxRows, line);
}
