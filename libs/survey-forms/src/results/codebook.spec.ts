import { parseCsv, toCsv } from '@ashar/kernel';
import { SurveyForm } from '../form';
import { ANSWER_SETS, RESULTS_FORM } from './__tests__/fixture';
import { answerTable } from './answer-table';
import { codebook, CODEBOOK_KEYS, MISSING } from './codebook';
import { spssString, spssSyntax } from './spss';

// Stand-in for the i18n catalogue's translate (the server passes the real one).
const WORDS: Record<string, string> = { 'surveys.codebook.selected': 'Тандалды', 'surveys.codebook.notSelected': 'Тандалган жок', 'surveys.codebook.notAsked': 'Суралган жок', 'surveys.codebook.noAnswer': 'Жооп жок', 'surveys.codebook.female': 'Аял', 'surveys.codebook.village': 'Айыл' };
const text = (key: string, language: string) => (language === 'ky' && WORDS[key]) || `${language}:${key}`;

describe('codebook and answer table', () => {
  it('lists every variable the answer table emits, in its order, and every choice', () => {
    const book = codebook(RESULTS_FORM, 'ky', { text });
    const table = answerTable(RESULTS_FORM, ANSWER_SETS, 'ky', { text });
    expect(table.header).toEqual(book.variables.map((v) => v.name));
    expect(table.rows.every((r) => r.length === table.header.length)).toBe(true);
    expect(table.header).toEqual([
      'instance_id', 'form_version', 'village', 'gender', 'age_group', 'consent', 'interviewer',
      'age', 'has_phone', 'apps_whatsapp', 'apps_telegram', 'apps_other', 'app_other', 'trust', 'since', 'spend',
    ]);
    for (const q of RESULTS_FORM.questions) {
      const choices = q.listName ? RESULTS_FORM.choices[q.listName] : [];
      if (q.type === 'select_one') expect(book.variables.find((v) => v.name === q.name)!.values.map((x) => x.code)).toEqual(choices.map((c) => c.name));
      if (q.type === 'select_multiple') for (const c of choices) expect(book.variables.find((v) => v.name === `${q.name}_${c.name}`)?.source).toEqual({ kind: 'choice', question: q.name, choice: c.name });
      if (q.type === 'note') expect(book.variables.some((v) => v.name === q.name)).toBe(false);
    }
    // Labels in every language the form has; the platform's words from the catalogue in all four.
    const hasPhone = book.variables.find((v) => v.name === 'has_phone')!;
    expect(hasPhone.labels).toEqual({ ky: 'Телефонуңуз барбы?', ru: 'Есть ли у вас телефон?', kk: 'Телефоныңыз бар ма?', en: 'Do you have a phone?' });
    expect(hasPhone.values[1].labels).toEqual({ ky: 'Жок', ru: 'Нет', kk: 'Жоқ', en: 'No' });
    expect(book.variables.find((v) => v.name === 'apps_other')!.labels).toEqual({ ky: 'Колдонмолор: Башка', ru: 'Приложения: Другое', kk: 'Қосымшалар: Басқа', en: 'Apps: Other' });
    expect(book.variables.find((v) => v.name === 'village')!.labels).toEqual({ ky: 'Айыл', ru: 'ru:surveys.codebook.village', kk: 'kk:surveys.codebook.village', en: 'en:surveys.codebook.village' });
    expect(CODEBOOK_KEYS).toContain('surveys.codebook.notAsked');
  });

  it('rows carry codes; skipped questions are "not asked", asked and empty ones "no answer"; labels on request', () => {
    const table = answerTable(RESULTS_FORM, ANSWER_SETS, 'ky', { text });
    const col = (name: string) => table.header.indexOf(name);
    const row = (id: string) => table.rows.find((r) => r[0] === id)!;
    // Group 4 (ak, MALE, 30-49): a phone, WhatsApp and other, spend 250.5.
    const other = row('uuid:4-0');
    expect([other[col('village')], other[col('gender')], other[col('age_group')], other[col('consent')], other[col('form_version')], other[col('interviewer')]]).toEqual(['ak', 'MALE', '30-49', 1, '3', "O'Brien"]);
    expect([other[col('has_phone')], other[col('apps_whatsapp')], other[col('apps_telegram')], other[col('apps_other')], other[col('app_other')], other[col('spend')]]).toEqual(['yes', 1, 0, 1, 'IMO, "Одноклассники"', 250.5]);
    expect(other[col('since')]).toBeNull(); // asked, left empty: a date has no missing code
    // Group 5: no phone, so the phone group was not asked.
    const none = row('uuid:5-0');
    expect([none[col('has_phone')], none[col('apps_whatsapp')], none[col('app_other')], none[col('trust')], none[col('spend')]]).toEqual(['no', MISSING.notAsked, null, 2, MISSING.noAnswer]);
    const labelled = answerTable(RESULTS_FORM, ANSWER_SETS, 'ky', { text, labels: true });
    const l = labelled.rows.find((r) => r[0] === 'uuid:4-0')!;
    expect([l[col('has_phone')], l[col('apps_whatsapp')], l[col('apps_telegram')], l[col('gender')]]).toEqual(['Ооба', 'Тандалды', 'Тандалган жок', 'ky:surveys.codebook.male']);
    expect(labelled.rows.find((r) => r[0] === 'uuid:5-0')![col('apps_whatsapp')]).toBe('Суралган жок');
    expect(labelled.variableLabels[col('age')]).toBe('Жашыңыз');
    // Written with the kernel's CSV writer, it reads back cell for cell (quotes, commas, Cyrillic).
    const back = parseCsv(toCsv([table.header, ...table.rows]));
    expect(back.map((r) => r.cells)).toEqual([table.header, ...table.rows.map((r) => r.map((c) => (c === null ? '' : String(c))))]);
  });

  it('names are SPSS-safe and unique: reserved words, a leading underscore, choice names with dashes, clashes with platform fields', () => {
    const form: SurveyForm = {
      ...RESULTS_FORM,
      groups: [],
      questions: [
        { name: 'village', type: 'text', label: { ky: 'Айыл' } },
        { name: 'by', type: 'integer', label: { ky: 'x' } },
        { name: '_x', type: 'select_multiple', listName: 'odd', label: { ky: 'y' } },
        { name: 'x_a_b', type: 'integer', label: { ky: 'z' } },
      ],
      choices: { odd: [{ name: 'a-b', label: { ky: 'A' } }, { name: '1.', label: { ky: 'B' } }] },
    };
    expect(codebook(form, 'ky').variables.slice(7).map((v) => v.name)).toEqual(['village_2', 'by_', 'v_x_a_b', 'v_x_1', 'x_a_b']);
    expect(answerTable(form, [], 'ky').header).toEqual(codebook(form, 'ky').variables.map((v) => v.name));
  });
});

