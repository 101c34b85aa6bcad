import ExcelJS from 'exceljs';
import { deflateRawSync } from 'zlib';
import { checkForm, SurveyForm } from '../form';
import { KOBO_CHOICES, KOBO_SETTINGS, KOBO_SURVEY, koboWorkbook, workbook } from './__tests__/kobo-workbook';
import { readXlsForm } from './read-xlsform';

const ok = async (buf: Buffer) => {
  const r = await readXlsForm(buf);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
const problemsOf = async (buf: Buffer, opts?: Parameters<typeof readXlsForm>[1]) => {
  const r = await readXlsForm(buf, opts);
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => [p.path, p.key]);
};
/** The Kobo survey sheet with one row replaced (index into KOBO_SURVEY) or appended. */
const surveyWith = (edit: (rows: ExcelJS.CellValue[][]) => void) => {
  const rows = KOBO_SURVEY.map((r) => [...r]);
  edit(rows);
  return workbook({ survey: rows, choices: KOBO_CHOICES, settings: KOBO_SETTINGS });
};

describe('readXlsForm: ODK / KoboToolbox workbooks', () => {
  it('a Kobo export imports: types, choices, groups, a matrix, skip logic, constraints, two languages; metadata rows are dropped with a warning', async () => {
    const { form, warnings } = await ok(await koboWorkbook());
    const expected: SurveyForm = {
      title: { ky: 'Санарип көндүмдөр 2026' },
      formId: 'digital_skills',
      version: '2026120301',
      defaultLanguage: 'ky',
      languages: ['ky', 'ru'],
      groups: [
        { name: 'phone', label: { ky: 'Телефон', ru: 'Телефон' }, relevant: "${has_phone} = 'yes'" },
        { name: 'skills', label: { ky: 'Көндүмдөр', ru: 'Навыки' }, appearance: 'table-list', matrix: true, parent: 'phone' },
      ],
      questions: [
        { name: 'age', type: 'integer', label: { ky: 'Жашыңыз канчада?', ru: 'Сколько вам лет?' }, required: true, constraint: '. >= 14 and . <= 99', constraintMessage: { ky: '14төн 99га чейин', ru: 'От 14 до 99' } },
        { name: 'has_phone', type: 'select_one', listName: 'yesno', label: { ky: 'Телефонуңуз барбы?', ru: 'Есть ли у вас телефон?' }, required: true, appearance: 'minimal' },
        { name: 'apps', type: 'select_multiple', listName: 'apps', label: { ky: 'Кайсы колдонмолорду колдоносуз?', ru: 'Какими приложениями пользуетесь?' }, hint: { ky: 'Экиден көп эмес', ru: 'Не больше двух' }, constraint: 'count-selected(.) <= 2', group: 'phone' },
        { name: 'app_other', type: 'text', label: { ky: 'Башка колдонмо', ru: 'Другое приложение' }, required: true, relevant: "selected(${apps}, 'other')", group: 'phone' },
        { name: 'sk_pay', type: 'select_one', listName: 'level', label: { ky: 'Төлөм жасоо', ru: 'Оплата онлайн' }, group: 'skills' },
        { name: 'sk_gov', type: 'select_one', listName: 'level', label: { ky: 'Түндүк аркылуу кызмат', ru: 'Услуги через Тундук' }, group: 'skills' },
        { name: 'trust', type: 'range', range: { start: 1, end: 5, step: 1 }, label: { ky: 'Айыл өкмөтүнө ишеним', ru: 'Доверие айыл окмоту' }, hint: { ky: '1 – такыр жок, 5 – толук', ru: '1 – совсем нет, 5 – полностью' } },
        { name: 'since', type: 'date', label: { ky: 'Качантан бери интернет колдоносуз?', ru: 'С какого времени пользуетесь интернетом?' }, relevant: "${has_phone} = 'yes'" },
        { name: 'spend', type: 'decimal', label: { ky: 'Айына байланышка канча сом?', ru: 'Сколько сомов в месяц на связь?' }, constraint: '. >= 0' },
        { name: 'thanks', type: 'note', label: { ky: 'Рахмат! ashar.kg', ru: 'Спасибо! ashar.kg' } },
      ],
      choices: {
        yesno: [{ name: 'yes', label: { ky: 'Ооба', ru: 'Да' } }, { name: 'no', label: { ky: 'Жок', ru: 'Нет' } }],
        apps: [{ name: 'whatsapp', label: { ky: 'WhatsApp', ru: 'WhatsApp' } }, { name: 'telegram', label: { ky: 'Telegram', ru: 'Telegram' } }, { name: 'other', label: { ky: 'Башка', ru: 'Другое' } }],
        level: [{ name: '1', label: { ky: 'Билбейм', ru: 'Не умею' } }, { name: '2', label: { ky: 'Бир аз', ru: 'Немного' } }, { name: '3', label: { ky: 'Жакшы', ru: 'Хорошо' } }],
      },
    };
    expect(form).toEqual(expected);
    expect(warnings).toEqual([
      { path: 'survey!A2', key: 'warnings.surveys.xlsform.metadataDropped', params: { type: 'start' } },
      { path: 'survey!A3', key: 'warnings.surveys.xlsform.metadataDropped', params: { type: 'end' } },
    ]);
  });

  it('language columns in every spelling: label::ky, label::Kyrgyz (ky), Русский (ru), a plain label in the default language; other languages ignored with a warning', async () => {
    const buf = await workbook({
      survey: [
        ['type', 'name', 'label', 'label::ru', 'label::English', 'hint::Қазақша (kk)', 'label::Français (fr)', 'Required'],
        ['text', 'name', 'Атыңыз', 'Имя', 'Name', 'Атыңыз', 'Nom', 'YES'],
      ],
      settings: [['default_language'], ['Kyrgyz (ky)']],
    });
    const r = await ok(buf);
    expect(r.form.languages).toEqual(['ky', 'ru', 'en', 'kk']);
    expect(r.form.questions[0]).toEqual({ name: 'name', type: 'text', label: { ky: 'Атыңыз', ru: 'Имя', en: 'Name' }, hint: { kk: 'Атыңыз' }, required: true });
    expect(r.warnings).toEqual([{ path: 'survey!G1', key: 'warnings.surveys.xlsform.languageIgnored', params: { language: 'Français (fr)' } }]);
    // `begin group` with a space, ODK's old `jr:constraintMsg` column, `select one` spelled with a space.
    const old = await ok(
      await workbook({
        survey: [
          ['type', 'name', 'label::Русский (ru)', 'constraint', 'jr:constraintMsg::Русский (ru)'],
          ['begin group', 'g', 'Группа', null, null],
          ['select one yn', 'q', 'Вопрос', ". != 'no'", 'Только да'],
          ['end group', null, null, null, null],
        ],
        choices: [['list_name', 'name', 'label::Русский (ru)'], ['yn', 'yes', 'Да'], ['yn', 'no', 'Нет']],
      }),
    );
    expect(old.form.defaultLanguage).toBe('ru');
    expect(old.form.questions).toEqual([{ name: 'q', type: 'select_one', listName: 'yn', label: { ru: 'Вопрос' }, constraint: ". != 'no'", constraintMessage: { ru: 'Только да' }, group: 'g' }]);
  });

  it('problems name their cell: repeats, unknown types, missing names, bad expressions, unknown lists, unclosed groups', async () => {
    const buf = await surveyWith((rows) => {
      rows[4][7] = '${has_phone = 1'; // has_phone's relevant: H5
      rows[6][0] = 'select_multiple nolist'; // apps: A7
      rows.push(['begin_repeat', 'kids', 'Балдар'], ['geopoint', 'where', 'Жер'], ['text', null, 'Аты жок'], ['integer', 'n', 'N', null, null, null, '${age} > 3'], ['select_one yesno or_other', 'yn2', 'x'], ['begin_group', 'open', 'Ачык']);
    });
    expect(await problemsOf(buf)).toEqual([
      ['survey!A18', 'errors.surveys.xlsform.repeat'],
      ['survey!A19', 'errors.surveys.xlsform.unsupportedType'],
      ['survey!B20', 'errors.surveys.xlsform.missingName'],
      ['survey!G21', 'errors.surveys.xlsform.required'],
      ['survey!A22', 'errors.surveys.xlsform.unsupportedType'],
      ['survey!A23', 'errors.surveys.xlsform.unclosedGroup'],
    ]);
    // Once the rows parse, checkForm's findings are mapped back to cells.
    const later = await surveyWith((rows) => {
      rows[4][7] = '${has_phone = 1';
      rows[6][0] = 'select_multiple nolist';
      rows[9][0] = 'select_one yesno'; // the matrix now mixes lists
      rows[13][12] = 'start=1 end=5 step=x';
    });
    expect(await problemsOf(later)).toEqual([['survey!M14', 'errors.surveys.xlsform.parameters']]);
    const later2 = await surveyWith((rows) => {
      rows[4][7] = '${has_phone = 1';
      rows[6][0] = 'select_multiple nolist';
      rows[9][0] = 'select_one yesno';
      rows[14][7] = '${ghost} = 1';
    });
    expect(await problemsOf(later2)).toEqual([
      ['survey!A7', 'errors.surveys.unknownList'],
      ['survey!H5', 'errors.surveys.expression'],
      ['survey!H15', 'errors.surveys.unknownReference'],
      ['survey!L9', 'errors.surveys.matrix'],
    ]);
  });

  it('choices and settings problems: duplicate names, a choice without a list, an unknown default language', async () => {
    const choices = [...KOBO_CHOICES, ['yesno', 'yes', 'Ооба', 'Да'], [null, 'x', 'X']];
    expect(await problemsOf(await workbook({ survey: KOBO_SURVEY, choices }))).toEqual([['choices!A11', 'errors.surveys.xlsform.choiceWithoutList']]);
    expect(await problemsOf(await workbook({ survey: KOBO_SURVEY, choices: choices.slice(0, -1) }))).toEqual([['choices!B10', 'errors.surveys.duplicateName']]);
    expect(await problemsOf(await workbook({ survey: KOBO_SURVEY, choices: KOBO_CHOICES, settings: [['default_language'], ['Klingon']] }))).toEqual([['settings!A2', 'errors.surveys.xlsform.defaultLanguage']]);
    expect(await problemsOf(await workbook({ choices: KOBO_CHOICES }))).toEqual([['survey', 'errors.surveys.xlsform.noSurveySheet']]);
  });

  it('size is guarded before any work: not a ZIP, too many rows, an inflating bomb, a lying ZIP directory', async () => {
    expect(await problemsOf(Buffer.from('type,name\ntext,a\n'))).toEqual([['file', 'errors.surveys.xlsform.notXlsx']]);
    expect(await problemsOf(await koboWorkbook(), { limits: { rows: 10 } })).toEqual([['survey', 'errors.surveys.xlsform.tooManyRows']]);
    expect(await problemsOf(await koboWorkbook(), { limits: { cells: 100 } })).toEqual([['survey', 'errors.surveys.xlsform.tooManyCells']]);
    const big = await workbook({ survey: [['type', 'name', 'label'], ...Array.from({ length: 50 }, (_, i) => ['note', `n${i}`, `${i} ${'а'.repeat(1000)}`])] });
    expect(big.length).toBeLessThan(30_000);
    expect(await problemsOf(big, { limits: { uncompressed: 60_000 } })).toEqual([['file', 'errors.surveys.xlsform.tooLarge']]);
    expect(await problemsOf(big, { limits: { bytes: 1000 } })).toEqual([['file', 'errors.surveys.xlsform.tooLarge']]);
    // A ZIP whose directory says 10 bytes for an entry that inflates to a megabyte.
    const liar = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(1 << 20, 0x41), 10);
    expect(await problemsOf(liar)).toEqual([['file', 'errors.surveys.xlsform.suspicious']]);
  });
});

