/**
 * Acceptance journey for the offline foundation (issue 9) on a 360-px phone: a budget-group member opens a
 * budget, loses the connection, records a spending and a monitoring note, reloads the page without a
 * connection (the app, its data "as of" and the queued writes still show), reconnects, and each is stored
 * exactly once; a re-send of the same client id is still one row; a queued write that clashes with a
 * stored one is kept and shown until the member resolves it. Screenshots in test-artifacts/e2e.
 */
import { Locale, translate } from '@ashar/i18n';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import { RunningApi, startApi } from '../support/api-harness';
import { ensureTemplateDatabase } from '../support/template-database';
import { PASSWORD, platformAdmin, publishedBudget, village, Village } from '../../libs/budgets/src/__tests__/support';
import { RECORD_TRANSACTION } from '../../apps/web/src/pages/budget/budget.operations';
import { ROOT, a11yProblems, artifact, ensureWebBuild, launchBrowser } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);
/** The fixed part of a message before its first parameter (the time differs per run). */
const prefix = (key: string) => tr('ky', key, { time: '\u0000', count: 1 }).split('\u0000')[0];
const RECORD = `mutation($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id } }`;
const YEAR = new Date().getUTCFullYear();

let api: RunningApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let v: Village;
let budget: Awaited<ReturnType<typeof publishedBudget>>;

beforeAll(async () => {
  ensureWebBuild();
  if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
  api = await startApi({ label: 'e2eoffline', env: { WEB_DIST: join(ROOT, 'dist/apps/web') } });
  ({ browser, close: closeBrowser } = await launchBrowser());
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө бюджеттик тобу');
  budget = await publishedBudget(api, v, YEAR, [
    { direction: 'REVENUE', economicCode: '13111', amount: '1000000' },
    { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '300000' },
  ]);
});

afterAll(async () => {
  await closeBrowser?.();
  await api?.stop();
});

async function memberPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(v.a.email);
  await page.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: tr('ky', 'auth.logIn.submit') }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return { context, page };
}

const storedRows = async () =>
  api.dataSource.query(`SELECT id, amount::text AS amount, counterparty, client_request_id FROM budget_transactions WHERE budget_id = $1`, [budget.budgetId]);

