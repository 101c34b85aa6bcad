import { gql, GqlResult, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { count, platformAdmin, publishedBudget, RECORD, village, Village } from './support';

const ATTACH = `mutation($id: ID!, $a: AttachmentInput!) { attachBudgetDocument(transactionId: $id, attachment: $a) { id attachments { name url } } }`;
const MAX_ATTACHMENTS = 20;
// The 200-call cases take about 17 s each on these 2 shared cores: a generous limit, not a timing check.

type Answer = GqlResult<{ attachBudgetDocument: { attachments: { name: string; url: string }[] } }>;

describe('parallel writes to one spending record: every acknowledged write is stored, once (real PostgreSQL)', () => {
  let api: RunningApi;
  let v: Village;
  let b: Awaited<ReturnType<typeof publishedBudget>>;
  let n = 0;

  /** A fresh spending record, so each case starts with no attachments. */
  const record = async (): Promise<string> =>
    ok(await gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2025-03-01', amount: String(100 + ++n), attachments: [] } }, { token: v.a.token })).recordBudgetTransaction.id;
  const stored = async (tx: string): Promise<{ name: string; url: string }[]> =>
    (await api.dataSource.query(`SELECT attachments FROM budget_transactions WHERE id = $1`, [tx]))[0].attachments;
  const audits = (tx: string, action: string) => count(api, 'audit_events', `action = '${action}' AND entity_id = '${tx}'`);
  const attachAll = (tx: string, docs: { name: string; url: string }[]) =>
    Promise.all(docs.map((a) => gql(api.baseUrl, ATTACH, { id: tx, a }, { token: v.a.token }) as Promise<Answer>));
  const doc = (i: number) => ({ name: `чек ${i}.pdf`, url: `https://docs.example.kg/receipts/${i}.pdf` });

  beforeAll(async () => {
    api = await startApi({ label: 'budgetraces' });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    b = await publishedBudget(api, v, 2025, [{ direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '600000' }]);
  });
  afterAll(() => api?.stop());

  it('20 parallel attaches of different documents: all answer OK and all 20 are stored, one audit event each', async () => {
    const tx = await record();
    const docs = Array.from({ length: 20 }, (_, i) => doc(i));
    const answers = await attachAll(tx, docs);
    expect(answers.map((r) => r.errors?.[0]?.extensions.code ?? 'OK')).toEqual(docs.map(() => 'OK'));
    // Each answer already contains its own attachment (it was written under the lock, not lost later).
    answers.forEach((r, i) => expect(r.data!.attachBudgetDocument.attachments).toContainEqual(docs[i]));
    const after = await stored(tx);
    expect(after).toHaveLength(20);
    expect(new Set(after.map((a) => a.url))).toEqual(new Set(docs.map((a) => a.url)));
    expect(await audits(tx, 'budget.attachDocument')).toBe(20);
  });

  it('200 parallel attaches of different documents: the first 20 are stored, the other 180 get CONFLICT; audit events = stored', async () => {
    const tx = await record();
    const docs = Array.from({ length: 200 }, (_, i) => doc(1000 + i));
    const answers = await attachAll(tx, docs);
    const codes = answers.map((r) => r.errors?.[0]?.extensions.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(MAX_ATTACHMENTS);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(200 - MAX_ATTACHMENTS);
    expect(answers.every((r) => r.status < 500)).toBe(true);
    const conflict = answers.find((r) => r.errors)!.errors![0].extensions;
    expect(conflict).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.validation.tooMany' });
    // Exactly the acknowledged ones are stored.
    const acknowledged = docs.filter((_, i) => codes[i] === 'OK').map((a) => a.url).sort();
    expect((await stored(tx)).map((a) => a.url).sort()).toEqual(acknowledged);
    expect(await audits(tx, 'budget.attachDocument')).toBe(MAX_ATTACHMENTS);
  }, 180_000);

  it('200 parallel calls, 10 documents sent 20 times each: all answer OK, each document stored once, one audit event each', async () => {
    const tx = await record();
    const docs = Array.from({ length: 200 }, (_, i) => doc(5000 + (i % 10)));
    const answers = await attachAll(tx, docs);
    expect(answers.map((r) => r.errors?.[0]?.extensions.code ?? 'OK').filter((c) => c !== 'OK')).toEqual([]);
    answers.forEach((r, i) => expect(r.data!.attachBudgetDocument.attachments).toContainEqual(docs[i]));
    const after = await stored(tx);
    expect(after).toHaveLength(10);
    expect(new Set(after.map((a) => a.url)).size).toBe(10);
    expect(await audits(tx, 'budget.attachDocument')).toBe(10);
    // Repeating a stored one later (e.g. a retried request) changes nothing either, even on a full record.
    const again = ok(await gql(api.baseUrl, ATTACH, { id: tx, a: doc(5003) }, { token: v.a.token })) as Answer['data'];
    expect(again!.attachBudgetDocument.attachments).toHaveLength(10);
    expect(await audits(tx, 'budget.attachDocument')).toBe(10);
  }, 180_000);

  it('a repeat of a stored attachment answers OK on a full record; a new one gets CONFLICT and changes nothing', async () => {
    const tx = await record();
    await attachAll(tx, Array.from({ length: MAX_ATTACHMENTS }, (_, i) => doc(7000 + i)));
    expect(await stored(tx)).toHaveLength(MAX_ATTACHMENTS);
    const repeat = await gql(api.baseUrl, ATTACH, { id: tx, a: doc(7005) }, { token: v.a.token });
    expect(repeat.errors).toBeUndefined();
    const extra = await gql(api.baseUrl, ATTACH, { id: tx, a: doc(7999) }, { token: v.a.token });
    expect(extra.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.validation.tooMany' });
    expect(await stored(tx)).toHaveLength(MAX_ATTACHMENTS);
    expect(await audits(tx, 'budget.attachDocument')).toBe(MAX_ATTACHMENTS);
  });

  it('a record entered with the same attachment twice stores it once', async () => {
    const r = ok(await gql(api.baseUrl, `mutation($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id attachments { url } } }`, {
      input: { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2025-03-02', amount: '5', attachments: [doc(9000), doc(9000), doc(9001)] },
    }, { token: v.a.token })).recordBudgetTransaction;
    expect(r.attachments.map((a: { url: string }) => a.url)).toEqual([doc(9000).url, doc(9001).url]);
    expect((await stored(r.id)).map((a) => a.url)).toEqual([doc(9000).url, doc(9001).url]);
  });

  it('20 parallel HTTP uploads of the same file to one record: one document, one attachment, one audit event, the same answer', async () => {
    const tx = await record();
    const pdf = Buffer.from('%PDF-1.4\n% scanned receipt of the road repair\n');
    const post = (name: string, body = pdf) =>
      fetch(`${api.baseUrl}/api/budget-transactions/${tx}/documents?fileName=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${v.a.token}` },
        body: body as never,
      });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 ? 'чек.pdf' : 'receipt.pdf')));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 201));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { id: string; url: string }[];
    expect(new Set(bodies.map((x) => x.id)).size).toBe(1);
    expect(await count(api, 'budget_documents', `transaction_id = '${tx}'`)).toBe(1);
    expect(await stored(tx)).toEqual([{ name: expect.any(String), url: bodies[0].url }]);
    expect(await count(api, 'audit_events', `action = 'budget.uploadDocument' AND after->>'transactionId' = '${tx}'`)).toBe(1);

    // Different bytes are a different document.
    const other = await post('second.pdf', Buffer.concat([pdf, Buffer.from('page 2')]));
    expect(other.status).toBe(201);
    expect(((await other.json()) as { id: string }).id).not.toBe(bodies[0].id);
    expect(await count(api, 'budget_documents', `transaction_id = '${tx}'`)).toBe(2);
  });
});
