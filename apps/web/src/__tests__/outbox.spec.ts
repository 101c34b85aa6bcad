import { ApiError } from '../api/graphql-errors';
import type { Operation } from '../api/operation';
import { MemoryOutboxStore, Outbox, operationName } from '../offline/outbox';
import { OutboxSender, sendOrQueue } from '../offline/outbox-sender';

const RECORD = 'mutation RecordTransaction($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id } }' as Operation<{ recordBudgetTransaction: { id: string } }, { input: { amount: string; clientRequestId?: string } }>;
const conflict = () => new ApiError([{ message: 'c', extensions: { code: 'CONFLICT', messageKey: 'errors.budgets.clientRequestConflict' } }]);
const refused = () => new ApiError([{ message: 'b', extensions: { code: 'BAD_USER_INPUT', messageKey: 'errors.budgets.amount', field: 'input.amount' } }]);

function setup(send: (q: string, v: Record<string, unknown>) => Promise<unknown>, scope: string | null = 'acc-1') {
  const outbox = new Outbox(new MemoryOutboxStore());
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const sender = new OutboxSender({ outbox, scope: () => scope, send, schedule: (fn, ms) => timers.push({ fn, ms }) });
  const add = (id: string, amount: string, createdAt: string, itemScope = 'acc-1') =>
    outbox.add({ id, operation: 'RecordTransaction', query: RECORD, variables: { input: { amount, clientRequestId: id } }, scope: itemScope, summary: { key: 'offline.op.record', params: { amount } }, createdAt });
  return { outbox, sender, timers, add };
}

