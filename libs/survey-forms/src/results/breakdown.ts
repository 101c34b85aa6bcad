import { Question, SurveyForm, SurveyLanguage, pick } from '../form';
import { GENDERS } from '../quota';
import { suppress, SuppressedTable } from '../suppression';
import { Dimension, DIMENSIONS, dimensionValue, ResultAnswerSet, ResultsError } from './answer-set';

/**
 * Counts and shares of one question's answers by territory, gender and age group, every figure
 * run through `suppress` (small cells and what would give them away hidden as null).
 *
 * - rows: select_one → its choices; select_multiple → its choices, shares of respondents (a person
 *   counts once per choice); range → every point of the scale; integer/decimal → the caller's `bins`
 *   (edges; rows below the first, between edges, from the last up). Bins, not means: a mean of a small
 *   cell is its own disclosure and means do not add up, so they cannot be protected by this table's
 *   suppression; bins are counts like the rest. Bins are the caller's, never made from the data (a
 *   bin edge at the largest value would publish one person's answer).
 * - columns: every combination of the chosen dimensions present in the answer sets (or the caller's
 *   `values`), in the order of `values`, else genders FEMALE, MALE then alphabetical.
 * - respondents: answer sets with an answer to the question (skipped and unanswered ones are not
 *   counted; an answer outside the choices or scale is ignored).
 * - a select_one, range or binned question is one table (rows × columns with row totals, respondents
 *   as column totals, the grand total). A select_multiple is one table per choice ([chose, did not
 *   choose] × columns) sharing one respondents margin: the margin's hidden entries are forced to be the
 *   same in every choice's table (seeded from the margin's own suppression, repeated until no table
 *   hides more), so no table publishes a respondent count that another hides.
 * - a share is shown only when its count and its denominator both are.
 *
 * Each table is protected on its own: publishing several breakdowns of one question with different
 * dimensions (by village, and by village × gender) can let one table's margins undo another's
 * suppression, so publish one fixed set of dimensions per question.
 */
export interface BreakdownOptions {
  question: string;
  by: readonly Dimension[];
  threshold?: number;
  language?: SurveyLanguage;
  /** integer / decimal: bin edges, ascending. */
  bins?: readonly number[];
  /** Column values per dimension, in order; values outside them are left out, values without answers are zero columns. */
  values?: Partial<Record<Dimension, readonly string[]>>;
}

export interface BreakdownCell {
  count: number | null;
  share: number | null;
}

export interface Breakdown {
  question: string;
  kind: 'single' | 'multiple' | 'scale' | 'bins';
  by: Dimension[];
  threshold: number;
  rows: Array<{ key: string; label: string }>;
  columns: Array<{ key: string; values: Partial<Record<Dimension, string>> }>;
  /** rows × columns. */
  cells: BreakdownCell[][];
  /** Per row, over all columns; share of all respondents. */
  rowTotals: BreakdownCell[];
  respondents: Array<number | null>;
  totalRespondents: number | null;
  /** What was published, as `suppress` returned it (one table, or one per choice of a select_multiple): for `recoverable`. */
  tables: SuppressedTable[];
}

