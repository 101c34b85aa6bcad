/**
 * No English on a Kyrgyz, Russian or Kazakh screen (issue 9). The main budget pages (new budget, the
 * draft editor with its import form, the published budget's editor with the spending form, the public
 * budget page) are rendered in ky, ru and kk; their visible text and their spoken labels (aria-label,
 * placeholder, title, alt) are split into Latin words, and a word of the English catalogue fails the test
 * unless it is an acronym in capitals (CSV, XLSX, FDP) or a proper name (`englishWordsIn` in
 * libs/shared/i18n, the same check the catalogue test runs on every ky/ru/kk text): "Revenue", "REVENUE"
 * or "Fiscal Data Package" fail. A planted English word shows that the check can fail. Stored names are written in Cyrillic here, so any Latin word
 * comes from the interface or from a name falling back to English.
 */
import { englishWordsIn, Locale, translate } from '@ashar/i18n';
import { Browser, Page } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { CREATE_BUDGET, PASSWORD, platformAdmin, publishedBudget, SAVE_LINES, village, Village } from '../../libs/budgets/src/__tests__/support';
import { artifact, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);
const latin = (s: string) => (s.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase());

/** What a person sees and hears on the page: visible text, option texts, and the spoken labels. */
const pageText = (page: Page) =>
  page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    document.querySelectorAll('option').forEach((o) => parts.push(o.textContent ?? ''));
    document.querySelectorAll('[aria-label], [placeholder], [title], [alt]').forEach((el) => {
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) parts.push(el.getAttribute(a) ?? '');
    });
    return parts.join('\n');
  });

const web = webOnApi('e2enoenglish', { redis: true, worker: true });
let api: RunningApi;
let browser: Browser;
let akDobo: Village;
let draftId: string;
let publishedId: string;

beforeAll(async () => {
  ({ api, browser } = web);
  const platform = await platformAdmin(api);
  akDobo = await village(api, platform, '41707220840000', 'Ак-Дөбө бюджеттик тобу');
  ({ budgetId: publishedId } = await publishedBudget(api, akDobo, 2026, [
    { direction: 'REVENUE', economicCode: '13111', amount: '3037000' },
    { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2500000' },
  ]));
  const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: akDobo.communityId, fiscalYear: 2027, currency: 'KGS', population: 4200, title: { ky: '2027-жылдын бюджети', ru: 'Бюджет на 2027 год', kk: '2027 жылғы бюджет' } } }, { token: akDobo.a.token })).createBudget;
  draftId = created.id;
  ok(await gql(api.baseUrl, SAVE_LINES, { input: { versionId: created.openVersion.id, expectedRevision: created.openVersion.revision, lines: [{ direction: 'REVENUE', economicCode: '13111', amount: '1000' }] } }, { token: akDobo.a.token }));
});

test('budget pages in Kyrgyz, Russian and Kazakh show no English word', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(akDobo.a.email);
  await page.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: tr('ky', 'auth.logIn.submit') }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));

  const pages: Array<[string, string]> = [
    ['new-budget', `/communities/${akDobo.communityId}/budgets`],
    ['editor-draft-import', `/budgets/${draftId}/edit`],
    ['editor-published-spending', `/budgets/${publishedId}/edit`],
    ['public-budget', `/budgets/${publishedId}`],
  ];
  const found: string[] = [];
  for (const locale of ['ky', 'ru', 'kk'] as const) {
    await page.getByRole('button', { name: tr(locale, `language.name.${locale}`), exact: true }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    for (const [name, path] of pages) {
      await page.goto(`${api.baseUrl}${path}`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      const words = englishWordsIn(await pageText(page));
      if (words.length) found.push(`${locale} ${name}: ${words.join(', ')}`);
      if (name === 'editor-draft-import') await page.screenshot({ path: artifact(`no-english-${locale}-${name}.png`), fullPage: true });
    }
  }
  expect(found).toEqual([]);

  // The same check on a real page finds a planted English word (so an empty list above means something).
  await page.evaluate((w) => {
    const s = document.createElement('span');
    s.textContent = w;
    document.querySelector('main')!.appendChild(s);
  }, translate('en', 'budgets.editor.totalRevenue'));
  expect(englishWordsIn(await pageText(page))).toEqual(expect.arrayContaining(latin(translate('en', 'budgets.editor.totalRevenue'))));
  await context.close();
});
