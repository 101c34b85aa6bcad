import { asTransaction } from '@ashar/database';
import { JobDispatcher, OutboxService } from '@ashar/queue';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { DeliverNotificationHandler } from '../jobs/deliver-notification.handler';
import { DELIVER_NOTIFICATION_JOB } from '../jobs/deliver-notification.job';
import { NotificationService, SendNotificationRequest } from '../services/notification.service';

/**
 * A stand-in SMS/email gateway on a local port (the only thing outside the platform): each recipient
 * gets a script of answers, consumed one per request (then 200), and every request is kept.
 */
interface Answer {
  status: number;
  body?: unknown;
  delayMs?: number;
}
interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, string>;
}
class FakeGateway {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, Answer[]>();
  private server!: http.Server;
  private n = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
        this.received.push({ path: req.url ?? '', headers: req.headers, body });
        const answer = this.scripts.get(body.to)?.shift() ?? { status: 200, body: { message: { id: `gw-${++this.n}` } } };
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer.body ?? {}));
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  script(to: string, answers: Answer[]): void {
    this.scripts.set(to, answers);
  }

  to(recipient: string): Received[] {
    return this.received.filter((r) => r.body.to === recipient);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('notifications: HTTP gateway delivery, retries that never send twice, in-app inbox', () => {
  const gateway = new FakeGateway();
  let api: RunningApi;
  let notifications: NotificationService;

  beforeAll(async () => {
    const base = await gateway.start();
    api = await startApi({
      label: 'notify',
      worker: true,
      env: {
        NOTIFY_SMS_PROVIDER: 'http',
        NOTIFY_SMS_HTTP_URL: `${base}/sms`,
        NOTIFY_SMS_HTTP_AUTH: 'Bearer test-gateway-token',
        NOTIFY_SMS_HTTP_TIMEOUT_MS: '700',
        NOTIFY_SMS_HTTP_MESSAGE_ID_PATH: 'message.id',
        NOTIFY_EMAIL_PROVIDER: 'http',
        NOTIFY_EMAIL_HTTP_URL: `${base}/email`,
        NOTIFY_EMAIL_HTTP_AUTH_HEADER: 'X-Api-Key',
        NOTIFY_EMAIL_HTTP_AUTH: 'email-key',
      },
    });
    notifications = api.app.get(NotificationService, { strict: false });
  });
  afterAll(async () => {
    await api?.stop();
    await gateway.stop();
  });

  let seq = 0;
  const phone = () => `+99670055${String(++seq).padStart(4, '0')}`;
  const sms = (to: string, extra: Partial<SendNotificationRequest> = {}): SendNotificationRequest => ({
    recipient: { phone: to },
    channel: 'sms',
    templateKey: 'notifications.signInUnlock',
    params: { link: 'https://ashar.example/unlock-sign-in/abc', hours: 24 },
    locale: 'ru',
    idempotencyKey: `test-sms.${to.slice(1)}`,
    ...extra,
  });
  const send = async (req: SendNotificationRequest) => {
    const d = await api.dataSource.transaction((m) => notifications.send(asTransaction(m), req));
    notifications.dispatchSoon();
    return d!;
  };
  const row = async (id: string) =>
    (await api.dataSource.query(`SELECT status, attempts, provider, provider_message_id, last_error FROM notification_deliveries WHERE id = $1`, [id]))[0];
  async function until(what: string, probe: () => Promise<boolean>, ms = 15_000) {
    const end = Date.now() + ms;
    while (!(await probe())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }
  const settled = (id: string) => until(`delivery ${id} to settle`, async () => ['SENT', 'FAILED'].includes((await row(id)).status));

  it('the worker dispatches notifications.deliver on the notifications queue', () => {
    expect(api.worker!.get(JobDispatcher, { strict: false }).dispatchTable().notifications).toEqual(['notifications.deliver']);
  });

  it('sends through the HTTP gateway: a real request with the templated body, the credential and the idempotency key; the gateway id is kept', async () => {
    const to = phone();
    const d = await send(sms(to));
    expect(d.status).toBe('PENDING');
    await settled(d.id);
    expect(await row(d.id)).toEqual({ status: 'SENT', attempts: 1, provider: 'http', provider_message_id: expect.stringMatching(/^gw-\d+$/), last_error: null });
    const [req] = gateway.to(to);
    expect(req.path).toBe('/sms');
    expect(req.headers.authorization).toBe('Bearer test-gateway-token');
    expect(req.headers['idempotency-key']).toBe(d.id);
    // Rendered from the catalogue in the recipient's language, the link intact.
    expect(req.body).toEqual({ to, text: expect.stringContaining('https://ashar.example/unlock-sign-in/abc'), reference: d.id });
    expect(req.body.text).toContain('вход приостановлен');
    expect(req.body.text).toContain('24 ч');
  });

  it('email goes to its own gateway with its own header and a subject', async () => {
    const d = await send({ ...sms(''), recipient: { email: 'Resident@Example.kg' }, channel: ['sms', 'email'], locale: 'en', idempotencyKey: 'test-email.1' });
    expect(d.channel).toBe('email');
    await settled(d.id);
    const [req] = gateway.to('resident@example.kg');
    expect(req.path).toBe('/email');
    expect(req.headers['x-api-key']).toBe('email-key');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.body.subject).toBe('Signing in to Ashar is paused');
  });

  it('after a 5xx the retry sends once more and the record is SENT once', async () => {
    const to = phone();
    gateway.script(to, [{ status: 503, body: { error: 'busy' } }]);
    const d = await send(sms(to));
    await settled(d.id);
    expect(await row(d.id)).toMatchObject({ status: 'SENT', attempts: 2, last_error: null });
    // Both requests carry the same key, so a gateway that de-duplicates sees one message.
    expect(gateway.to(to).map((r) => r.headers['idempotency-key'])).toEqual([d.id, d.id]);
    await sleep(2500);
    expect(gateway.to(to)).toHaveLength(2);
  });

  it('a duplicate job, a repeated send() and parallel attempts send once', async () => {
    const to = phone();
    const d = await send(sms(to));
    // The same idempotency key again: the first record comes back, no second job.
    const again = await send(sms(to));
    expect(again.id).toBe(d.id);
    const handler = api.worker!.get(DeliverNotificationHandler, { strict: false });
    const attempt = () => handler.handle({ deliveryId: d.id });
    const outcomes = await Promise.all([attempt(), attempt(), attempt()]);
    await settled(d.id);
    // A second job for the same record (another job id) finds it SENT.
    await api.dataSource.transaction((m) => api.app.get(OutboxService).enqueueJob(asTransaction(m), DELIVER_NOTIFICATION_JOB, { deliveryId: d.id }, `dup.${d.id}`));
    notifications.dispatchSoon();
    expect(await handler.handle({ deliveryId: d.id })).toEqual({ outcome: 'already-sent' });
    await sleep(1500);
    expect(gateway.to(to)).toHaveLength(1);
    expect(await row(d.id)).toMatchObject({ status: 'SENT', attempts: 1 });
    // Parallel attempts wait for the one that holds the record instead of failing.
    expect(outcomes.filter((o) => o.outcome === 'sent').length).toBeLessThanOrEqual(1);
    expect(outcomes.every((o) => ['sent', 'already-sent'].includes(o.outcome))).toBe(true);
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE job_id = $1`, [`test-sms.${to.slice(1)}`]))[0].n).toBe(1);
  });

  it('a 4xx is FAILED at once, without retries', async () => {
    const to = phone();
    gateway.script(to, [{ status: 400, body: { error: 'invalid number' } }, { status: 200 }]);
    const d = await send(sms(to));
    await settled(d.id);
    const r = await row(d.id);
    expect(r).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(r.last_error).toContain('HTTP 400');
    await sleep(3500);
    expect(gateway.to(to)).toHaveLength(1);
  });

  it('a timeout after the request went out is ambiguous: FAILED, not repeated (the gateway is not idempotent)', async () => {
    const to = phone();
    gateway.script(to, [{ status: 200, delayMs: 2000 }]);
    const d = await send(sms(to));
    await settled(d.id);
    const r = await row(d.id);
    expect(r).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(r.last_error).toMatch(/^ambiguous: gateway did not answer within 700 ms/);
    await sleep(3000);
    expect(gateway.to(to)).toHaveLength(1);
  });

  it('an attempt that finds the record SENDING waits for its outcome; past the lease it is FAILED as ambiguous, not repeated', async () => {
    const to = phone();
    const d = await send(sms(to));
    await settled(d.id);
    const handler = api.worker!.get(DeliverNotificationHandler, { strict: false });
    // Another attempt is sending right now, and records SENT a moment later: this one waits and sends nothing.
    await api.dataSource.query(`UPDATE notification_deliveries SET status = 'SENDING', claim_id = gen_random_uuid(), claimed_at = now() WHERE id = $1`, [d.id]);
    const waiting = handler.handle({ deliveryId: d.id });
    await sleep(600);
    await api.dataSource.query(`UPDATE notification_deliveries SET status = 'SENT', claim_id = NULL WHERE id = $1`, [d.id]);
    expect(await waiting).toEqual({ outcome: 'already-sent' });
    // As if the worker died after the gateway took the message but before it recorded SENT.
    const interrupt = (ago: string) =>
      api.dataSource.query(`UPDATE notification_deliveries SET status = 'SENDING', claim_id = gen_random_uuid(), claimed_at = now() - $2::interval, sent_at = NULL WHERE id = $1`, [d.id, ago]);
    await interrupt('10 minutes');
    expect(await handler.handle({ deliveryId: d.id })).toEqual({ outcome: 'failed' });
    const r = await row(d.id);
    expect(r).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(r.last_error).toMatch(/^ambiguous: an earlier attempt stopped while sending/);
    expect(gateway.to(to)).toHaveLength(1);
  });

  it('an invitation with a phone goes out as one SMS in the inviting admin\'s language, naming the community and the role', async () => {
    const email = 'notify-admin@example.kg';
    const s = ok(await gql(api.baseUrl, `mutation($i: SignUpInput!) { signUp(input: $i) { account { id } } }`, { i: { email, password: 'long enough pw', displayName: 'A', locale: 'ru' } }));
    await api.dataSource.query('UPDATE accounts SET platform_admin = true WHERE id = $1', [s.signUp.account.id]);
    const token = ok(await gql(api.baseUrl, `mutation { logIn(input: { login: "${email}", password: "long enough pw" }) { accessToken } }`)).logIn.accessToken;
    const community = ok(await gql(api.baseUrl, `mutation { createCommunity(input: { unitCode: "41707220840000", kind: BUDGET_GROUP, names: { ky: "Ак-Дөбө тобу", ru: "Группа Ак-Дебе" } }) { id } }`, {}, { token })).createCommunity.id;
    const to = phone();
    const inv = ok(await gql(api.baseUrl, `mutation($c: ID!, $r: String) { createInvitation(input: { communityId: $c, role: EXPERT, recipient: $r }) { id link } }`, { c: community, r: to }, { token })).createInvitation;
    const [{ id }] = await api.dataSource.query('SELECT id FROM notification_deliveries WHERE job_id = $1', [`invitation-notify.${inv.id}`]);
    await settled(id);
    const [req] = gateway.to(to);
    expect(gateway.to(to)).toHaveLength(1);
    expect(req.body.text).toBe(`Вас приглашают в «Группа Ак-Дебе» на Ashar, роль: Эксперт. Откройте ${inv.link}, чтобы принять (действует 14 дн., один раз).`);
    // Without a recipient nothing is recorded: the admin shares the link.
    const bare = ok(await gql(api.baseUrl, `mutation($c: ID!) { createInvitation(input: { communityId: $c, role: CITIZEN }) { id } }`, { c: community }, { token })).createInvitation;
    expect(await api.dataSource.query('SELECT id FROM notification_deliveries WHERE job_id = $1', [`invitation-notify.${bare.id}`])).toEqual([]);
  });

  describe('in-app', () => {
    const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken account { id } } }`;
    const MINE = `query($limit: Int, $unread: Boolean) { myNotifications(limit: $limit, unreadOnly: $unread) { id templateKey text readAt } }`;
    const READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
    const account = async (name: string) => ok(await gql(api.baseUrl, SIGN_UP, { input: { email: `${name}@example.kg`, password: 'long enough pw', displayName: name } })).signUp;

    it('is readable and markable by its recipient only', async () => {
      const owner = await account('inbox-owner');
      const other = await account('inbox-other');
      const d = await send({ recipient: { accountId: owner.account.id }, channel: 'in_app', templateKey: 'notifications.signInUnlock', params: { link: 'L', hours: 3 }, idempotencyKey: `inapp.${owner.account.id}` });
      expect(await row(d.id)).toMatchObject({ status: 'SENT', provider: 'in-app' });

      const mine = ok(await gql(api.baseUrl, MINE, {}, { token: owner.accessToken, headers: { 'x-lang': 'en' } })).myNotifications;
      expect(mine).toEqual([{ id: d.id, templateKey: 'notifications.signInUnlock', text: expect.stringContaining('valid 3 h'), readAt: null }]);
      // Rendered in the language of the request.
      const ru = ok(await gql(api.baseUrl, MINE, {}, { token: owner.accessToken, headers: { 'x-lang': 'ru' } })).myNotifications;
      expect(ru[0].text).toContain('действует 3 ч');

      expect(ok(await gql(api.baseUrl, MINE, {}, { token: other.accessToken })).myNotifications).toEqual([]);
      expect(firstError(await gql(api.baseUrl, READ, { id: d.id }, { token: other.accessToken })).extensions.code).toBe('NOT_FOUND');
      expect(firstError(await gql(api.baseUrl, MINE, {})).extensions.code).toBe('UNAUTHENTICATED');
      expect(firstError(await gql(api.baseUrl, READ, { id: d.id })).extensions.code).toBe('UNAUTHENTICATED');
      expect((await row(d.id)).status).toBe('SENT');
      expect((await api.dataSource.query('SELECT read_at FROM notification_deliveries WHERE id = $1', [d.id]))[0].read_at).toBeNull();

      const read = ok(await gql(api.baseUrl, READ, { id: d.id }, { token: owner.accessToken })).markNotificationRead;
      expect(read.readAt).toBeTruthy();
      expect(ok(await gql(api.baseUrl, MINE, { unread: true }, { token: owner.accessToken })).myNotifications).toEqual([]);
      expect(ok(await gql(api.baseUrl, MINE, {}, { token: owner.accessToken })).myNotifications[0].readAt).toBe(read.readAt);
    });

    it('answers bad arguments with BAD_USER_INPUT or NOT_FOUND, never a server error', async () => {
      const owner = await account('inbox-bad');
      for (const limit of [0, 101, -1]) {
        expect(firstError(await gql(api.baseUrl, MINE, { limit }, { token: owner.accessToken })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
      }
      expect(firstError(await gql(api.baseUrl, READ, { id: 'not-a-uuid' }, { token: owner.accessToken })).extensions.code).toBe('NOT_FOUND');
      expect(firstError(await gql(api.baseUrl, READ, { id: '00000000-0000-4000-8000-000000000000' }, { token: owner.accessToken })).extensions.code).toBe('NOT_FOUND');
    });
  });
});
