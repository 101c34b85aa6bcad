/**
 * Stored text is inert: script payloads saved through the API as a budget line name, a monitoring
 * note and a display name are shown literally by the pages that show them, and never run
 * (`window.__xss` stays undefined). The hardening bad-input corpus sends the same payloads to every field.
 */
import { Page } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import { member, PASSWORD, platformAdmin, publishedBudget, village } from '../../libs/budgets/src/__tests__/support';
import { webOnApi } from './browser.support';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';

const web = webOnApi('e2einert');
const open = (url: string, email?: string) => web.open(url, email ? { login: email, password: PASSWORD } : undefined);

async function expectInert(page: Page, shown: string[]) {
  // The page fetches its data after load: wait until the text is there (as text, not parsed markup).
  for (const s of shown) await page.waitForFunction((x) => document.body.innerText.includes(x), s, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  // No element was made from the payload: it is text, not markup.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
}

test('script payloads stored as a line name, a monitoring note and a display name are shown as text and never run', async () => {
  const platform = await platformAdmin(web.api);
  const v = await village(web.api, platform, '41707220840000', 'Ак-Дөбө');
  const b = await publishedBudget(web.api, v, 2026, [
    { direction: 'REVENUE', economicCode: '13111', amount: '2000000', names: { ky: IMG, ru: IMG } } as never,
    { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '1800000', names: { ky: SCRIPT, ru: SCRIPT } } as never,
  ]);
  const author = await member(web.api, platform, v.communityId, 'BUDGET_GROUP_MEMBER', IMG);
  ok(
    await gql(
      web.api.baseUrl,
      `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id } }`,
      { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], status: 'RESOLVED', title: SCRIPT, body: IMG } },
      { token: author.token },
    ),
  );

  // The public budget page: line names, the resolved note and its author, for anybody.
  await expectInert(await open(`${web.api.baseUrl}/budgets/${b.budgetId}`), [IMG, SCRIPT]);
  // The community page lists members by display name (members only).
  await expectInert(await open(`${web.api.baseUrl}/communities/${v.communityId}`, v.citizen.email), [IMG]);
  // The home page greets the signed-in account by its display name.
  await expectInert(await open(`${web.api.baseUrl}/`, author.email), [IMG]);
});
