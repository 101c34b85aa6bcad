import { readXlsForm } from '@ashar/survey-forms/xlsform';
import ExcelJS from 'exceljs';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { DEMO_FORM } from '../seed/demo-form';
import { answerSet, SUBMIT, surveyWorld, SurveyWorld } from './support';

/**
 * Issue 14 results on the real database: a breakdown equals a hand count of what was submitted and hides every
 * small cell (threshold 5); the answer table as CSV and XLSX (numbers as numbers, formulas inert), its codebook
 * listing every column, SPSS syntax, and the questionnaire out and back in as XLSForm. Organisers only; every
 * export of microdata is audited.
 */
let api: RunningApi;
let platform: Person;
let v: Village;
let w: SurveyWorld;

const RESULTS = `query($id: ID!, $q: String!, $by: [SurveyDimension!]!, $lang: Lang) { surveyResults(surveyId: $id, question: $q, by: $by, lang: $lang) {
  question label kind threshold rows { key label } columns { key villageId villageName gender ageGroup } cells { count share } rowTotals { count share } respondents totalRespondents suppressedCells } }`;

// Seven young women with a smartphone (two of them older), three men without a phone: by gender, "no" among men is 3.
const WOMEN = 7;
const MEN = 3;

beforeAll(async () => {
  api = await startApi({ label: 'srvres' });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
  w = await surveyWorld(api, v.admin, platform, v.communityId, '41707220840000', 100);
  for (let i = 0; i < WOMEN; i++) {
    const comment = i === 0 ? '=HYPERLINK("http://x.example","клик")' : 'Жакшы';
    ok(await gql(api.baseUrl, SUBMIT, { input: answerSet(w, { age: i < 5 ? 22 : 40, answers: { has_phone: 'yes', phone_kind: 'smart', hours: 3, sk_msg: 'alone', uses: i % 2 ? ['talk'] : ['talk', 'study'], trust: 4, comment } }) }, { token: w.interviewer.token }));
  }
  for (let i = 0; i < MEN; i++) ok(await gql(api.baseUrl, SUBMIT, { input: answerSet(w, { gender: 'MALE', age: 35, answers: { has_phone: 'no', trust: 2 } }) }, { token: w.interviewer.token }));
});
afterAll(() => api?.stop());

