/**
 * Invitations in the browser (issue 2): a community admin makes a link on the community page, and a
 * newcomer who opens it signs up, comes back to the invitation and joins with that role. Phone-sized
 * Chromium; texts from the catalogue (Kyrgyz, the default language).
 */
import { Locale, translate } from '@ashar/i18n';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { RunningApi, startApi } from '../support/api-harness';
import { ensureTemplateDatabase } from '../support/template-database';
import { community, member, PASSWORD, platformAdmin, Person } from '../../libs/budgets/src/__tests__/support';
import { a11yProblems, artifact, ensureWebBuild, launchBrowser, ROOT } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);

let api: RunningApi;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let communityId: string;
let admin: Person;

beforeAll(async () => {
  ensureWebBuild();
  if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
  api = await startApi({ label: 'e2einvite', worker: true, env: { WEB_DIST: join(ROOT, 'dist/apps/web') } });
  ({ browser, close: closeBrowser } = await launchBrowser());
  const platform = await platformAdmin(api);
  communityId = await community(api, platform, '41707220840000', 'Ак-Дөбө демилгелүү тобу');
  admin = await member(api, platform, communityId, 'COMMUNITY_ADMIN', 'Нурлан');
});

afterAll(async () => {
  await closeBrowser?.();
  await api?.stop();
});

test('an admin shares an invitation link; a newcomer signs up through it and joins with the role', async () => {
  const adminContext = await browser.newContext(PHONE);
  const a = await adminContext.newPage();
  await a.goto(`${api.baseUrl}/login`, { waitUntil: 'networkidle' });
  await a.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(admin.email);
  await a.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill(PASSWORD);
  await a.getByRole('button', { name: tr('ky', 'auth.logIn.submit') }).click();
  await a.waitForURL('**/me');
  await a.goto(`${api.baseUrl}/communities/${communityId}`, { waitUntil: 'networkidle' });
  await a.getByLabel(tr('ky', 'invitation.create.role')).selectOption('BUDGET_GROUP_MEMBER');
  await a.getByRole('button', { name: tr('ky', 'invitation.create.submit') }).click();
  const linkBox = a.getByLabel(tr('ky', 'invitation.create.link'));
  await linkBox.waitFor();
  const link = await linkBox.inputValue();
  expect(link).toMatch(/\/invitations\/[\w-]{20,}$/);
  expect(await a11yProblems(a)).toEqual([]);
  await a.screenshot({ path: artifact('invite-01-admin-ky.png'), fullPage: true });

  // The newcomer: not signed in, opens the link (the path; the test API has no public host name).
  const newcomerContext = await browser.newContext(PHONE);
  const n = await newcomerContext.newPage();
  await n.goto(`${api.baseUrl}${new URL(link).pathname}`, { waitUntil: 'networkidle' });
  await n.getByRole('heading', { level: 1, name: tr('ky', 'invitation.title') }).waitFor();
  expect(await a11yProblems(n)).toEqual([]);
  await n.getByRole('main').getByRole('link', { name: tr('ky', 'nav.signUp') }).click();
  await n.getByLabel(tr('ky', 'auth.field.displayName'), { exact: true }).fill('Гүлзат Асанова');
  await n.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(`invitee-${Date.now()}@example.kg`);
  await n.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill('тоо-суу-2026-ашар');
  await n.getByRole('button', { name: tr('ky', 'auth.signUp.submit') }).click();
  // Back on the invitation, signed in now.
  await n.waitForURL('**/invitations/**');
  await n.getByRole('button', { name: tr('ky', 'invitation.accept') }).click();
  await n.waitForURL(`**/communities/${communityId}`);
  await n.getByText(tr('ky', 'role.BUDGET_GROUP_MEMBER')).first().waitFor();
  await n.screenshot({ path: artifact('invite-02-joined-ky.png'), fullPage: true });

  // A link works once.
  const third = await (await browser.newContext(PHONE)).newPage();
  await third.goto(`${api.baseUrl}/signup?next=${encodeURIComponent(new URL(link).pathname)}`, { waitUntil: 'networkidle' });
  await third.getByLabel(tr('ky', 'auth.field.displayName'), { exact: true }).fill('Үчүнчү');
  await third.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(`third-${Date.now()}@example.kg`);
  await third.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill('тоо-суу-2026-ашар');
  await third.getByRole('button', { name: tr('ky', 'auth.signUp.submit') }).click();
  await third.waitForURL('**/invitations/**');
  await third.getByRole('button', { name: tr('ky', 'invitation.accept') }).click();
  await third.getByRole('alert').filter({ hasText: tr('ky', 'errors.invitation.invalid') }).waitFor();
  const members = await api.dataSource.query(`SELECT role FROM memberships WHERE community_id = $1 AND role = 'BUDGET_GROUP_MEMBER'`, [communityId]);
  expect(members).toHaveLength(1);
  await adminContext.close();
  await newcomerContext.close();
});
