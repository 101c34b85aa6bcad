import { isRelevant } from '../answers';
import { SurveyForm, SurveyLanguage } from '../form';
import { ResultAnswerSet } from './answer-set';
import { Codebook, codebook, CodebookOptions, CodebookVariable, MISSING } from './codebook';

/**
 * The answers as one table for CSV / XLSX export: a header of codebook names, a row of variable
 * labels in the chosen language, one row per answer set. Cells hold codes (choice names, 0/1 per
 * choice of a select_multiple, numbers, ISO dates, texts, the missing codes) or, with `labels`, the
 * value labels where the codebook has them. The table's columns are exactly the codebook's variables.
 * The CSV that `spssSyntax` reads is the header line and then the rows with codes (not labels, and
 * without the variable-labels row), UTF-8, comma-separated, fields with `,` `"` or line breaks quoted.
 */
export interface AnswerTable {
  header: string[];
  variableLabels: string[];
  rows: Array<Array<string | number | null>>;
  codebook: Codebook;
}

export function answerTable(form: SurveyForm, answerSets: readonly ResultAnswerSet[], language: SurveyLanguage, opts: CodebookOptions & { labels?: boolean } = {}): AnswerTable {
  const book = codebook(form, language, opts);
  const questions = new Map(form.questions.map((q) => [q.name, q]));
  const rows = answerSets.map((s) => {
    const scope = { value: (n: string) => s.answers[n] };
    const asked = new Map<string, boolean>();
    const wasAsked = (name: string) => {
      if (!asked.has(name)) asked.set(name, isRelevant(form, questions.get(name)!, scope));
      return asked.get(name)!;
    };
    return book.variables.map((v) => {
      const code = codeOf(v, s, wasAsked);
      return opts.labels ? labelOf(v, code) : code;
    });
  });
  return { header: book.variables.map((v) => v.name), variableLabels: book.variables.map((v) => v.label), rows, codebook: book };
}

const empty = (x: unknown) => x === undefined || x === null || x === '' || (Array.isArray(x) && !x.length);

function codeOf(v: CodebookVariable, s: ResultAnswerSet, wasAsked: (name: string) => boolean): string | number | null {
  const src = v.source;
  if (src.kind === 'meta') {
    switch (src.field) {
      case 'instanceId':
        return s.instanceId ?? null;
      case 'formVersion':
        return s.formVersion === undefined ? null : String(s.formVersion);
      case 'village':
        return s.villageKey;
      case 'gender':
        return s.gender;
      case 'ageGroup':
        return s.ageGroup;
      case 'consent':
        return s.consent === undefined ? null : s.consent ? 1 : 0;
      case 'interviewer':
        return s.interviewer ?? null;
    }
  }
  const answer = s.answers[src.question];
  const coded = v.missing.length > 0;
  if (empty(answer)) {
    if (!coded) return null;
    const m = wasAsked(src.question) ? MISSING.noAnswer : MISSING.notAsked;
    return v.storage === 'string' ? String(m) : m;
  }
  if (src.kind === 'choice') {
    const list = Array.isArray(answer) ? answer : String(answer).split(/\s+/);
    return list.includes(src.choice) ? 1 : 0;
  }
  if (v.storage === 'numeric') return typeof answer === 'number' ? answer : Number(answer);
  return Array.isArray(answer) ? answer.join(' ') : String(answer);
}

function labelOf(v: CodebookVariable, code: string | number | null): string | number | null {
  if (code === null) return null;
  const hit = [...v.values, ...v.missing].find((x) => x.code === code);
  return hit ? hit.label : code;
}