describe('SPSS syntax', () => {
  const syntax = spssSyntax(RESULTS_FORM, 'ky', { text, file: "answers 'ky'.csv" });
  const lines = syntax.split('\n');

  it('GET DATA reads the CSV with one format per variable, in the answer table order', () => {
    expect(lines.slice(0, 12)).toEqual([
      '* Encoding: UTF-8.',
      '* Санарип көндүмдөр (digital, 3).',
      'GET DATA',
      '  /TYPE=TXT',
      "  /FILE='answers ''ky''.csv'",
      "  /ENCODING='UTF8'",
      '  /DELCASE=LINE',
      '  /DELIMITERS=","',
      `  /QUALIFIER='"'`,
      '  /ARRANGEMENT=DELIMITED',
      '  /FIRSTCASE=2',
      '  /VARIABLES=',
    ]);
    const header = answerTable(RESULTS_FORM, [], 'ky').header;
    const vars = lines.slice(12, 12 + header.length).map((l) => l.trim().split(' '));
    expect(vars.map((v) => v[0])).toEqual(header);
    expect(Object.fromEntries(vars.map(([n, f]) => [n, f.replace(/\.$/, '')]))).toMatchObject({ instance_id: 'A64', consent: 'F1.0', age: 'F16.0', has_phone: 'A8', apps_whatsapp: 'F3.0', app_other: 'A8000', trust: 'F8.0', since: 'SDATE10', spend: 'F24.6' });
    expect(lines[12 + header.length - 1].endsWith('.')).toBe(true);
  });

  it('labels, value labels and missing values, quoted for Cyrillic text with quotes doubled', () => {
    expect(syntax).toContain("\nVARIABLE LABELS\n  instance_id 'ky:surveys.codebook.instanceId'\n");
    expect(syntax).toContain("  /age 'Жашыңыз'\n");
    expect(syntax).toContain("  /app_other 'Башка (кайсы? ''жазыңыз'')'\n");
    expect(syntax).toContain("  /apps_whatsapp 'Колдонмолор: WhatsApp'\n");
    expect(syntax).toContain("\n  /has_phone\n    'yes' 'Ооба'\n    'no' 'Жок'\n    '-99' 'Суралган жок'\n    '-98' 'Жооп жок'\n");
    expect(syntax).toContain("\n  /apps_other\n    1 'Тандалды'\n    0 'Тандалган жок'\n    -99 'Суралган жок'\n    -98 'Жооп жок'\n");
    expect(syntax).toContain("\nMISSING VALUES\n  age (-99, -98)\n  /has_phone ('-99', '-98')\n");
    expect(syntax).toMatch(/VARIABLE LEVEL\n {2}instance_id .* \(NOMINAL\)\n {2}\/trust \(ORDINAL\)\n {2}\/age since spend \(SCALE\)\.\n/);
    expect(syntax.trimEnd().endsWith('EXECUTE.')).toBe(true);
    // Every command ends with a period; every quote belongs to a well-formed literal.
    const commands = syntax.split(/\.\n(?=\S|\n)/).map((c) => c.trim()).filter(Boolean);
    for (const c of commands) expect(c).toMatch(/^(\* |GET DATA|VARIABLE LABELS|VALUE LABELS|MISSING VALUES|VARIABLE LEVEL|EXECUTE)/);
    expect(syntax.replace(/'(?:[^'\n]|'')*'/g, '').includes("'")).toBe(false);
  });

  it('cuts long Cyrillic labels on a character boundary within SPSS byte limits, and keeps them on one line', () => {
    expect(spssString('Айыл\r\nөкмөтү')).toBe("'Айыл өкмөтү'");
    const long = spssString('ө'.repeat(200), 255);
    expect(new TextEncoder().encode(long.slice(1, -1)).length).toBe(254);
    expect(long).toBe(`'${'ө'.repeat(127)}'`);
    expect(spssString("д'Артаньян", 4)).toBe("'д'''"); // 2 + 1 bytes fit in 4; the quote inside is doubled
    const form: SurveyForm = { ...RESULTS_FORM, questions: [{ name: 'q', type: 'text', label: { ky: 'Кыргызстан '.repeat(30) } }] };
    const label = spssSyntax(form, 'ky').split('\n').find((l) => l.startsWith('  /q '))!;
    expect(new TextEncoder().encode(label.slice(5, -1).replace(/''/g, "'")).length).toBeLessThanOrEqual(255 + 2);
  });
});
