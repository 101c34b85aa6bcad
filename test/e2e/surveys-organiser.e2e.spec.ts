/**
 * The organiser's survey pages (issue 14), 360×740 Chromium, in Kyrgyz:
 * - the community admin goes from the community page to its surveys and opens one (version 1 = the demo
 *   form, eight answer sets already sent by an interviewer: six women, two men);
 * - an XLSForm built here the KoboToolbox way, with a row whose name is missing, is refused: the problem is
 *   shown with its cell (survey!B4) in Kyrgyz, and no version is added;
 * - the same form without the mistake publishes version 2, listed first; its XLSForm downloads through
 *   the authorised fetch (a blob link);
 * - quota progress is a table with a caption and headers;
 * - results: the phone question of version 2 by gender: the men's column (two people) reads "fewer than 5"
 *   in words, and no published count of the table is between 1 and 4; a CSV with labels downloads.
 * Screenshots in test-artifacts/e2e (surveys-organiser-*.png).
 */
import { Locale, translate } from '@ashar/i18n';
import type ExcelJS from 'exceljs';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { PASSWORD, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { answerSet, SUBMIT, surveyWorld, SurveyWorld } from '../../libs/surveys/src/__tests__/support';
import { KOBO_CHOICES, KOBO_SETTINGS, KOBO_SURVEY, workbook } from '../../libs/survey-forms/src/xlsform/__tests__/kobo-workbook';
import { a11yProblems, artifact, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true };
const tr = (key: string, params?: Record<string, string | number>, locale: Locale = 'ky') => translate(locale, key, params);
const XLS = { format: 'XLSForm', ext: '.xlsx', tools: 'ODK / KoboToolbox', sheets: 'survey, choices, settings' };

const web = webOnApi('e2esrvorg');
let api: RunningApi;
let v: Village;
let w: SurveyWorld;

const versions = async () => (await api.dataSource.query(`SELECT number FROM srv_form_versions WHERE survey_id = $1 ORDER BY number`, [w.surveyId])).map((r: { number: number }) => r.number);

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
  w = await surveyWorld(api, v.admin, platform, v.communityId, '41707220840000', 10);
  // Six young women (four with a phone) and two men aged 40, all in the first village.
  const sets = [
    ...[0, 1, 2, 3].map(() => answerSet(w)),
    ...[0, 1].map(() => answerSet(w, { answers: { has_phone: 'no', trust: 2 } })),
    ...[0, 1].map(() => answerSet(w, { gender: 'MALE', age: 40 })),
  ];
  for (const input of sets) ok(await gql(api.baseUrl, SUBMIT, { input }, { token: w.interviewer.token }));
});

