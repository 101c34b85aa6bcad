/**
 * The organiser's call editor, as plain data (no React): the draft the screen edits, the API input it
 * becomes, and the paths the server names problems at (`input.stages.0.form.fields.2.allowedTypes`),
 * so each refusal lands on its own box. Amounts are typed in major units and sent in minor units;
 * deadlines are the call's local time to the minute (the server turns them into instants).
 */
import type { Message } from '../../api/graphql-errors';
import { minorToDecimalText, readAmountMinor, readWhole } from '../../ui/number-input';
import type { ApplicantKind, CallLanguage, CmpCall } from './competitions.operations';

export type Lang = CallLanguage;
export type Localized = Partial<Record<Lang, string>>;
export type FieldType = 'TEXT' | 'NUMBER' | 'MONEY' | 'CHOICE' | 'FILE' | 'BUDGET';
export const FIELD_TYPES: readonly FieldType[] = ['TEXT', 'NUMBER', 'MONEY', 'CHOICE', 'FILE', 'BUDGET'];
export const CURRENCIES = ['KGS', 'KZT', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];
/** The types a FILE field may take: what the server reads from the bytes (libs/competitions domain/file-type.ts). */
export const FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const TIME_ZONES = ['Asia/Bishkek', 'Asia/Almaty', 'Asia/Tashkent', 'Asia/Dushanbe', 'Europe/Moscow', 'UTC'] as const;

export interface FieldDraft {
  uid: string;
  key: string;
  type: FieldType;
  required: boolean;
  label: Localized;
  minLength: string;
  maxLength: string;
  min: string;
  max: string;
  /** CHOICE: option keys, one per line. */
  options: string;
  allowedTypes: string[];
  maxLines: string;
}
export interface StageDraft {
  uid: string;
  name: Localized;
  /** "2027-03-01T18:00", the call's local time. */
  deadlineLocal: string;
  fields: FieldDraft[];
}
export interface DirectionDraft {
  uid: string;
  key: string;
  name: Localized;
}
export interface CriterionDraft {
  uid: string;
  key: string;
  name: Localized;
  weight: string;
  min: string;
  max: string;
}
export interface CallDraft {
  communityId: string;
  title: Localized;
  summary: Localized;
  currency: Currency;
  /** Major units as typed ("500 000"). */
  grantCap: string;
  maxDurationMonths: string;
  timeZone: string;
  languages: Lang[];
  applicantKinds: ApplicantKind[];
  anonymousReview: boolean;
  directions: DirectionDraft[];
  criteria: CriterionDraft[];
  stages: StageDraft[];
}

let seq = 0;
const uid = () => `u${++seq}`;

