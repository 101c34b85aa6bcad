/**
 * The organiser writes a grant call on a phone (issue 13), 360×740 Chromium in Kyrgyz:
 * - a village community's admin opens "announce a new call" from the list of calls, writes the title in
 *   Kyrgyz and (switching the texts' language) in Russian, the cap in som, two directions, two criteria
 *   with weights and scales, a concept stage whose form has a text, a file (PDF or JPEG) and a budget table;
 * - the server refuses a scale whose top is not above its bottom: the message stands at that criterion's
 *   box, nothing is stored; corrected, the draft is saved and the editor reopens on it;
 * - a second stage whose deadline is before the first is refused at its deadline; corrected and saved;
 * - the call is opened from the editor: its page shows the deadlines in the call's zone, named, and the
 *   stored definition is what was typed (cap in minor units, the form fields and their settings).
 * Basic checks and axe (serious findings) on the editor. Screenshots in test-artifacts/e2e (cmp-ed-*.png).
 */
import { translate } from '@ashar/i18n';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { PASSWORD, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>) => translate('ky', key, params);
const inKy = (label: string) => tr('competitions.web.editor.inLanguage', { label: tr(label), language: tr('competitions.web.language.ky') });
const inRu = (label: string) => tr('competitions.web.editor.inLanguage', { label: tr(label), language: tr('competitions.web.language.ru') });

const web = webOnApi('e2ecmped');
let api: RunningApi;
let v: Village;

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
});

