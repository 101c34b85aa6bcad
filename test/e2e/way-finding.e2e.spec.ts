/**
 * Way-finding on a 360-px phone (issue 9): a newcomer reaches a published budget from the home page by
 * tapping only (the search text is typed, not tapped), in at most 4 taps; a village shows the community of
 * its aiyl okrug; "sign in to comment" comes back to the budget; a Russian browser gets Russian on the
 * first visit (a saved choice still wins); the short address, the not-found page, sharing, print and the
 * download links. Also prints the public page's LCP on slow 4G with 4× CPU (bench/web/lcp.ts; not a
 * pass/fail figure) and checks the first screen's JS stays within 150 KB gzipped. Screenshots in
 * test-artifacts/e2e.
 */
import { Locale, translate } from '@ashar/i18n';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { measureLcp } from '../../bench/web/lcp';
import { gql, ok } from '../support/graphql-client';
import { RunningApi, startApi } from '../support/api-harness';
import { ensureTemplateDatabase } from '../support/template-database';
import { PASSWORD, person, Person, platformAdmin, publishedBudget, RECORD, village, Village } from '../../libs/budgets/src/__tests__/support';
import { ROOT, a11yProblems, artifact, ensureWebBuild, launchBrowser } from './browser.support';

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const FIRST_SCREEN_JS_GZIP = 150 * 1024;
const AIMAK = '41707220840000'; // Ak-Debe aiyl aimak (Talas, Bakai-Ata)
const VILLAGE = '41707220840020'; // Kyzyl-Sai village, in that aiyl aimak
const VILLAGE_NAME = 'Кызыл-Сай';
const COMMUNITY_NAME = 'Ак-Дөбө бюджеттик тобу';
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);

let api: RunningApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let v: Village;
let citizen: Person;
let budgetId: string;
let shortPath: string;

beforeAll(async () => {
  ensureWebBuild();
  if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
  api = await startApi({ label: 'e2ewayfind', env: { WEB_DIST: join(ROOT, 'dist/apps/web') } });
  ({ browser, close: closeBrowser } = await launchBrowser());
  const platform = await platformAdmin(api);
  v = await village(api, platform, AIMAK, COMMUNITY_NAME);
  citizen = await person(api, 'Newcomer');
  const published = await publishedBudget(api, v, 2026, [
    { direction: 'REVENUE', economicCode: '13111', amount: '3037000' },
    { direction: 'REVENUE', economicCode: '11111', amount: '1561600' },
    { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2500000' },
    { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '450000' },
  ]);
  budgetId = published.budgetId;
  ok(await gql(api.baseUrl, RECORD, { input: { budgetId, lineKey: published.keys['2231'], occurredOn: '2026-02-10', amount: '120000', counterparty: 'Электр' } }, { token: v.a.token }));
  ok(await gql(api.baseUrl, RECORD, { input: { budgetId, lineKey: published.keys['2111'], occurredOn: '2026-03-05', amount: '200000', counterparty: 'Айлык' } }, { token: v.a.token }));
  shortPath = ok(await gql(api.baseUrl, `query($id: ID!) { budget(id: $id) { publicPath } }`, { id: budgetId })).budget.publicPath;
});

afterAll(async () => {
  await closeBrowser?.();
  await api?.stop();
});

async function phone(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, ...options });
  return context.newPage();
}

const h1 = (page: Page) => page.locator('h1').first();

test('a newcomer taps from the home page to a published budget via search in at most 4 taps', async () => {
  const page = await phone();
  let taps = 0;
  const tap = async (locator: ReturnType<Page['locator']>) => {
    await locator.tap();
    taps++;
  };
  await page.goto(`${api.baseUrl}/`, { waitUntil: 'networkidle' });
  await page.screenshot({ path: artifact('wayfind-01-home.png') });

  await tap(page.getByRole('link', { name: tr('ky', 'home.findVillage') }).first());
  await page.getByLabel(tr('ky', 'places.search.label')).fill(VILLAGE_NAME); // typed, not a tap
  const result = page.locator(`a[href="/places/${VILLAGE}"]`);
  await result.waitFor();
  await page.screenshot({ path: artifact('wayfind-02-search.png') });
  await tap(result);

  await h1(page).filter({ hasText: VILLAGE_NAME }).waitFor();
  const budgetLink = page.getByRole('link', { name: new RegExp(tr('ky', 'wayfinding.budgetOfYear', { year: 2026 })) });
  await budgetLink.waitFor();
  await page.screenshot({ path: artifact('wayfind-03-village.png'), fullPage: true });
  await tap(budgetLink);

  await page.waitForURL((u) => u.pathname === shortPath);
  await h1(page).filter({ hasText: '2026-жылдын бюджети' }).waitFor();
  await page.getByRole('heading', { name: tr('ky', 'budgets.public.whereGoes') }).waitFor();
  await page.screenshot({ path: artifact('wayfind-04-budget.png'), fullPage: true });
  console.log(`taps from the home page to the published budget: ${taps}`);
  expect(taps).toBeLessThanOrEqual(4);
  expect(await a11yProblems(page)).toEqual([]);
  await page.context().close();
});