const get = (path: string, token?: string) => fetch(`${api.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

test('a breakdown by gender equals the hand count and hides the small cells (threshold 5)', async () => {
  const b = ok(await gql(api.baseUrl, RESULTS, { id: w.surveyId, q: 'has_phone', by: ['GENDER'], lang: 'ru' }, { token: v.admin.token })).surveyResults;
  expect(b).toMatchObject({ question: 'has_phone', label: 'У вас есть мобильный телефон?', kind: 'single', threshold: 5 });
  expect(b.rows.map((r: { key: string }) => r.key)).toEqual(['yes', 'no']);
  const hand: Record<string, Record<string, number>> = { yes: { FEMALE: WOMEN, MALE: 0 }, no: { FEMALE: 0, MALE: MEN } };
  let hidden = 0;
  b.rows.forEach((r: { key: string }, i: number) =>
    b.columns.forEach((c: { gender: string }, j: number) => {
      const shown = b.cells[i][j].count;
      const expected = hand[r.key][c.gender];
      if (shown === null) hidden++;
      else expect(shown).toBe(expected);
      if (expected > 0 && expected < 5) expect(shown).toBeNull();
    }),
  );
  // The men's column (3 respondents) is hidden, and with it whatever would give it back (its complement in the totals).
  expect(b.respondents[b.columns.findIndex((c: { gender: string }) => c.gender === 'MALE')]).toBeNull();
  expect(hidden).toBeGreaterThanOrEqual(1);
  expect(b.suppressedCells).toBeGreaterThanOrEqual(hidden);
  if (b.totalRespondents !== null) expect(b.totalRespondents).toBe(WOMEN + MEN);
  // Errors: an unknown question, a number question without bins.
  const unknown = await gql(api.baseUrl, RESULTS, { id: w.surveyId, q: 'nope', by: ['GENDER'] }, { token: v.admin.token });
  expect([unknown.errors?.[0].extensions?.code, unknown.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'question']);
  const noBins = await gql(api.baseUrl, RESULTS, { id: w.surveyId, q: 'hours', by: ['GENDER'] }, { token: v.admin.token });
  expect([noBins.errors?.[0].extensions?.code, noBins.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'bins']);
  // Residents, the interviewer and strangers: the survey does not exist for them.
  for (const who of [v.citizen, w.interviewer]) expect((await gql(api.baseUrl, RESULTS, { id: w.surveyId, q: 'has_phone', by: ['GENDER'] }, { token: who.token })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
});

test('the answer table as CSV (codes for SPSS, labels for people) and XLSX; its codebook lists every column; SPSS syntax reads it', async () => {
  const before = Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'surveys.export' AND entity_id = $1`, [w.surveyId]))[0].n);
  const codes = await get(`/api/surveys/${w.surveyId}/answers.csv?lang=ky`, v.admin.token);
  expect(codes.status).toBe(200);
  expect(codes.headers.get('content-disposition')).toMatch(/^attachment/);
  const text = (await codes.text()).replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines).toHaveLength(1 + WOMEN + MEN);
  const header = lines[0].split(',');
  expect(header).toEqual(expect.arrayContaining(['has_phone', 'trust']));
  // A text that a spreadsheet would run as a formula is written inert.
  expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""клик"")"`);
  const labelled = (await (await get(`/api/surveys/${w.surveyId}/answers.csv?lang=ru&labels=1`, v.admin.token)).text()).replace(/^\uFEFF/, '');
  expect(labelled.split('\r\n')).toHaveLength(1 + 1 + WOMEN + MEN + 1); // header, variable labels, rows, final newline
  expect(labelled).toContain('Да');

  const book = (await (await get(`/api/surveys/${w.surveyId}/codebook.csv?lang=ru`, v.admin.token)).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
  const variables = book.slice(1).map((l) => l.split(',')[0]);
  expect(variables).toEqual(header);

  const sps = await (await get(`/api/surveys/${w.surveyId}/answers.sps?lang=ru`, v.admin.token)).text();
  expect(sps).toMatch(/GET DATA/);
  expect(sps).toMatch(/VARIABLE LABELS/);
  expect(sps).toContain('has_phone');

  const xlsx = await get(`/api/surveys/${w.surveyId}/answers.xlsx?lang=ky`, v.admin.token);
  expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
  const data = wb.getWorksheet('data')!;
  const trustCol = (data.getRow(1).values as unknown[]).indexOf('trust');
  expect(data.getRow(3).getCell(trustCol).type).toBe(ExcelJS.ValueType.Number);
  expect(wb.getWorksheet('codebook')!.rowCount).toBe(header.length + 1);
  const after = Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'surveys.export' AND entity_id = $1`, [w.surveyId]))[0].n);
  expect(after - before).toBe(5);

  // Not for residents, nor for anonymous callers.
  expect((await get(`/api/surveys/${w.surveyId}/answers.csv`, v.citizen.token)).status).toBe(404);
  expect((await get(`/api/surveys/${w.surveyId}/answers.csv`)).status).toBe(401);
});

test('the questionnaire out as XLSForm and back in as the next version; a file that is not a workbook is refused', async () => {
  const out = await get(`/api/surveys/${w.surveyId}/versions/1/xlsform.xlsx`, v.admin.token);
  expect(out.status).toBe(200);
  const bytes = Buffer.from(await out.arrayBuffer());
  const read = await readXlsForm(bytes);
  expect(read.ok).toBe(true);
  if (read.ok) expect(read.form.questions.map((q) => q.name)).toEqual(DEMO_FORM.questions.map((q) => q.name));
  const post = (body: Buffer, token?: string) => fetch(`${api.baseUrl}/api/surveys/${w.surveyId}/xlsform`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  const back = await post(bytes, v.admin.token);
  expect(back.status).toBe(201);
  expect((await back.json()).version.number).toBe(2);
  const bad = await post(Buffer.from('%PDF-1.4 not a workbook'), v.admin.token);
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.surveys.xlsform.notXlsx' });
  expect((await post(bytes, v.citizen.token)).status).toBe(404);
  const versions = await api.dataSource.query(`SELECT count(*)::int AS n FROM srv_form_versions WHERE survey_id = $1`, [w.surveyId]);
  expect(versions[0].n).toBe(2);
});