/** The first key of the form `${prefix}${n}` not taken yet (keys are stable ids: kept once chosen). */
export function freshKey(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

export const newDirection = (taken: readonly string[]): DirectionDraft => ({ uid: uid(), key: freshKey('direction', taken), name: {} });
export const newCriterion = (taken: readonly string[]): CriterionDraft => ({ uid: uid(), key: freshKey('criterion', taken), name: {}, weight: '1', min: '0', max: '10' });
export const newField = (taken: readonly string[], type: FieldType = 'TEXT'): FieldDraft => ({
  uid: uid(),
  key: freshKey('field', taken),
  type,
  required: true,
  label: {},
  minLength: '',
  maxLength: '',
  min: '',
  max: '',
  options: '',
  allowedTypes: type === 'FILE' ? ['application/pdf'] : [],
  maxLines: '',
});
export const newStage = (): StageDraft => ({ uid: uid(), name: {}, deadlineLocal: '', fields: [] });

export function emptyDraft(communityId: string): CallDraft {
  return {
    communityId,
    title: {},
    summary: {},
    currency: 'KGS',
    grantCap: '',
    maxDurationMonths: '12',
    timeZone: 'Asia/Bishkek',
    languages: ['ky', 'ru'],
    applicantKinds: ['NGO', 'INITIATIVE_GROUP'],
    anonymousReview: false,
    directions: [newDirection([])],
    criteria: [newCriterion([])],
    stages: [{ ...newStage(), fields: [newField([])] }],
  };
}

const localized = (x: Record<string, string | null | undefined> | null | undefined): Localized => {
  const out: Localized = {};
  for (const lang of ['ky', 'ru', 'en', 'kk'] as const) if (x?.[lang]) out[lang] = x[lang]!;
  return out;
};
const text = (n: number | undefined) => (n === undefined || n === null ? '' : String(n));

/** A stored call back into the editor (a DRAFT call is edited whole). */
export function draftOf(call: CmpCall): CallDraft {
  return {
    communityId: call.communityId,
    title: localized(call.title),
    summary: localized(call.summary),
    currency: (CURRENCIES as readonly string[]).includes(call.currency) ? (call.currency as Currency) : 'KGS',
    grantCap: minorToDecimalText(call.grantCap).replace(/\.00$/, ''),
    maxDurationMonths: String(call.maxDurationMonths),
    timeZone: call.timeZone,
    languages: [...call.languages] as Lang[],
    applicantKinds: [...call.applicantKinds],
    anonymousReview: call.anonymousReview,
    directions: call.directions.map((d) => ({ uid: uid(), key: d.key, name: localized(d.name) })),
    criteria: call.criteria.map((c) => ({ uid: uid(), key: c.key, name: localized(c.name), weight: String(c.weight), min: String(c.min), max: String(c.max) })),
    stages: call.stages.map((s) => {
      const form = JSON.parse(s.form) as { fields: Array<Record<string, unknown>> };
      return {
        uid: uid(),
        name: localized(s.name),
        deadlineLocal: localOf(s.deadlineLocal),
        fields: form.fields.map((f) => ({
          uid: uid(),
          key: String(f.key),
          type: f.type as FieldType,
          required: f.required === true,
          label: localized(f.label as Record<string, string>),
          minLength: f.minLength ? text(f.minLength as number) : '',
          maxLength: f.type === 'TEXT' && f.maxLength !== 20000 ? text(f.maxLength as number) : '',
          min: text(f.min as number | undefined),
          max: text(f.max as number | undefined),
          options: ((f.options as string[] | undefined) ?? []).join('\n'),
          allowedTypes: (f.allowedTypes as string[] | undefined) ?? [],
          maxLines: f.maxLines !== undefined && f.maxLines !== 50 ? text(f.maxLines as number) : '',
        })),
      };
    }),
  };
}

/** "2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)" → "2027-03-01T18:00" (the value a datetime-local box takes). */
export function localOf(deadlineLocal: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(deadlineLocal);
  return m ? `${m[1]}T${m[2]}` : '';
}

type Problems = Record<string, Message>;

/** Whole numbers typed in a box: empty is "not set" unless required; a value that cannot be read is a problem at `path`. */
function whole(value: string, path: string, problems: Problems, required = false): number | undefined {
  const r = readWhole(value, { required });
  if (!r.ok) {
    problems[path] = r.message;
    return undefined;
  }
  return r.value ?? undefined;
}

function fieldDefinition(f: FieldDraft, at: string, problems: Problems): Record<string, unknown> {
  const out: Record<string, unknown> = { key: f.key, type: f.type, required: f.required, label: f.label };
  const set = (k: string, v: number | undefined) => (v === undefined ? undefined : (out[k] = v));
  switch (f.type) {
    case 'TEXT':
      set('minLength', whole(f.minLength, `${at}.minLength`, problems));
      set('maxLength', whole(f.maxLength, `${at}.maxLength`, problems));
      break;
    case 'NUMBER':
      set('min', whole(f.min, `${at}.min`, problems));
      set('max', whole(f.max, `${at}.max`, problems));
      break;
    case 'CHOICE':
      out.options = f.options
        .split(/[\n,]/)
        .map((o) => o.trim())
        .filter(Boolean);
      break;
    case 'FILE':
      out.allowedTypes = f.allowedTypes;
      break;
    case 'BUDGET':
      set('maxLines', whole(f.maxLines, `${at}.maxLines`, problems));
      break;
    case 'MONEY':
      break;
  }
  return out;
}

export type CallInputDraft = {
  communityId: string;
  title: Localized;
  summary: Localized;
  currency: Currency;
  grantCap: string;
  maxDurationMonths: number;
  timeZone: string;
  languages: Lang[];
  applicantKinds: ApplicantKind[];
  anonymousReview: boolean;
  directions: Array<{ key: string; name: Localized }>;
  criteria: Array<{ key: string; name: Localized; weight: number; min: number; max: number }>;
  stages: Array<{ name: Localized; deadlineLocal: string; form: string }>;
};

/**
 * The API input, or the problems found before sending (numbers that cannot be read, a missing cap or
 * deadline) at the paths the server would use; everything else (scales, weights, keys, types, the zone,
 * a deadline skipped by a clock change) is the server's to refuse.
 */
export function toCallInput(d: CallDraft): { ok: true; input: CallInputDraft } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  const cap = readAmountMinor(d.grantCap);
  if (!cap.ok) problems['grantCap'] = cap.message;
  else if (!cap.value) problems['grantCap'] = { key: 'competitions.web.editor.capRequired' };
  const months = whole(d.maxDurationMonths, 'maxDurationMonths', problems, true);
  const criteria = d.criteria.map((c, i) => ({
    key: c.key,
    name: c.name,
    weight: whole(c.weight, `criteria.${i}.weight`, problems, true) ?? 0,
    min: whole(c.min, `criteria.${i}.min`, problems, true) ?? 0,
    max: whole(c.max, `criteria.${i}.max`, problems, true) ?? 0,
  }));
  const stages = d.stages.map((s, i) => {
    if (!s.deadlineLocal) problems[`stages.${i}.deadlineLocal`] = { key: 'competitions.web.editor.deadlineRequired' };
    const fields = s.fields.map((f, j) => fieldDefinition(f, `stages.${i}.form.fields.${j}`, problems));
    return { name: s.name, deadlineLocal: s.deadlineLocal, form: JSON.stringify({ fields }) };
  });
  if (Object.keys(problems).length) return { ok: false, problems };
  return {
    ok: true,
    input: {
      communityId: d.communityId,
      title: d.title,
      summary: d.summary,
      currency: d.currency,
      grantCap: (cap as { value: string }).value,
      maxDurationMonths: months!,
      timeZone: d.timeZone,
      languages: d.languages,
      applicantKinds: d.applicantKinds,
      anonymousReview: d.anonymousReview,
      directions: d.directions.map((x) => ({ key: x.key, name: x.name })),
      criteria,
      stages,
    },
  };
}

