import { asTransaction } from '@ashar/database';
import { DeliverNotificationHandler, NOTIFICATIONS_QUEUES, NotificationService } from '@ashar/notifications';
import { OutboxRelay, OutboxService } from '@ashar/queue';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from '../../../../test/support/test-config';
import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { eventually } from '../../../../test/support/eventually';

describe('queues without Redis: BullMQ on PostgreSQL, jobs only after commit', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'queuepg', redis: false, worker: true });
  });
  afterAll(() => api?.stop());

  it('processes a job enqueued by the API in the worker application', async () => {
    const email = 'queue-admin@example.kg';
    const s = ok(await gql(api.baseUrl, `mutation($i: SignUpInput!) { signUp(input: $i) { account { id } } }`, { i: { email, password: 'long enough pw', displayName: 'Q' } }));
    await api.dataSource.query('UPDATE accounts SET platform_admin = true WHERE id = $1', [s.signUp.account.id]);
    const token = ok(await gql(api.baseUrl, `mutation { logIn(input: { login: "${email}", password: "long enough pw" }) { accessToken } }`)).logIn.accessToken;
    const community = ok(await gql(api.baseUrl, `mutation { createCommunity(input: { unitCode: "41707220840000", kind: INITIATIVE_GROUP, names: { ky: "Демилгелүү топ" } }) { id } }`, {}, { token })).createCommunity.id;
    const inv = ok(await gql(api.baseUrl, `mutation($c: ID!) { createInvitation(input: { communityId: $c, role: EXPERT, recipient: "expert@example.kg" }) { id } }`, { c: community }, { token })).createInvitation;
    // The record is written with the invitation; SENT only once the worker has run the delivery job.
    const row = await eventually(async () => (await api.dataSource.query(`SELECT channel FROM notification_deliveries WHERE job_id = $1 AND status = 'SENT'`, [`invitation-notify.${inv.id}`]))[0]);
    expect(row.channel).toBe('email');
  });

  it('kept that job in PostgreSQL, not in a Redis that happens to be running', async () => {
    expect((await (await fetch(`${api.baseUrl}/readyz`)).json()).queueBackend).toBe('postgres');
    const tables = await api.dataSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1`, [api.config.queueSchema]);
    expect(tables[0].n).toBeGreaterThan(0);
    const redis = new Redis(TEST_REDIS_URL);
    try {
      expect(await redis.keys(`${api.config.redisPrefix}*`)).toEqual([]);
    } finally {
      await redis.quit();
    }
  });

  it('does not enqueue from a transaction that rolls back, nor before the commit', async () => {
    const outbox = api.app.get(OutboxService);
    const relay = api.app.get(OutboxRelay);
    await expect(
      api.dataSource.transaction(async (m) => {
        await outbox.enqueue(m, NOTIFICATIONS_QUEUES.notifications.name, 'invitation.notify', {}, 'rolled-back-job');
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE job_id = 'rolled-back-job'`))[0].n).toBe(0);

    const notifications = api.app.get(NotificationService, { strict: false });
    const message = (key: string) => ({ recipient: { email: 'log@example.kg' }, channel: 'email' as const, templateKey: 'notifications.signInUnlock', params: { link: 'l', hours: 1 }, idempotencyKey: key });
    await api.dataSource.transaction(async (m) => {
      await notifications.send(asTransaction(m), message('after-commit-job'));
      // Inside the transaction the row is invisible to the relay's own connection: nothing goes out yet.
      expect(await relay.kick()).toBe(0);
    });
    const delivered = await eventually(async () => (await api.dataSource.query(`SELECT recipient FROM notification_deliveries WHERE job_id = 'after-commit-job' AND status = 'SENT'`))[0]);
    expect(delivered.recipient).toBe('log@example.kg');
  });

  it('runs a handler twice without doing the work twice', async () => {
    const notifications = api.app.get(NotificationService, { strict: false });
    const delivery = await api.dataSource.transaction((m) =>
      notifications.send(asTransaction(m), { recipient: { phone: '+996700123456' }, channel: 'sms', templateKey: 'notifications.signInUnlock', params: { link: 'l', hours: 1 }, idempotencyKey: 'twice-job' }),
    );
    const handler = api.worker!.get(DeliverNotificationHandler, { strict: false });
    // If the worker's own run of the job holds the record at this moment, the call waits for its outcome.
    const run = () => handler.handle({ deliveryId: delivery!.id });
    const outcomes = [await run(), await run()];
    // The job the outbox enqueued may have run first: then both direct calls find it sent.
    expect(outcomes.filter((o) => o.outcome === 'sent').length).toBeLessThanOrEqual(1);
    expect(outcomes[1]).toEqual({ outcome: 'already-sent' });
    const rows = await api.dataSource.query(`SELECT status, attempts FROM notification_deliveries WHERE job_id = 'twice-job'`);
    expect(rows).toEqual([{ status: 'SENT', attempts: 1 }]);
  });
});
