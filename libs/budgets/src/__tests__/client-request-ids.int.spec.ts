/**
 * Offline outbox re-sends (issue 9): a spending record or a monitoring note carrying a `clientRequestId`
 * made on the phone is stored once, however often and however simultaneously it is sent (real PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { gql, GqlResult, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { count, platformAdmin, publishedBudget, village, Village } from './support';

const RECORD = `mutation($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id amount clientRequestId } }`;
const NOTE = `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id title status clientRequestId } }`;
const SET_STATUS = `mutation($id: ID!, $s: MonitoringNoteStatus!) { setMonitoringNoteStatus(noteId: $id, status: $s) { id status } }`;

type RecordAnswer = GqlResult<{ recordBudgetTransaction: { id: string; amount: string; clientRequestId: string | null } }>;
type NoteAnswer = GqlResult<{ createMonitoringNote: { id: string; title: string; clientRequestId: string | null } }>;

describe('client request ids: a re-sent write is stored once (real PostgreSQL)', () => {
  let api: RunningApi;
  let v: Village;
  let b: Awaited<ReturnType<typeof publishedBudget>>;

  const spending = (clientRequestId: string, amount = '1 500,50') => ({ input: { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2025-03-01', amount, counterparty: 'Дүкөн', attachments: [], clientRequestId } });
  const note = (clientRequestId: string, title = 'Чек жок') => ({ input: { budgetId: b.budgetId, lineKey: b.keys['2111'], status: 'QUESTION', title, body: 'Текшерүү керек.', clientRequestId } });
  const rows = (table: string, id: string) => count(api, table, `client_request_id = '${id}'`);
  const audits = (action: string, entityId: string) => count(api, 'audit_events', `action = '${action}' AND entity_id = '${entityId}'`);

  beforeAll(async () => {
    api = await startApi({ label: 'clientrequests' });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    b = await publishedBudget(api, v, 2025, [{ direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '600000' }]);
  });
  afterAll(() => api?.stop());

  it('a spending sent twice with the same id and content: one row, one audit event, the same answer both times', async () => {
    const id = randomUUID();
    const first = ok((await gql(api.baseUrl, RECORD, spending(id), { token: v.a.token })) as RecordAnswer).recordBudgetTransaction;
    const again = ok((await gql(api.baseUrl, RECORD, spending(id), { token: v.a.token })) as RecordAnswer).recordBudgetTransaction;
    expect(again).toEqual(first);
    expect(first).toMatchObject({ amount: '150050', clientRequestId: id });
    expect(await rows('budget_transactions', id)).toBe(1);
    expect(await audits('budget.recordTransaction', first.id)).toBe(1);
  });

  it('the same id with another amount: CONFLICT with a translated key, nothing written', async () => {
    const id = randomUUID();
    ok(await gql(api.baseUrl, RECORD, spending(id, '100'), { token: v.a.token }));
    const before = await count(api, 'budget_transactions');
    const clash = (await gql(api.baseUrl, RECORD, spending(id, '200'), { token: v.a.token })) as RecordAnswer;
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.budgets.clientRequestConflict' });
    expect(await count(api, 'budget_transactions')).toBe(before);
    // Another member re-using the id is not a re-send either.
    const other = (await gql(api.baseUrl, RECORD, spending(id, '100'), { token: v.b.token })) as RecordAnswer;
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('20 simultaneous sends of one id: all answer the one stored row, one audit event', async () => {
    const id = randomUUID();
    const answers = (await Promise.all(Array.from({ length: 20 }, () => gql(api.baseUrl, RECORD, spending(id), { token: v.a.token })))) as RecordAnswer[];
    expect(answers.map((r) => r.errors?.[0]?.extensions.code ?? 'OK')).toEqual(answers.map(() => 'OK'));
    expect(new Set(answers.map((r) => r.data!.recordBudgetTransaction.id)).size).toBe(1);
    expect(await rows('budget_transactions', id)).toBe(1);
    expect(await audits('budget.recordTransaction', answers[0].data!.recordBudgetTransaction.id)).toBe(1);
  }, 60_000);

  it('without an id every send is a new record (as before)', async () => {
    const before = await count(api, 'budget_transactions');
    const input = { input: { ...spending(randomUUID()).input, clientRequestId: undefined } };
    ok(await gql(api.baseUrl, RECORD, input, { token: v.a.token }));
    ok(await gql(api.baseUrl, RECORD, input, { token: v.a.token }));
    expect(await count(api, 'budget_transactions')).toBe(before + 2);
  });

  it('monitoring notes: a re-send answers the stored note, even after its status changed; other content is CONFLICT; parallel sends store one', async () => {
    const id = randomUUID();
    const first = ok((await gql(api.baseUrl, NOTE, note(id), { token: v.a.token })) as NoteAnswer).createMonitoringNote;
    ok(await gql(api.baseUrl, SET_STATUS, { id: first.id, s: 'CONCERN' }, { token: v.a.token }));
    const again = ok((await gql(api.baseUrl, NOTE, note(id), { token: v.a.token })) as NoteAnswer).createMonitoringNote;
    expect(again.id).toBe(first.id);
    expect(await rows('monitoring_notes', id)).toBe(1);
    expect(await audits('budget.note.create', first.id)).toBe(1);

    const clash = (await gql(api.baseUrl, NOTE, note(id, 'Башка аталыш'), { token: v.a.token })) as NoteAnswer;
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.budgets.clientRequestConflict' });

    const parallel = randomUUID();
    const answers = (await Promise.all(Array.from({ length: 10 }, () => gql(api.baseUrl, NOTE, note(parallel), { token: v.a.token })))) as NoteAnswer[];
    expect(answers.map((r) => r.errors?.[0]?.extensions.code ?? 'OK')).toEqual(answers.map(() => 'OK'));
    expect(await rows('monitoring_notes', parallel)).toBe(1);
  }, 60_000);

  it('a malformed client id is BAD_USER_INPUT naming the field', async () => {
    const r = (await gql(api.baseUrl, RECORD, { input: { ...spending('x').input, clientRequestId: 'not-a-uuid' } }, { token: v.a.token })) as RecordAnswer;
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