/**
 * Every path the screen shows an error at, for the form's field map (`input.` + path → path); the
 * server's paths for the call's form definitions go through `input.stages.N.form`.
 */
export function errorPaths(d: CallDraft): string[] {
  const out = ['title', 'summary', 'currency', 'grantCap', 'maxDurationMonths', 'timeZone', 'languages', 'applicantKinds', 'directions', 'criteria', 'stages'];
  d.directions.forEach((_, i) => out.push(`directions.${i}`, `directions.${i}.key`, `directions.${i}.name`));
  d.criteria.forEach((_, i) => out.push(`criteria.${i}`, `criteria.${i}.key`, `criteria.${i}.name`, `criteria.${i}.weight`, `criteria.${i}.min`, `criteria.${i}.max`));
  d.stages.forEach((s, i) => {
    out.push(`stages.${i}`, `stages.${i}.name`, `stages.${i}.deadlineLocal`, `stages.${i}.form`, `stages.${i}.form.fields`);
    s.fields.forEach((_, j) => {
      const at = `stages.${i}.form.fields.${j}`;
      out.push(at, ...['key', 'type', 'required', 'label', 'minLength', 'maxLength', 'min', 'max', 'options', 'allowedTypes', 'maxLines'].map((k) => `${at}.${k}`));
    });
  });
  return out;
}