test('an organiser publishes an XLSForm, follows quotas and reads suppressed results on a phone in Kyrgyz', async () => {
  const page = await web.open(`${api.baseUrl}/communities/${v.communityId}`, { login: v.admin.email, password: PASSWORD }, { ...PHONE, locale: 'ky-KG' });
  await page.getByRole('link', { name: tr('surveys.organiser.communityLink') }).click();
  await page.getByRole('heading', { level: 1, name: tr('surveys.organiser.title') }).waitFor();
  expect(await a11yProblems(page)).toEqual([]);
  await page.screenshot({ path: artifact('surveys-organiser-01-list-ky.png'), fullPage: true });
  await page.getByRole('link', { name: /Санарип/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Санарип' }).waitFor();
  await page.getByText(tr('surveys.organiser.version', { number: 1 }), { exact: true }).waitFor();

  // 1. A Kobo-style form with a question row that lost its name: refused, the problem named by its cell.
  const fileInput = page.getByLabel(tr('surveys.organiser.xlsFormFile', XLS));
  const broken = KOBO_SURVEY.map((row, i) => (i === 3 ? row.map((c, j) => (j === 1 ? null : c)) : row)) as ExcelJS.CellValue[][];
  await fileInput.setInputFiles({ name: 'broken.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook({ survey: broken, choices: KOBO_CHOICES, settings: KOBO_SETTINGS }) });
  await page.getByRole('button', { name: tr('surveys.organiser.upload') }).click();
  const alert = page.getByRole('alert').filter({ hasText: tr('surveys.organiser.uploadRefused') });
  await alert.waitFor();
  await alert.getByText('survey!B4').waitFor();
  expect(await alert.innerText()).toContain(tr('errors.surveys.xlsform.missingName', { column: 'name' }));
  await page.screenshot({ path: artifact('surveys-organiser-02-xlsform-problems-ky.png'), fullPage: true });
  await page.locator('form').filter({ has: fileInput }).screenshot({ path: artifact('surveys-organiser-02b-xlsform-problems-form-ky.png') });
  expect(await versions()).toEqual([1]);

  // 2. The same form without the mistake: version 2, listed first.
  await fileInput.setInputFiles({ name: 'kobo.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook({ survey: KOBO_SURVEY, choices: KOBO_CHOICES, settings: KOBO_SETTINGS }) });
  await page.getByRole('button', { name: tr('surveys.organiser.upload') }).click();
  await page.getByRole('status').filter({ hasText: tr('surveys.organiser.published', { number: 2 }) }).waitFor();
  const listed = page.locator('.srv-versions .list__title');
  await listed.nth(1).waitFor();
  expect(await listed.allInnerTexts()).toEqual([tr('surveys.organiser.version', { number: 2 }), tr('surveys.organiser.version', { number: 1 })]);
  expect(await versions()).toEqual([1, 2]);
  const [xlsform] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tr('surveys.organiser.downloadXlsForm', { number: 2, ...XLS }) }).click()]);
  expect(xlsform.suggestedFilename()).toBe(`survey-${w.surveyId}-v2.xlsx`);
  await page.screenshot({ path: artifact('surveys-organiser-03-version-2-ky.png'), fullPage: true });

  // 3. Quota progress: a captioned table; the young women's cell of the first village has 6 of 10.
  const progress = page.getByRole('table', { name: tr('surveys.organiser.progressCaption', { accepted: 8, target: 60, overQuota: 0 }) });
  await progress.waitFor();
  const youngWomen = progress.getByRole('row').filter({ hasText: `${tr('surveys.gender.FEMALE')} · 16-29` });
  expect((await youngWomen.getByRole('cell').allInnerTexts()).map((s) => s.trim())).toEqual(['10', '6', '0']);

  // 4. Results: the phone question of version 2 by gender; the two men are "fewer than 5", never a number.
  await page.getByLabel(tr('surveys.results.question')).selectOption({ label: 'Телефонуңуз барбы?' });
  await page.getByRole('button', { name: tr('surveys.results.show') }).click();
  const table = page.locator('table.srv-results');
  await table.waitFor();
  const suppressed = tr('surveys.results.suppressed', { threshold: 5 });
  const headers = await table.locator('thead th').allInnerTexts();
  const men = headers.indexOf(tr('surveys.gender.MALE'));
  expect(men).toBeGreaterThan(0);
  const footer = await table.locator('tfoot tr').first().locator('td').allInnerTexts();
  expect(footer[men - 1]).toBe(suppressed);
  const counts = await table.locator('.srv-count').allInnerTexts();
  expect(counts.length).toBeGreaterThan(0);
  for (const c of counts) expect(Number(c) === 0 || Number(c) >= 5).toBe(true);
  expect(await table.getByText(suppressed).count()).toBeGreaterThan(0);
  expect(await a11yProblems(page)).toEqual([]);
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('surveys-organiser-04-results-ky.png'), fullPage: true });
  await table.screenshot({ path: artifact('surveys-organiser-04b-results-table-ky.png') });
  await progress.screenshot({ path: artifact('surveys-organiser-04c-quota-progress-ky.png') });

  // 5. An export in the chosen language, through the authorised fetch.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tr('surveys.results.export.csvLabels') }).click()]);
  expect(csv.suggestedFilename()).toBe(`survey-${w.surveyId}-ky-labels.csv`);
  await page.context().close();
});
