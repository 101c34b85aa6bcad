import { asTransaction } from '@ashar/database';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { person, Person } from './support';
import { NotificationKinds } from '../services/notification-kinds';
import { NotificationService, SendNotificationRequest } from '../services/notification.service';

/** Opt-out per kind: `send` with a kind skips a recipient who opted out, on every channel; the rest is sent. */
let api: RunningApi;
let notifications: NotificationService;
let alice: Person;

beforeAll(async () => {
  api = await startApi({ label: 'notifyprefs' });
  notifications = api.app.get(NotificationService, { strict: false });
  api.app.get(NotificationKinds, { strict: false }).register([{ kind: 'test.digest', labelKey: 'notifications.kind.participation.phase' }]);
  alice = await person(api, 'Alice');
});
afterAll(() => api?.stop());

const send = (req: SendNotificationRequest) => api.dataSource.transaction((m) => notifications.send(asTransaction(m), req));
const message = (key: string, channel: SendNotificationRequest['channel'], kind?: string): SendNotificationRequest => ({
  recipient: { accountId: alice.id, email: alice.email }, channel, templateKey: 'notifications.signInUnlock', params: { link: 'L', hours: 1 }, idempotencyKey: key, ...(kind ? { kind } : {}),
});
const PREFS = `query { myNotificationPreferences { kind label enabled } }`;
const SET = `mutation($kind: String!, $enabled: Boolean!) { setNotificationPreference(kind: $kind, enabled: $enabled) { kind enabled } }`;
const stored = async (key: string) => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE job_id = $1`, [key]))[0].n);

test('a registered kind is sent by default, skipped on every channel once opted out, sent again once back in', async () => {
  expect(ok(await gql(api.baseUrl, PREFS, {}, { token: alice.token })).myNotificationPreferences).toEqual(expect.arrayContaining([{ kind: 'test.digest', label: expect.any(String), enabled: true }]));
  expect(await send(message('prefs-1', 'in_app', 'test.digest'))).not.toBeNull();

  ok(await gql(api.baseUrl, SET, { kind: 'test.digest', enabled: false }, { token: alice.token }));
  expect(await send(message('prefs-2', 'in_app', 'test.digest'))).toBeNull();
  expect(await send(message('prefs-3', ['email', 'sms'], 'test.digest'))).toBeNull();
  expect(await stored('prefs-2')).toBe(0);
  expect(await stored('prefs-3')).toBe(0);
  // Another kind, or no kind (a sign-in notice must always go), is still sent.
  expect(await send(message('prefs-4', 'email'))).not.toBeNull();

  expect(ok(await gql(api.baseUrl, SET, { kind: 'test.digest', enabled: true }, { token: alice.token })).setNotificationPreference).toEqual({ kind: 'test.digest', enabled: true });
  expect(await send(message('prefs-5', 'in_app', 'test.digest'))).not.toBeNull();
  expect(ok(await gql(api.baseUrl, PREFS, {}, { token: alice.token })).myNotificationPreferences.find((p: { kind: string }) => p.kind === 'test.digest').enabled).toBe(true);
});

test('only registered kinds, only for the signed-in person', async () => {
  expect(firstError(await gql(api.baseUrl, SET, { kind: 'test.unknown', enabled: false }, { token: alice.token }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind', messageKey: 'errors.notifications.unknownKind' });
  expect(firstError(await gql(api.baseUrl, SET, { kind: 'test.digest', enabled: false }))?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(firstError(await gql(api.baseUrl, PREFS, {}))?.extensions?.code).toBe('UNAUTHENTICATED');
  const bob = await person(api, 'Bob');
  ok(await gql(api.baseUrl, SET, { kind: 'test.digest', enabled: false }, { token: bob.token }));
  // Bob's choice is his: Alice still gets it.
  expect(await send(message('prefs-6', 'in_app', 'test.digest'))).not.toBeNull();
});