test('an organiser writes a call with directions, weighted criteria, stages and a form with a file and a budget table, is refused at the right box, and opens it', async () => {
  const page = await web.open(`${api.baseUrl}/competitions`, { login: v.admin.email, password: PASSWORD }, PHONE);
  await page.getByRole('link', { name: tr('competitions.web.calls.new') }).click();
  await page.getByRole('heading', { level: 1, name: tr('competitions.web.editor.newTitle') }).waitFor();
  const group = (legend: string) => page.getByRole('group', { name: legend, exact: true });
  const label = (scope: ReturnType<typeof group> | typeof page, name: string) => scope.getByLabel(name, { exact: true });

  // The main terms, in Kyrgyz, then the title in Russian too.
  await label(page, inKy('competitions.web.editor.callTitle')).fill('Жаштардын демилгелерине гранттар');
  await label(page, inKy('competitions.web.editor.summary')).fill('Айылдык жаштардын долбоорлоруна колдоо.');
  await label(page, tr('competitions.web.editor.editLanguage')).selectOption('ru');
  await label(page, inRu('competitions.web.editor.callTitle')).fill('Гранты на молодёжные инициативы');
  await label(page, tr('competitions.web.editor.editLanguage')).selectOption('ky');
  expect(await label(page, inKy('competitions.web.editor.callTitle')).inputValue()).toBe('Жаштардын демилгелерине гранттар');
  await label(page, tr('competitions.web.editor.cap', { currency: tr('competitions.web.currency.KGS') })).fill('500 000');
  await label(page, tr('competitions.web.editor.months')).fill('10');

  // Two directions.
  await label(group(tr('competitions.web.editor.direction', { n: 1 })), inKy('competitions.web.editor.directionName')).fill('Жаштар');
  await page.getByRole('button', { name: tr('competitions.web.editor.addDirection') }).click();
  await label(group(tr('competitions.web.editor.direction', { n: 2 })), inKy('competitions.web.editor.directionName')).fill('Экология');

  // Two criteria; the second with a scale whose top is not above its bottom (the server's to refuse).
  const c1 = group(tr('competitions.web.editor.criterion', { n: 1 }));
  await label(c1, inKy('competitions.web.editor.criterionName')).fill('Актуалдуулук');
  await label(c1, tr('competitions.web.editor.weight')).fill('3');
  await page.getByRole('button', { name: tr('competitions.web.editor.addCriterion') }).click();
  const c2 = group(tr('competitions.web.editor.criterion', { n: 2 }));
  await label(c2, inKy('competitions.web.editor.criterionName')).fill('Бюджет');
  await label(c2, tr('competitions.web.editor.weight')).fill('1');
  await label(c2, tr('competitions.web.editor.scaleMin')).fill('5');
  await label(c2, tr('competitions.web.editor.scaleMax')).fill('5');

  // Stage 1: its deadline in Bishkek time; a text, a file (PDF or JPEG) and a budget table.
  const s1 = group(tr('competitions.web.editor.stage', { n: 1 }));
  await label(s1, inKy('competitions.web.editor.stageName')).fill('Концепция');
  await label(s1, tr('competitions.web.editor.deadline')).fill('2027-03-01T18:00');
  const f = (n: number) => group(tr('competitions.web.editor.field', { n }));
  await label(f(1), inKy('competitions.web.editor.fieldLabel')).fill('Долбоордун концепциясы');
  await label(f(1), tr('competitions.web.editor.minLength')).fill('20');
  await s1.getByRole('button', { name: tr('competitions.web.editor.addField') }).click();
  await label(f(2), inKy('competitions.web.editor.fieldLabel')).fill('Колдоо каты');
  await label(f(2), tr('competitions.web.editor.fieldType')).selectOption('FILE');
  expect(await label(f(2), tr('competitions.web.editor.fileType.pdf')).isChecked()).toBe(true);
  await label(f(2), tr('competitions.web.editor.fileType.jpeg')).check();
  await s1.getByRole('button', { name: tr('competitions.web.editor.addField') }).click();
  await label(f(3), inKy('competitions.web.editor.fieldLabel')).fill('Бюджет');
  await label(f(3), tr('competitions.web.editor.fieldType')).selectOption('BUDGET');
  await label(f(3), tr('competitions.web.editor.maxLines')).fill('10');
  expect(await a11yProblems(page)).toEqual([]);
  expect(await axeSeriousViolations(page)).toEqual([]);
  await page.screenshot({ path: artifact('cmp-ed-01-new-call-ky.png'), fullPage: true });

  // Refused at the second criterion's top of scale; nothing stored.
  await page.getByRole('button', { name: tr('competitions.web.editor.create') }).click();
  await c2.getByText(tr('errors.competitions.scaleMaxBelowMin'), { exact: true }).waitFor();
  expect(await label(c2, tr('competitions.web.editor.scaleMax')).getAttribute('aria-invalid')).toBe('true');
  expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM cmp_calls`)).toEqual([{ n: 0 }]);
  await c2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('cmp-ed-02-refused-at-criterion-ky.png') });

  // Corrected: the draft is saved, the editor reopens on it.
  await label(c2, tr('competitions.web.editor.scaleMin')).fill('0');
  await page.getByRole('button', { name: tr('competitions.web.editor.create') }).click();
  await page.getByRole('heading', { level: 1, name: tr('competitions.web.editor.editTitle') }).waitFor();
  const callId = new URL(page.url()).pathname.split('/')[2];
  expect(await label(page, inKy('competitions.web.editor.callTitle')).inputValue()).toBe('Жаштардын демилгелерине гранттар');

  // A second stage that ends before the first: refused at its deadline.
  await page.getByRole('button', { name: tr('competitions.web.editor.addStage') }).click();
  const s2 = group(tr('competitions.web.editor.stage', { n: 2 }));
  await label(s2, inKy('competitions.web.editor.stageName')).fill('Толук өтүнмө');
  await label(s2, tr('competitions.web.editor.deadline')).fill('2027-02-01T18:00');
  await s2.getByRole('button', { name: tr('competitions.web.editor.addField') }).click();
  await label(s2.getByRole('group', { name: tr('competitions.web.editor.field', { n: 1 }), exact: true }), inKy('competitions.web.editor.fieldLabel')).fill('Толук иш планы');
  await page.getByRole('button', { name: tr('competitions.web.editor.save') }).click();
  await s2.getByText(tr('errors.competitions.deadlinesInOrder'), { exact: true }).waitFor();
  await label(s2, tr('competitions.web.editor.deadline')).fill('2027-05-01T18:00');
  await page.getByRole('button', { name: tr('competitions.web.editor.save') }).click();
  await page.getByText(tr('competitions.web.editor.saved'), { exact: true }).waitFor();

  // What was typed is what is stored: the cap in tyiyn, the forms with their settings, both languages.
  const stored = ok(await gql(api.baseUrl, `query($id: ID!) { competitionCall(id: $id) { status title { ky ru } currency grantCap maxDurationMonths timeZone directions { name { ky } } criteria { name { ky } weight min max } stages { deadlineLocal form } } }`, { id: callId }, { token: v.admin.token })).competitionCall;
  expect(stored).toMatchObject({ status: 'DRAFT', title: { ky: 'Жаштардын демилгелерине гранттар', ru: 'Гранты на молодёжные инициативы' }, currency: 'KGS', grantCap: '50000000', maxDurationMonths: 10, timeZone: 'Asia/Bishkek' });
  expect(stored.directions.map((d: { name: { ky: string } }) => d.name.ky)).toEqual(['Жаштар', 'Экология']);
  expect(stored.criteria).toEqual([
    { name: { ky: 'Актуалдуулук' }, weight: 3, min: 0, max: 10 },
    { name: { ky: 'Бюджет' }, weight: 1, min: 0, max: 5 },
  ]);
  const fields = JSON.parse(stored.stages[0].form).fields;
  expect(fields.map((x: { type: string }) => x.type)).toEqual(['TEXT', 'FILE', 'BUDGET']);
  expect(fields[0]).toMatchObject({ label: { ky: 'Долбоордун концепциясы' }, minLength: 20, required: true });
  expect(fields[1].allowedTypes).toEqual(['application/pdf', 'image/jpeg']);
  expect(fields[2].maxLines).toBe(10);

  // Opened from the editor: the call's page, deadlines in the call's zone, named.
  await page.getByRole('button', { name: tr('competitions.web.editor.open') }).click();
  await page.getByRole('heading', { level: 1, name: 'Жаштардын демилгелерине гранттар' }).waitFor();
  const text = (await page.locator('main').innerText()).replace(/\u00a0/g, ' ');
  expect(text).toContain(tr('competitions.web.call.deadline', { deadline: '2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)' }));
  expect(text).toContain(tr('competitions.web.call.deadline', { deadline: '2027-05-01 18:00 (Asia/Bishkek, UTC+06:00)' }));
  expect(text).toContain('Актуалдуулук');
  await page.screenshot({ path: artifact('cmp-ed-03-opened-ky.png'), fullPage: true });
  // Open now: the editor no longer edits it.
  await page.goto(`${api.baseUrl}/competitions/${callId}/edit`, { waitUntil: 'networkidle' });
  await page.getByText(tr('competitions.web.editor.notDraft'), { exact: true }).waitFor();
});