test('a member records a spending offline, reloads offline, reconnects, and it is stored exactly once', async () => {
  const { context, page } = await memberPhone();
  // Leaving the page while writes wait asks first (beforeunload): this test reloads on purpose.
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  const editor = `${api.baseUrl}/budgets/${budget.budgetId}/edit`;
  await page.goto(editor, { waitUntil: 'networkidle' });
  // The service worker takes over this page; what is read from now on is kept for offline use.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await page.reload({ waitUntil: 'networkidle' });
  await page.getByRole('button', { name: tr('ky', 'budgets.execution.record') }).waitFor();
  await page.waitForFunction(async () => {
    const shell = await (await caches.open('ashar-shell-v1')).keys();
    const reads = await (await caches.open('ashar-reads-v1')).keys();
    return shell.some((r) => r.url.includes('budget-editor.page')) && reads.some((r) => r.url.includes('/EditorBudget'));
  }, undefined, { timeout: 30_000 });
  const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]')?.getAttribute('href'));
  expect(manifest).toBe('/manifest.webmanifest');

  // 1. No connection: the spending goes into the phone's outbox.
  await context.setOffline(true);
  await page.getByLabel(tr('ky', 'budgets.execution.line')).selectOption(budget.keys['2231']);
  await page.getByLabel(tr('ky', 'budgets.execution.date')).fill(`${YEAR}-03-15`);
  await page.getByLabel(tr('ky', 'budgets.execution.amount')).fill('750');
  await page.getByLabel(tr('ky', 'budgets.execution.counterparty')).fill('Офлайн дүкөнү');
  await page.getByRole('button', { name: tr('ky', 'budgets.execution.record') }).click();
  await page.getByRole('status').filter({ hasText: tr('ky', 'offline.savedOnPhone') }).waitFor();
  // A monitoring note too; its target is an explicit choice (no longer silently the first line).
  const notes = page.getByRole('region', { name: tr('ky', 'budgets.notes.title') });
  await notes.getByLabel(tr('ky', 'budgets.notes.noteTitle'), { exact: true }).fill('Офлайн текшерүү');
  await notes.getByRole('button', { name: tr('ky', 'budgets.notes.create'), exact: true }).click();
  await notes.getByText(tr('ky', 'errors.budgets.noteTarget')).waitFor();
  await notes.getByLabel(tr('ky', 'budgets.notes.target'), { exact: true }).selectOption(`line:${budget.keys['2231']}`);
  await notes.getByLabel(tr('ky', 'budgets.notes.body'), { exact: true }).fill('Чек сүрөткө тартылат.');
  await notes.getByRole('button', { name: tr('ky', 'budgets.notes.create'), exact: true }).click();
  await notes.getByRole('status').filter({ hasText: tr('ky', 'offline.savedOnPhone') }).waitFor();
  const queue = page.getByRole('complementary', { name: tr('ky', 'offline.queue.title') });
  await queue.waitFor();
  expect(await queue.innerText()).toContain('750');
  await page.screenshot({ path: artifact('offline-01-queued-ky.png'), fullPage: true });
  expect(await storedRows()).toEqual([]);

  // 2. Reload without a connection: the app (not the browser's error page), the budget as of its time, and the queued record.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: `${YEAR}-жылдын бюджети` }).waitFor({ timeout: 30_000 });
  await page.getByRole('status').filter({ hasText: prefix('offline.shownAsOf') }).waitFor();
  await queue.waitFor();
  expect(await queue.innerText()).toContain('750');
  expect(await queue.innerText()).toContain(tr('ky', 'offline.queue.summary', { count: 2, time: '\u0000' }).split('\u0000')[0]);
  expect(await queue.innerText()).toContain('Офлайн текшерүү');
  await page.screenshot({ path: artifact('offline-02-reloaded-offline-ky.png'), fullPage: true });
  expect(await a11yProblems(page)).toEqual([]);
  expect(await storedRows()).toEqual([]);

  // 3. The connection returns: the queue is sent by itself, once.
  await context.setOffline(false);
  await page.getByRole('status').filter({ hasText: tr('ky', 'offline.queue.allSent') }).waitFor({ timeout: 60_000 });
  const rows = await storedRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ amount: '75000', counterparty: 'Офлайн дүкөнү' });
  expect(rows[0].client_request_id).toMatch(/^[0-9a-f-]{36}$/);
  const storedNotes = await api.dataSource.query(`SELECT line_key, title, client_request_id FROM monitoring_notes WHERE budget_id = $1`, [budget.budgetId]);
  expect(storedNotes).toEqual([{ line_key: budget.keys['2231'], title: 'Офлайн текшерүү', client_request_id: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
  // The record shows in the list of the page, now fresh.
  await page.getByText('Офлайн дүкөнү').first().waitFor();
  await page.screenshot({ path: artifact('offline-03-sent-ky.png'), fullPage: true });

  // 4. A re-send of the same client id (an answer lost on the way back) is still one row.
  const again = ok(
    await gql(api.baseUrl, RECORD, { input: { budgetId: budget.budgetId, lineKey: budget.keys['2231'], occurredOn: `${YEAR}-03-15`, amount: '750', counterparty: 'Офлайн дүкөнү', purpose: null, documentNumber: null, attachments: [], clientRequestId: rows[0].client_request_id } }, { token: v.a.token }),
  );
  expect(again.recordBudgetTransaction.id).toBe(rows[0].id);
  expect(await storedRows()).toHaveLength(1);

  // 5. A queued write whose id is already stored with other content: CONFLICT, kept and shown, never dropped;
  //    "keep as a new entry" stores it under a new id.
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
    [
      RECORD_TRANSACTION as string,
      {
        id: rows[0].client_request_id,
        operation: 'RecordTransaction',
        variables: { input: { budgetId: budget.budgetId, lineKey: budget.keys['2231'], occurredOn: `${YEAR}-03-15`, amount: '999', counterparty: 'Офлайн дүкөнү', purpose: null, documentNumber: null, attachments: [], clientRequestId: rows[0].client_request_id } },
        createdAt: new Date().toISOString(),
        scope: v.a.id,
        state: 'pending',
        attempts: 0,
        summary: { key: 'offline.op.record', params: { amount: '999' } },
      },
    ] as const,
  );
  await page.reload({ waitUntil: 'networkidle' });
  const clash = queue.getByRole('alert').filter({ hasText: tr('ky', 'errors.budgets.clientRequestConflict') });
  await clash.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: artifact('offline-04-conflict-ky.png'), fullPage: true });
  expect(await storedRows()).toHaveLength(1);
  await queue.getByRole('button', { name: tr('ky', 'offline.queue.keep') }).click();
  await page.getByRole('status').filter({ hasText: tr('ky', 'offline.queue.allSent') }).waitFor({ timeout: 30_000 });
  const after = await storedRows();
  expect(after.map((r: { amount: string }) => r.amount).sort()).toEqual(['75000', '99900']);
  expect(new Set(after.map((r: { client_request_id: string }) => r.client_request_id)).size).toBe(2);
  await context.close();
});

test('anyone: a public budget seen once reads offline after a reload, marked "shown as of"; a page never seen says there is no connection', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const url = `${api.baseUrl}/budgets/${budget.budgetId}`;
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForFunction(async () => (await (await caches.open('ashar-reads-v1')).keys()).some((r) => r.url.includes('/anonymous/PublicBudget')), undefined, { timeout: 30_000 });

  await context.setOffline(true);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: `${YEAR}-жылдын бюджети` }).waitFor({ timeout: 30_000 });
  await page.getByRole('status').filter({ hasText: prefix('offline.shownAsOf') }).waitFor();
  expect((await page.getByRole('main').innerText()).replace(/\u00a0/g, ' ')).toContain('1 000 000');
  await page.screenshot({ path: artifact('offline-05-public-offline-ky.png'), fullPage: true });
  expect(await a11yProblems(page)).toEqual([]);

  // Never seen: still the app (its header and language switch), with the page's "no connection" message.
  await page.goto(`${api.baseUrl}/budgets/00000000-0000-4000-8000-000000000000`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('alert').filter({ hasText: tr('ky', 'status.offline') }).waitFor({ timeout: 30_000 });
  expect(await page.getByRole('link', { name: tr('ky', 'app.name') }).isVisible()).toBe(true);
  await context.close();
});
