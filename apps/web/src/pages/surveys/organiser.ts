/**
 * Pure logic of the organiser's survey pages (no React): which questions can be tabulated, bin edges typed
 * by hand, the quota table, the export addresses, the XLSForm upload's answer. Tested in organiser.spec.ts.
 */
import type { Question, SurveyForm, SurveyLanguage } from '@ashar/survey-forms';

/** Questions `surveyResults` can count: choices, scales, and numbers (these need bins). */
export const TABULATED_TYPES = ['select_one', 'select_multiple', 'range', 'integer', 'decimal'] as const;
export const needsBins = (q: Pick<Question, 'type'>) => q.type === 'integer' || q.type === 'decimal';

export function tabulatedQuestions(form: SurveyForm | null | undefined): Question[] {
  return (form?.questions ?? []).filter((q) => (TABULATED_TYPES as readonly string[]).includes(q.type));
}

/**
 * Bin edges as an organiser types them ("18, 30, 50" or "18 30 50"; a decimal comma is not a separator
 * when followed by a digit without a space: "1,5; 3" → [1.5, 3]). Null when empty, not numbers, or not
 * strictly ascending: the server would refuse them.
 */
export function parseBins(text: string): number[] | null {
  const parts = text
    .split(/[;\s]+|,(?=\s)|,$/)
    .flatMap((p) => (p.includes(',') && !/^-?\d+,\d+$/.test(p) ? p.split(',') : [p]))
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 50) return null;
  const edges = parts.map((p) => Number(p.replace(',', '.')));
  if (edges.some((n) => !Number.isFinite(n))) return null;
  for (let i = 1; i < edges.length; i++) if (edges[i] <= edges[i - 1]) return null;
  return edges;
}

/** Width of a bar in per cent of its whole, 0–100, one decimal; an unknown or empty whole is 0. */
export function barPercent(part: number | null | undefined, whole: number | null | undefined): number {
  if (part == null || !whole || whole <= 0 || part <= 0) return 0;
  return Math.min(100, Math.round((part / whole) * 1000) / 10);
}

export interface ProgressCell {
  villageId: string;
  gender: string;
  ageGroup: string;
  target: number;
  accepted: number;
  overQuota: number;
}

/** Quota progress in a stable reading order: village (by name), then gender, then the survey's age-group order. */
export function orderedProgress<C extends ProgressCell>(cells: readonly C[], villageName: (id: string) => string, ageGroups: ReadonlyArray<{ key: string }>): C[] {
  const age = new Map(ageGroups.map((g, i) => [g.key, i]));
  return [...cells].sort(
    (a, b) =>
      villageName(a.villageId).localeCompare(villageName(b.villageId)) ||
      a.villageId.localeCompare(b.villageId) ||
      a.gender.localeCompare(b.gender) ||
      (age.get(a.ageGroup) ?? 99) - (age.get(b.ageGroup) ?? 99),
  );
}

export const quotaTotals = (cells: readonly ProgressCell[]) =>
  cells.reduce((t, c) => ({ target: t.target + c.target, accepted: t.accepted + c.accepted, overQuota: t.overQuota + c.overQuota }), { target: 0, accepted: 0, overQuota: 0 });

/** The plan form's state: "villageId|gender|ageGroup" → typed target. Empty or 0 → no cell. */
export function quotaCellsOfPlan(plan: Record<string, string>): { cells: Array<{ villageId: string; gender: 'FEMALE' | 'MALE'; ageGroup: string; target: number }>; invalid: string[] } {
  const cells: Array<{ villageId: string; gender: 'FEMALE' | 'MALE'; ageGroup: string; target: number }> = [];
  const invalid: string[] = [];
  for (const [key, raw] of Object.entries(plan)) {
    const text = raw.trim();
    if (text === '') continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > 100000) {
      invalid.push(key);
      continue;
    }
    if (n === 0) continue;
    const [villageId, gender, ageGroup] = key.split('|');
    cells.push({ villageId, gender: gender as 'FEMALE' | 'MALE', ageGroup, target: n });
  }
  return { cells, invalid };
}

export const planKey = (villageId: string, gender: string, ageGroup: string) => `${villageId}|${gender}|${ageGroup}`;

