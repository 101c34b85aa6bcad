import ExcelJS from 'exceljs';
import { checkForm, Choice, Group, Localized, Question, QuestionType, SURVEY_LANGUAGES, SurveyForm, SurveyLanguage } from '../form';
import { koboWorkbook } from './__tests__/kobo-workbook';
import { cellText } from './cell-text';
import { readXlsForm } from './read-xlsform';
import { writeXlsForm } from './write-xlsform';

const read = async (buf: Buffer) => {
  const r = await readXlsForm(buf);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};

/** Random forms, built the way a spreadsheet is read (groups in the order they begin, never empty). */
function randomForm(seed: number): SurveyForm {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const int = (n: number) => Math.floor(rnd() * n);
  const pickOne = <T>(xs: readonly T[]) => xs[int(xs.length)];
  const languages = [...SURVEY_LANGUAGES].sort(() => rnd() - 0.5).slice(0, 1 + int(4));
  const words = ['Ооба', 'Жок', 'Айыл өкмөтү', 'Доверие «айыл окмоту»', 'Қазақ тілі', "it's", '=SUM(A1:A2)', '+1', '12', 'Ысык-Көл', 'a "quoted" word', 'Түндүк\nсистемасы'];
  const text = (): Localized => Object.fromEntries(languages.filter(() => rnd() < 0.8).map((l) => [l, `${pickOne(words)} ${int(100)}`]));
  const someText = (): Localized => {
    const t = text();
    return Object.keys(t).length ? t : { [languages[0]]: pickOne(words) };
  };
  const lists: Record<string, Choice[]> = {};
  const names = ['a', 'b', '1', '2', 'x.y', 'z-1', 'other', '10'];
  for (let i = 0; i < 1 + int(3); i++) lists[`l${i}`] = [...names].sort(() => rnd() - 0.5).slice(0, 1 + int(5)).map((name) => ({ name, label: text() }));
  const questions: Question[] = [];
  const groups: Group[] = [];
  const stack: string[] = [];
  const types: QuestionType[] = ['select_one', 'select_multiple', 'range', 'integer', 'decimal', 'date', 'text', 'note'];
  const question = (type: QuestionType, group: string | undefined, listName?: string): Question => {
    const n = questions.length;
    const q: Question = { name: `q${n}`, type, label: text() };
    if (type === 'select_one' || type === 'select_multiple') q.listName = listName ?? pickOne(Object.keys(lists));
    if (type === 'range') q.range = { start: int(3), end: 3 + int(8), step: pickOne([1, 0.5, 2]) };
    if (rnd() < 0.3) q.hint = someText();
    if (type !== 'note' && rnd() < 0.4) q.required = true;
    if (q.required && rnd() < 0.5) q.requiredMessage = someText();
    if (n > 0 && rnd() < 0.4) q.relevant = pickOne([`\${q${int(n)}} = 'a'`, `\${q${int(n)}} != ''`, `selected(\${q${int(n)}}, 'x.y') or \${q0} > 3`]);
    if (type === 'integer' || type === 'decimal') if (rnd() < 0.5) q.constraint = '. >= 0 and . <= 120';
    if (q.constraint && rnd() < 0.7) q.constraintMessage = someText();
    if (rnd() < 0.2) q.appearance = pickOne(['minimal', 'multiline', 'likert', 'w2']);
    if (group) q.group = group;
    return q;
  };
  const count = 3 + int(20);
  for (let i = 0; i < count; i++) {
    const r = rnd();
    if (r < 0.12 && stack.length < 3) {
      const g: Group = { name: `g${groups.length}`, label: text() };
      if (stack.length) g.parent = stack[stack.length - 1];
      if (rnd() < 0.3 && questions.length) g.relevant = `\${q${int(questions.length)}} = '1'`;
      groups.push(g);
      stack.push(g.name);
      questions.push(question(pickOne(types), g.name));
    } else if (r < 0.18 && stack.length < 3) {
      // A matrix: selects of one list in a table-list group.
      const g: Group = { name: `g${groups.length}`, label: text(), appearance: 'table-list', matrix: true };
      if (stack.length) g.parent = stack[stack.length - 1];
      groups.push(g);
      const list = pickOne(Object.keys(lists));
      const type = pickOne(['select_one', 'select_multiple'] as const);
      for (let k = 0; k < 1 + int(3); k++) questions.push(question(type, g.name, list));
    } else if (r < 0.3 && stack.length) {
      stack.pop();
    } else {
      questions.push(question(pickOne(types), stack[stack.length - 1]));
    }
  }
  const title = text();
  const form: SurveyForm = { title, formId: `form_${seed}`, defaultLanguage: pickOne(languages) as SurveyLanguage, languages, groups, questions, choices: lists };
  if (rnd() < 0.5) form.version = pickOne(['3', 'v2026.12', '2026120301']);
  return form;
}

