/**
 * Municipality indicators on a phone (issue 14), 360×740 Chromium in Kyrgyz:
 * - set-up through GraphQL: Ak-Dobo's budget group (a member), and an observation of Oro by the platform admin;
 * - the member goes from Ak-Dobo's place page to its indicators page and records an observation in the form
 *   (website that opened, two e-services, Tunduk, an active Facebook account, a contact that answered);
 * - the page shows it as current and in the history; the raion comparison (Bakai-Ata) shows Ak-Dobo first
 *   with its score 6 of 13, Oro after it, the area's shares, and sorts by name;
 * - a resident who is not signed in sees the comparison and no entry form on Ak-Dobo's page.
 * The basic checks and axe (serious findings) on both pages. Screenshots in test-artifacts/e2e (mi-*.png).
 */
import { translate } from '@ashar/i18n';
import type { RunningApi } from '../support/api-harness';
import { gql, ok } from '../support/graphql-client';
import { PASSWORD, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>) => translate('ky', key, params);
const AK_DOBO = '41707220840000';
const ORO = '41707220843000';

const web = webOnApi('e2emi');
let api: RunningApi;
let v: Village;
let ids: { akDobo: string; oro: string; raion: string };

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, AK_DOBO, 'Ак-Дөбө');
  const unit = async (code: string) => ok(await gql(api.baseUrl, `query($c: String!) { territorialUnit(code: $c) { id parent { id } } }`, { c: code })).territorialUnit;
  const ak = await unit(AK_DOBO);
  ids = { akDobo: ak.id, oro: (await unit(ORO)).id, raion: ak.parent.id };
  ok(await gql(api.baseUrl, `mutation($input: RecordMunicipalityObservationInput!) { recordMunicipalityObservation(input: $input) { id } }`, { input: { unitId: ids.oro, observedOn: '2026-10-01', tunduk: 'IN_PROGRESS', eServices: ['CERTIFICATES'] } }, { token: platform.token }));
});

