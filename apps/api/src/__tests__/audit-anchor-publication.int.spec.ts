import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { platformAdmin, publishedBudget, village } from '../../../../libs/budgets/src/__tests__/support';
import { anchorSignatureValid } from '@ashar/audit';

/** The audit chain's head is published with every public file and on the public page (issue 15, item 5). */
const KEY = 'k'.repeat(40);
let api: RunningApi;
let files: string[];
let v: Awaited<ReturnType<typeof village>>;

beforeAll(async () => {
  api = await startApi({ label: 'anchorpub', env: { AUDIT_ANCHOR_KEY: KEY } });
  v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө');
  const b = await publishedBudget(api, v, 2026, [
    { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
    { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '900000' },
  ]);
  files = ['budget.csv', 'budget-excel.csv', 'budget.xlsx', 'budget.json', 'fdp/datapackage.json', 'fdp/budget.csv'].map((f) => `${api.baseUrl}/api/public/budgets/${b.budgetId}/versions/1/${f}`);
});
afterAll(() => api?.stop());

const head = async () => (await api.dataSource.query(`SELECT seq::text AS seq, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1`))[0] as { seq: string; hash: string };

test('every public export carries the chain head it was served at, signed, readable by scripts of any origin', async () => {
  const h = await head();
  expect(Number(h.seq)).toBeGreaterThan(0);
  for (const url of files) {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-audit-anchor')).toBe(`${h.seq}:${h.hash}`);
    const at = res.headers.get('x-audit-anchor-at')!;
    expect(anchorSignatureValid({ seq: h.seq, hash: h.hash, at, signature: res.headers.get('x-audit-anchor-signature') }, KEY)).toBe(true);
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Audit-Anchor');
  }
});

test('the anchor moves with the log: a later write shows in the next download', async () => {
  const before = (await fetch(files[0])).headers.get('x-audit-anchor');
  await publishedBudget(api, v, 2027, [{ direction: 'REVENUE', economicCode: '11111', amount: '5' }]);
  const after = (await fetch(files[0])).headers.get('x-audit-anchor');
  const h = await head();
  expect(after).toBe(`${h.seq}:${h.hash}`);
  expect(after).not.toBe(before);
});

test('the public budget page’s query returns the anchor beside the budget', async () => {
  const h = await head();
  const q = `query { auditAnchor { seq hash at signature } }`;
  const a = ok(await gql(api.baseUrl, q, {})).auditAnchor;
  expect(`${a.seq}:${a.hash}`).toBe(`${h.seq}:${h.hash}`);
  expect(anchorSignatureValid(a, KEY)).toBe(true);
});
