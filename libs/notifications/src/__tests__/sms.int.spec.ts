import { asTransaction } from '@ashar/database';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { person, Person } from './support';
import { smsSegments } from '@ashar/kernel/sms';
import { signSmsReport, SMS_REPORT_SIGNATURE_HEADER } from '../domain/sms-report';
import { NotificationKinds } from '../services/notification-kinds';
import { NotificationService, SendNotificationRequest } from '../services/notification.service';

/** SMS as a channel: parts and cost recorded per delivery, the estimate before sending, signed delivery reports. */
const SECRET = 'test-report-secret-0123456789';
let api: RunningApi;
let notifications: NotificationService;
let alice: Person;
let server: http.Server;
const texts = new Map<string, string>();
const senders = new Map<string, string>();
let n = 0;

beforeAll(async () => {
  // The gateway stand-in: answers every message with a new id and keeps the text it got.
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string; from: string };
      const id = `gw-sms-${++n}`;
      texts.set(id, body.text);
      senders.set(id, body.from);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = await startApi({
    label: 'notifysms',
    worker: true,
    env: {
      NOTIFY_SMS_PROVIDER: 'http',
      NOTIFY_SMS_HTTP_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
      NOTIFY_SMS_HTTP_SENDER: 'ASHAR',
      NOTIFY_SMS_PRICE_PER_PART: '150',
      NOTIFY_SMS_CURRENCY: 'KGS',
      NOTIFY_SMS_REPORT_SECRET: SECRET,
    },
  });
  notifications = api.app.get(NotificationService, { strict: false });
  alice = await person(api, 'Alice');
});
afterAll(async () => {
  await api?.stop();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

const sms = (key: string, locale: string): SendNotificationRequest => ({
  recipient: { phone: '+996700550101' },
  channel: 'sms',
  templateKey: 'notifications.signInUnlock',
  params: { link: 'https://ashar.example/unlock-sign-in/abc', hours: 24 },
  locale,
  idempotencyKey: key,
});
const row = async (id: string) =>
  (await api.dataSource.query(`SELECT status, provider_message_id, sms_parts, cost_minor, cost_currency, report_status, report_raw_status, reported_at FROM notification_deliveries WHERE id = $1`, [id]))[0];
async function sentSms(key: string, locale = 'ru') {
  const d = (await api.dataSource.transaction((m) => notifications.send(asTransaction(m), sms(key, locale))))!;
  notifications.dispatchSoon();
  const end = Date.now() + 15_000;
  while ((await row(d.id)).status !== 'SENT') {
    if (Date.now() > end) throw new Error(`delivery ${d.id} not sent`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { id: d.id, ...(await row(d.id)) };
}
const report = (body: unknown, signature?: string | null) => {
  const raw = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers[SMS_REPORT_SIGNATURE_HEADER] = signature ?? signSmsReport(SECRET, raw);
  return fetch(`${api.baseUrl}/api/notifications/sms/delivery-report`, { method: 'POST', headers, body: raw }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
};

describe('cost per message', () => {
  it('records the parts of the text that went out and their cost at the configured price', async () => {
    const d = await sentSms('sms-cost.ru');
    const parts = smsSegments(texts.get(d.provider_message_id)!).parts;
    expect(parts).toBeGreaterThan(1); // the Russian unlock notice with its link is UCS-2 and longer than 70
    expect(d).toMatchObject({ sms_parts: parts, cost_minor: String(parts * 150), cost_currency: 'KGS' });
    // The configured sender name went with it.
    expect(senders.get(d.provider_message_id)).toBe('ASHAR');
  });

  it('an email delivery carries no SMS cost', async () => {
    const e = (await api.dataSource.transaction((m) => notifications.send(asTransaction(m), { ...sms('sms-cost.email', 'en'), recipient: { email: 'x@example.kg' }, channel: 'email' })))!;
    expect(await row(e.id)).toMatchObject({ sms_parts: null, cost_minor: null, cost_currency: null });
  });
});

describe('smsEstimate', () => {
  const Q = `query($text: String!, $recipients: Int!) { smsEstimate(text: $text, recipients: $recipients) { encoding characters units parts perPart remainingInLastPart nonGsmCharacters recipients pricePerPartMinor costMinor currency } }`;

  it('shows segments and cost before sending, for a text and a number of recipients', async () => {
    const kyrgyz = 'Добуш берүү башталды! Долбоорлордун номерлерин жооп катары жөнөтүңүз: 3 7 12';
    expect(ok(await gql(api.baseUrl, Q, { text: kyrgyz, recipients: 250 }, { token: alice.token })).smsEstimate).toEqual({
      encoding: 'UCS-2', characters: 76, units: 76, parts: 2, perPart: 67, remainingInLastPart: 58, nonGsmCharacters: expect.arrayContaining(['Д', 'ү', 'ө', 'ң']),
      recipients: 250, pricePerPartMinor: 150, costMinor: '75000', currency: 'KGS',
    });
    expect(ok(await gql(api.baseUrl, Q, { text: 'Voting is open: reply 3 7 12', recipients: 1 }, { token: alice.token })).smsEstimate).toMatchObject({ encoding: 'GSM-7', parts: 1, costMinor: '150' });
  });

  it('refuses anonymous callers and bad numbers', async () => {
    expect(firstError(await gql(api.baseUrl, Q, { text: 'x', recipients: 1 }))?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const recipients of [0, -1, 1_000_001]) expect(firstError(await gql(api.baseUrl, Q, { text: 'x', recipients }, { token: alice.token }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipients' });
    expect(firstError(await gql(api.baseUrl, Q, { text: 'ж'.repeat(1601), recipients: 1 }, { token: alice.token }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });
});

describe('delivery reports', () => {
  it('stores a signed DELIVERED report with its time and raw status; the same report again changes nothing', async () => {
    const d = await sentSms('sms-report.1');
    const body = { messageId: d.provider_message_id, status: 'DELIVRD', at: '2026-12-03T07:00:05Z' };
    expect(await report(body)).toEqual({ status: 200, body: { deliveryId: d.id, reportStatus: 'DELIVERED', stored: true } });
    const after = await row(d.id);
    expect(after).toMatchObject({ status: 'SENT', report_status: 'DELIVERED', report_raw_status: 'DELIVRD' });
    expect(new Date(after.reported_at).toISOString()).toBe('2026-12-03T07:00:05.000Z');
    expect((await report(body)).body).toMatchObject({ deliveryId: d.id, reportStatus: 'DELIVERED' });
    expect(await row(d.id)).toEqual(after);
    // An older report arriving late, or an intermediate one, does not overwrite the final outcome.
    expect((await report({ ...body, status: 'UNDELIV', at: '2026-12-03T07:00:01Z' })).body).toMatchObject({ reportStatus: 'DELIVERED', stored: false });
    expect((await report({ ...body, status: 'ENROUTE' })).body).toMatchObject({ reportStatus: 'DELIVERED', stored: false });
    expect(await row(d.id)).toEqual(after);
  });

  it('stores FAILED with the raw status', async () => {
    const d = await sentSms('sms-report.2');
    expect((await report({ id: d.provider_message_id, status: 'REJECTD' })).body).toMatchObject({ reportStatus: 'FAILED', stored: true });
    expect(await row(d.id)).toMatchObject({ report_status: 'FAILED', report_raw_status: 'REJECTD', reported_at: expect.any(Date) });
  });

  it('refuses unsigned or wrongly signed reports, answers unknown ids 404 and bad fields 400, and stores nothing', async () => {
    const d = await sentSms('sms-report.3');
    const body = { messageId: d.provider_message_id, status: 'DELIVRD' };
    expect(await report(body, null)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await report(body, signSmsReport('another-secret-0123456789', JSON.stringify(body)))).toMatchObject({ status: 401 });
    expect(await report(body, 'sha256=')).toMatchObject({ status: 401 });
    expect(await report({ messageId: 'gw-none', status: 'DELIVRD' })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await report({ messageId: d.provider_message_id, status: 'MAYBE' })).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'status' } });
    expect(await report({ messageId: d.provider_message_id, status: 'DELIVRD', at: 'yesterday' })).toMatchObject({ status: 400, body: { field: 'at' } });
    expect(await report({ status: 'DELIVRD' })).toMatchObject({ status: 400, body: { field: 'messageId' } });
    expect(await row(d.id)).toMatchObject({ report_status: null, reported_at: null });
  });
});

describe('inbound SMS: STOP opts the phone out', () => {
  const inbound = (body: unknown, signature?: string | null) => {
    const raw = Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers[SMS_REPORT_SIGNATURE_HEADER] = signature ?? signSmsReport(SECRET, raw);
    return fetch(`${api.baseUrl}/api/notifications/sms/inbound`, { method: 'POST', headers, body: raw }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
  };
  const reminder = (key: string, phone: string, kind?: string): SendNotificationRequest => ({ ...sms(key, 'ky'), recipient: { phone, email: 'voter@example.kg' }, channel: ['sms', 'email'], ...(kind ? { kind } : {}) });
  const send = (req: SendNotificationRequest) => api.dataSource.transaction((m) => notifications.send(asTransaction(m), req));
  const optOuts = async (phone: string) => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM sms_opt_outs WHERE phone = $1`, [phone]))[0].n);
  const stored = async (id: string) => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM sms_inbound_messages WHERE gateway_message_id = $1`, [id]))[0].n);

  beforeAll(() => {
    const kinds = api.app.get(NotificationKinds, { strict: false });
    if (!kinds.has('test.reminder')) kinds.register([{ kind: 'test.reminder', labelKey: 'notifications.kind.participation.phase' }]);
  });

  it('"токтот" opts out: registered kinds go by the next channel, a notice without a kind still goes by SMS; START opts back in', async () => {
    const phone = '+996700551001';
    expect(await inbound({ messageId: 'in-1', from: phone, text: ' Токтот! ' })).toEqual({ status: 200, body: { inboundId: expect.any(String), action: 'OPT_OUT', duplicate: false } });
    expect(await optOuts(phone)).toBe(1);
    expect((await send(reminder('stop.kind', phone, 'test.reminder')))!.channel).toBe('email');
    expect((await send(reminder('stop.nokind', phone)))!.channel).toBe('sms');
    expect(await send({ ...reminder('stop.only', phone, 'test.reminder'), channel: 'sms' })).toBeNull();
    expect((await inbound({ messageId: 'in-2', from: phone, text: 'START' })).body).toMatchObject({ action: 'OPT_IN', duplicate: false });
    expect(await optOuts(phone)).toBe(0);
    expect((await send(reminder('stop.back', phone, 'test.reminder')))!.channel).toBe('sms');
  });

  it('the same gateway message delivered twice is stored and acted on once', async () => {
    const phone = '+996700551002';
    const first = await inbound({ messageId: 'in-3', from: phone, text: 'стоп' });
    await inbound({ messageId: 'in-4', from: phone, text: 'start' });
    // The STOP arrives again after the START: it is a repeat, so the phone stays opted in.
    expect((await inbound({ messageId: 'in-3', from: phone, text: 'стоп' })).body).toEqual({ inboundId: first.body.inboundId, action: 'OPT_OUT', duplicate: true });
    expect(await optOuts(phone)).toBe(0);
    expect(await stored('in-3')).toBe(1);
  });

  it('the same text from the same phone again within two minutes under a new gateway id counts once; later it is new', async () => {
    const phone = '+996700551004';
    const first = await inbound({ messageId: 'in-7', from: phone, text: '3 7 12', at: '2026-12-03T06:00:00Z' });
    expect((await inbound({ messageId: 'in-7b', from: phone, text: '3 7 12', at: '2026-12-03T06:01:30Z' })).body).toEqual({ inboundId: first.body.inboundId, action: first.body.action, duplicate: true });
    expect(await stored('in-7b')).toBe(0);
    expect((await inbound({ messageId: 'in-7c', from: phone, text: '3 7 12', at: '2026-12-03T06:05:00Z' })).body).toMatchObject({ duplicate: false });
    expect((await inbound({ messageId: 'in-7d', from: phone, text: '3 7', at: '2026-12-03T06:05:10Z' })).body).toMatchObject({ duplicate: false });
  });

  it('keeps other replies without acting, and refuses unsigned or malformed messages', async () => {
    expect((await inbound({ messageId: 'in-5', from: '+996700551003', text: 'Салам, рахмат!' })).body).toMatchObject({ action: null, duplicate: false });
    // A ballot-like text goes to the registered reply handlers (participation: votes by SMS, tested there); an unverified number is refused.
    expect((await inbound({ messageId: 'in-5b', from: '+996700551003', text: '3 7 12' })).body).toMatchObject({ action: 'VOTE_REFUSED', duplicate: false });
    expect(await optOuts('+996700551003')).toBe(0);
    expect(await inbound({ messageId: 'in-6', from: '+996700551003', text: 'STOP' }, null)).toMatchObject({ status: 401 });
    expect(await inbound({ messageId: 'in-6', from: '+996700551003', text: 'STOP' }, 'sha256=00')).toMatchObject({ status: 401 });
    expect(await inbound({ messageId: 'in-6', from: 'Beeline', text: 'STOP' })).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT', field: 'from' } });
    expect(await inbound({ messageId: 'in-6', from: '+996700551003' })).toMatchObject({ status: 400, body: { field: 'text' } });
    expect(await stored('in-6')).toBe(0);
    expect(await optOuts('+996700551003')).toBe(0);
  });
});
