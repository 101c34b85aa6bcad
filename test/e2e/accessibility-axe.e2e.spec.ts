/**
 * axe-core on every page of the web, on a 360-px phone, as the people who use each page see it (a
 * visitor, a resident, a budget-group member), in Kyrgyz, Russian and Kazakh: no serious or critical
 * violation. Pages added to the web are added to PAGES. The findings are written to
 * test-artifacts/e2e/axe.json.
 */
import { Locale } from '@ashar/i18n';
import { writeFileSync } from 'node:fs';
import { BrowserContextOptions } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import { PASSWORD, platformAdmin, publishedBudget, RECORD, village, Village } from '../../libs/budgets/src/__tests__/support';
import { artifact, AxeViolation, axeSeriousViolations, webOnApi } from './browser.support';

const web = webOnApi('e2eaxe');
const AIMAK = '41707220840000';
const VILLAGE = '41707220840020';
const LOCALES: Locale[] = ['ky', 'ru', 'kk'];

let v: Village;
let budgetId: string;
let draftBudgetId: string;

beforeAll(async () => {
  const platform = await platformAdmin(web.api);
  v = await village(web.api, platform, AIMAK, 'Ак-Дөбө');
  const b = await publishedBudget(web.api, v, 2026, [
    { direction: 'REVENUE', economicCode: '13111', amount: '3037000' },
    { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2500000' },
  ]);
  budgetId = b.budgetId;
  ok(await gql(web.api.baseUrl, RECORD, { input: { budgetId, lineKey: b.keys['2111'], occurredOn: '2026-02-10', amount: '120000', counterparty: 'Электр' } }, { token: v.a.token }));
  draftBudgetId = ok(await gql(web.api.baseUrl, `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id } }`, { input: { communityId: v.communityId, fiscalYear: 2027, currency: 'KGS', population: 4200, title: { ky: 'Долбоор' }, copyFromPreviousYear: false } }, { token: v.a.token })).createBudget.id;
}, 120_000);

type Who = 'visitor' | 'citizen' | 'member';
const PAGES: Array<{ name: string; who: Who; path: () => string }> = [
  { name: 'home', who: 'visitor', path: () => '/' },
  { name: 'login', who: 'visitor', path: () => '/login' },
  { name: 'sign-up', who: 'visitor', path: () => '/signup' },
  { name: 'places', who: 'visitor', path: () => '/places' },
  { name: 'aiyl okrug', who: 'visitor', path: () => `/places/${AIMAK}` },
  { name: 'village', who: 'visitor', path: () => `/places/${VILLAGE}` },
  { name: 'community (visitor)', who: 'visitor', path: () => `/communities/${v.communityId}` },
  { name: 'public budget', who: 'visitor', path: () => `/budgets/${budgetId}` },
  { name: 'budget not found', who: 'visitor', path: () => '/budgets/00000000-0000-4000-8000-000000000000' },
  { name: 'page not found', who: 'visitor', path: () => '/no-such-page' },
  { name: 'my communities', who: 'citizen', path: () => '/me' },
  { name: 'community (member)', who: 'citizen', path: () => `/communities/${v.communityId}` },
  { name: 'public budget (resident)', who: 'citizen', path: () => `/budgets/${budgetId}` },
  { name: 'community budgets', who: 'member', path: () => `/communities/${v.communityId}/budgets` },
  { name: 'budget editor', who: 'member', path: () => `/budgets/${draftBudgetId}/edit` },
  { name: 'public budget (budget group)', who: 'member', path: () => `/budgets/${budgetId}` },
];

const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

test('axe finds no serious or critical violation on any page, in ky, ru and kk, on a phone', async () => {
  // The three languages side by side (one browser, a context per page): a third of the wall time.
  const perLocale = await Promise.all(
    LOCALES.map(async (locale) => {
      const found: Array<{ page: string; locale: Locale; violations: AxeViolation[] }> = [];
      for (const p of PAGES) {
        const login = p.who === 'visitor' ? undefined : { login: (p.who === 'citizen' ? v.citizen : v.a).email, password: PASSWORD };
        // The saved language choice: the app reads it before its first render.
        const page = await web.open(`${web.api.baseUrl}/`, login, PHONE);
        await page.evaluate((l) => localStorage.setItem('ashar.locale', l), locale);
        await page.goto(`${web.api.baseUrl}${p.path()}`, { waitUntil: 'networkidle' });
        await page.locator('h1').first().waitFor({ timeout: 30_000 });
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        found.push({ page: p.name, locale, violations: await axeSeriousViolations(page) });
        await page.context().close();
      }
      return found;
    }),
  );
  const findings = perLocale.flat();
  writeFileSync(artifact('axe.json'), JSON.stringify(findings, null, 2));
  const bad = findings.filter((f) => f.violations.length);
  expect(bad.map((f) => `${f.locale} ${f.page}: ${f.violations.map((x) => `${x.id} (${x.impact}) ${x.nodes.join(' ')}`).join('; ')}`)).toEqual([]);
  console.log(`axe: ${findings.length} page×language checks, ${bad.length} with serious or critical violations`);
}, 600_000);
