import { LIMITS, Localized, pick, QuestionType, SURVEY_LANGUAGES, SurveyForm, SurveyLanguage } from '../form';
import { GENDERS } from '../quota';

/**
 * The codebook of a form's answer table: one variable per column, in column order. Platform fields
 * first (instance id, form version, village, gender, age group, consent, interviewer), then one per
 * question (notes have no answer and no variable); a select_multiple is one 0/1 variable per choice,
 * named `<question>_<choice>`.
 *
 * Names are SPSS-safe (a letter first, letters, digits, `_` and `.` only, not ending in `.`, not a
 * reserved word such as BY or TO, at most 64 bytes) and unique (a clash gets `_2`, `_3`); the same
 * name heads the CSV column. Labels come from the form in every language it has (`labels`) and in the
 * chosen one (`label`); the platform's own words (the meta variables, genders, selected / not
 * selected, the missing codes) come from the caller's `text(key, language)`, the i18n catalogue,
 * keys under `surveys.codebook.*`; without it the key itself is shown.
 *
 * Missing codes: a question the skip logic did not ask is NOT_ASKED, one asked and left empty is
 * NO_ANSWER, for coded variables (choices, numbers, scales; `-99` / `-98`, as text for a choice code);
 * a text or a date left empty is an empty cell.
 */
export const MISSING = { notAsked: -99, noAnswer: -98 } as const;

export type MetaField = 'instanceId' | 'formVersion' | 'village' | 'gender' | 'ageGroup' | 'consent' | 'interviewer';

export interface CodebookValue {
  code: string | number;
  label: string;
  labels: Localized;
}

export interface CodebookVariable {
  name: string;
  source: { kind: 'meta'; field: MetaField } | { kind: 'question'; question: string; type: QuestionType } | { kind: 'choice'; question: string; choice: string };
  storage: 'string' | 'numeric' | 'date';
  /** Strings: bytes (UTF-8); numbers: total width. */
  width: number;
  decimals: number;
  measure: 'nominal' | 'ordinal' | 'scale';
  label: string;
  labels: Localized;
  values: CodebookValue[];
  /** User-missing codes with their labels (empty for texts and dates). */
  missing: CodebookValue[];
}

export interface Codebook {
  formId: string;
  version?: string;
  language: SurveyLanguage;
  title: string;
  variables: CodebookVariable[];
}

export interface CodebookOptions {
  /** The platform's words, from the i18n catalogue: `(key, language) => text`. */
  text?: (key: string, language: SurveyLanguage) => string;
  /** Village names by key (else the key is the label). */
  villages?: Record<string, Localized>;
  /** Age group keys, in order (their key is their label: "15-29"). */
  ageGroups?: readonly string[];
}

export const CODEBOOK_KEYS = ['instanceId', 'formVersion', 'village', 'gender', 'ageGroup', 'consent', 'interviewer', 'female', 'male', 'yes', 'no', 'selected', 'notSelected', 'notAsked', 'noAnswer'].map((k) => `surveys.codebook.${k}`);

const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

/** An SPSS-safe variable name, unique among `taken`. */
export function variableName(wanted: string, taken: Set<string>): string {
  let n = wanted.replace(/[^A-Za-z0-9_.]/g, '_').replace(/\.+$/, '');
  if (!/^[A-Za-z]/.test(n)) n = `v${n}`;
  if (RESERVED.has(n.toUpperCase())) n = `${n}_`;
  n = n.slice(0, 60);
  let out = n;
  for (let k = 2; taken.has(out.toLowerCase()); k++) out = `${n}_${k}`;
  taken.add(out.toLowerCase());
  return out;
}

// TextEncoder, not Buffer: this file is in the library's browser-safe index.
const bytes = (s: string) => new TextEncoder().encode(s).length;

