/**
 * Acceptance journey for budgets (issue 4) on a phone-sized Chromium: a budget-group member enters a
 * small budget in the grid and submits it, a second member publishes it (four eyes), and anyone sees
 * the public page in Kyrgyz and Russian (screenshots in test-artifacts/e2e). Texts come from the
 * catalogue, so a missing or hard-coded string fails the test.
 */
import { Locale, translate } from '@ashar/i18n';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { RunningApi, startApi } from '../support/api-harness';
import { ensureTemplateDatabase } from '../support/template-database';
import { PASSWORD, platformAdmin, publishedBudget, village, Village } from '../../libs/budgets/src/__tests__/support';
import { ROOT, a11yProblems, artifact, ensureWebBuild, launchBrowser } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);
const nbsp = (s: string) => s.replace(/ /g, '\u00a0');

let api: RunningApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let akDobo: Village;

beforeAll(async () => {
  ensureWebBuild();
  if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
  api = await startApi({ label: 'e2ebudgets', redis: true, worker: true, env: { WEB_DIST: join(ROOT, 'dist/apps/web') } });
  ({ browser, close: closeBrowser } = await launchBrowser());
  const platform = await platformAdmin(api);
  akDobo = await village(api, platform, '41707220840000', 'Ак-Дөбө бюджеттик тобу');
  // A neighbour in the same raion (Bakai-Ata) with a published budget, for the comparison table.
  const neighbour = await village(api, platform, '41707220843000', 'Коңшу айыл аймагы');
  await publishedBudget(api, neighbour, 2026, [
    { direction: 'REVENUE', economicCode: '13111', amount: '2000000' },
    { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '1800000' },
  ]);
});

afterAll(async () => {
  await closeBrowser?.();
  await api?.stop();
});

async function phoneAs(email: string | null): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  if (email) {
    await page.goto(`${api.baseUrl}/login`, { waitUntil: 'networkidle' });
    await page.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(email);
    await page.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: tr('ky', 'auth.logIn.submit') }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  return page;
}


