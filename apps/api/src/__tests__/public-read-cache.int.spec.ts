import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { platformAdmin, publishedBudget, village, Village } from '../../../../libs/budgets/src/__tests__/support';

/** Anonymous public reads answered from memory for a few seconds; nothing else is (PUBLIC_READ_CACHE_SECONDS). */
let api: RunningApi;
let v: Village;
let budgetId: string;

const PAGE = `query($id: ID!) { budget(id: $id) { id publicVersion { totals { revenue } } } }`;
const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });

beforeAll(async () => {
  api = await startApi({ label: 'pubcache', env: { PUBLIC_READ_CACHE_SECONDS: '2' } });
  v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө');
  budgetId = (await publishedBudget(api, v, 2026, [{ direction: 'REVENUE', economicCode: '11111', amount: '1000000' }])).budgetId;
});
afterAll(() => api?.stop());

test('a second anonymous read is the same answer from memory, without SQL; other languages and variables are their own', async () => {
  const first = await post(PAGE, { id: budgetId });
  expect(first.headers.get('x-public-cache')).toBeNull();
  const body = await first.text();
  api.sql.length = 0;
  const second = await post(PAGE, { id: budgetId });
  expect(second.headers.get('x-public-cache')).toBe('hit');
  expect(second.headers.get('content-type')).toContain('application/json');
  expect(await second.text()).toBe(body);
  expect(api.sql).toEqual([]);
  expect((await post(PAGE, { id: budgetId }, { 'x-lang': 'ru' })).headers.get('x-public-cache')).toBeNull();
  expect((await post(PAGE, { id: '00000000-0000-4000-8000-000000000000' })).headers.get('x-public-cache')).toBeNull();
});

test('never kept: signed-in reads, errors, mutations', async () => {
  const signedIn = () => fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${v.a.token}` }, body: JSON.stringify({ query: PAGE, variables: { id: budgetId } }) });
  await signedIn();
  expect((await signedIn()).headers.get('x-public-cache')).toBeNull();
  const missing = { id: '00000000-0000-4000-8000-0000000000aa' };
  await post(PAGE, missing);
  const again = await post(PAGE, missing);
  expect(again.headers.get('x-public-cache')).toBeNull();
  expect((await again.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  const mutation = `mutation { logOut }`;
  await post(mutation, {});
  expect((await post(mutation, {})).headers.get('x-public-cache')).toBeNull();
});

test('a change shows to anonymous readers after at most the configured seconds', async () => {
  const ANCHOR = `query { auditAnchor { seq } }`;
  const seq = async () => {
    const r = await post(ANCHOR, {});
    return { seq: (await r.json()).data.auditAnchor.seq as string, hit: r.headers.get('x-public-cache') === 'hit' };
  };
  const before = await seq();
  // A write (audited): the kept answer still says the old head, until it expires.
  ok(await gql(api.baseUrl, `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id } }`, { input: { communityId: v.communityId, fiscalYear: 2030, currency: 'KGS', population: 100, title: { ky: 'Т' } } }, { token: v.a.token }));
  expect(await seq()).toEqual({ seq: before.seq, hit: true });
  await new Promise((r) => setTimeout(r, 2100));
  const after = await seq();
  expect(after.hit).toBe(false);
  expect(Number(after.seq)).toBeGreaterThan(Number(before.seq));
});
