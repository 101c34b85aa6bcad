/**
 * Field surveys on the interviewer's phone (issue 14), 360×740 Chromium, in Kyrgyz:
 * - the interviewer opens the field screen from "my communities"; the assignment (form, quotas) is
 *   downloaded and kept; then the connection is cut (context.setOffline);
 * - consent first, then village × gender × age, then the questionnaire: skip logic opens the phone
 *   questions, a constraint's message in Kyrgyz is tied to its field, the matrix is a table; the answer
 *   set is queued on the phone (nothing reaches the server);
 * - a second respondent in the same cell (target 1) is refused offline: the cell counts what the phone holds;
 * - back online the queue sends itself, once: the server holds exactly one answer set, with the form
 *   version and the consent text; the same instance sent again is ALREADY_RECEIVED and still one row;
 * - a queued set whose instance id is stored with other answers is a CONFLICT, kept on the phone and said.
 * Screenshots in test-artifacts/e2e (surveys-field-*.png).
 */
import { Locale, translate } from '@ashar/i18n';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { PASSWORD, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { QUOTAS, SUBMIT, surveyWorld, SurveyWorld } from '../../libs/surveys/src/__tests__/support';
import { SV_SUBMIT_ANSWER_SET } from '../../apps/web/src/pages/surveys/surveys.operations';
import { a11yProblems, artifact, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>, locale: Locale = 'ky') => translate(locale, key, params);

const web = webOnApi('e2esrv');
let api: RunningApi;
let v: Village;
let w: SurveyWorld;

const answerSets = () => api.dataSource.query(`SELECT instance_id, form_version_id, village_id, gender, age_group, answers, consent_language, consent_text, over_quota FROM srv_answer_sets WHERE survey_id = $1`, [w.surveyId]);

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
  w = await surveyWorld(api, v.admin, platform, v.communityId, '41707220840000', 3);
  // One cell of the first village takes a single respondent: young women.
  const cells = ['FEMALE', 'MALE'].flatMap((gender) => ['16-29', '30-49', '50+'].map((ageGroup) => ({ villageId: w.villages[0], gender, ageGroup, target: gender === 'FEMALE' && ageGroup === '16-29' ? 1 : 3 })));
  ok(await gql(api.baseUrl, QUOTAS, { input: { surveyId: w.surveyId, cells } }, { token: v.admin.token }));
});

