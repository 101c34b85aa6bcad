/**
 * RFC 4180 CSV: quoted fields with separators, doubled quotes and line breaks inside, CRLF or LF,
 * a leading BOM. Returns rows of raw strings with their 1-based line numbers for error reports.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export function parseCsv(text: string, separator = ','): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let sawAny = false;
  const n = text.length;
  for (; i < n; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      sawAny = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      sawAny = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (sawAny || cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      sawAny = false;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      sawAny = true;
    }
  }
  if (quoted) throw new Error(`CSV line ${rowLine}: unterminated quoted field`);
  if (sawAny || cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

export function toCsvCell(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Array<Array<string | number | bigint | null | undefined>>): string {
  return rows.map((r) => r.map(toCsvCell).join(',')).join('\r\n') + '\r\n';
}