export function codebook(form: SurveyForm, language: SurveyLanguage, opts: CodebookOptions = {}): Codebook {
  const text = opts.text ?? ((key: string) => key);
  const all = (key: string): Localized => Object.fromEntries(SURVEY_LANGUAGES.map((l) => [l, text(key, l)]));
  const value = (code: string | number, labels: Localized): CodebookValue => ({ code, label: pick(labels, language, form.defaultLanguage), labels });
  const platform = (code: string | number, key: string): CodebookValue => ({ code, label: text(key, language), labels: all(key) });
  const missing = (asText: boolean) => [platform(asText ? String(MISSING.notAsked) : MISSING.notAsked, 'surveys.codebook.notAsked'), platform(asText ? String(MISSING.noAnswer) : MISSING.noAnswer, 'surveys.codebook.noAnswer')];
  const taken = new Set<string>();
  const variables: CodebookVariable[] = [];
  const meta = (field: MetaField, name: string, storage: 'string' | 'numeric', width: number, values: CodebookValue[] = []) =>
    variables.push({ name: variableName(name, taken), source: { kind: 'meta', field }, storage, width, decimals: 0, measure: 'nominal', label: text(`surveys.codebook.${field}`, language), labels: all(`surveys.codebook.${field}`), values, missing: [] });
  meta('instanceId', 'instance_id', 'string', 64);
  meta('formVersion', 'form_version', 'string', 32);
  meta('village', 'village', 'string', 64, Object.entries(opts.villages ?? {}).map(([k, l]) => value(k, l)));
  meta('gender', 'gender', 'string', 8, GENDERS.map((g) => platform(g, `surveys.codebook.${g.toLowerCase()}`)));
  meta('ageGroup', 'age_group', 'string', 32, (opts.ageGroups ?? []).map((k) => value(k, Object.fromEntries(SURVEY_LANGUAGES.map((l) => [l, k])))));
  meta('consent', 'consent', 'numeric', 1, [platform(1, 'surveys.codebook.yes'), platform(0, 'surveys.codebook.no')]);
  meta('interviewer', 'interviewer', 'string', 200);
  for (const q of form.questions) {
    if (q.type === 'note') continue;
    const labels = q.label;
    const label = pick(labels, language, form.defaultLanguage);
    const base = { source: { kind: 'question' as const, question: q.name, type: q.type }, label, labels };
    switch (q.type) {
      case 'select_one': {
        const choices = form.choices[q.listName!] ?? [];
        const width = Math.min(64, Math.max(8, ...choices.map((c) => bytes(c.name))));
        variables.push({ ...base, name: variableName(q.name, taken), storage: 'string', width, decimals: 0, measure: 'nominal', values: choices.map((c) => value(c.name, c.label)), missing: missing(true) });
        break;
      }
      case 'select_multiple':
        for (const c of form.choices[q.listName!] ?? []) {
          const choiceLabels: Localized = Object.fromEntries(SURVEY_LANGUAGES.filter((l) => labels[l] !== undefined || c.label[l] !== undefined).map((l) => [l, `${pick(labels, l, form.defaultLanguage)}: ${pick(c.label, l, form.defaultLanguage)}`]));
          variables.push({
            name: variableName(`${q.name}_${c.name}`, taken),
            source: { kind: 'choice', question: q.name, choice: c.name },
            storage: 'numeric',
            width: 3,
            decimals: 0,
            measure: 'nominal',
            label: `${label}: ${pick(c.label, language, form.defaultLanguage)}`,
            labels: choiceLabels,
            values: [platform(1, 'surveys.codebook.selected'), platform(0, 'surveys.codebook.notSelected')],
            missing: missing(false),
          });
        }
        break;
      case 'range': {
        const decimals = Math.min(6, Math.max(...[q.range!.start, q.range!.step].map((x) => (String(x).split('.')[1] ?? '').length)));
        variables.push({ ...base, name: variableName(q.name, taken), storage: 'numeric', width: 8, decimals, measure: 'ordinal', values: [], missing: missing(false) });
        break;
      }
      case 'integer':
        variables.push({ ...base, name: variableName(q.name, taken), storage: 'numeric', width: 16, decimals: 0, measure: 'scale', values: [], missing: missing(false) });
        break;
      case 'decimal':
        variables.push({ ...base, name: variableName(q.name, taken), storage: 'numeric', width: 24, decimals: 6, measure: 'scale', values: [], missing: missing(false) });
        break;
      case 'date':
        variables.push({ ...base, name: variableName(q.name, taken), storage: 'date', width: 10, decimals: 0, measure: 'scale', values: [], missing: [] });
        break;
      case 'text':
        // Up to LIMITS.text characters of up to 4 bytes each.
        variables.push({ ...base, name: variableName(q.name, taken), storage: 'string', width: LIMITS.text * 4, decimals: 0, measure: 'nominal', values: [], missing: [] });
        break;
    }
  }
  return { formId: form.formId, ...(form.version !== undefined ? { version: form.version } : {}), language, title: pick(form.title, language, form.defaultLanguage), variables };
}