/** A sheet's rows as records keyed by column (language columns by code), empty cells and Kobo's `$` columns left out. */
async function sheetRows(buf: Buffer, sheet: string, drop: (r: Record<string, string>) => boolean = () => false) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet)!;
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => {
    const t = cellText(v);
    const m = /^([^:]+)::.*\((\w+)\)$/.exec(t);
    return m ? `${m[1]}::${m[2]}` : t;
  });
  const rows: Array<Record<string, string>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const rec: Record<string, string> = {};
    row.eachCell((c, col) => {
      const key = header[col];
      let v = cellText(c.value).trim();
      if (!key || key.startsWith('$') || !v) return;
      // Kobo writes required as true/false, ODK as yes/no: one meaning.
      if (key === 'required') v = ['true', 'yes', '1'].includes(v.toLowerCase()) ? 'yes' : '';
      if (key === 'default_language') v = /\((\w+)\)$/.exec(v)?.[1] ?? v;
      if (v) rec[key] = v;
    });
    if (!drop(rec)) rows.push(rec);
  });
  return rows;
}

describe('XLSForm round trips', () => {
  it('readXlsForm(writeXlsForm(f)) equals f, on 40 random forms (languages, groups in groups, matrices, ranges, messages, formula-looking text)', async () => {
    const seen = { matrices: 0, nested: 0, multilingual: 0, ranges: 0, messages: 0 };
    for (let seed = 1; seed <= 40; seed++) {
      const f = randomForm(seed);
      seen.matrices += f.groups.filter((g) => g.matrix).length;
      seen.nested += f.groups.filter((g) => g.parent).length;
      seen.multilingual += f.languages.length > 1 ? 1 : 0;
      seen.ranges += f.questions.filter((q) => q.range).length;
      seen.messages += f.questions.filter((q) => q.constraintMessage || q.requiredMessage).length;
      expect(checkForm(f)).toEqual([]);
      const back = await read(await writeXlsForm(f));
      expect(back.warnings).toEqual([]);
      expect(back.form).toEqual(f);
    }
    // The generator does reach what it claims to test.
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(5);
  }, 30_000);

  it('a Kobo-made workbook imports and exports back with the same structure, sheet by sheet, row by row', async () => {
    const original = await koboWorkbook();
    const { form } = await read(original);
    const exported = await writeXlsForm(form);
    // The metadata rows (start, end) are the only thing not kept: the platform records times, version and interviewer itself.
    const metadata = (r: Record<string, string>) => r.type === 'start' || r.type === 'end';
    const before = await sheetRows(original, 'survey', metadata);
    const after = await sheetRows(exported, 'survey');
    expect(after).toEqual(before);
    expect(after).toHaveLength(14);
    expect(after[5]).toEqual({ type: 'begin_group', name: 'skills', 'label::ky': 'Көндүмдөр', 'label::ru': 'Навыки', appearance: 'table-list' });
    expect(await sheetRows(exported, 'choices')).toEqual(await sheetRows(original, 'choices'));
    expect(await sheetRows(exported, 'settings')).toEqual(await sheetRows(original, 'settings'));
    // And the export reads back to the same form.
    expect((await read(exported)).form).toEqual(form);
  });

  it('text that looks like a formula stays text in the written file', async () => {
    const f = randomForm(3);
    f.questions[0].label = { [f.languages[0]]: '=HYPERLINK("http://x","y")' };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsForm(f)) as unknown as ExcelJS.Buffer);
    const cell = wb.getWorksheet('survey')!.getRow(2).getCell(3);
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect((await read(await writeXlsForm(f))).form.questions[0].label).toEqual(f.questions[0].label);
  });
});
