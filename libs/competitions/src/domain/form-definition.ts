/**
 * The application form of one stage, as the organiser configures it, and the check of an applicant's
 * answers against it. Pure: the service parses the organiser's JSON with `parseFormDefinition` and
 * checks drafts (shape only) and submissions (everything) with `checkAnswers`.
 */
export type FieldType = 'TEXT' | 'NUMBER' | 'MONEY' | 'CHOICE' | 'FILE' | 'BUDGET';
export const FIELD_TYPES: readonly FieldType[] = ['TEXT', 'NUMBER', 'MONEY', 'CHOICE', 'FILE', 'BUDGET'];

export interface FormField {
  key: string;
  type: FieldType;
  label: Record<string, string>;
  required: boolean;
  /** TEXT */
  minLength?: number;
  maxLength?: number;
  /** NUMBER */
  min?: number;
  max?: number;
  /** CHOICE */
  options?: string[];
  /** FILE: MIME types, e.g. application/pdf */
  allowedTypes?: string[];
  /** BUDGET: the most cost lines */
  maxLines?: number;
}
export interface FormDefinition {
  fields: FormField[];
}

export interface Problem {
  /** Dotted path from the input root, e.g. `form.fields.2.maxLength` or `answers.budget.lines.0.unitCost`. */
  path: string;
  key: string;
  params?: Record<string, unknown>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;
const MIME = /^[a-z]+\/[a-z0-9.+-]+$/;
const MINOR = /^(0|[1-9]\d{0,14})$/;
const MAX_FIELDS = 60;
const MAX_TEXT = 20_000;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNat = (x: unknown, max = 1_000_000): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;

/** Reads the organiser's form definition; every problem names its path under `prefix`. */
export function parseFormDefinition(raw: unknown, prefix = 'form'): Parsed<FormDefinition> {
  let json = raw;
  if (typeof raw === 'string') {
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, problems: [{ path: prefix, key: 'errors.competitions.form.notJson' }] };
    }
  }
  if (!isObj(json) || !Array.isArray(json.fields)) return { ok: false, problems: [{ path: `${prefix}.fields`, key: 'errors.competitions.form.fieldsRequired' }] };
  if (json.fields.length > MAX_FIELDS) return { ok: false, problems: [{ path: `${prefix}.fields`, key: 'errors.competitions.form.tooManyFields', params: { max: MAX_FIELDS } }] };
  const problems: Problem[] = [];
  const fields: FormField[] = [];
  const seen = new Set<string>();
  json.fields.forEach((f: unknown, i: number) => {
    const at = (k: string) => `${prefix}.fields.${i}${k ? `.${k}` : ''}`;
    const bad = (k: string, key = 'errors.competitions.form.invalid', params?: Record<string, unknown>) => problems.push({ path: at(k), key, ...(params ? { params } : {}) });
    if (!isObj(f)) return bad('');
    if (typeof f.key !== 'string' || !KEY.test(f.key)) return bad('key', 'errors.competitions.form.badKey');
    if (seen.has(f.key)) return bad('key', 'errors.competitions.form.duplicateKey');
    seen.add(f.key);
    if (!FIELD_TYPES.includes(f.type as FieldType)) return bad('type', 'errors.competitions.form.badType');
    const field: FormField = { key: f.key, type: f.type as FieldType, required: f.required === true, label: labelOf(f.label) };
    if (f.required !== undefined && typeof f.required !== 'boolean') bad('required');
    switch (field.type) {
      case 'TEXT': {
        const min = f.minLength ?? 0;
        const max = f.maxLength ?? MAX_TEXT;
        if (!isNat(min, MAX_TEXT)) bad('minLength');
        else if (!isNat(max, MAX_TEXT) || max < 1) bad('maxLength');
        else if (max < min) bad('maxLength', 'errors.competitions.form.maxBelowMin');
        else Object.assign(field, { minLength: min, maxLength: max });
        break;
      }
      case 'NUMBER': {
        const finite = (x: unknown) => x === undefined || (typeof x === 'number' && Number.isFinite(x));
        if (!finite(f.min)) bad('min');
        else if (!finite(f.max)) bad('max');
        else if (typeof f.min === 'number' && typeof f.max === 'number' && f.max < f.min) bad('max', 'errors.competitions.form.maxBelowMin');
        else Object.assign(field, f.min !== undefined ? { min: f.min } : {}, f.max !== undefined ? { max: f.max } : {});
        break;
      }
      case 'CHOICE': {
        const o = f.options;
        if (!Array.isArray(o) || !o.length || o.length > 100 || !o.every((x) => typeof x === 'string' && KEY.test(x)) || new Set(o).size !== o.length) bad('options', 'errors.competitions.form.badOptions');
        else field.options = o as string[];
        break;
      }
      case 'FILE': {
        const t = f.allowedTypes;
        if (!Array.isArray(t) || !t.length || !t.every((x) => typeof x === 'string' && MIME.test(x))) bad('allowedTypes', 'errors.competitions.form.badFileTypes');
        else field.allowedTypes = t as string[];
        break;
      }
      case 'BUDGET': {
        const m = f.maxLines ?? 50;
        if (!isNat(m, 500) || m < 1) bad('maxLines');
        else field.maxLines = m;
        break;
      }
      case 'MONEY':
        break;
    }
    fields.push(field);
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: { fields } };
}

function labelOf(x: unknown): Record<string, string> {
  if (!isObj(x)) return {};
  const out: Record<string, string> = {};
  for (const lang of ['ky', 'ru', 'en', 'kk']) if (typeof x[lang] === 'string') out[lang] = (x[lang] as string).slice(0, 300);
  return out;
}

