/**
 * Group invitation links in the browser (issue 9): a community admin makes a link for up to three
 * people on the community page; three newcomers sign up through it and become members; a fourth is
 * refused with the translated "used as many times as allowed", asks to join on the community page instead and
 * is accepted by the admin. Phone-sized Chromium, Kyrgyz texts.
 */
import { Locale, translate } from '@ashar/i18n';
import { Browser, Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { community, member, PASSWORD, platformAdmin, Person } from '../../libs/budgets/src/__tests__/support';
import { a11yProblems, artifact, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);

const web = webOnApi('e2egroupinv', { env: { SIGNUP_LIMITS: '1000/10000/10000/100000' } });
let api: RunningApi;
let browser: Browser;
let communityId: string;
let admin: Person;

beforeAll(async () => {
  ({ api, browser } = web);
  const platform = await platformAdmin(api);
  communityId = await community(api, platform, '41707220840000', 'Ак-Дөбө айылы');
  admin = await member(api, platform, communityId, 'COMMUNITY_ADMIN', 'Нурлан');
}, 240_000);

async function signUpThrough(path: string, name: string, n: number): Promise<Page> {
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto(`${api.baseUrl}${path}`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1, name: tr('ky', 'invitation.title') }).waitFor();
  await page.getByRole('main').getByRole('link', { name: tr('ky', 'nav.signUp') }).click();
  await page.getByLabel(tr('ky', 'auth.field.displayName'), { exact: true }).fill(name);
  await page.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(`group-${n}-${Date.now()}@example.kg`);
  await page.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill('тоо-суу-2026-ашар');
  await page.getByRole('button', { name: tr('ky', 'auth.signUp.submit') }).click();
  await page.waitForURL('**/invitations/**');
  await page.getByRole('button', { name: tr('ky', 'invitation.accept') }).click();
  return page;
}

test('a group link with limit 3: three people join through it, the fourth is refused in words', async () => {
  const a = await (await browser.newContext(PHONE)).newPage();
  await a.goto(`${api.baseUrl}/login`, { waitUntil: 'networkidle' });
  await a.getByLabel(tr('ky', 'auth.field.login'), { exact: true }).fill(admin.email);
  await a.getByLabel(tr('ky', 'auth.field.password'), { exact: true }).fill(PASSWORD);
  await a.getByRole('button', { name: tr('ky', 'auth.logIn.submit') }).click();
  await a.waitForURL('**/me');
  await a.goto(`${api.baseUrl}/communities/${communityId}`, { waitUntil: 'networkidle' });
  await a.getByLabel(tr('ky', 'invitation.kind.group')).check();
  await a.getByLabel(tr('ky', 'invitation.create.role')).selectOption('CITIZEN');
  await a.getByLabel(tr('ky', 'invitation.group.maxUses')).fill('3');
  await a.getByLabel(tr('ky', 'invitation.group.days')).fill('7');
  await a.getByRole('button', { name: tr('ky', 'invitation.create.submit') }).click();
  const linkBox = a.getByLabel(tr('ky', 'invitation.create.link'));
  await linkBox.waitFor();
  const link = await linkBox.inputValue();
  expect(link).toMatch(/\/invitations\/[\w-]{20,}$/);
  await a.getByRole('link', { name: tr('ky', 'invitation.create.whatsapp') }).waitFor();
  const list = a.getByRole('list', { name: tr('ky', 'invitation.group.active') });
  await list.getByRole('listitem').filter({ hasText: /0/ }).first().waitFor();
  expect(await a11yProblems(a)).toEqual([]);
  await a.screenshot({ path: artifact('group-invite-01-admin-ky.png'), fullPage: true });

  const path = new URL(link).pathname;
  const names = ['Гүлзат', 'Бакыт', 'Айбек'];
  for (const [i, name] of names.entries()) {
    const p = await signUpThrough(path, name, i);
    await p.waitForURL(`**/communities/${communityId}`);
    await p.getByText(tr('ky', 'role.CITIZEN')).first().waitFor();
    if (i === 2) await p.screenshot({ path: artifact('group-invite-02-third-joined-ky.png'), fullPage: true });
    await p.context().close();
  }

  const fourth = await signUpThrough(path, 'Төртүнчү', 3);
  await fourth.getByRole('alert').filter({ hasText: tr('ky', 'errors.invitation.full') }).waitFor();
  expect(await a11yProblems(fourth)).toEqual([]);
  await fourth.screenshot({ path: artifact('group-invite-03-fourth-refused-ky.png'), fullPage: true });

  // The fourth is not stuck: on the community page a non-member can ask to join; the admin accepts.
  await fourth.goto(`${api.baseUrl}/communities/${communityId}`, { waitUntil: 'networkidle' });
  await fourth.getByRole('heading', { name: tr('ky', 'join.title') }).waitFor();
  await fourth.getByLabel(tr('ky', 'join.message')).fill('Мен ушул айылданмын');
  await fourth.getByRole('button', { name: tr('ky', 'join.submit') }).click();
  await fourth.getByText(tr('ky', 'join.pending')).waitFor();
  expect(await a11yProblems(fourth)).toEqual([]);
  await fourth.screenshot({ path: artifact('group-invite-05-join-request-ky.png'), fullPage: true });

  const members = await api.dataSource.query(
    `SELECT a.display_name FROM invitation_uses u JOIN accounts a ON a.id = u.account_id JOIN memberships m ON m.id = u.membership_id
      WHERE m.community_id = $1 AND m.role = 'CITIZEN' ORDER BY u.created_at`,
    [communityId],
  );
  expect(members.map((m: { display_name: string }) => m.display_name)).toEqual(names);

  // The admin sees 3 of 3 used and revokes the link.
  await a.reload({ waitUntil: 'networkidle' });
  const item = a.getByRole('list', { name: tr('ky', 'invitation.group.active') }).getByRole('listitem').first();
  await item.getByText(tr('ky', 'invitation.group.item', { role: tr('ky', 'role.CITIZEN'), uses: 3, max: 3, date: '' }).split(',')[0]).waitFor();
  await item.getByRole('button', { name: tr('ky', 'invitation.group.revoke') }).click();
  await a.getByText(tr('ky', 'invitation.group.revoked')).waitFor();
  await a.getByText(tr('ky', 'invitation.group.none')).waitFor();
  await a.screenshot({ path: artifact('group-invite-04-revoked-ky.png'), fullPage: true });

  const request = a.getByRole('list', { name: tr('ky', 'join.requests.title') }).getByRole('listitem').filter({ hasText: 'Төртүнчү' });
  await request.getByText('Мен ушул айылданмын').waitFor();
  await request.getByRole('button', { name: tr('ky', 'join.requests.approve') }).click();
  await a.getByText(tr('ky', 'join.requests.approved', { name: 'Төртүнчү' })).waitFor();
  await a.getByText(tr('ky', 'join.requests.none')).waitFor();
  await fourth.reload({ waitUntil: 'networkidle' });
  await fourth.getByText(tr('ky', 'role.CITIZEN')).first().waitFor();
  expect(await fourth.getByRole('heading', { name: tr('ky', 'join.title') }).count()).toBe(0);
}, 240_000);
