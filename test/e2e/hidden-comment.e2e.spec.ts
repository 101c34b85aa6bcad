/**
 * Moderated comments on the public budget page: a hearing comment and a monitoring reply hidden by a
 * moderator show as "hidden by a moderator" (translated) without their text to the public; the comment's
 * author still reads their text with the reason.
 */
import { translate } from '@ashar/i18n';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { RunningApi, startApi } from '../support/api-harness';
import { ensureTemplateDatabase } from '../support/template-database';
import { gql, ok } from '../support/graphql-client';
import { member, PASSWORD, platformAdmin, publishedBudget, village } from '../../libs/budgets/src/__tests__/support';
import { ROOT, ensureWebBuild, launchBrowser } from './browser.support';

let api: RunningApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  ensureWebBuild();
  if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
  api = await startApi({ label: 'e2ehidden', env: { WEB_DIST: join(ROOT, 'dist/apps/web') } });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  await api?.stop();
});

async function open(url: string, email?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (email) {
    await page.goto(`${api.baseUrl}/login`, { waitUntil: 'networkidle' });
    await page.getByLabel(translate('ky', 'auth.field.login'), { exact: true }).fill(email);
    await page.getByLabel(translate('ky', 'auth.field.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: translate('ky', 'auth.logIn.submit') }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  await page.goto(url, { waitUntil: 'networkidle' });
  return page;
}

const text = (page: Page, s: string) => page.waitForFunction((x) => document.body.innerText.includes(x), s, { timeout: 30_000 });

test('hidden comments and replies: the public sees that they were hidden, the author sees text and reason', async () => {
  const platform = await platformAdmin(api);
  const v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
  const moderator = await member(api, platform, v.communityId, 'MODERATOR', 'Модератор');
  const b = await publishedBudget(api, v, 2026, [{ direction: 'REVENUE', economicCode: '13111', amount: '2000000' }, { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '1800000' }]);
  const comment = `mutation($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id } }`;
  const hide = `mutation($id: ID!, $reason: String!) { hideComment(messageId: $id, reason: $reason) { id } }`;
  const rude = ok(await gql(api.baseUrl, comment, { input: { versionId: b.versionId, body: 'Орой сөз 123' } }, { token: v.citizen.token })).addBudgetComment;
  ok(await gql(api.baseUrl, comment, { input: { versionId: b.versionId, body: 'Жолго көбүрөөк акча' } }, { token: v.admin.token }));
  ok(await gql(api.baseUrl, hide, { id: rude.id, reason: 'Кемсинтүү' }, { token: moderator.token }));
  const note = ok(await gql(api.baseUrl, `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id } }`, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], status: 'RESOLVED', title: 'Табылга', body: 'Текст' } }, { token: v.a.token })).createMonitoringNote;
  const reply = ok(await gql(api.baseUrl, `mutation($id: ID!) { replyToMonitoringNote(noteId: $id, body: "Телефон 0555 000 111") { id } }`, { id: note.id }, { token: v.b.token })).replyToMonitoringNote;
  ok(await gql(api.baseUrl, hide, { id: reply.id, reason: 'Жеке маалымат' }, { token: moderator.token }));

  const hidden = translate('ky', 'threads.hiddenByModerator');
  const pub = await open(`${api.baseUrl}/budgets/${b.budgetId}`);
  await text(pub, 'Жолго көбүрөөк акча');
  await text(pub, hidden);
  const body = await pub.evaluate(() => document.body.innerText);
  expect(body.split(hidden).length - 1).toBe(2); // the comment and the reply
  expect(body).not.toContain('Орой сөз 123');
  expect(body).not.toContain('0555 000 111');
  expect(body).not.toContain('Кемсинтүү');

  const own = await open(`${api.baseUrl}/budgets/${b.budgetId}`, v.citizen.email);
  await text(own, 'Орой сөз 123');
  await text(own, translate('ky', 'threads.hiddenForAuthor', { reason: 'Кемсинтүү' }));
});
