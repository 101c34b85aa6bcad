import { holds, Scope, Value } from './expression';
import { groupChain, LIMITS, Localized, pick, Problem, Question, SurveyForm, SurveyLanguage } from './form';

/**
 * Checking an answer set against its form, the same code on the phone (before it is saved offline)
 * and on the server (before it is stored): relevance (skip logic) first, in form order, so an answer
 * to a question that is not relevant is dropped; then required, type, choices and constraints.
 */
export type Answers = Record<string, Value>;

export interface AnswerProblem extends Problem {
  /** The form's own message (constraint_message / required_message) in the chosen language, if any. */
  message?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The answer in the one shape evaluation and storage use, or a problem key when it has the wrong type. */
function coerce(form: SurveyForm, q: Question, v: unknown): { value: Value } | { problem: string } {
  switch (q.type) {
    case 'select_one': {
      if (typeof v !== 'string') return { problem: 'errors.surveys.answerType' };
      return form.choices[q.listName!]?.some((c) => c.name === v) ? { value: v } : { problem: 'errors.surveys.unknownChoice' };
    }
    case 'select_multiple': {
      const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : null;
      if (!list || list.some((x) => typeof x !== 'string')) return { problem: 'errors.surveys.answerType' };
      const names = new Set(form.choices[q.listName!]?.map((c) => c.name));
      if (list.some((x) => !names.has(x as string))) return { problem: 'errors.surveys.unknownChoice' };
      return { value: [...new Set(list as string[])] };
    }
    case 'range': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
      const r = q.range!;
      if (!Number.isFinite(n) || n < r.start || n > r.end || Math.abs((n - r.start) / r.step - Math.round((n - r.start) / r.step)) > 1e-9) return { problem: 'errors.surveys.outOfRange' };
      return { value: n };
    }
    case 'integer': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim()) ? Number(v) : NaN;
      return Number.isSafeInteger(n) ? { value: n } : { problem: 'errors.surveys.answerType' };
    }
    case 'decimal': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,15}(\.\d{1,6})?$/.test(v.trim()) ? Number(v) : NaN;
      return Number.isFinite(n) ? { value: n } : { problem: 'errors.surveys.answerType' };
    }
    case 'date':
      return typeof v === 'string' && isDate(v) ? { value: v } : { problem: 'errors.surveys.answerType' };
    case 'text':
      if (typeof v !== 'string') return { problem: 'errors.surveys.answerType' };
      if (v.length > LIMITS.text) return { problem: 'errors.surveys.tooLong' };
      if (/[\u0000\u202a-\u202e\u2066-\u2069]/.test(v)) return { problem: 'errors.validation.invalidCharacters' };
      return { value: v };
    case 'note':
      return { problem: 'errors.surveys.noteHasNoAnswer' };
  }
}

/** Whether a question is asked, given the answers so far (its own relevance and its groups'). */
export function isRelevant(form: SurveyForm, q: Question, scope: Scope): boolean {
  if (!holds(q.relevant, scope)) return false;
  return groupChain(form, q.group).every((g) => holds(g.relevant, scope));
}

export interface CheckedAnswers {
  /** Only the relevant answers, in their stored shape. */
  answers: Answers;
  problems: AnswerProblem[];
  /** Names of the questions asked (relevant), in form order. */
  asked: string[];
}

export function checkAnswers(form: SurveyForm, input: Record<string, unknown>, language: SurveyLanguage = form.defaultLanguage, path = 'answers'): CheckedAnswers {
  const answers: Answers = {};
  const problems: AnswerProblem[] = [];
  const asked: string[] = [];
  const scope: Scope = { value: (n) => answers[n] };
  const message = (m: Localized | undefined) => (m ? pick(m, language, form.defaultLanguage) || undefined : undefined);
  const known = new Set(form.questions.map((q) => q.name));
  for (const name of Object.keys(input)) if (!known.has(name)) problems.push({ path: `${path}.${name}`, key: 'errors.surveys.unknownQuestion' });
  for (const q of form.questions) {
    if (!isRelevant(form, q, scope)) continue;
    asked.push(q.name);
    if (q.type === 'note') continue;
    const raw = input[q.name];
    if (empty(raw)) {
      if (q.required) problems.push({ path: `${path}.${q.name}`, key: 'errors.surveys.required', message: message(q.requiredMessage) });
      continue;
    }
    const c = coerce(form, q, raw);
    if ('problem' in c) {
      problems.push({ path: `${path}.${q.name}`, key: c.problem });
      continue;
    }
    if (!holds(q.constraint, { value: (n) => answers[n], self: c.value })) {
      problems.push({ path: `${path}.${q.name}`, key: 'errors.surveys.constraint', message: message(q.constraintMessage) });
      continue;
    }
    answers[q.name] = c.value;
  }
  return { answers, problems, asked };
}
