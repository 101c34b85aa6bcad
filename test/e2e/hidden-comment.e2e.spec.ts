/**
 * Moderated comments on the public budget page: a hearing comment and a monitoring reply hidden by a
 * moderator show as "hidden by a moderator" (translated) without their text to the public; the comment's
 * author still reads their text with the reason.
 */
import { translate } from '@ashar/i18n';
import { Page } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import { member, PASSWORD, platformAdmin, publishedBudget, village } from '../../libs/budgets/src/__tests__/support';
import { webOnApi } from './browser.support';

const web = webOnApi('e2ehidden');
const open = (url: string, email?: string) => web.open(url, email ? { login: email, password: PASSWORD } : undefined);

const text = (page: Page, s: string) => page.waitForFunction((x) => document.body.innerText.includes(x), s, { timeout: 30_000 });

test('hidden comments and replies: the public sees that they were hidden, the author sees text and reason', async () => {
  const platform = await platformAdmin(web.api);
  const v = await village(web.api, platform, '41707220840000', 'Ак-Дөбө');
  const moderator = await member(web.api, platform, v.communityId, 'MODERATOR', 'Модератор');
  const b = await publishedBudget(web.api, v, 2026, [{ direction: 'REVENUE', economicCode: '13111', amount: '2000000' }, { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '1800000' }]);
  const comment = `mutation($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id } }`;
  const hide = `mutation($id: ID!, $reason: String!) { hideComment(messageId: $id, reason: $reason) { id } }`;
  const rude = ok(await gql(web.api.baseUrl, comment, { input: { versionId: b.versionId, body: 'Орой сөз 123' } }, { token: v.citizen.token })).addBudgetComment;
  ok(await gql(web.api.baseUrl, comment, { input: { versionId: b.versionId, body: 'Жолго көбүрөөк акча' } }, { token: v.admin.token }));
  ok(await gql(web.api.baseUrl, hide, { id: rude.id, reason: 'Кемсинтүү' }, { token: moderator.token }));
  const note = ok(await gql(web.api.baseUrl, `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id } }`, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], status: 'RESOLVED', title: 'Табылга', body: 'Текст' } }, { token: v.a.token })).createMonitoringNote;
  const reply = ok(await gql(web.api.baseUrl, `mutation($id: ID!) { replyToMonitoringNote(noteId: $id, body: "Телефон 0555 000 111") { id } }`, { id: note.id }, { token: v.b.token })).replyToMonitoringNote;
  ok(await gql(web.api.baseUrl, hide, { id: reply.id, reason: 'Жеке маалымат' }, { token: moderator.token }));

  const hidden = translate('ky', 'threads.hiddenByModerator');
  const pub = await open(`${web.api.baseUrl}/budgets/${b.budgetId}`);
  await text(pub, 'Жолго көбүрөөк акча');
  await text(pub, hidden);
  const body = await pub.evaluate(() => document.body.innerText);
  expect(body.split(hidden).length - 1).toBe(2); // the comment and the reply
  expect(body).not.toContain('Орой сөз 123');
  expect(body).not.toContain('0555 000 111');
  expect(body).not.toContain('Кемсинтүү');

  const own = await open(`${web.api.baseUrl}/budgets/${b.budgetId}`, v.citizen.email);
  await text(own, 'Орой сөз 123');
  await text(own, translate('ky', 'threads.hiddenForAuthor', { reason: 'Кемсинтүү' }));
});