/** Members holding INTERVIEWER (a member may hold several roles: one row each), once each, by name. */
export function interviewersOf<M extends { role: string; member: { id: string; displayName: string } }>(members: readonly M[]): Array<M['member']> {
  const seen = new Map<string, M['member']>();
  for (const m of members) if (m.role === 'INTERVIEWER' && !seen.has(m.member.id)) seen.set(m.member.id, m.member);
  return [...seen.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export type ExportKind = 'csvCodes' | 'csvLabels' | 'xlsx' | 'codebook' | 'spss';
export const EXPORT_KINDS: readonly ExportKind[] = ['csvCodes', 'csvLabels', 'xlsx', 'codebook', 'spss'];

/** The API address and the file name of one export, in the chosen language. */
export function exportFile(surveyId: string, kind: ExportKind, lang: SurveyLanguage): { url: string; fileName: string } {
  const base = `/api/surveys/${encodeURIComponent(surveyId)}`;
  const q = `lang=${lang}`;
  switch (kind) {
    case 'csvCodes':
      return { url: `${base}/answers.csv?${q}`, fileName: `survey-${surveyId}-${lang}-codes.csv` };
    case 'csvLabels':
      return { url: `${base}/answers.csv?${q}&labels=1`, fileName: `survey-${surveyId}-${lang}-labels.csv` };
    case 'xlsx':
      return { url: `${base}/answers.xlsx?${q}`, fileName: `survey-${surveyId}-${lang}.xlsx` };
    case 'codebook':
      return { url: `${base}/codebook.csv?${q}`, fileName: `survey-${surveyId}-${lang}-codebook.csv` };
    case 'spss':
      return { url: `${base}/answers.sps?${q}`, fileName: `survey-${surveyId}-${lang}.sps` };
  }
}

export const versionXlsForm = (surveyId: string, number: number) => ({
  url: `/api/surveys/${encodeURIComponent(surveyId)}/versions/${number}/xlsform.xlsx`,
  fileName: `survey-${surveyId}-v${number}.xlsx`,
});

export interface XlsProblem {
  path: string;
  key: string;
  params: Record<string, string | number>;
}

function problemsOf(list: unknown): XlsProblem[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((p) => {
    if (!p || typeof p !== 'object') return [];
    const { path, key, params } = p as Record<string, unknown>;
    if (typeof key !== 'string') return [];
    const safe: Record<string, string | number> = {};
    if (params && typeof params === 'object') for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') safe[k] = v;
    return [{ path: typeof path === 'string' ? path : '', key, params: safe }];
  });
}

/** The success body of `POST /api/surveys/:id/xlsform`: the new version and the reader's warnings. */
export function publishedOf(body: unknown): { number: number | null; warnings: XlsProblem[] } {
  const b = (body ?? {}) as { version?: { number?: unknown }; warnings?: unknown };
  return { number: typeof b.version?.number === 'number' ? b.version.number : null, warnings: problemsOf(b.warnings) };
}

/** The problems of a refused upload (400 `params.problems`), each with the cell it comes from. */
export const refusedProblems = (params: Record<string, unknown> | undefined): XlsProblem[] => problemsOf(params?.problems);

/** A cell of a breakdown: suppressed when the count is null. */
export interface ResultCell {
  count: number | null;
  share: number | null;
}

/** Share as a whole per cent with one decimal (0.4567 → 45.7); null stays null. */
export const sharePercent = (share: number | null | undefined) => (share == null ? null : Math.round(share * 1000) / 10);

/** "16-29, 30-49, 50-120" → age groups; null when a part is not "min-max" with min ≤ max. */
export function parseAgeGroups(text: string): Array<{ key: string; min: number; max: number }> | null {
  const parts = text.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean);
  const groups = parts.map((p) => {
    const m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(p);
    return m && Number(m[1]) <= Number(m[2]) ? { key: `${m[1]}-${m[2]}`, min: Number(m[1]), max: Number(m[2]) } : null;
  });
  return groups.length > 0 && groups.every(Boolean) ? (groups as Array<{ key: string; min: number; max: number }>) : null;
}

/** XLSForm's own names (a format, its tools and sheet names), passed to the texts as parameters, never translated. */
export const XLSFORM_WORDS = { format: 'XLSForm', ext: '.xlsx', tools: 'ODK / KoboToolbox', sheets: 'survey, choices, settings' } as const;

/** Catalogue keys of API enums, listed so that every key is a literal the catalogue spec can check. */
export const GENDER_KEY: Record<string, string> = { FEMALE: 'surveys.gender.FEMALE', MALE: 'surveys.gender.MALE' };
export const LANGUAGE_KEY: Record<SurveyLanguage, string> = { ky: 'surveys.organiser.language.ky', ru: 'surveys.organiser.language.ru', kk: 'surveys.organiser.language.kk', en: 'surveys.organiser.language.en' };
export const IN_LANGUAGE_KEY: Record<SurveyLanguage, string> = { ky: 'surveys.organiser.inLanguage.ky', ru: 'surveys.organiser.inLanguage.ru', kk: 'surveys.organiser.inLanguage.kk', en: 'surveys.organiser.inLanguage.en' };
export const DIMENSION_KEY: Record<'TERRITORY' | 'GENDER' | 'AGE_GROUP', string> = { TERRITORY: 'surveys.results.dimension.TERRITORY', GENDER: 'surveys.results.dimension.GENDER', AGE_GROUP: 'surveys.results.dimension.AGE_GROUP' };
export const EXPORT_KEY: Record<ExportKind, string> = { csvCodes: 'surveys.results.export.csvCodes', csvLabels: 'surveys.results.export.csvLabels', xlsx: 'surveys.results.export.xlsx', codebook: 'surveys.results.export.codebook', spss: 'surveys.results.export.spss' };