export function breakdown(form: SurveyForm, answerSets: readonly ResultAnswerSet[], opts: BreakdownOptions): Breakdown {
  const threshold = opts.threshold ?? 5;
  const language = opts.language ?? form.defaultLanguage;
  const q = form.questions.find((x) => x.name === opts.question);
  if (!q) throw new ResultsError('errors.surveys.results.unknownQuestion', { name: opts.question });
  const by = [...new Set(opts.by)];
  if (by.some((d) => !DIMENSIONS.includes(d))) throw new ResultsError('errors.surveys.results.dimension');
  if (!Number.isInteger(threshold) || threshold < 1) throw new ResultsError('errors.surveys.results.threshold');
  const categories = categoriesOf(form, q, language, opts.bins);
  const columns = columnsOf(answerSets, by, opts.values);
  const colIndex = new Map(columns.map((c, j) => [c.key, j]));
  const R = categories.rows.length;
  const C = columns.length;
  const counts = Array.from({ length: R }, () => new Array<number>(C).fill(0));
  const respondents = new Array<number>(C).fill(0);
  for (const s of answerSets) {
    const j = colIndex.get(columnKey(s, by));
    if (j === undefined) continue;
    const rows = categories.classify(s.answers[q.name]);
    if (!rows) continue;
    respondents[j]++;
    for (const i of rows) counts[i][j]++;
  }
  const base = { question: q.name, by, threshold, rows: categories.rows.map(({ key, label }) => ({ key, label })), columns };
  const share = (n: number | null, d: number | null) => (n === null || d === null || d === 0 ? null : n / d);
  if (categories.kind !== 'multiple') {
    const t = suppress(counts, threshold);
    return {
      ...base,
      kind: categories.kind,
      cells: t.cells.map((r) => r.map((n, j) => ({ count: n, share: share(n, t.columnTotals[j]) }))),
      rowTotals: t.rowTotals.map((n) => ({ count: n, share: share(n, t.grandTotal) })),
      respondents: t.columnTotals,
      totalRespondents: t.grandTotal,
      tables: [t],
    };
  }
  const tables = multipleTables(counts, respondents, threshold);
  const margin = tables.length ? tables[0].columnTotals : respondents.map(() => null);
  const total = tables.length ? tables[0].grandTotal : null;
  return {
    ...base,
    kind: 'multiple',
    cells: tables.map((t) => t.cells[0].map((n, j) => ({ count: n, share: share(n, margin[j]) }))),
    rowTotals: tables.map((t) => ({ count: t.rowTotals[0], share: share(t.rowTotals[0], total) })),
    respondents: margin,
    totalRespondents: total,
    tables,
  };
}

/** One [chose, did not choose] × columns table per choice, all hiding the same respondents margin. */
function multipleTables(counts: number[][], respondents: number[], threshold: number): SuppressedTable[] {
  const C = respondents.length;
  const N = respondents.reduce((a, b) => a + b, 0);
  // Seed: the respondents margin suppressed as a line of its own.
  const own = suppress([respondents], threshold);
  let forced = new Set<number>();
  for (let j = 0; j <= C; j++) if (own.reason[0][j] || own.reason[1][j]) forced.add(j);
  for (let round = 0; round <= C + 1; round++) {
    // A forced margin entry is given to `suppress` as 1 (below any threshold above 1), which makes it
    // hidden there; the published numbers are the real ones. Forced entries stay hidden, so the set only grows.
    const proxy = (j: number, v: number) => (forced.has(j) ? 1 : v);
    const tables = counts.map((yes) => {
      const no = yes.map((y, j) => respondents[j] - y);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const t = suppress([yes, no], threshold, { rows: [sum(yes), sum(no)], columns: respondents.map((v, j) => proxy(j, v)), grand: proxy(C, N) });
      const real = (j: number, v: number | null) => (v === null ? null : j === C ? N : respondents[j]);
      return { ...t, columnTotals: t.columnTotals.map((v, j) => real(j, v)), grandTotal: real(C, t.grandTotal) };
    });
    const hidden = new Set(forced);
    for (const t of tables) for (let j = 0; j <= C; j++) if (t.reason[2][j]) hidden.add(j);
    if (hidden.size === forced.size) return tables;
    forced = hidden;
  }
  throw new Error('suppression did not settle'); // unreachable: the set grows at most C + 1 times
}

interface Categories {
  kind: Breakdown['kind'];
  rows: Array<{ key: string; label: string }>;
  /** The rows an answer counts in, or null when it does not count (no answer, not a known value). */
  classify(v: unknown): number[] | null;
}

