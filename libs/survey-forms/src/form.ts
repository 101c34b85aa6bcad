import { ExpressionError, parseExpression, referencesOf } from './expression';

/**
 * A questionnaire as the server stores it and the phone fills it: the XLSForm model (survey rows,
 * choice lists, settings) in a shape code can walk. Groups are named; a question names its innermost
 * group, a group its parent, so nesting survives an XLSForm round trip.
 */
export const SURVEY_LANGUAGES = ['ky', 'ru', 'kk', 'en'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];
export type Localized = Partial<Record<SurveyLanguage, string>>;

export const QUESTION_TYPES = ['select_one', 'select_multiple', 'range', 'integer', 'decimal', 'date', 'text', 'note'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Choice {
  name: string;
  label: Localized;
}

export interface Question {
  name: string;
  type: QuestionType;
  label: Localized;
  hint?: Localized;
  required?: boolean;
  requiredMessage?: Localized;
  relevant?: string;
  constraint?: string;
  constraintMessage?: Localized;
  /** select_one / select_multiple: the choice list. */
  listName?: string;
  /** range: XLSForm `parameters` start/end/step (a scale). */
  range?: { start: number; end: number; step: number };
  appearance?: string;
  /** The innermost group this question is in. */
  group?: string;
}

export interface Group {
  name: string;
  label: Localized;
  relevant?: string;
  appearance?: string;
  parent?: string;
  /** A matrix: a group of selects sharing one choice list, shown as a table (XLSForm `table-list`). */
  matrix?: boolean;
}

export interface SurveyForm {
  title: Localized;
  formId: string;
  /** XLSForm settings `version`; the platform numbers its own versions separately. */
  version?: string;
  defaultLanguage: SurveyLanguage;
  languages: SurveyLanguage[];
  groups: Group[];
  questions: Question[];
  choices: Record<string, Choice[]>;
}

export interface Problem {
  path: string;
  key: string;
  params?: Record<string, unknown>;
}

export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const LIMITS = { questions: 500, groups: 100, lists: 100, choicesPerList: 300, text: 2000 } as const;

/** Localised text in the first language that has it (the form's default first). */
export function pick(text: Localized | undefined, language: SurveyLanguage, fallback: SurveyLanguage = 'ky'): string {
  if (!text) return '';
  return text[language] ?? text[fallback] ?? SURVEY_LANGUAGES.map((l) => text[l]).find((t) => t) ?? '';
}

/** Everything about a form that makes it fillable: unique names, lists that exist, expressions that parse and name known fields. */
export function checkForm(form: SurveyForm): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, key: string, params?: Record<string, unknown>) => problems.length < 50 && problems.push({ path, key, ...(params ? { params } : {}) });
  if (!form.questions.length) add('form.questions', 'errors.surveys.noQuestions');
  if (form.questions.length > LIMITS.questions) add('form.questions', 'errors.surveys.tooMany', { max: LIMITS.questions });
  if (form.groups.length > LIMITS.groups) add('form.groups', 'errors.surveys.tooMany', { max: LIMITS.groups });
  if (!form.languages.length || form.languages.some((l) => !SURVEY_LANGUAGES.includes(l))) add('form.languages', 'errors.surveys.language');
  const names = new Set<string>();
  const groupNames = new Set(form.groups.map((g) => g.name));
  form.groups.forEach((g, i) => {
    if (!NAME_PATTERN.test(g.name)) add(`form.groups.${i}.name`, 'errors.surveys.name');
    if (names.has(g.name)) add(`form.groups.${i}.name`, 'errors.surveys.duplicateName', { name: g.name });
    names.add(g.name);
    if (g.parent && !groupNames.has(g.parent)) add(`form.groups.${i}.parent`, 'errors.surveys.unknownGroup', { name: g.parent });
  });
  const lists = Object.keys(form.choices);
  if (lists.length > LIMITS.lists) add('form.choices', 'errors.surveys.tooMany', { max: LIMITS.lists });
  for (const list of lists) {
    const seen = new Set<string>();
    if (!form.choices[list].length) add(`form.choices.${list}`, 'errors.surveys.emptyList', { list });
    if (form.choices[list].length > LIMITS.choicesPerList) add(`form.choices.${list}`, 'errors.surveys.tooMany', { max: LIMITS.choicesPerList });
    form.choices[list].forEach((c, j) => {
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(c.name)) add(`form.choices.${list}.${j}.name`, 'errors.surveys.choiceName', { list });
      if (seen.has(c.name)) add(`form.choices.${list}.${j}.name`, 'errors.surveys.duplicateName', { name: c.name });
      seen.add(c.name);
    });
  }
  form.questions.forEach((q, i) => {
    const path = `form.questions.${i}`;
    if (!NAME_PATTERN.test(q.name)) add(`${path}.name`, 'errors.surveys.name');
    if (names.has(q.name)) add(`${path}.name`, 'errors.surveys.duplicateName', { name: q.name });
    names.add(q.name);
    if (!QUESTION_TYPES.includes(q.type)) add(`${path}.type`, 'errors.surveys.questionType', { type: q.type });
    if ((q.type === 'select_one' || q.type === 'select_multiple') && (!q.listName || !form.choices[q.listName])) add(`${path}.listName`, 'errors.surveys.unknownList', { list: q.listName ?? '' });
    if (q.type === 'range') {
      const r = q.range;
      if (!r || ![r.start, r.end, r.step].every(Number.isFinite) || r.step <= 0 || r.end <= r.start || (r.end - r.start) / r.step > 100) add(`${path}.range`, 'errors.surveys.range');
    }
    if (q.group && !groupNames.has(q.group)) add(`${path}.group`, 'errors.surveys.unknownGroup', { name: q.group });
  });
  const known = new Set(form.questions.map((q) => q.name));
  const checkExpr = (src: string | undefined, path: string) => {
    if (!src) return;
    try {
      for (const ref of referencesOf(parseExpression(src))) if (!known.has(ref)) add(path, 'errors.surveys.unknownReference', { name: ref });
    } catch (e) {
      add(path, 'errors.surveys.expression', { reason: e instanceof ExpressionError ? e.message : 'invalid', at: e instanceof ExpressionError ? e.at : 0 });
    }
  };
  form.questions.forEach((q, i) => {
    checkExpr(q.relevant, `form.questions.${i}.relevant`);
    checkExpr(q.constraint, `form.questions.${i}.constraint`);
  });
  form.groups.forEach((g, i) => checkExpr(g.relevant, `form.groups.${i}.relevant`));
  form.groups.forEach((g, i) => {
    if (!g.matrix) return;
    const rows = form.questions.filter((q) => q.group === g.name);
    if (!rows.length || rows.some((q) => q.type !== rows[0].type || (q.type !== 'select_one' && q.type !== 'select_multiple') || q.listName !== rows[0].listName)) add(`form.groups.${i}.matrix`, 'errors.surveys.matrix', { name: g.name });
  });
  return problems;
}

