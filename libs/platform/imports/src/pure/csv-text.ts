import { ImportLimits, refuse } from './limits';

/**
 * Delimited text: how its bytes become text and which separator it uses. Kept here, apart from the
 * reader, so that encoding and separator detection (Windows-1251, `;`/`,`/tab) can grow in one place.
 */
export function decodeCsvText(content: Uint8Array): string {
  return new TextDecoder('utf-8').decode(content);
}

/** `;` when the header line has more semicolons than commas, else `,`. */
export function detectSeparator(text: string): ',' | ';' {
  const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r?\n/)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
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