describe('readXlsForm on random spreadsheets', () => {
  it('never throws: every outcome is a checked form or problems that name a sheet or cell', async () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const one = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const headers = ['type', 'name', 'label', 'label::ru', 'label::Kyrgyz (ky)', 'hint', 'required', 'relevant', 'constraint', 'appearance', 'parameters', 'calculation', '', 'list_name', 'label::xx'];
    const types = ['text', 'integer', 'select_one yn', 'select_multiple yn', 'begin_group', 'end_group', 'begin_repeat', 'range', 'note', 'geopoint', 'start', '', 'select_one', 'date', 'decimal'];
    const values = (): ExcelJS.CellValue => one<ExcelJS.CellValue>(['a', 'q1', 'q2', 'yes', 'no', 1, 2.5, true, null, '${q1} = 1', '. > 0', 'start=1 end=3', { richText: [{ text: 'Ры' }, { text: 'нок' }] }, { formula: '1+1', result: 2 }, 'table-list', '${', "'"]);
    let ok = 0;
    for (let n = 0; n < 60; n++) {
      const cols = Array.from({ length: 2 + Math.floor(rnd() * 8) }, (_, i) => (i === 0 ? 'type' : i === 1 ? 'name' : one(headers)));
      const rows: ExcelJS.CellValue[][] = [cols, ...Array.from({ length: Math.floor(rnd() * 12) }, () => cols.map((_, i) => (i === 0 ? one(types) : i === 1 ? `q${Math.floor(rnd() * 4)}` : values())))];
      const sheets: Record<string, ExcelJS.CellValue[][]> = { survey: rows };
      if (rnd() < 0.7) sheets.choices = [['list_name', 'name', one(['label', 'label::ru', 'x'])], ...Array.from({ length: Math.floor(rnd() * 4) }, () => [one(['yn', null, 'other']), one(['yes', 'no', 1, null]), values()])];
      const r = await readXlsForm(await workbook(sheets));
      if (r.ok) {
        ok++;
        expect(checkForm(r.form)).toEqual([]);
      } else {
        expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) expect(p.path).toMatch(/^(survey|choices|settings)(![A-Z]+\d+)?$/);
      }
    }
    expect(ok).toBeGreaterThan(0); // some random sheets are valid forms, most are not
  }, 30_000);
});

/** A one-entry ZIP built by hand, with a chosen (possibly false) uncompressed size in its headers. */
function zipOf(name: string, content: Buffer, declaredSize: number): Buffer {
  const data = deflateRawSync(content);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(n.length, 26);
  const dir = Buffer.alloc(46);
  dir.writeUInt32LE(0x02014b50, 0);
  dir.writeUInt16LE(20, 4);
  dir.writeUInt16LE(20, 6);
  dir.writeUInt16LE(8, 10);
  dir.writeUInt32LE(data.length, 20);
  dir.writeUInt32LE(declaredSize, 24);
  dir.writeUInt16LE(n.length, 28);
  dir.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + data.length, 16);
  return Buffer.concat([local, n, data, dir, n, end]);
}