function categoriesOf(form: SurveyForm, q: Question, language: SurveyLanguage, bins?: readonly number[]): Categories {
  const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length);
  if (q.type === 'select_one' || q.type === 'select_multiple') {
    const choices = form.choices[q.listName!] ?? [];
    const index = new Map(choices.map((c, i) => [c.name, i]));
    const rows = choices.map((c) => ({ key: c.name, label: pick(c.label, language, form.defaultLanguage) }));
    if (q.type === 'select_one') return { kind: 'single', rows, classify: (v) => (typeof v === 'string' && index.has(v) ? [index.get(v)!] : null) };
    return {
      kind: 'multiple',
      rows,
      classify: (v) => {
        if (empty(v)) return null;
        const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s+/) : [];
        const is = [...new Set(list.filter((x): x is string => typeof x === 'string' && index.has(x)).map((x) => index.get(x)!))];
        return is.length ? is : null;
      },
    };
  }
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
  if (q.type === 'range') {
    const { start, end, step } = q.range!;
    const points: number[] = [];
    for (let k = 0; start + k * step <= end + 1e-9 && k <= 100; k++) points.push(Number((start + k * step).toPrecision(12)));
    return {
      kind: 'scale',
      rows: points.map((p) => ({ key: String(p), label: String(p) })),
      classify: (v) => {
        const n = num(v);
        const i = points.findIndex((p) => Math.abs(p - n) < 1e-9);
        return i >= 0 ? [i] : null;
      },
    };
  }
  if (q.type === 'integer' || q.type === 'decimal') {
    if (!bins?.length) throw new ResultsError('errors.surveys.results.binsRequired', { name: q.name });
    if (bins.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= bins[i - 1])) || bins.length > 50) throw new ResultsError('errors.surveys.results.bins', { name: q.name });
    const whole = q.type === 'integer' && bins.every(Number.isInteger);
    const label = (i: number) => {
      if (i === 0) return `< ${bins[0]}`;
      if (i === bins.length) return `≥ ${bins[i - 1]}`;
      return whole ? (bins[i] - 1 === bins[i - 1] ? String(bins[i - 1]) : `${bins[i - 1]}–${bins[i] - 1}`) : `[${bins[i - 1]}, ${bins[i]})`;
    };
    return {
      kind: 'bins',
      rows: Array.from({ length: bins.length + 1 }, (_, i) => ({ key: label(i), label: label(i) })),
      classify: (v) => {
        const n = num(v);
        if (empty(v) || !Number.isFinite(n)) return null;
        let i = 0;
        while (i < bins.length && n >= bins[i]) i++;
        return [i];
      },
    };
  }
  throw new ResultsError('errors.surveys.results.notTabulated', { name: q.name, type: q.type });
}

const columnKey = (s: ResultAnswerSet, by: readonly Dimension[]) => by.map((d) => dimensionValue(s, d)).join('|');

function columnsOf(answerSets: readonly ResultAnswerSet[], by: Dimension[], values?: BreakdownOptions['values']): Breakdown['columns'] {
  const orderOf = (d: Dimension): string[] => {
    if (values?.[d]) return [...values[d]!];
    const present = [...new Set(answerSets.map((s) => dimensionValue(s, d)))];
    const rank = (v: string) => (d === 'gender' && (GENDERS as readonly string[]).includes(v) ? (GENDERS as readonly string[]).indexOf(v) : GENDERS.length);
    return present.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  };
  let combos: string[][] = [[]];
  for (const d of by) {
    const vs = orderOf(d);
    combos = combos.flatMap((c) => vs.map((v) => [...c, v]));
  }
  // Without explicit values, only combinations that occur (a village × gender × age cell nobody is in is not a column).
  const present = new Set(answerSets.map((s) => columnKey(s, by)));
  const explicit = by.every((d) => values?.[d]);
  return combos
    .filter((c) => explicit || present.has(c.join('|')))
    .map((c) => ({ key: c.join('|'), values: Object.fromEntries(by.map((d, k) => [d, c[k]])) as Partial<Record<Dimension, string>> }));
}