async function switchLanguage(page: Page, to: Locale) {
  await page.getByRole('button', { name: tr(to, `language.name.${to}`), exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
}

test('a member enters a small budget on a phone, another publishes it, and the public page reads in Kyrgyz and Russian', async () => {
  // 1. Member A creates the 2026 budget and enters three lines with the keyboard.
  const a = await phoneAs(akDobo.a.email);
  await a.goto(`${api.baseUrl}/communities/${akDobo.communityId}/budgets`, { waitUntil: 'networkidle' });
  await a.getByLabel(tr('ky', 'budgets.list.fiscalYear')).fill('2026');
  await a.getByLabel(tr('ky', 'budgets.list.titleKy')).fill('Ак-Дөбө айыл аймагынын 2026-жылга бюджети');
  await a.getByLabel(tr('ky', 'budgets.list.titleRu')).fill('Бюджет Ак-Дебенского айылного аймака на 2026 год');
  await a.getByLabel(tr('ky', 'budgets.list.population')).fill('4800');
  await a.getByRole('button', { name: tr('ky', 'budgets.list.create') }).click();
  await a.waitForURL(/\/budgets\/[0-9a-f-]{36}\/edit$/);
  const budgetId = /budgets\/([0-9a-f-]{36})/.exec(a.url())![1];

  const cell = (key: string, row: number) => a.getByLabel(tr('ky', key, { row }), { exact: true });
  await cell('budgets.editor.economicCodeOfRow', 1).fill('13111');
  await cell('budgets.editor.nameKyOfRow', 1).fill('Теңдештирүүчү грант');
  await cell('budgets.editor.amountOfRow', 1).fill('3 037 000');
  await cell('budgets.editor.economicCodeOfRow', 2).fill('2111');
  await cell('budgets.editor.functionalCodeOfRow', 2).fill('7011');
  await cell('budgets.editor.amountOfRow', 2).fill('2 500 000');
  await cell('budgets.editor.amountOfRow', 2).press('Enter'); // adds row 3 and moves to its code
  await a.waitForFunction(() => document.activeElement?.id === 'code-2');
  await a.keyboard.type('2231');
  await cell('budgets.editor.functionalCodeOfRow', 3).fill('7064');
  await cell('budgets.editor.nameKyOfRow', 3).fill('Көчө жарыгы');
  await cell('budgets.editor.amountOfRow', 3).fill('450000,50');
  await a.screenshot({ path: artifact('budgets-01-grid-ky.png'), fullPage: true });
  expect(await a11yProblems(a)).toEqual([]);
  await a.getByRole('button', { name: tr('ky', 'budgets.editor.save') }).click();
  await a.getByRole('status').filter({ hasText: tr('ky', 'budgets.editor.saved') }).waitFor();
  await a.getByRole('button', { name: tr('ky', 'budgets.editor.submit') }).click();
  await a.getByRole('status').filter({ hasText: tr('ky', 'budgets.editor.submitted') }).waitFor();
  // The one who prepared it cannot also publish it.
  await a.getByRole('button', { name: tr('ky', 'budgets.editor.publish') }).click();
  await a.getByRole('alert').filter({ hasText: tr('ky', 'errors.FORBIDDEN') }).waitFor();

  // 2. Member B confirms: published for public hearing.
  const b = await phoneAs(akDobo.b.email);
  await b.goto(`${api.baseUrl}/budgets/${budgetId}/edit`, { waitUntil: 'networkidle' });
  await b.getByRole('button', { name: tr('ky', 'budgets.editor.publish') }).click();
  await b.getByRole('status').filter({ hasText: tr('ky', 'budgets.editor.published') }).waitFor();

  // 2b. The budget group records a spending without a document: it counts, and it is flagged.
  await b.getByLabel(tr('ky', 'budgets.execution.line')).selectOption({ label: '2231 Көчө жарыгы' });
  await b.getByLabel(tr('ky', 'budgets.execution.date')).fill('15.03.2026');
  await b.getByLabel(tr('ky', 'budgets.execution.amount')).fill('120 000');
  await b.getByLabel(tr('ky', 'budgets.execution.counterparty')).fill('Электр компаниясы');
  await b.getByRole('button', { name: tr('ky', 'budgets.execution.record') }).click();
  await b.getByRole('status').filter({ hasText: tr('ky', 'budgets.execution.recorded') }).waitFor();
  await b.getByText(tr('ky', 'budgets.flag.noDocument')).first().waitFor();
  // A ledger file with text in the amount column imports nothing and says which row and column.
  await b.getByLabel(tr('ky', 'budgets.import.ledgerLabel')).setInputFiles({
    name: 'ledger.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date,economic_code,functional_code,amount\n2026-04-01,2231,7064,миң сом\n'),
  });
  const failed = b.getByRole('alert').filter({ hasText: tr('ky', 'budgets.import.failed') });
  await failed.waitFor();
  expect(await failed.innerText()).toContain(tr('ky', 'errors.budgets.import.notANumber'));
  // A photo of the receipt, attached from the phone, clears the "no document" flag.
  const flagsBefore = await b.locator('.flag-badge', { hasText: tr('ky', 'budgets.flagShort.noDocument') }).count();
  await b.getByLabel(tr('ky', 'budgets.receipt.attach')).first().setInputFiles({
    name: 'чек.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('receipt photo')]),
  });
  await b.getByRole('status').filter({ hasText: tr('ky', 'budgets.receipt.done') }).waitFor();
  await b.getByText(tr('ky', 'budgets.receipt.attached', { count: 1 })).first().waitFor();
  const docs = await api.dataSource.query(`SELECT content_type FROM budget_documents`);
  expect(docs).toEqual([{ content_type: 'image/png' }]);
  expect(flagsBefore).toBeGreaterThan(0);
  let flagsAfter = flagsBefore;
  for (let i = 0; i < 100 && flagsAfter >= flagsBefore; i++) {
    await b.waitForTimeout(100);
    flagsAfter = await b.locator('.flag-badge', { hasText: tr('ky', 'budgets.flagShort.noDocument') }).count();
  }
  expect(flagsAfter).toBeLessThan(flagsBefore);
  await b.screenshot({ path: artifact('budgets-02-execution-ky.png'), fullPage: true });
  expect(await a11yProblems(b)).toEqual([]);

  // 3. Anyone, no login: the public page in Kyrgyz, then in Russian.
  const p = await phoneAs(null);
  await p.goto(`${api.baseUrl}/budgets/${budgetId}`, { waitUntil: 'networkidle' });
  await switchLanguage(p, 'ky');
  await p.getByRole('heading', { level: 1, name: 'Ак-Дөбө айыл аймагынын 2026-жылга бюджети' }).waitFor();
  const main = p.getByRole('main');
  await main.getByRole('heading', { name: tr('ky', 'budgets.public.whereGoes') }).waitFor();
  const text = (await main.innerText()).replace(/\u00a0/g, ' ');
  expect(text).toContain(`3 037 000 ${tr('ky', 'budgets.currency.KGS')}`);
  expect(text).toContain(`2 950 000,50 ${tr('ky', 'budgets.currency.KGS')}`);
  // 2 950 000,50 som / 4 800 residents = 614,58 som each.
  expect(text).toContain(`614,58 ${tr('ky', 'budgets.currency.KGS')}`);
  expect(text).toContain(tr('ky', 'budgets.status.published'));
  expect(text).toContain(tr('ky', 'budgets.public.neighbours'));
  expect(await main.locator('section[aria-labelledby="neighbours-heading"]').getByRole('row').count()).toBe(3); // header + two aiyl aimaks (the quarterly view has tables of its own)
  // 120 000 of 2 950 000,50 spent: 4.06 %.
  expect(await main.locator('progress').getAttribute('value')).toBe('4.06');
  await p.screenshot({ path: artifact('budgets-03-public-ky.png'), fullPage: true });
  expect(await a11yProblems(p)).toEqual([]);

  await switchLanguage(p, 'ru');
  await p.getByRole('heading', { level: 1, name: 'Бюджет Ак-Дебенского айылного аймака на 2026 год' }).waitFor();
  await main.getByRole('heading', { name: tr('ru', 'budgets.public.whereGoes') }).waitFor();
  const ru = await main.innerText();
  expect(ru).toContain(tr('ru', 'budgets.public.whereFrom'));
  expect(ru).toContain(nbsp(`3 037 000 ${tr('ru', 'budgets.currency.KGS')}`).replace(/\u00a0сом/, ' сом'));
  expect(ru).toContain(tr('ru', 'budgets.status.published'));
  await p.screenshot({ path: artifact('budgets-04-public-ru.png'), fullPage: true });

  // What the browser saved is what the database holds, exactly.
  const rows = await api.dataSource.query(`SELECT economic_code, amount::text AS amount FROM budget_lines l JOIN budget_versions v ON v.id = l.version_id WHERE v.budget_id = $1 ORDER BY position`, [budgetId]);
  expect(rows).toEqual([
    { economic_code: '13111', amount: '303700000' },
    { economic_code: '2111', amount: '250000000' },
    { economic_code: '2231', amount: '45000050' },
  ]);
});

const CREATE_NOTE_API = `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id } }`;

test('the budget group reads execution by month with flags, and a monitoring note goes public only once resolved', async () => {
  const { gql, ok } = await import('../support/graphql-client');
  const { RECORD } = await import('../../libs/budgets/src/__tests__/support');
  // 2025 is over: the revenue line never moved (no movement by mid-year); street lighting is overspent, without a document.
  const { budgetId, keys } = await publishedBudget(api, akDobo, 2025, [
    { direction: 'REVENUE', economicCode: '13111', amount: '1000000' },
    { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '100000' },
  ]);
  ok(await gql(api.baseUrl, RECORD, { input: { budgetId, lineKey: keys['2231'], occurredOn: '2025-03-10', amount: '120000', counterparty: 'Электр компаниясы' } }, { token: akDobo.a.token }));
  ok(await gql(api.baseUrl, CREATE_NOTE_API, { input: { budgetId, lineKey: keys['13111'], status: 'QUESTION', title: 'Ачык суроо: грант качан келет?', body: 'Текшерүү керек.' } }, { token: akDobo.a.token }));

  const b = await phoneAs(akDobo.b.email);
  await b.goto(`${api.baseUrl}/budgets/${budgetId}/edit`, { waitUntil: 'networkidle' });
  const table = b.getByRole('region', { name: tr('ky', 'budgets.monthly.title') });
  await table.waitFor();
  const row = (code: string) => table.locator('tbody tr', { hasText: code });
  const lighting = (await row('2231').innerText()).replace(/\u00a0/g, ' ');
  expect(lighting).toContain(tr('ky', 'budgets.flagShort.overspent'));
  expect(lighting).toContain(tr('ky', 'budgets.flagShort.noDocument'));
  expect(lighting).toContain('120 000');
  // Plan, actual, %, then January…December: March holds the spending.
  const cells = row('2231').locator('td');
  expect(await cells.count()).toBe(15);
  expect((await cells.nth(5).innerText()).replace(/\u00a0/g, ' ')).toBe('120 000');
  expect(await row('13111').innerText()).toContain(tr('ky', 'budgets.flagShort.noMovement'));
  // The table scrolls sideways inside its box; the line name stays put.
  expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await row('2231').locator('th').evaluate((el) => getComputedStyle(el).position)).toBe('sticky');

  // A finding on the line, a reply, then resolved.
  const notes = b.getByRole('region', { name: tr('ky', 'budgets.notes.title') });
  await notes.getByLabel(tr('ky', 'budgets.notes.target'), { exact: true }).selectOption(`line:${keys['2231']}`);
  await notes.getByLabel(tr('ky', 'budgets.notes.status'), { exact: true }).selectOption('CONCERN');
  await notes.getByLabel(tr('ky', 'budgets.notes.noteTitle'), { exact: true }).fill('Көчө жарыгына ашыкча чыгаша');
  await notes.getByLabel(tr('ky', 'budgets.notes.body'), { exact: true }).fill('Мартта 120 000 сом төлөнгөн, план 100 000 сом.');
  await notes.getByRole('button', { name: tr('ky', 'budgets.notes.create'), exact: true }).click();
  await b.getByRole('status').filter({ hasText: tr('ky', 'budgets.notes.created') }).waitFor();
  const item = notes.locator('li.note', { hasText: 'Көчө жарыгына ашыкча чыгаша' });
  await item.getByRole('button', { name: tr('ky', 'budgets.notes.openReply'), exact: true }).click();
  await item.getByLabel(tr('ky', 'budgets.notes.reply'), { exact: true }).fill('Келишим табылды, кошумча акча кеңеш тарабынан бөлүнгөн.');
  await item.getByRole('button', { name: tr('ky', 'budgets.notes.sendReply'), exact: true }).click();
  await b.getByRole('status').filter({ hasText: tr('ky', 'budgets.notes.replied') }).waitFor();
  await notes.locator('li.note', { hasText: 'Келишим табылды' }).waitFor();
  const resolved = notes.locator('li.note', { hasText: 'Көчө жарыгына ашыкча чыгаша' });
  await resolved.getByLabel(tr('ky', 'budgets.notes.newStatus'), { exact: true }).selectOption('RESOLVED');
  await resolved.getByRole('button', { name: tr('ky', 'budgets.notes.changeStatus'), exact: true }).click();
  await b.getByRole('status').filter({ hasText: tr('ky', 'budgets.notes.statusChanged') }).waitFor();
  await b.screenshot({ path: artifact('budgets-05-monthly-notes-ky.png'), fullPage: true });
  expect(await a11yProblems(b)).toEqual([]);

  // Anyone: the resolved note with its thread, never the open question. A member on the public page sees the same.
  for (const viewer of [await phoneAs(null), b]) {
    await viewer.goto(`${api.baseUrl}/budgets/${budgetId}`, { waitUntil: 'networkidle' });
    await switchLanguage(viewer, 'ky');
    const main = viewer.getByRole('main');
    await main.getByRole('heading', { name: tr('ky', 'budgets.public.resolvedNotes') }).waitFor();
    const text = await main.innerText();
    expect(text).toContain('Көчө жарыгына ашыкча чыгаша');
    expect(text).toContain('Келишим табылды');
    expect(text).toContain(tr('ky', 'budgets.noteStatus.resolved'));
    expect(text).not.toContain('Ачык суроо');
    expect(await a11yProblems(viewer)).toEqual([]);
  }
});