test('a village page shows the community of its aiyl okrug, and a non-member sees its public side and how to join', async () => {
  const page = await phone();
  await page.goto(`${api.baseUrl}/places/${VILLAGE}`, { waitUntil: 'networkidle' });
  const main = page.getByRole('main');
  await main.getByRole('link', { name: new RegExp(COMMUNITY_NAME) }).first().waitFor();
  expect(await main.innerText()).not.toContain(tr('ky', 'unit.noCommunities'));
  expect(await main.innerText()).toContain(tr('ky', 'wayfinding.belongsTo', { place: 'Ак-Дөбө айыл аймагы', level: tr('ky', 'unitLevel.AIMAK') }));
  expect(await a11yProblems(page)).toEqual([]);

  await main.getByRole('link', { name: new RegExp(COMMUNITY_NAME) }).first().tap();
  await h1(page).filter({ hasText: COMMUNITY_NAME }).waitFor();
  await page.getByRole('heading', { name: tr('ky', 'community.join.title') }).waitFor();
  // The community's budgets are a query of their own: under load they can arrive after the join section.
  await main.getByText(tr('ky', 'wayfinding.budgetOfYear', { year: 2026 })).first().waitFor();
  const text = await main.innerText();
  expect(text).toContain(tr('ky', 'communityKind.BUDGET_GROUP'));
  expect(text).toContain(tr('ky', 'community.join.askAdmin'));
  expect(text).toContain(tr('ky', 'wayfinding.budgetOfYear', { year: 2026 }));
  // A stranger sees no draft link; the sign-up link comes back here.
  expect(await main.locator('a[href$="/edit"]').count()).toBe(0);
  const signUp = await main.getByRole('link', { name: tr('ky', 'nav.signUp') }).getAttribute('href');
  expect(signUp).toBe(`/signup?next=${encodeURIComponent(`/communities/${v.communityId}`)}`);
  await page.screenshot({ path: artifact('wayfind-05-community-public.png'), fullPage: true });
  expect(await a11yProblems(page)).toEqual([]);
  await page.context().close();
});

test('"sign in to comment" returns to the budget after logging in', async () => {
  const page = await phone();
  await page.goto(`${api.baseUrl}${shortPath}`, { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: tr('ky', 'budgets.comments.signIn') }).tap();
  await page.waitForURL((u) => u.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('next')).toBe(shortPath);
  await page.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(citizen.email);
  await page.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: tr('ky', 'auth.logIn.submit') }).tap();
  await page.waitForURL((u) => u.pathname === shortPath);
  await page.getByLabel(tr('ky', 'budgets.comments.field')).waitFor();
  await page.screenshot({ path: artifact('wayfind-06-back-to-comment.png') });
  await page.context().close();
});

test('a budget-group member reloading the short address still gets the group view (the early anonymous fetch is replaced)', async () => {
  const page = await phone();
  await page.goto(`${api.baseUrl}/login?next=${encodeURIComponent(shortPath)}`, { waitUntil: 'networkidle' });
  await page.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(v.a.email);
  await page.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: tr('ky', 'auth.logIn.submit') }).tap();
  await page.waitForURL((u) => u.pathname === shortPath);
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByRole('link', { name: tr('ky', 'budgets.public.openEditor') }).waitFor();
  // The community page lists the draft for the group only (none here: 2026 is published, no open version).
  await page.goto(`${api.baseUrl}/me`, { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: new RegExp(tr('ky', 'wayfinding.budgetOfYear', { year: 2026 })) }).first().waitFor();
  await page.screenshot({ path: artifact('wayfind-12-my-communities.png'), fullPage: true });
  expect(await a11yProblems(page)).toEqual([]);
  await page.context().close();
});

