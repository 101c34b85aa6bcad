import ExcelJS from 'exceljs';
import { Group, groupChain, Localized, Question, SURVEY_LANGUAGES, SurveyForm, SurveyLanguage } from '../form';
import { LANGUAGE_COLUMN } from './columns';

/**
 * SurveyForm → XLSForm, written the way KoboToolbox writes it: `label::Kyrgyz (ky)` columns per
 * language, `select_one list`, `begin_group`/`end_group` (a matrix as a `table-list` group), `required`
 * as `yes`, a range's `parameters` as `start=… end=… step=…`. Only columns the form uses are written.
 * `form_title` holds the default language's title; other languages' titles go to `form_title::…`
 * columns (an Ashar addition; pyxform ignores settings it does not know).
 */
export class XlsFormWriteError extends Error {}

export async function writeXlsForm(form: SurveyForm): Promise<Buffer> {
  const languages = languagesOf(form);
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet('survey');
  const choices = wb.addWorksheet('choices');
  const settings = wb.addWorksheet('settings');

  const items: Array<Question | Group> = [...form.questions, ...form.groups];
  const any = (f: (x: Question & Group) => unknown) => items.some((x) => f(x as Question & Group) !== undefined);
  const loc = (base: string, used: boolean) => (used ? languages.map((l) => ({ header: `${base}::${LANGUAGE_COLUMN[l]}`, value: (x: Question & Group) => (x as unknown as Record<string, Localized | undefined>)[camel(base)]?.[l] })) : []);
  type Col = { header: string; value: (x: Question & Group, kind: 'q' | 'begin' | 'end') => string | undefined };
  const cols: Col[] = [
    { header: 'type', value: (x, kind) => (kind === 'begin' ? 'begin_group' : kind === 'end' ? 'end_group' : x.listName ? `${x.type} ${x.listName}` : x.type) },
    { header: 'name', value: (x, kind) => (kind === 'end' ? undefined : x.name) },
    ...loc('label', true).map((c) => ({ header: c.header, value: (x: Question & Group, kind: string) => (kind === 'end' ? undefined : c.value(x)) })),
    ...loc('hint', any((x) => x.hint)),
    ...(form.questions.some((q) => q.required) ? [{ header: 'required', value: (x: Question & Group) => (x.required ? 'yes' : undefined) }] : []),
    ...loc('required_message', any((x) => x.requiredMessage)),
    ...(any((x) => x.relevant) ? [{ header: 'relevant', value: (x: Question & Group, kind: string) => (kind === 'end' ? undefined : x.relevant) }] : []),
    ...(any((x) => x.constraint) ? [{ header: 'constraint', value: (x: Question & Group) => x.constraint }] : []),
    ...loc('constraint_message', any((x) => x.constraintMessage)),
    ...(any((x) => x.appearance) || form.groups.some((g) => g.matrix) ? [{ header: 'appearance', value: (x: Question & Group, kind: string) => (kind === 'end' ? undefined : kind === 'begin' ? groupAppearance(x) : x.appearance) }] : []),
    ...(form.questions.some((q) => q.range) ? [{ header: 'parameters', value: (x: Question & Group) => (x.range ? `start=${x.range.start} end=${x.range.end} step=${x.range.step}` : undefined) }] : []),
  ];
  survey.addRow(cols.map((c) => c.header));
  for (const { item, kind } of surveyRows(form)) {
    const x = item as Question & Group;
    survey.addRow(cols.map((c) => (kind === 'end' ? (c.header === 'type' ? 'end_group' : '') : (c.value(x, kind) ?? ''))));
  }

  choices.addRow(['list_name', 'name', ...languages.map((l) => `label::${LANGUAGE_COLUMN[l]}`)]);
  for (const [list, cs] of Object.entries(form.choices)) for (const c of cs) choices.addRow([list, c.name, ...languages.map((l) => c.label[l] ?? '')]);

  const others = languages.filter((l) => l !== form.defaultLanguage && form.title[l] !== undefined);
  const head = ['form_title', ...others.map((l) => `form_title::${LANGUAGE_COLUMN[l]}`), 'form_id', ...(form.version !== undefined ? ['version'] : []), 'default_language'];
  const values = [form.title[form.defaultLanguage] ?? '', ...others.map((l) => form.title[l]!), form.formId, ...(form.version !== undefined ? [form.version] : []), LANGUAGE_COLUMN[form.defaultLanguage]];
  settings.addRow(head);
  settings.addRow(values);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function groupAppearance(g: Group): string | undefined {
  if (!g.matrix) return g.appearance;
  return g.appearance && /(^|\s)table-list(\s|$)/.test(g.appearance) ? g.appearance : [g.appearance, 'table-list'].filter(Boolean).join(' ');
}

/** The form's languages, then any other language some text is in (so nothing is dropped on the way out). */
function languagesOf(form: SurveyForm): SurveyLanguage[] {
  const out = [...form.languages];
  const texts: Array<Localized | undefined> = [form.title];
  for (const q of form.questions) texts.push(q.label, q.hint, q.requiredMessage, q.constraintMessage);
  for (const g of form.groups) texts.push(g.label);
  for (const cs of Object.values(form.choices)) for (const c of cs) texts.push(c.label);
  for (const l of SURVEY_LANGUAGES) if (!out.includes(l) && texts.some((t) => t?.[l] !== undefined)) out.push(l);
  return out.length ? out : [form.defaultLanguage];
}

/**
 * Questions in order with their groups opened before the first question inside and closed after the
 * last; a group with no questions is written empty inside its parent. A group whose questions are
 * not contiguous cannot be written as one begin/end pair.
 */
function surveyRows(form: SurveyForm): Array<{ item: Question | Group; kind: 'q' | 'begin' | 'end' }> {
  const rows: Array<{ item: Question | Group; kind: 'q' | 'begin' | 'end' }> = [];
  const byName = new Map(form.groups.map((g) => [g.name, g]));
  const open: Group[] = [];
  const done = new Set<string>();
  const begin = (g: Group) => {
    if (done.has(g.name)) throw new XlsFormWriteError(`group ${g.name} is not contiguous`);
    done.add(g.name);
    rows.push({ item: g, kind: 'begin' });
    open.push(g);
  };
  const flushEmpty = (parent: string | undefined) => {
    for (const g of form.groups) {
      if (g.parent !== parent || done.has(g.name)) continue;
      begin(g);
      close();
    }
  };
  const close = () => {
    const g = open[open.length - 1];
    flushEmpty(g.name);
    open.pop();
    rows.push({ item: g, kind: 'end' });
  };
  for (const q of form.questions) {
    const chain = groupChain(form, q.group).reverse();
    if (q.group && !byName.has(q.group)) throw new XlsFormWriteError(`unknown group ${q.group}`);
    let k = 0;
    while (k < open.length && k < chain.length && open[k] === chain[k]) k++;
    while (open.length > k) close();
    for (; k < chain.length; k++) begin(chain[k]);
    rows.push({ item: q, kind: 'q' });
  }
  while (open.length) close();
  flushEmpty(undefined);
  return rows;
}