test('a budget-group member records an observation on a phone; the raion comparison shows it', async () => {
  const page = await web.open(`${api.baseUrl}/places/${AK_DOBO}`, { login: v.a.email, password: PASSWORD }, PHONE);
  await page.getByRole('link', { name: tr('municipal.web.unitLink.indicators'), exact: true }).click();
  await page.getByRole('heading', { level: 2, name: tr('municipal.web.form.title') }).waitFor();
  expect(await page.getByText(tr('municipal.web.notObserved'), { exact: true }).count()).toBe(1);

  const form = page.getByRole('form', { name: tr('municipal.web.form.title') });
  await form.getByLabel(tr('municipal.export.observedOn'), { exact: true }).fill('20.11.2026');
  await form.getByLabel(tr('municipal.web.form.websiteUrl'), { exact: true }).fill('https://ak-dobo.example.kg');
  await form.getByLabel(tr('municipal.export.websiteAnswered'), { exact: true }).selectOption('yes');
  await form.getByLabel(tr('municipal.eservice.CERTIFICATES'), { exact: true }).check();
  await form.getByLabel(tr('municipal.eservice.CITIZEN_APPEALS'), { exact: true }).check();
  await form.getByLabel(tr('municipal.web.form.tunduk'), { exact: true }).selectOption('YES');
  await form.getByLabel(tr('municipal.web.form.platform'), { exact: true }).selectOption('FACEBOOK');
  await form.getByLabel(tr('municipal.web.form.socialUrl'), { exact: true }).fill('https://facebook.com/akdobo.ao');
  await form.getByLabel(tr('municipal.web.form.posts30'), { exact: true }).fill('4');
  await form.getByLabel(tr('municipal.export.contactPhone'), { exact: true }).fill('+996 3422 5 12 34');
  await form.getByLabel(tr('municipal.web.form.contactAnswered'), { exact: true }).selectOption('yes');
  // A wrong address first: the server's field error lands on the field.
  await form.getByLabel(tr('municipal.web.form.websiteUrl'), { exact: true }).fill('ak-dobo.kg');
  await form.getByRole('button', { name: tr('municipal.web.form.submit') }).click();
  await form.getByText(tr('errors.municipal.url')).waitFor();
  await form.getByLabel(tr('municipal.web.form.websiteUrl'), { exact: true }).fill('https://ak-dobo.example.kg');
  await form.getByRole('button', { name: tr('municipal.web.form.submit') }).click();
  await page.getByRole('status').filter({ hasText: tr('municipal.web.form.saved') }).waitFor();
  await page.locator('.mi-history li[data-observed="2026-11-20"]').waitFor();
  const current = await page.locator('section[aria-labelledby="mi-current"]').innerText();
  expect(current).toContain(tr('municipal.web.scoreOf', { score: 6, max: 13 }));
  expect(current).toContain('https://ak-dobo.example.kg');
  expect(current).toContain(tr('municipal.eservice.CITIZEN_APPEALS'));
  expect(await a11yProblems(page)).toEqual([]);
  expect(await axeSeriousViolations(page)).toEqual([]);
  await page.screenshot({ path: artifact('mi-01-member-records-ky.png'), fullPage: true });
  const rows = await api.dataSource.query(`SELECT observed_on::text AS d, e_services, tunduk, source, recorded_by FROM municipality_observations WHERE unit_id = $1`, [ids.akDobo]);
  expect(rows).toEqual([{ d: '2026-11-20', e_services: ['CERTIFICATES', 'CITIZEN_APPEALS'], tunduk: 'YES', source: 'MANUAL', recorded_by: v.a.id }]);

  // The raion: Ak-Dobo first (6), Oro next (1), the rest not checked; totals over the two checked.
  await page.getByRole('link', { name: tr('municipal.web.compareIn', { area: 'Бакай-Ата району' }), exact: true }).click();
  await page.getByRole('table').waitFor();
  const body = page.locator('.mi-table tbody tr');
  expect(await body.count()).toBe(9);
  expect(await body.nth(0).getAttribute('data-code')).toBe(AK_DOBO);
  expect(await body.nth(0).innerText()).toContain(tr('municipal.web.scoreOf', { score: 6, max: 13 }));
  expect(await body.nth(1).getAttribute('data-code')).toBe(ORO);
  expect(await page.getByTestId('mi-coverage').innerText()).toBe(tr('municipal.web.totals.coverage', { observed: 2, total: 9 }));
  expect(await page.getByRole('link', { name: tr('municipal.web.files.csv'), exact: true }).getAttribute('href')).toBe(`/api/public/municipal-indicators/${ids.raion}.csv?lang=ky`);
  expect(await a11yProblems(page)).toEqual([]);
  expect(await axeSeriousViolations(page)).toEqual([]);
  await page.screenshot({ path: artifact('mi-02-raion-comparison-ky.png'), fullPage: true });
  const names = () => page.locator('.mi-table tbody th a').allInnerTexts();
  const byScore = await names();
  await page.getByRole('button', { name: tr('municipal.web.sort.name') }).click();
  expect(await page.getByRole('button', { name: tr('municipal.web.sort.name') }).getAttribute('aria-pressed')).toBe('true');
  const byName = await names();
  expect(byName).toEqual([...byScore].sort((a, b) => a.localeCompare(b, 'ky')));
  expect(byName).not.toEqual(byScore);
  expect(await page.locator('.mi-table thead th[aria-sort="ascending"]').count()).toBe(1);
  await page.screenshot({ path: artifact('mi-03-raion-by-name-ky.png'), fullPage: true });

  // A resident not signed in: the same comparison, and no entry form on Ak-Dobo's page.
  const resident = await web.open(`${api.baseUrl}/municipalities/${ids.akDobo}`, undefined, PHONE);
  await resident.getByRole('heading', { level: 2, name: tr('municipal.web.history.title') }).waitFor();
  expect(await resident.getByRole('form', { name: tr('municipal.web.form.title') }).count()).toBe(0);
  expect(await resident.locator('.mi-history li').count()).toBe(1);
});