describe('the outbox', () => {
  it('sends in the order the writes were made, removes what was stored and tells the pages', async () => {
    const sent: string[] = [];
    const { outbox, sender, add } = setup(async (_q, v) => void sent.push((v.input as { amount: string }).amount));
    await add('b', '2', '2026-12-02T10:00:02Z');
    await add('a', '1', '2026-12-02T10:00:01Z');
    const told: number[] = [];
    sender.onSent((items) => told.push(items.length));
    const r = await sender.flush();
    expect(sent).toEqual(['1', '2']);
    expect(r.sent.map((i) => i.id)).toEqual(['a', 'b']);
    expect(await outbox.list('acc-1')).toEqual([]);
    expect(told).toEqual([2]);
  });

  it('keeps a CONFLICT with its reason (never dropped), shows a refusal too, and goes on with the rest', async () => {
    const { outbox, sender, add } = setup(async (_q, v) => {
      const amount = (v.input as { amount: string }).amount;
      if (amount === 'clash') throw conflict();
      if (amount === 'bad') throw refused();
    });
    await add('1', 'clash', '2026-12-02T10:00:01Z');
    await add('2', 'bad', '2026-12-02T10:00:02Z');
    await add('3', '5', '2026-12-02T10:00:03Z');
    await sender.flush();
    const left = await outbox.list('acc-1');
    expect(left.map((i) => [i.id, i.state, i.error?.key])).toEqual([
      ['1', 'conflict', 'errors.budgets.clientRequestConflict'],
      ['2', 'refused', 'errors.budgets.amount'],
    ]);
    // A stuck item is not sent again by itself.
    expect((await sender.flush()).sent).toEqual([]);
  });

  it('"keep as a new entry" sends the same content under a new client id; "discard" removes it', async () => {
    const ids: string[] = [];
    let clash = true;
    const { outbox, sender, add } = setup(async (_q, v) => {
      ids.push((v.input as { clientRequestId: string }).clientRequestId);
      if (clash) throw conflict();
    });
    await add('old', '7', '2026-12-02T10:00:01Z');
    await sender.flush();
    const [stuck] = await outbox.list('acc-1');
    clash = false;
    const again = await outbox.keepAsNew(stuck, 'new');
    expect(again).toMatchObject({ id: 'new', state: 'pending', createdAt: stuck.createdAt, variables: { input: { amount: '7', clientRequestId: 'new' } } });
    await sender.flush();
    expect(ids).toEqual(['old', 'new']);
    expect(await outbox.list('acc-1')).toEqual([]);

    await add('gone', '8', '2026-12-02T10:00:05Z');
    await outbox.remove('gone');
    expect(await outbox.list('acc-1')).toEqual([]);
  });

  it('without a connection it stops at the first item (order kept) and retries with a growing wait', async () => {
    let online = false;
    const sent: string[] = [];
    const { outbox, sender, timers, add } = setup(async (_q, v) => {
      if (!online) throw ApiError.network(new TypeError('Failed to fetch'));
      sent.push((v.input as { amount: string }).amount);
    });
    await add('1', '1', '2026-12-02T10:00:01Z');
    await add('2', '2', '2026-12-02T10:00:02Z');
    const r = await sender.flush();
    expect(r).toMatchObject({ waiting: true, sent: [] });
    expect((await outbox.list('acc-1')).map((i) => [i.id, i.state, i.attempts])).toEqual([['1', 'pending', 1], ['2', 'pending', 0]]);
    expect(timers.map((t) => t.ms)).toEqual([2000]);
    timers.shift()!.fn();
    await sender.flush();
    expect(timers.map((t) => t.ms)).toEqual([4000]);
    online = true;
    timers.shift()!.fn();
    await sender.flush();
    expect(sent).toEqual(['1', '2']);
  });

  it("never sends another person's queued writes", async () => {
    const sent: string[] = [];
    const { outbox, sender, add } = setup(async (_q, v) => void sent.push((v.input as { amount: string }).amount), 'acc-2');
    await add('1', '1', '2026-12-02T10:00:01Z', 'acc-1');
    await sender.flush();
    expect(sent).toEqual([]);
    expect(await outbox.list('acc-1')).toHaveLength(1);
    expect(await outbox.list('acc-2')).toEqual([]);
  });

  it('sendOrQueue: sent when possible; queued with its client id on a network failure; API refusals go to the form', async () => {
    const outbox = new Outbox(new MemoryOutboxStore());
    const sender = new OutboxSender({ outbox, scope: () => 'acc-1', send: async () => undefined });
    let mode: 'ok' | 'network' | 'refused' = 'ok';
    const seen: unknown[] = [];
    const deps = {
      outbox,
      sender,
      scope: 'acc-1',
      newId: () => `id-${seen.length}`,
      send: async (_q: unknown, v: { input: { amount: string; clientRequestId?: string } }) => {
        seen.push(v);
        if (mode === 'network') throw ApiError.network(new TypeError('offline'));
        if (mode === 'refused') throw refused();
        return { recordBudgetTransaction: { id: 'x' } };
      },
    };
    const summary = { key: 'offline.op.record' };
    await expect(sendOrQueue(deps, RECORD, { input: { amount: '1' } }, summary)).resolves.toEqual({ queued: false, data: { recordBudgetTransaction: { id: 'x' } } });
    expect(seen[0]).toEqual({ input: { amount: '1', clientRequestId: 'id-0' } });
    mode = 'network';
    const queued = await sendOrQueue(deps, RECORD, { input: { amount: '2' } }, summary);
    expect(queued).toMatchObject({ queued: true, item: { id: 'id-1', operation: 'RecordTransaction', scope: 'acc-1', variables: { input: { amount: '2', clientRequestId: 'id-1' } } } });
    mode = 'refused';
    await expect(sendOrQueue(deps, RECORD, { input: { amount: 'x' } }, summary)).rejects.toBeInstanceOf(ApiError);
    expect(await outbox.list('acc-1')).toHaveLength(1);
    // Known offline: queued without trying.
    const before = seen.length;
    await sendOrQueue({ ...deps, isOnline: () => false }, RECORD, { input: { amount: '3' } }, summary);
    expect(seen.length).toBe(before);
    expect(await outbox.list('acc-1')).toHaveLength(2);
  });

  it('sendOrQueue without a client id (a list of paper voters, harmless to send twice): variables as given, queued under a phone-made item id', async () => {
    const VOTERS = 'mutation PbRegisterPaperVoters($processId: ID!, $accountIds: [ID!]!) { registerPaperVoters(processId: $processId, accountIds: $accountIds) { registered } }' as Operation<{ registerPaperVoters: { registered: number } }, { processId: string; accountIds: string[] }>;
    const outbox = new Outbox(new MemoryOutboxStore());
    const sender = new OutboxSender({ outbox, scope: () => 'acc-1', send: async () => undefined });
    const seen: unknown[] = [];
    const deps = { outbox, sender, scope: 'acc-1', newId: () => `id-${seen.length}`, send: async (_q: unknown, v: unknown) => (seen.push(v), { registerPaperVoters: { registered: 1 } }) };
    const vars = { processId: 'p', accountIds: ['a'] };
    await sendOrQueue(deps, VOTERS, vars, { key: 'offline.op.paperVoters' }, false);
    expect(seen).toEqual([vars]);
    const queued = await sendOrQueue({ ...deps, isOnline: () => false }, VOTERS, vars, { key: 'offline.op.paperVoters', params: { count: 1 } }, false);
    expect(queued).toMatchObject({ queued: true, item: { id: 'id-1', operation: 'PbRegisterPaperVoters', variables: vars } });
    expect((await outbox.list('acc-1'))[0].variables).toEqual(vars);
  });

  it('reads operation names', () => {
    expect(operationName(RECORD)).toBe('RecordTransaction');
    expect(operationName('{ me { id } }')).toBe('unknown');
  });
});