/** Reads a form from JSON text (the API takes forms as JSON text), shape-checked; problems name their path. */
export function parseForm(text: string): { ok: true; form: SurveyForm } | { ok: false; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: 'form', key: 'errors.surveys.formJson' }] };
  }
  const r = raw as Partial<SurveyForm> | null;
  const isObj = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObj(r) || !Array.isArray(r!.questions) || !Array.isArray(r!.groups ?? []) || !isObj(r!.choices ?? {}) || !Array.isArray(r!.languages)) return { ok: false, problems: [{ path: 'form', key: 'errors.surveys.formShape' }] };
  const localized = (x: unknown): Localized => {
    const out: Localized = {};
    if (!isObj(x)) return out;
    for (const l of SURVEY_LANGUAGES) {
      const v = (x as Record<string, unknown>)[l];
      if (typeof v === 'string' && v.length <= LIMITS.text) out[l] = v;
    }
    return out;
  };
  const str = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim().slice(0, 1000) : undefined);
  const languages = (r!.languages as unknown[]).filter((l): l is SurveyLanguage => SURVEY_LANGUAGES.includes(l as SurveyLanguage));
  const form: SurveyForm = {
    title: localized(r!.title),
    formId: str(r!.formId) ?? 'survey',
    version: str(r!.version),
    defaultLanguage: SURVEY_LANGUAGES.includes(r!.defaultLanguage as SurveyLanguage) ? (r!.defaultLanguage as SurveyLanguage) : (languages[0] ?? 'ky'),
    languages,
    groups: ((r!.groups ?? []) as unknown[]).filter(isObj).map((g0) => {
      const g = g0 as Record<string, unknown>;
      return clean({ name: String(g.name ?? ''), label: localized(g.label), relevant: str(g.relevant), appearance: str(g.appearance), parent: str(g.parent), matrix: g.matrix === true ? true : undefined });
    }),
    questions: (r!.questions as unknown[]).filter(isObj).map((q0) => {
      const q = q0 as Record<string, unknown>;
      const range = isObj(q.range) ? (q.range as Record<string, unknown>) : null;
      return clean({
        name: String(q.name ?? ''),
        type: String(q.type ?? '') as QuestionType,
        label: localized(q.label),
        hint: isObj(q.hint) ? localized(q.hint) : undefined,
        required: q.required === true ? true : undefined,
        requiredMessage: isObj(q.requiredMessage) ? localized(q.requiredMessage) : undefined,
        relevant: str(q.relevant),
        constraint: str(q.constraint),
        constraintMessage: isObj(q.constraintMessage) ? localized(q.constraintMessage) : undefined,
        listName: str(q.listName),
        range: range ? { start: Number(range.start), end: Number(range.end), step: Number(range.step ?? 1) } : undefined,
        appearance: str(q.appearance),
        group: str(q.group),
      });
    }),
    choices: Object.fromEntries(
      Object.entries((r!.choices ?? {}) as Record<string, unknown>).map(([list, cs]) => [list, (Array.isArray(cs) ? cs : []).filter(isObj).map((c) => ({ name: String((c as Record<string, unknown>).name ?? ''), label: localized((c as Record<string, unknown>).label) }))]),
    ),
  };
  const problems = checkForm(form);
  return problems.length ? { ok: false, problems } : { ok: true, form };
}

/** Drops undefined members (so stored JSON and round trips compare equal). */
export function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A group and its ancestors, innermost first. */
export function groupChain(form: SurveyForm, name: string | undefined): Group[] {
  const out: Group[] = [];
  const byName = new Map(form.groups.map((g) => [g.name, g]));
  let g = name ? byName.get(name) : undefined;
  while (g && out.length < LIMITS.groups) {
    out.push(g);
    g = g.parent ? byName.get(g.parent) : undefined;
  }
  return out;
}
