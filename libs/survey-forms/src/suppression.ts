/**
 * Small-cell suppression of a two-way table of counts with its margins (rows: answer options,
 * columns: groups of respondents), so that no published figure points at fewer than `threshold`
 * people, directly or by subtraction.
 *
 * The table is read with its totals as one (R+1)×(C+1) grid: every row, including the totals row, adds
 * up to its last entry, and every column, including the totals column, to its bottom entry. A line
 * (row or column of the grid) with exactly one hidden entry gives that entry away by subtraction, so:
 * 1. primary: every entry (cell or total) with 0 < count < threshold is hidden;
 * 2. secondary: while some line hides exactly one entry, hide one more entry of that line, preferring
 *    an inner cell, one whose crossing line also needs a second hidden entry, then the smallest count.
 * Each step hides one more entry, so it ends; at the end every line hides none or at least two.
 */
export interface SuppressedTable {
  /** null where hidden. */
  cells: Array<Array<number | null>>;
  rowTotals: Array<number | null>;
  columnTotals: Array<number | null>;
  grandTotal: number | null;
  /** Per grid entry ([R+1][C+1], totals last): why it is hidden. */
  reason: Array<Array<'primary' | 'secondary' | null>>;
}

export function suppress(cells: readonly (readonly number[])[], threshold = 5, totals?: { rows?: readonly number[]; columns?: readonly number[]; grand?: number }): SuppressedTable {
  const R = cells.length;
  const C = R ? cells[0].length : 0;
  const rowTotals = totals?.rows ?? cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = totals?.columns ?? Array.from({ length: C }, (_, j) => cells.reduce((a, r) => a + r[j], 0));
  const grand = totals?.grand ?? rowTotals.reduce((a, b) => a + b, 0);
  const grid: number[][] = [...cells.map((r, i) => [...r, rowTotals[i]]), [...colTotals, grand]];
  const reason: Array<Array<'primary' | 'secondary' | null>> = grid.map((r) => r.map((v) => (v > 0 && v < threshold ? 'primary' : null)));
  const hidden = (i: number, j: number) => reason[i][j] !== null;
  const rowHidden = (i: number) => reason[i].filter(Boolean).length;
  const colHidden = (j: number) => reason.reduce((n, r) => n + (r[j] ? 1 : 0), 0);
  const isTotal = (i: number, j: number) => i === R || j === C;

  for (let guard = 0; guard < (R + 1) * (C + 1) + 1; guard++) {
    let line: { row: number } | { col: number } | null = null;
    for (let i = 0; i <= R && !line; i++) if (rowHidden(i) === 1) line = { row: i };
    for (let j = 0; j <= C && !line; j++) if (colHidden(j) === 1) line = { col: j };
    if (!line) break;
    const candidates: Array<[number, number]> = [];
    if ('row' in line) {
      for (let j = 0; j <= C; j++) if (!hidden(line.row, j)) candidates.push([line.row, j]);
    } else {
      for (let i = 0; i <= R; i++) if (!hidden(i, line.col)) candidates.push([i, line.col]);
    }
    if (!candidates.length) break;
    const score = ([i, j]: [number, number]) => {
      const crossing = 'row' in line! ? colHidden(j) : rowHidden(i);
      return [isTotal(i, j) ? 1 : 0, crossing === 1 ? 0 : 1, grid[i][j] === 0 ? 1 : 0, grid[i][j]];
    };
    candidates.sort((a, b) => {
      const x = score(a);
      const y = score(b);
      for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k] - y[k];
      return a[0] - b[0] || a[1] - b[1];
    });
    const [i, j] = candidates[0];
    reason[i][j] = 'secondary';
  }
  const shown = (i: number, j: number) => (hidden(i, j) ? null : grid[i][j]);
  return {
    cells: cells.map((r, i) => r.map((_, j) => shown(i, j))),
    rowTotals: cells.map((_, i) => shown(i, C)),
    columnTotals: Array.from({ length: C }, (_, j) => shown(R, j)),
    grandTotal: shown(R, C),
    reason,
  };
}

/**
 * What an attacker recovers from a published table by subtraction along rows and columns, repeated
 * until nothing more follows (for tests and for checking a table before it is published): the grid
 * entries that were hidden but are determined.
 */
export function recoverable(t: SuppressedTable): Array<[number, number]> {
  const R = t.cells.length;
  const C = R ? t.cells[0].length : 0;
  const grid: Array<Array<number | null>> = [...t.cells.map((r, i) => [...r, t.rowTotals[i]]), [...t.columnTotals, t.grandTotal]];
  const found: Array<[number, number]> = [];
  for (let changed = true; changed; ) {
    changed = false;
    const lines: Array<Array<[number, number]>> = [];
    for (let i = 0; i <= R; i++) lines.push(Array.from({ length: C + 1 }, (_, j) => [i, j] as [number, number]));
    for (let j = 0; j <= C; j++) lines.push(Array.from({ length: R + 1 }, (_, i) => [i, j] as [number, number]));
    for (const line of lines) {
      const unknown = line.filter(([i, j]) => grid[i][j] === null);
      if (unknown.length !== 1) continue;
      const [ui, uj] = unknown[0];
      const last = line[line.length - 1];
      const isSum = ui === last[0] && uj === last[1];
      const known = line.filter(([i, j]) => !(i === ui && j === uj)).map(([i, j]) => grid[i][j]!);
      const sumParts = known.slice(0, isSum ? known.length : known.length - 1).reduce((a, b) => a + b, 0);
      grid[ui][uj] = isSum ? sumParts : known[known.length - 1] - sumParts;
      found.push([ui, uj]);
      changed = true;
    }
  }
  return found;
}
