import { recoverable } from '../suppression';
import { ANSWER_SETS, RESULTS_FORM } from './__tests__/fixture';
import { breakdown } from './breakdown';

const counts = (b: ReturnType<typeof breakdown>) => b.cells.map((r) => r.map((c) => c.count));

describe('breakdowns with small-cell suppression', () => {
  it('the fixture has 30 answer sets', () => expect(ANSWER_SETS).toHaveLength(30));

  it('equals the hand count (threshold 1: nothing hidden): single choice by village, by gender, by village × gender', () => {
    const v = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'has_phone', by: ['territory'], threshold: 1 });
    expect(v.columns.map((c) => c.key)).toEqual(['ak', 'kara', 'tash']);
    expect(v.rows).toEqual([{ key: 'yes', label: 'Ооба' }, { key: 'no', label: 'Жок' }]);
    expect(counts(v)).toEqual([[11, 7, 4], [3, 5, 0]]);
    expect(v.rowTotals.map((c) => c.count)).toEqual([22, 8]);
    expect(v.respondents).toEqual([14, 12, 4]);
    expect(v.totalRespondents).toBe(30);
    expect(v.cells[0][0].share).toBeCloseTo(11 / 14);
    expect(v.rowTotals[1].share).toBeCloseTo(8 / 30);
    const g = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'has_phone', by: ['gender'], threshold: 1, language: 'ru' });
    expect(g.columns.map((c) => c.key)).toEqual(['FEMALE', 'MALE']);
    expect(g.rows.map((r) => r.label)).toEqual(['Да', 'Нет']);
    expect(counts(g)).toEqual([[13, 9], [3, 5]]);
    const vg = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'has_phone', by: ['territory', 'gender'], threshold: 1 });
    expect(vg.columns).toEqual([
      { key: 'ak|FEMALE', values: { territory: 'ak', gender: 'FEMALE' } },
      { key: 'ak|MALE', values: { territory: 'ak', gender: 'MALE' } },
      { key: 'kara|FEMALE', values: { territory: 'kara', gender: 'FEMALE' } },
      { key: 'kara|MALE', values: { territory: 'kara', gender: 'MALE' } },
      { key: 'tash|FEMALE', values: { territory: 'tash', gender: 'FEMALE' } },
      { key: 'tash|MALE', values: { territory: 'tash', gender: 'MALE' } },
    ]);
    expect(counts(vg)).toEqual([[8, 3, 3, 4, 2, 2], [0, 3, 3, 2, 0, 0]]);
  });

  it('equals the hand count for a multiple choice (shares of respondents, skipped questions not counted), a scale and bins', () => {
    const m = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'apps', by: ['territory'], threshold: 1 });
    expect(counts(m)).toEqual([[9, 5, 3], [5, 5, 2], [1, 0, 0]]);
    expect(m.respondents).toEqual([11, 7, 4]);
    expect(m.totalRespondents).toBe(22);
    expect(m.rowTotals.map((c) => c.count)).toEqual([17, 12, 1]);
    expect(m.cells[1][2].share).toBeCloseTo(2 / 4);
    expect(m.rowTotals[0].share).toBeCloseTo(17 / 22);
    const s = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'trust', by: ['gender'], threshold: 1 });
    expect(s.rows.map((r) => r.key)).toEqual(['1', '2', '3', '4', '5']);
    expect(counts(s)).toEqual([[0, 0], [0, 14], [0, 0], [16, 0], [0, 0]]);
    const b = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'age', by: ['gender'], threshold: 1, bins: [18, 30, 50] });
    expect(b.rows.map((r) => r.label)).toEqual(['< 18', '18–29', '30–49', '≥ 50']);
    expect(counts(b)).toEqual([[0, 0], [10, 6], [6, 8], [0, 0]]);
    expect(() => breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'age', by: [] })).toThrow('errors.surveys.results.binsRequired');
    expect(() => breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'app_other', by: [] })).toThrow('errors.surveys.results.notTabulated');
    const all = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'has_phone', by: [] });
    expect(all.columns).toEqual([{ key: '', values: {} }]);
    expect(counts(all)).toEqual([[22], [8]]);
  });

  it('threshold 5: the hand-derived pattern for has_phone by village; suppressed cells carry no number and nothing is recoverable', () => {
    const v = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'has_phone', by: ['territory'] });
    // Primary: 3 (no, ak), 4 (yes, tash) and the tash total 4. Secondary: 11 closes row "yes" (its column
    // already hides the 3), 5 closes row "no", 12 closes the respondents row (its column hides the 5).
    expect(counts(v)).toEqual([[null, 7, null], [null, null, 0]]);
    expect(v.rowTotals.map((c) => c.count)).toEqual([22, 8]);
    expect(v.respondents).toEqual([14, null, null]);
    expect(v.totalRespondents).toBe(30);
    expect(v.cells.flat().filter((c) => c.count === null).every((c) => c.share === null)).toBe(true);
    expect(v.cells[0][1].share).toBeNull(); // 7 is shown but its denominator (12) is not
    expect(v.tables.map(recoverable)).toEqual([[]]);
  });

  it('threshold 5, multiple choice: one respondents margin hidden alike in every choice table, nothing recoverable', () => {
    const m = breakdown(RESULTS_FORM, ANSWER_SETS, { question: 'apps', by: ['territory'] });
    // The margin 11, 7, 4 | 22 on its own hides 4 and 7; with that forced, each choice's table settles
    // without hiding more of it (hand-derived).
    expect(m.respondents).toEqual([11, null, null]);
    expect(m.totalRespondents).toBe(22);
    expect(counts(m)).toEqual([[null, 5, null], [null, 5, null], [null, 0, 0]]);
    expect(m.rowTotals.map((c) => c.count)).toEqual([17, 12, null]);
    for (const t of m.tables) {
      expect(t.columnTotals).toEqual(m.respondents);
      expect(recoverable(t)).toEqual([]);
    }
  });

  it('random answer sets, every question and several dimensions: small counts never shown, nothing recoverable, margins agree', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const one = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    for (let n = 0; n < 40; n++) {
      const sets = Array.from({ length: 5 + Math.floor(rnd() * 80) }, () => ({
        villageKey: one(['a', 'b', 'c', 'd']),
        gender: one(['FEMALE', 'MALE']),
        ageGroup: one(['15-29', '30-49', '50+']),
        answers: { has_phone: one(['yes', 'no']), apps: ['whatsapp', 'telegram', 'other'].filter(() => rnd() < 0.5), trust: 1 + Math.floor(rnd() * 5) },
      }));
      const by = one([['territory'], ['gender', 'ageGroup'], ['territory', 'gender'], []] as const);
      for (const question of ['has_phone', 'apps', 'trust']) {
        const b = breakdown(RESULTS_FORM, sets, { question, by, threshold: 5 });
        const raw = breakdown(RESULTS_FORM, sets, { question, by, threshold: 1 });
        for (const t of b.tables) {
          expect(recoverable(t)).toEqual([]);
          expect(t.columnTotals).toEqual(b.respondents);
        }
        b.cells.forEach((r, i) => r.forEach((c, j) => {
          const real = raw.cells[i][j].count!;
          if (real > 0 && real < 5) expect(c.count).toBeNull();
          if (c.count !== null) expect(c.count).toBe(real);
        }));
        b.respondents.forEach((x, j) => x !== null && expect(x).toBe(raw.respondents[j]));
      }
    }
  });
});