export type Answers = Record<string, unknown>;
/** An uploaded file, by id; the name and type are the stored ones (filled in by the service). */
export interface FileAnswer {
  fileId: string;
  name?: string;
  contentType?: string;
}
export interface BudgetLine {
  item: string;
  quantity: number;
  unitCost: string;
}

/** Sum of quantity × unit cost over the cost lines, in minor units (exact). */
export function budgetTotal(lines: readonly BudgetLine[]): bigint {
  return lines.reduce((t, l) => t + BigInt(l.quantity) * BigInt(l.unitCost), 0n);
}

export interface CheckOptions {
  /** `draft`: shapes only (a draft may be incomplete); `submit`: required fields, limits, cap too. */
  mode: 'draft' | 'submit';
  /** The call's grant cap in minor units: a budget table's total may not exceed it. */
  cap: bigint;
  prefix?: string;
}

/** Checks answers against the form. Unknown keys are refused (a typo must not vanish silently). */
export function checkAnswers(form: FormDefinition, raw: unknown, o: CheckOptions): Problem[] {
  const prefix = o.prefix ?? 'answers';
  if (!isObj(raw)) return [{ path: prefix, key: 'errors.competitions.answers.notObject' }];
  const problems: Problem[] = [];
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  for (const k of Object.keys(raw)) if (!byKey.has(k)) problems.push({ path: `${prefix}.${k}`, key: 'errors.competitions.answers.unknownField' });
  for (const f of form.fields) {
    const v = raw[f.key];
    const at = `${prefix}.${f.key}`;
    if (v === undefined || v === null || v === '') {
      if (o.mode === 'submit' && f.required) problems.push({ path: at, key: 'errors.competitions.answers.required' });
      continue;
    }
    problems.push(...checkValue(f, v, at, o));
  }
  return problems;
}

function checkValue(f: FormField, v: unknown, at: string, o: CheckOptions): Problem[] {
  const p = (key: string, params?: Record<string, unknown>, path = at): Problem[] => [{ path, key, ...(params ? { params } : {}) }];
  const submit = o.mode === 'submit';
  switch (f.type) {
    case 'TEXT': {
      if (typeof v !== 'string') return p('errors.competitions.answers.notText');
      const n = [...v].length;
      if (n > (f.maxLength ?? MAX_TEXT)) return p('errors.competitions.answers.tooLong', { max: f.maxLength });
      if (submit && n < (f.minLength ?? 0)) return p('errors.competitions.answers.tooShort', { min: f.minLength });
      return [];
    }
    case 'NUMBER': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return p('errors.competitions.answers.notNumber');
      if (f.min !== undefined && v < f.min) return p('errors.competitions.answers.belowMin', { min: f.min });
      if (f.max !== undefined && v > f.max) return p('errors.competitions.answers.aboveMax', { max: f.max });
      return [];
    }
    case 'MONEY':
      if (typeof v !== 'string' || !MINOR.test(v)) return p('errors.competitions.answers.notMoney');
      return [];
    case 'CHOICE':
      if (typeof v !== 'string' || !f.options!.includes(v)) return p('errors.competitions.answers.notAnOption');
      return [];
    case 'FILE': {
      // An uploaded file, named by its id (whose application and field the service checks); the name and
      // type the client sends are replaced by the stored ones, read from the bytes at upload.
      if (!isObj(v) || typeof v.fileId !== 'string' || !v.fileId) return p('errors.competitions.answers.notFile');
      if (v.contentType !== undefined && (typeof v.contentType !== 'string' || !f.allowedTypes!.includes(v.contentType))) return p('errors.competitions.answers.fileType', { allowed: f.allowedTypes!.join(', ') }, `${at}.contentType`);
      return [];
    }
    case 'BUDGET': {
      if (!isObj(v) || !Array.isArray(v.lines)) return p('errors.competitions.answers.notBudget');
      const lines = v.lines as unknown[];
      if (lines.length > f.maxLines!) return p('errors.competitions.answers.tooManyLines', { max: f.maxLines }, `${at}.lines`);
      const out: Problem[] = [];
      lines.forEach((l, i) => {
        const lp = `${at}.lines.${i}`;
        if (!isObj(l)) return out.push(...p('errors.competitions.answers.badLine', undefined, lp));
        if (typeof l.item !== 'string' || !l.item.trim() || l.item.length > 300) out.push(...p('errors.competitions.answers.lineItem', undefined, `${lp}.item`));
        if (!isNat(l.quantity, 1_000_000) || l.quantity < 1) out.push(...p('errors.competitions.answers.lineQuantity', undefined, `${lp}.quantity`));
        if (typeof l.unitCost !== 'string' || !MINOR.test(l.unitCost)) out.push(...p('errors.competitions.answers.notMoney', undefined, `${lp}.unitCost`));
      });
      if (out.length) return out;
      if (submit && !lines.length && f.required) return p('errors.competitions.answers.required', undefined, `${at}.lines`);
      const total = budgetTotal(lines as BudgetLine[]);
      if (submit && total > o.cap) return p('errors.competitions.answers.overCap', { total: total.toString(), cap: o.cap.toString() }, `${at}.total`);
      return [];
    }
  }
}

/** The largest budget-table total among the answers (the amount an application asks for), 0 if none. */
export function requestedAmount(form: FormDefinition, answers: Answers): bigint {
  let best = 0n;
  for (const f of form.fields) {
    const v = answers[f.key];
    if (f.type === 'BUDGET' && isObj(v) && Array.isArray(v.lines)) {
      const t = budgetTotal(v.lines as BudgetLine[]);
      if (t > best) best = t;
    }
  }
  return best;
}