test('an interviewer fills a questionnaire in Kyrgyz with no connection; back online it syncs once', async () => {
  const page = await web.open(`${api.baseUrl}/me`, { login: w.interviewer.email, password: PASSWORD }, { ...PHONE, locale: 'ky-KG' });
  await page.getByRole('link', { name: tr('surveys.field.link') }).click();
  await page.getByRole('heading', { level: 1, name: tr('surveys.field.title') }).waitFor();
  await page.getByRole('heading', { name: 'Санарип' }).waitFor();
  await page.getByText(tr('surveys.field.downloadedAt', { time: '\u0000' }).split('\u0000')[0]).waitFor();
  expect(await a11yProblems(page)).toEqual([]);
  await page.screenshot({ path: artifact('surveys-field-01-assignments-ky.png'), fullPage: true });

  // 1. No connection from here on.
  await page.context().setOffline(true);
  await page.getByRole('button', { name: tr('surveys.field.start') }).click();
  await page.getByRole('heading', { name: tr('surveys.field.consentTitle') }).waitFor();
  expect(await page.getByLabel(tr('surveys.field.language')).inputValue()).toBe('ky');
  await page.getByText('Бул сурамжылоо жашыруун').waitFor();
  await page.screenshot({ path: artifact('surveys-field-02-consent-ky.png'), fullPage: true });
  await page.getByRole('button', { name: tr('surveys.field.agree'), exact: true }).click();

  const respondent = async (gender: 'FEMALE' | 'MALE', age: string) => {
    await page.getByRole('heading', { name: tr('surveys.field.respondentTitle') }).waitFor();
    await page.getByRole('radio', { name: tr(`surveys.gender.${gender}`) }).check();
    await page.getByLabel(tr('surveys.field.age')).fill(age);
    await page.getByRole('button', { name: tr('surveys.field.toQuestions') }).click();
  };
  await respondent('FEMALE', '22');

  // 2. The questionnaire: the phone questions appear only once "yes" is chosen (skip logic).
  const hours = page.getByLabel('Күнүнө интернетте канча саат отурасыз?');
  expect(await page.getByRole('radio', { name: 'Смартфон' }).count()).toBe(0);
  await page.getByRole('radio', { name: 'Ооба' }).check();
  await page.getByRole('radio', { name: 'Смартфон' }).check();
  await hours.fill('30');
  await page.getByRole('radio', { name: 'Билдирүү жөнөтүү: Өзүм' }).check();
  await page.getByRole('radio', { name: 'Телефон менен төлөө: Жардам менен' }).check();
  await page.getByRole('checkbox', { name: 'Окуу' }).check();
  await page.getByRole('button', { name: tr('surveys.field.finish') }).click();
  // The constraint and the required scale are judged on the phone, their messages tied to the fields.
  await page.getByText('0дөн 24кө чейинки сан жазыңыз').waitFor();
  expect(await hours.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await hours.getAttribute('aria-describedby'))!.split(' ');
  expect(await page.locator(`[id="${describedBy[0]}"]`).innerText()).toBe('0дөн 24кө чейинки сан жазыңыз');
  await page.getByText(tr('errors.surveys.required')).waitFor();
  await page.screenshot({ path: artifact('surveys-field-03-errors-ky.png'), fullPage: true });
  await hours.fill('3');
  await page.getByRole('radio', { name: '4', exact: true }).check();
  expect(await a11yProblems(page)).toEqual([]);
  await page.getByRole('button', { name: tr('surveys.field.finish') }).click();
  await page.getByRole('status').filter({ hasText: tr('surveys.field.queued') }).waitFor();
  await page.getByRole('status').filter({ hasText: tr('surveys.field.queueCounts', { pending: 1, sent: 0 }) }).waitFor();
  await page.screenshot({ path: artifact('surveys-field-04-queued-ky.png'), fullPage: true });
  expect(await answerSets()).toEqual([]);

  // 3. A second young woman in the same village: the cell (target 1) is full on this phone, offline.
  await page.getByRole('button', { name: tr('surveys.field.nextRespondent') }).click();
  await page.getByRole('button', { name: tr('surveys.field.agree'), exact: true }).click();
  await respondent('FEMALE', '25');
  await page.getByRole('alert').filter({ hasText: tr('surveys.field.cellFull', { done: 1, target: 1 }) }).waitFor();
  await page.screenshot({ path: artifact('surveys-field-05-cell-full-ky.png'), fullPage: true });
  // Another cell is open.
  await page.getByRole('radio', { name: tr('surveys.gender.MALE') }).check();
  await page.getByRole('button', { name: tr('surveys.field.toQuestions') }).click();
  await page.getByRole('radio', { name: 'Ооба' }).waitFor();
  expect(await answerSets()).toEqual([]);

  // 4. The connection returns: the queue sends itself, once.
  await page.context().setOffline(false);
  await page.getByRole('status').filter({ hasText: tr('surveys.field.queueCounts', { pending: 0, sent: 1 }) }).waitFor({ timeout: 60_000 });
  const stored = await answerSets();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ form_version_id: w.versionId, village_id: w.villages[0], gender: 'FEMALE', age_group: '16-29', consent_language: 'ky', over_quota: false });
  expect(stored[0].answers).toEqual({ has_phone: 'yes', phone_kind: 'smart', hours: 3, sk_msg: 'alone', sk_pay: 'help', uses: ['study'], trust: 4 });
  expect(stored[0].consent_text).toMatch(/^Бул сурамжылоо жашыруун/);
  await page.screenshot({ path: artifact('surveys-field-06-sent-ky.png'), fullPage: true });

  // The same instance sent again (an answer lost on the way back) is the same receipt and still one row.
  const [row] = await api.dataSource.query(`SELECT instance_id, started_at, completed_at FROM srv_answer_sets WHERE survey_id = $1`, [w.surveyId]);
  const again = await gql(api.baseUrl, SUBMIT, { input: { instanceId: row.instance_id, assignmentId: w.assignmentId, formVersionId: w.versionId, villageId: w.villages[0], gender: 'FEMALE', age: 22, ageGroup: '16-29', answers: stored[0].answers, consentGiven: true, consentLanguage: 'ky', startedAt: row.started_at.toISOString(), completedAt: row.completed_at.toISOString() } }, { token: w.interviewer.token });
  expect(ok(again).submitSurveyAnswerSet.status).toBe('ALREADY_RECEIVED');
  expect(await answerSets()).toHaveLength(1);

  // 5. A queued answer set whose instance id is stored with other answers: CONFLICT, kept on the phone and said.
  const input = { instanceId: row.instance_id, assignmentId: w.assignmentId, formVersionId: w.versionId, villageId: w.villages[0], gender: 'FEMALE', age: 22, ageGroup: '16-29', answers: { has_phone: 'no', trust: 1 }, consentGiven: true, consentLanguage: 'ky', startedAt: row.started_at.toISOString(), completedAt: row.completed_at.toISOString(), clientRequestId: row.instance_id };
  await page.evaluate(
    ([query, item]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ashar-offline', 1);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').put({ ...(item as object), query });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [SV_SUBMIT_ANSWER_SET as string, { id: row.instance_id, operation: 'SvSubmitAnswerSet', variables: { input }, createdAt: new Date().toISOString(), scope: w.interviewer.id, state: 'pending', attempts: 0, summary: { key: 'surveys.field.outboxItem', params: { village: 'Ак-Дөбө' } } }] as const,
  );
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByText(`${tr('surveys.field.conflict')} ${tr('errors.surveys.instanceConflict')}`).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: artifact('surveys-field-07-conflict-ky.png'), fullPage: true });
  expect(await answerSets()).toHaveLength(1);
  expect((await answerSets())[0].answers.trust).toBe(4);
  await page.context().close();
});
