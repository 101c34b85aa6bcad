import ExcelJS from 'exceljs';
import { checkForm, Choice, clean, Group, LIMITS, Localized, Problem, Question, QuestionType, SurveyForm, SurveyLanguage } from '../form';
import { cellText, columnLetters } from './cell-text';
import { CHOICE_COLUMNS, Header, languageOf, LOCALIZED_SURVEY, METADATA_TYPES, parseHeader, SETTINGS_COLUMNS, SURVEY_COLUMNS } from './columns';
import { checkZip } from './zip-guard';

/**
 * XLSForm (ODK / KoboToolbox) → SurveyForm. Sheets `survey`, `choices`, `settings`; every problem
 * names its cell (`survey!B7`) and an i18n key, so a person can fix the spreadsheet. The form is
 * finished with `checkForm`, whose paths are mapped back to cells.
 */
export interface XlsFormLimits {
  bytes: number;
  uncompressed: number;
  zipEntries: number;
  /** Per sheet. */
  rows: number;
  columns: number;
  /** All three sheets together (non-empty cells). */
  cells: number;
}

export const XLSFORM_LIMITS: XlsFormLimits = { bytes: 5 * 1024 * 1024, uncompressed: 40 * 1024 * 1024, zipEntries: 200, rows: 40000, columns: 100, cells: 300000 };

export interface ReadXlsFormOptions {
  /** The language of columns without `::` when the settings name no `default_language` (else the first language named, else ky). */
  defaultLanguage?: SurveyLanguage;
  limits?: Partial<XlsFormLimits>;
}

export type ReadXlsFormResult = { ok: true; form: SurveyForm; warnings: Problem[] } | { ok: false; problems: Problem[] };

const K = 'errors.surveys.xlsform.';
const W = 'warnings.surveys.xlsform.';

/** Every message key the reader itself gives (besides checkForm's `errors.surveys.*`): for the i18n catalogue. */
export const XLSFORM_MESSAGE_KEYS = [
  ...['notXlsx', 'tooLarge', 'suspicious', 'tooManyRows', 'tooManyColumns', 'tooManyCells', 'noSurveySheet', 'missingColumn', 'duplicateColumn', 'defaultLanguage', 'tooLong', 'missingType', 'unmatchedEnd', 'repeat', 'missingName', 'unsupportedType', 'unclosedGroup', 'required', 'parameters', 'choiceWithoutList'].map((k) => K + k),
  ...['languageIgnored', 'columnIgnored', 'metadataDropped'].map((k) => W + k),
];
const MAX_PROBLEMS = 50;

interface Column {
  index: number;
  header: Header;
  /** For a localised column: its language (after the default language is known). */
  language?: SurveyLanguage;
}
interface Row {
  number: number;
  cells: Map<number, string>;
}
interface Sheet {
  name: string;
  columns: Column[];
  rows: Row[];
}

export async function readXlsForm(data: Buffer | Uint8Array, opts: ReadXlsFormOptions = {}): Promise<ReadXlsFormResult> {
  const limits = { ...XLSFORM_LIMITS, ...opts.limits };
  const zip = checkZip(data, { bytes: limits.bytes, uncompressed: limits.uncompressed, entries: limits.zipEntries });
  if (!zip.ok) return { ok: false, problems: [{ path: 'file', key: K + (zip.reason === 'notZip' ? 'notXlsx' : zip.reason), ...(zip.limit ? { params: { max: zip.limit } } : {}) }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.length) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problems: [{ path: 'file', key: K + 'notXlsx' }] };
  }
  const find = (name: string) => wb.worksheets.find((w) => w.name.trim().toLowerCase() === name);
  const wsSurvey = find('survey');
  if (!wsSurvey) return { ok: false, problems: [{ path: 'survey', key: K + 'noSurveySheet', params: { sheet: 'survey' } }] };
  // Dimensions before any row is read.
  let cells = 0;
  for (const ws of [wsSurvey, find('choices'), find('settings')]) {
    if (!ws) continue;
    if (ws.rowCount > limits.rows + 1) return { ok: false, problems: [{ path: ws.name, key: K + 'tooManyRows', params: { max: limits.rows } }] };
    if (ws.columnCount > limits.columns) return { ok: false, problems: [{ path: ws.name, key: K + 'tooManyColumns', params: { max: limits.columns } }] };
    ws.eachRow((r) => (cells += r.actualCellCount));
    if (cells > limits.cells) return { ok: false, problems: [{ path: ws.name, key: K + 'tooManyCells', params: { max: limits.cells } }] };
  }
  return new Reader(opts).read(sheetOf(wsSurvey), find('choices') ? sheetOf(find('choices')!) : null, find('settings') ? sheetOf(find('settings')!) : null);
}

