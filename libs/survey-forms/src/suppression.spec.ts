import { recoverable, suppress } from './suppression';

describe('small-cell suppression with secondary suppression', () => {
  it('hand-counted fixture: primary cells, their complements, and nothing recoverable from the totals', () => {
    // Options × villages. Hand count: row totals 23, 14, 16; column totals 15, 24, 14; grand total 53.
    const cells = [
      [10, 2, 11],
      [3, 8, 3],
      [2, 14, 0],
    ];
    const t = suppress(cells, 5);
    expect(t.rowTotals).toEqual([23, 14, 16]);
    expect(t.columnTotals).toEqual([15, 24, 14]);
    expect(t.grandTotal).toBe(53);
    // Primary: 2, 3, 3, 2 (0 < n < 5). Row 0 then hides only the 2: its complement is 11 (column 2
    // hides only a 3, so 11 mends both lines). Row 2 hides only the 2: its complement is 14 (column 1
    // hides only the 2 of row 0). Row 1 and column 0 already hide two each. Hand-checked pattern:
    expect(t.reason.map((r) => r.map((x) => (x ? x[0] : '.')).join(''))).toEqual(['.ps.', 'p.p.', 'ps..', '....']);
    expect(t.cells).toEqual([
      [10, null, null],
      [null, 8, null],
      [null, null, 0],
    ]);
    // Every row and column (totals included) hides none or at least two entries.
    const grid = t.reason;
    for (const row of grid) expect(row.filter(Boolean).length).not.toBe(1);
    for (let j = 0; j < grid[0].length; j++) expect(grid.filter((r) => r[j]).length).not.toBe(1);
    expect(recoverable(t)).toEqual([]);
    // The shown cells are the hand counts.
    expect(t.cells[0][0]).toBe(10);
    expect(t.cells[1][1]).toBe(8);
  });

  it('a single small cell needs a rectangle of four hidden cells (exact pattern)', () => {
    const t = suppress([
      [20, 30, 40],
      [25, 3, 50],
      [60, 70, 80],
    ]);
    // The 3 (primary), then the smallest cells closing a rectangle with it: 25 (its column), 30 (its row), 20.
    expect(t.cells).toEqual([
      [null, null, 40],
      [null, null, 50],
      [60, 70, 80],
    ]);
    expect(t.rowTotals).toEqual([90, 78, 210]);
    expect(recoverable(t)).toEqual([]);
  });

  it('without secondary suppression the hidden cell would follow from its row total (the attack works)', () => {
    const naive = { cells: [[20, null, 40], [25, 30, 50]], rowTotals: [63, 105], columnTotals: [45, 33, 90], grandTotal: 168, reason: [] };
    expect(recoverable(naive)).toEqual([[0, 1]]);
  });

  it('small margins are hidden too; a table with nothing small is published whole', () => {
    const t = suppress([[1, 0], [2, 0]], 5);
    expect(t.grandTotal).toBeNull();
    expect(recoverable(t)).toEqual([]);
    const all = suppress([[5, 6], [7, 8]]);
    expect(all.cells).toEqual([[5, 6], [7, 8]]);
    expect(all.reason.flat().every((x) => x === null)).toBe(true);
  });

  it('random tables: never anything recoverable by subtraction', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 300; n++) {
      const R = 1 + Math.floor(rnd() * 5);
      const C = 1 + Math.floor(rnd() * 6);
      const cells = Array.from({ length: R }, () => Array.from({ length: C }, () => Math.floor(rnd() * rnd() * 20)));
      const t = suppress(cells, 5);
      expect(recoverable(t)).toEqual([]);
      cells.forEach((r, i) => r.forEach((v, j) => v > 0 && v < 5 && expect(t.cells[i][j]).toBeNull()));
    }
  });
});
