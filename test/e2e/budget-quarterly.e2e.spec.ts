/**
 * Issue 10 item 6 in the browser, on a 360×740 Chromium in Kyrgyz: a budget with one payment entered by hand;
 * a budget-group member uploads the treasury's Q1 report (Windows-1251, `;`, thousands of som, no date in its
 * title) in the execution panel, sees the preview ask for the as-of date, chooses it, confirms; an anonymous
 * visitor's public page shows the quarterly view (Q1 from the treasury, dated; Q2–Q4 from the
 * payments), both "executed" figures side by side, the treasury's one counted in the summary, and nothing
 * wider than the screen. Screenshot in test-artifacts/e2e (quarterly-*.png).
 */
import { Locale, translate } from '@ashar/i18n';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { PASSWORD, platformAdmin, publishedBudget, RECORD, village, Village } from '../../libs/budgets/src/__tests__/support';
import { formatMinor } from '../../apps/web/src/pages/budget/money';
import { a11yProblems, artifact, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ky-KG' };
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);

const web = webOnApi('e2equarterly', { redis: true, worker: true });
let api: RunningApi;
let v: Village;

beforeAll(async () => {
  ({ api } = web);
  v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө');
});

/** Windows-1251 bytes (ASCII and А-я). */
const cp1251 = (s: string) => Buffer.from([...s].map((ch) => { const c = ch.codePointAt(0)!; if (c < 0x80) return c; if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0; throw new Error(ch); }));

test('the public page shows the quarterly view: Q1 from the treasury report, dated, the rest from payments; both executed figures', async () => {
  const b = await publishedBudget(api, v, 2026, [
    { direction: 'REVENUE', economicCode: '11111', amount: '1561600' },
    { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '1200000' },
  ]);
  ok(await gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2026-05-10', amount: '50 000', documentNumber: 'П-7', attachments: [] } }, { token: v.a.token }));
  // The treasury's Q1 report without a date in its title: the member chooses it in the preview.
  const report = ['Отчет об исполнении бюджета', '(тыс. сом)', 'Код;Наименование;Уточненный план;Исполнено', '11111;Подоходный налог;1600;400,2', '2111;Заработная плата;1200;310,25', 'Итого;;;710,45'].join('\r\n');
  const member = await web.open(`${api.baseUrl}/`, { login: v.a.email, password: PASSWORD }, PHONE);
  await member.goto(`${api.baseUrl}/budgets/${b.budgetId}/edit`, { waitUntil: 'networkidle' });
  await member.getByLabel(tr('ky', 'budgets.import.treasuryLabel')).setInputFiles({ name: 'казына-q1.csv', mimeType: 'text/csv', buffer: cp1251(report) });
  const preview = member.locator('section.import-preview');
  await preview.getByRole('heading', { name: tr('ky', 'budgets.import.preview.title', { name: 'казына-q1.csv' }) }).waitFor();
  await preview.getByRole('alert').filter({ hasText: tr('ky', 'errors.budgets.import.asOfMissing') }).waitFor();
  const confirm = preview.getByRole('button', { name: tr('ky', 'budgets.import.preview.confirm', { rows: 2 }) });
  await preview.getByLabel(tr('ky', 'budgets.import.preview.asOfChoose')).fill('2026-04-01');
  await confirm.waitFor();
  await member.waitForFunction(() => !document.querySelector('section.import-preview [role="alert"]'));
  const fact = async (key: string) => (await preview.locator('dt', { hasText: tr('ky', key) }).first().locator('xpath=following-sibling::dd[1]').innerText()).trim();
  expect(await fact('budgets.import.preview.unit')).toBe(tr('ky', 'budgets.import.preview.unitThousand'));
  expect(await fact('budgets.import.preview.expenditure')).toBe(formatMinor('31025000', 'ky'));
  expect(await fact('budgets.import.preview.asOf')).not.toBe('—');
  expect(await a11yProblems(member)).toEqual([]);
  await member.screenshot({ path: artifact('quarterly-treasury-preview-ky.png'), fullPage: true });
  await confirm.click();
  await member.getByRole('status').filter({ hasText: tr('ky', 'budgets.import.done', { rows: 2 }) }).waitFor({ timeout: 30_000 });
  const [snap] = await api.dataSource.query(`SELECT as_of::text AS "asOf", line_count AS n FROM budget_treasury_snapshots WHERE budget_id = $1`, [b.budgetId]);
  expect(snap).toEqual({ asOf: '2026-04-01', n: 2 });

  const page = await web.open(`${api.baseUrl}/budgets/${b.budgetId}`, undefined, PHONE);
  const section = page.locator('section[aria-labelledby="quarterly-heading"]');
  await section.waitFor();
  expect(await section.getByRole('heading').first().innerText()).toBe(tr('ky', 'budgets.quarterly.title'));
  const som = (minor: string) => `${formatMinor(minor, 'ky')} ${tr('ky', 'budgets.currency.KGS')}`;
  const spending = section.locator('table[data-side="EXPENDITURE"] tbody tr');
  expect(await spending.count()).toBe(4);
  // Q1: the treasury's 310,25 thousand (not the payment of May); Q2: the payment entered (50 000 som).
  const q1 = await spending.nth(0).locator('td').allInnerTexts();
  expect(q1[1].replace(/\s/g, ' ')).toBe(som('31025000').replace(/\s/g, ' '));
  expect(q1[2]).toContain(tr('ky', 'budgets.quarterly.source.TREASURY', { date: '' }).replace(/,?\s*$/, ''));
  const q2 = await spending.nth(1).locator('td').allInnerTexts();
  expect(q2[1].replace(/\s/g, ' ')).toBe(som('5000000').replace(/\s/g, ' '));
  expect(q2[2]).toBe(tr('ky', 'budgets.quarterly.source.PAYMENTS'));
  const text = (await section.innerText()).replace(/\s/g, ' ');
  expect(text).toContain(tr('ky', 'budgets.quarterly.paymentsText', { spent: som('5000000'), received: som('0') }).replace(/\s/g, ' '));
  // The summary counts the treasury's figure: 310,25 of 1 200 thousand = 25,85 %.
  expect((await page.locator('.budget-summary').innerText()).replace(/\s/g, ' ')).toContain(tr('ky', 'budgets.public.percent', { value: '25,85' }).replace(/\s/g, ' '));
  expect(await a11yProblems(page)).toEqual([]);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('quarterly-public-ky.png'), fullPage: true });
});