test('the first visit follows a Russian browser; a saved choice still wins', async () => {
  const ru = await phone({ locale: 'ru-RU' });
  await ru.goto(`${api.baseUrl}/`, { waitUntil: 'networkidle' });
  await h1(ru).filter({ hasText: tr('ru', 'home.title') }).waitFor();
  expect(await ru.evaluate(() => document.documentElement.lang)).toBe('ru');
  await ru.screenshot({ path: artifact('wayfind-07-first-visit-ru.png') });
  await ru.context().close();

  const saved = await phone({ locale: 'ru-RU' });
  await saved.addInitScript(() => localStorage.setItem('ashar.locale', 'kk'));
  await saved.goto(`${api.baseUrl}/`, { waitUntil: 'networkidle' });
  await h1(saved).filter({ hasText: tr('kk', 'home.title') }).waitFor();
  expect(await saved.evaluate(() => document.documentElement.lang)).toBe('kk');
  await saved.context().close();
});

test('the public page: short address, legends and text alternatives, share, 44-px downloads, one printed A4 page; not-found has a heading and no retry', async () => {
  const context = await browser.newContext(PHONE);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.baseUrl });
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}${shortPath}`, { waitUntil: 'networkidle' });
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: tr('ky', 'budgets.chart.monthlyTitle') }).waitFor();
  const text = await main.innerText();
  for (const key of ['budgets.chart.planned', 'budgets.chart.spent', 'budgets.chart.received', 'budgets.chart.plannedMonthly']) expect(text).toContain(tr('ky', key));
  // The chart is an image with a name and a description; the figures are in a table too.
  const svg = main.locator('svg[role="img"]');
  expect(await svg.getAttribute('aria-labelledby')).toBe('monthly-chart-heading');
  expect(await main.locator('#monthly-chart-desc').innerText()).toContain('320\u00a0000');
  await main.getByText(tr('ky', 'budgets.chart.showTable')).tap();
  const march = main.locator('.chart-table tbody tr').nth(2);
  expect((await march.innerText()).replace(/\u00a0/g, ' ')).toContain('200 000');
  // Planned and spent differ by pattern and outline, not only by colour.
  const look = await page.evaluate(() => {
    const plan = getComputedStyle(document.querySelector('.bars__plan')!);
    const done = getComputedStyle(document.querySelector('.bars__actual')!);
    return { planImage: plan.backgroundImage, planBorder: plan.borderTopWidth, doneImage: done.backgroundImage };
  });
  expect(look.planImage).toContain('repeating-linear-gradient');
  expect(look.planBorder).not.toBe('0px');
  expect(look.doneImage).toBe('none');

  // Downloads: one per line, at least 44 px tall.
  const heights = await main.locator('.downloads a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
  expect(heights).toHaveLength(5);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
  // The CSV for Excel sits beside the standard one, labelled from the catalogue; it and the XLSX name the page's language.
  const excelCsv = main.getByRole('link', { name: tr('ky', 'budgets.format.csvExcel') });
  expect(await excelCsv.getAttribute('href')).toMatch(/\/budget-excel\.csv\?lang=ky$/);
  expect(await main.getByRole('link', { name: tr('ky', 'budgets.format.xlsx') }).getAttribute('href')).toMatch(/\/budget\.xlsx\?lang=ky$/);

  // Share: no share sheet in a desktop Chromium, so the link is copied and the page says so.
  await main.getByRole('button', { name: tr('ky', 'budgets.share.copyLink') }).tap();
  await main.getByRole('status').filter({ hasText: tr('ky', 'budgets.share.copied') }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${api.baseUrl}${shortPath}`);
  await page.screenshot({ path: artifact('wayfind-08-public-charts.png'), fullPage: true });
  expect(await a11yProblems(page)).toEqual([]);

  // Print: one A4 page, bars keep their fills.
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.bars__actual')!).printColorAdjust)).toBe('exact');
  expect(await page.locator('.site-header').isVisible()).toBe(false);
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  writeFileSync(artifact('wayfind-09-print.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`printed public budget: ${pages} A4 page(s)`);
  expect(pages).toBe(1);
  await page.screenshot({ path: artifact('wayfind-10-print-media.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // From the budget, one tap to its community (who keeps it, how to join).
  expect(await main.getByRole('link', { name: tr('ky', 'wayfinding.aboutCommunity') }).getAttribute('href')).toBe(`/communities/${v.communityId}`);

  // An unknown address: a heading, ways on, no pointless "retry".
  await page.goto(`${api.baseUrl}/b/no-such-village/2026`, { waitUntil: 'networkidle' });
  await h1(page).filter({ hasText: tr('ky', 'budgets.notFound.title') }).waitFor();
  expect(await page.getByRole('button', { name: tr('ky', 'status.retry') }).count()).toBe(0);
  await page.screenshot({ path: artifact('wayfind-11-not-found.png') });
  expect(await a11yProblems(page)).toEqual([]);
  await context.close();
});

test('the public page arrives rendered by the server: readable before (and without) the app code, in the chosen language; the app then takes over', async () => {
  // The first bytes a phone gets already hold the page, in the browser's language...
  const res = await fetch(`${api.baseUrl}${shortPath}`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
  expect(res.headers.get('x-ashar-server-page')).toBe('1');
  const html = await res.text();
  expect(html).toContain('<html lang="ru">');
  const serverPage = html.slice(html.indexOf('<div id="ashar-server-page">'), html.indexOf('<div id="root" hidden>'));
  expect(serverPage).toContain('<h1 tabindex="-1">Бюджет на 2026 год</h1>');
  expect(serverPage).toContain(tr('ru', 'budgets.public.whereGoes'));
  expect(serverPage).toContain(tr('ru', 'budgets.public.revenue'));
  // ...or in the one chosen on this device (its cookie), which wins, as in the app.
  const kk = await (await fetch(`${api.baseUrl}${shortPath}`, { headers: { 'accept-language': 'ru', cookie: 'ashar_locale=kk' } })).text();
  expect(kk).toContain('<html lang="kk">');
  expect(kk).toContain(tr('kk', 'budgets.public.whereGoes'));
  // Other addresses get the plain shell (the service worker may keep that one for offline use).
  const places = await fetch(`${api.baseUrl}/places`);
  expect(places.headers.get('x-ashar-server-page')).toBeNull();
  expect(await places.text()).not.toContain('ashar-server-page');

  // Without JavaScript at all the budget can still be read.
  const noJs = await phone({ javaScriptEnabled: false });
  await noJs.goto(`${api.baseUrl}${shortPath}`, { waitUntil: 'load' });
  expect(await h1(noJs).innerText()).toBe('2026-жылдын бюджети');
  expect(await noJs.getByRole('heading', { name: tr('ky', 'budgets.public.whereGoes') }).isVisible()).toBe(true);
  await noJs.screenshot({ path: artifact('wayfind-12-server-page-no-js.png'), fullPage: true });
  await noJs.context().close();

  // With it, the app's page replaces the server's: one heading, one main, the bars drawn, nothing hidden left.
  const page = await phone();
  await page.goto(`${api.baseUrl}${shortPath}`, { waitUntil: 'networkidle' });
  await page.locator('#ashar-server-page').waitFor({ state: 'detached' });
  expect(await page.locator('#root').getAttribute('hidden')).toBeNull();
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.locator('main').count()).toBe(1);
  expect(await page.locator('.bars__track').first().evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
  expect(await a11yProblems(page)).toEqual([]);
  await page.context().close();
});

test('a search result tapped right after searching is where the app goes, also while the next page is still loading', async () => {
  // The foundation spec once stayed on the results after such a tap in CI (cause not found): the next page's
  // code held back 800 ms so the typing pause ends while it loads.
  const page = await phone({ serviceWorkers: 'block' });
  await page.route(/\/assets\/unit\.page-[^/]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.goto(`${api.baseUrl}/places`, { waitUntil: 'networkidle' });
  await page.getByLabel(tr('ky', 'places.search.label')).fill(VILLAGE_NAME);
  await page.getByRole('button', { name: tr('ky', 'places.search.submit') }).click();
  const result = page.locator(`a[href="/places/${VILLAGE}"]`);
  await result.waitFor();
  await result.click();
  await page.waitForTimeout(1500);
  expect(new URL(page.url()).pathname).toBe(`/places/${VILLAGE}`);
  await h1(page).filter({ hasText: VILLAGE_NAME }).waitFor({ timeout: 10_000 });
  await page.context().close();
});

test('first-screen JS stays within 150 KB gzipped; the public page LCP on slow 4G with 4x CPU is printed', async () => {
  const page = await phone();
  const sizes: number[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    sizes.push(gzipSync(await response.body().catch(() => Buffer.alloc(0))).length);
  });
  await page.goto(`${api.baseUrl}/`, { waitUntil: 'networkidle' });
  const js = sizes.reduce((a, b) => a + b, 0);
  console.log(`first-screen JS: ${(js / 1024).toFixed(1)} KB gzipped in ${sizes.length} files`);
  expect(js).toBeLessThanOrEqual(FIRST_SCREEN_JS_GZIP);
  await page.context().close();

  // Noisy on 2 shared cores: printed, not asserted (bench/web/lcp.ts takes the median of several runs).
  const lcp = await measureLcp(browser, `${api.baseUrl}/budgets/${budgetId}`);
  console.log(`public budget page LCP (slow 4G, 4x CPU, cold): ${lcp.toFixed(0)} ms (target 2500 ms)`);
  expect(lcp).toBeGreaterThan(0);
});