function sheetOf(ws: ExcelJS.Worksheet): Sheet {
  const name = ws.name.trim().toLowerCase();
  const columns: Column[] = [];
  const rows: Row[] = [];
  ws.eachRow((r, number) => {
    const cells = new Map<number, string>();
    r.eachCell((c, col) => {
      const t = cellText(c.value);
      if (t.trim()) cells.set(col, t);
    });
    if (number === 1) for (const [index, text] of cells) columns.push({ index, header: parseHeader(text) });
    else if (cells.size) rows.push({ number, cells });
  });
  return { name, columns, rows };
}

class Reader {
  private problems: Problem[] = [];
  private warnings: Problem[] = [];
  private languages: SurveyLanguage[] = [];
  private defaultLanguage: SurveyLanguage = 'ky';

  constructor(private readonly opts: ReadXlsFormOptions) {}

  private problem(path: string, key: string, params?: Record<string, unknown>) {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, key, ...(params ? { params } : {}) });
  }
  private warn(path: string, key: string, params?: Record<string, unknown>) {
    if (this.warnings.length < MAX_PROBLEMS) this.warnings.push({ path, key, ...(params ? { params } : {}) });
  }
  private cell(sheet: Sheet, col: number, row: number) {
    return `${sheet.name}!${columnLetters(col)}${row}`;
  }

  read(survey: Sheet, choices: Sheet | null, settings: Sheet | null): ReadXlsFormResult {
    this.resolveLanguages(survey, choices, settings);
    const title: Localized = {};
    let formId = 'survey';
    let version: string | undefined;
    if (settings) {
      const row = settings.rows[0];
      for (const c of this.known(settings, SETTINGS_COLUMNS, ['form_title'])) {
        const v = row?.cells.get(c.index)?.trim();
        if (!v) continue;
        if (c.header.base === 'form_title' && c.language) title[c.language] = this.text(settings, c.index, row!.number, v);
        if (c.header.base === 'form_id') formId = v.length <= 200 ? v : (this.problem(this.cell(settings, c.index, row!.number), K + 'tooLong', { max: 200 }), 'survey');
        if (c.header.base === 'version') version = v.slice(0, 200);
      }
    }
    const { questions, groups, where } = this.readSurvey(survey);
    const { lists, choiceRows } = this.readChoices(choices);
    if (this.problems.length) return { ok: false, problems: this.problems };
    const form: SurveyForm = clean({ title, formId, version, defaultLanguage: this.defaultLanguage, languages: this.languages, groups, questions, choices: lists });
    for (const p of checkForm(form)) this.problem(this.mapPath(p.path, survey, choices, settings, where, choiceRows), p.key, p.params);
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, form, warnings: this.warnings };
  }

  /** default_language first (it gives plain `label` columns their language), then every localised column's language: survey, choices, settings, in column order. */
  private resolveLanguages(survey: Sheet, choices: Sheet | null, settings: Sheet | null) {
    const localized = (s: Sheet | null, bases: readonly string[]) => (s ? s.columns.filter((c) => bases.includes(c.header.base)) : []);
    const all = [...localized(survey, LOCALIZED_SURVEY), ...localized(choices, ['label']), ...localized(settings, ['form_title'])];
    const sheetOfColumn = (c: Column) => (settings?.columns.includes(c) ? settings : survey.columns.includes(c) ? survey : choices)!;
    let fromSettings: SurveyLanguage | null = null;
    const dl = settings?.columns.find((c) => c.header.base === 'default_language');
    const dlText = dl && settings!.rows[0]?.cells.get(dl.index)?.trim();
    if (dl && dlText) {
      fromSettings = languageOf(dlText);
      if (!fromSettings) this.problem(this.cell(settings!, dl.index, settings!.rows[0].number), K + 'defaultLanguage', { language: dlText });
    }
    const firstNamed = all.map((c) => (c.header.languageText !== null ? languageOf(c.header.languageText) : null)).find((l) => l);
    this.defaultLanguage = fromSettings ?? this.opts.defaultLanguage ?? firstNamed ?? 'ky';
    const seen = new Set<string>();
    for (const c of all) {
      const s = sheetOfColumn(c);
      const lang = c.header.languageText === null ? this.defaultLanguage : languageOf(c.header.languageText);
      if (!lang) {
        this.warn(this.cell(s, c.index, 1), W + 'languageIgnored', { language: c.header.languageText });
        continue;
      }
      const key = `${s.name}|${c.header.base}|${lang}`;
      if (seen.has(key)) this.problem(this.cell(s, c.index, 1), K + 'duplicateColumn', { column: c.header.base, language: lang });
      seen.add(key);
      c.language = lang;
      if (!this.languages.includes(lang)) this.languages.push(lang);
    }
    if (!this.languages.length) this.languages.push(this.defaultLanguage);
  }

  /** The columns this reader understands; others are reported once (Kobo's own `$…` bookkeeping columns silently). */
  private known(sheet: Sheet, names: Set<string>, localized: readonly string[]): Column[] {
    const out: Column[] = [];
    const seen = new Set<string>();
    for (const c of sheet.columns) {
      if (c.header.base.startsWith('$') || c.header.base.startsWith('kobo--')) continue;
      if (!names.has(c.header.base) || (c.header.languageText !== null && !localized.includes(c.header.base))) {
        if (sheet.rows.some((r) => r.cells.has(c.index))) this.warn(this.cell(sheet, c.index, 1), W + 'columnIgnored', { column: c.header.base });
        continue;
      }
      if (localized.includes(c.header.base)) {
        if (c.language) out.push(c);
        continue;
      }
      if (seen.has(c.header.base)) this.problem(this.cell(sheet, c.index, 1), K + 'duplicateColumn', { column: c.header.base });
      seen.add(c.header.base);
      out.push(c);
    }
    return out;
  }

  private text(sheet: Sheet, col: number, row: number, v: string): string {
    if (v.length > LIMITS.text) this.problem(this.cell(sheet, col, row), K + 'tooLong', { max: LIMITS.text });
    return v;
  }

  private readSurvey(sheet: Sheet) {
    const cols = this.known(sheet, SURVEY_COLUMNS, LOCALIZED_SURVEY);
    const col = (base: string) => cols.find((c) => c.header.base === base);
    const typeCol = col('type');
    const nameCol = col('name');
    const questions: Question[] = [];
    const groups: Group[] = [];
    const where = { questions: [] as number[], groups: [] as number[], columns: new Map<string, number>() };
    for (const c of cols) if (!c.language) where.columns.set(c.header.base, c.index);
    if (!typeCol || !nameCol) {
      this.problem(`${sheet.name}!${typeCol ? 'B' : 'A'}1`, K + 'missingColumn', { column: typeCol ? 'name' : 'type' });
      return { questions, groups, where };
    }
    const stack: Array<{ name: string; row: number }> = [];
    for (const r of sheet.rows) {
      const get = (base: string) => {
        const c = col(base);
        return c ? (r.cells.get(c.index) ?? '').trim() : '';
      };
      const loc = (base: string): Localized | undefined => {
        const out: Localized = {};
        for (const c of cols) if (c.header.base === base && c.language && r.cells.has(c.index)) out[c.language] = this.text(sheet, c.index, r.number, r.cells.get(c.index)!);
        return Object.keys(out).length ? out : undefined;
      };
      const at = (base: string) => this.cell(sheet, col(base)?.index ?? typeCol.index, r.number);
      const type = get('type').replace(/\s+/g, ' ');
      const name = get('name');
      if (!type) {
        if (cols.some((c) => r.cells.has(c.index))) this.problem(at('type'), K + 'missingType', { column: 'type' });
        continue;
      }
      const lower = type.toLowerCase();
      if (/^end[ _](group)$/.test(lower)) {
        if (!stack.pop()) this.problem(at('type'), K + 'unmatchedEnd', { end: 'end group', begin: 'begin group' });
        continue;
      }
      if (/^(begin|end)[ _]repeat$/.test(lower)) {
        this.problem(at('type'), K + 'repeat', { type: 'begin_repeat' });
        continue;
      }
      if (METADATA_TYPES.has(lower)) {
        this.warn(at('type'), W + 'metadataDropped', { type: lower });
        continue;
      }
      if (!name) {
        this.problem(at('name'), K + 'missingName', { column: 'name' });
        continue;
      }
      const common = { relevant: get('relevant') || undefined, appearance: get('appearance') || undefined };
      if (/^begin[ _]group$/.test(lower)) {
        const appearance = common.appearance;
        groups.push(clean({ name, label: loc('label') ?? {}, ...common, parent: stack.at(-1)?.name, matrix: appearance && /(^|\s)table-list(\s|$)/.test(appearance) ? true : undefined }));
        where.groups.push(r.number);
        stack.push({ name, row: r.number });
        continue;
      }
      const t = this.questionType(type);
      if ('problem' in t) {
        this.problem(at('type'), t.problem, { type });
        continue;
      }
      const q: Question = {
        name,
        type: t.type,
        label: loc('label') ?? {},
        hint: loc('hint'),
        required: this.required(get('required'), at('required')),
        requiredMessage: loc('required_message'),
        ...common,
        constraint: get('constraint') || undefined,
        constraintMessage: loc('constraint_message'),
        listName: t.listName,
        range: t.type === 'range' ? this.parameters(get('parameters'), at('parameters')) : undefined,
        group: stack.at(-1)?.name,
      };
      questions.push(clean(q));
      where.questions.push(r.number);
    }
    for (const g of stack) this.problem(this.cell(sheet, typeCol.index, g.row), K + 'unclosedGroup', { name: g.name, end: 'end group' });
    return { questions, groups, where };
  }

  private questionType(type: string): { type: QuestionType; listName?: string } | { problem: string } {
    const select = /^(select_one|select one|select_multiple|select multiple) (\S+)( or_other)?$/i.exec(type);
    if (select) {
      if (select[3]) return { problem: K + 'unsupportedType' };
      return { type: /one$/i.test(select[1]) ? 'select_one' : 'select_multiple', listName: select[2] };
    }
    const simple: Record<string, QuestionType> = { integer: 'integer', int: 'integer', decimal: 'decimal', range: 'range', date: 'date', text: 'text', string: 'text', note: 'note' };
    const t = simple[type.toLowerCase()];
    return t ? { type: t } : { problem: K + 'unsupportedType' };
  }

  private required(v: string, path: string): true | undefined {
    const s = v.toLowerCase();
    if (['yes', 'true', '1', 'true()'].includes(s)) return true;
    if (['', 'no', 'false', '0', 'false()'].includes(s)) return undefined;
    // ODK allows an expression here; the platform's model has a fixed required flag.
    this.problem(path, K + 'required', { value: v, yes: 'yes', no: 'no' });
    return undefined;
  }

  /** `start=1 end=5 step=1` (spaces, commas or semicolons); pyxform's defaults 1, 10, 1. */
  private parameters(v: string, path: string): { start: number; end: number; step: number } {
    const out = { start: 1, end: 10, step: 1 };
    for (const part of v.split(/[\s,;]+/).filter(Boolean)) {
      const m = /^(start|end|step)=(-?\d+(?:\.\d+)?)$/i.exec(part);
      if (!m) {
        this.problem(path, K + 'parameters', { value: part, example: 'start=1 end=5 step=1' });
        continue;
      }
      out[m[1].toLowerCase() as 'start' | 'end' | 'step'] = Number(m[2]);
    }
    return out;
  }

  private readChoices(sheet: Sheet | null) {
    const lists: Record<string, Choice[]> = {};
    const choiceRows: Record<string, number[]> = {};
    if (!sheet) return { lists, choiceRows };
    const cols = this.known(sheet, CHOICE_COLUMNS, ['label']);
    const col = (base: string) => cols.find((c) => c.header.base === base);
    const listCol = col('list_name');
    const nameCol = col('name');
    if (!listCol || !nameCol) {
      if (sheet.rows.length) this.problem(`${sheet.name}!${listCol ? 'B' : 'A'}1`, K + 'missingColumn', { column: listCol ? 'name' : 'list_name' });
      return { lists, choiceRows };
    }
    for (const r of sheet.rows) {
      const list = (r.cells.get(listCol.index) ?? '').trim();
      const name = (r.cells.get(nameCol.index) ?? '').trim();
      if (!cols.some((c) => r.cells.has(c.index))) continue;
      if (!list) {
        this.problem(this.cell(sheet, listCol.index, r.number), K + 'choiceWithoutList', { column: 'list_name' });
        continue;
      }
      if (!name) {
        this.problem(this.cell(sheet, nameCol.index, r.number), K + 'missingName', { column: 'name' });
        continue;
      }
      const label: Localized = {};
      for (const c of cols) if (c.header.base === 'label' && c.language && r.cells.has(c.index)) label[c.language] = this.text(sheet, c.index, r.number, r.cells.get(c.index)!);
      (lists[list] ??= []).push({ name, label });
      (choiceRows[list] ??= []).push(r.number);
    }
    return { lists, choiceRows };
  }

  /** checkForm's `form.questions.3.relevant` → the cell it came from, `survey!F9`. */
  private mapPath(path: string, survey: Sheet, choices: Sheet | null, settings: Sheet | null, where: { questions: number[]; groups: number[]; columns: Map<string, number> }, choiceRows: Record<string, number[]>): string {
    const parts = path.split('.');
    const surveyCol = (field: string) => {
      const base = { listName: 'type', type: 'type', range: 'parameters', group: 'type', parent: 'type', matrix: 'appearance' }[field] ?? field;
      return where.columns.get(base) ?? where.columns.get('type') ?? 1;
    };
    if (parts[1] === 'questions' && parts.length >= 4) return this.cell(survey, surveyCol(parts[3]), where.questions[+parts[2]] ?? 1);
    if (parts[1] === 'groups' && parts.length >= 4) return this.cell(survey, surveyCol(parts[3]), where.groups[+parts[2]] ?? 1);
    if (parts[1] === 'choices' && choices) {
      const rows = choiceRows[parts[2]] ?? [];
      const nameCol = choices.columns.find((c) => c.header.base === 'name')?.index ?? 2;
      const listCol = choices.columns.find((c) => c.header.base === 'list_name')?.index ?? 1;
      if (parts.length >= 4) return this.cell(choices, nameCol, rows[+parts[3]] ?? 1);
      if (rows.length) return this.cell(choices, listCol, rows[0]);
      return choices.name;
    }
    if (parts[1] === 'languages') return settings ? settings.name : survey.name;
    return { questions: survey.name, groups: survey.name, choices: 'choices' }[parts[1]] ?? path;
  }
}

