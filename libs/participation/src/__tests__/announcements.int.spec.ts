import { renderNotification, unsealParams } from '@ashar/notifications';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { count, member, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { cast, processInVoting } from './support';
import { ParticipationNotices } from '../services/participation-notices.service';
import { REMINDER_BEFORE_CLOSE_MS, ScheduledPhasesService } from '../services/scheduled-phases.service';

/**
 * Issue 14 (SMS as a full channel) and 11.6: an organiser's announcement to a process's participants, with its
 * audience and price shown before sending, and the one reminder before voting closes, on the real database.
 * The fan-out is also called directly with a daytime clock, so the quiet hours never decide the result, and each
 * message is read from its delivery row (what goes to the gateway), rendered in the delivery's language.
 */
let api: RunningApi;
let platform: Person;
let v: Village;

const SEND = `mutation($input: SendProcessAnnouncementInput!) { sendProcessAnnouncement(input: $input) { id text { ky ru } } }`;
const AUDIENCE = `query($id: ID!) { processMessageAudience(processId: $id) { inApp byLanguage { language sms email } pricePerPartMinor currency maxParts } }`;
const LIST = `query($id: ID!) { participatoryProcess(id: $id) { announcements { id text { ky ru kk en } } } }`;
const ASK = `mutation($id: ID!) { setProcessMessageUpdates(processId: $id, enabled: true) { id } }`;
const SCHEDULE = `mutation($id: ID!, $phases: [PhaseStartInput!]!) { setProcessSchedule(processId: $id, phases: $phases) { id } }`;
const DAY = new Date('2026-12-03T05:00:00Z'); // 11:00 in Bishkek

beforeAll(async () => {
  // The worker holds the timer's service (reminders); its own ticks run too, on the real clock, and are harmless:
  // every fan-out below is idempotent and the test's reminder is claimed only inside the window it sets.
  api = await startApi({ label: 'pbannounce', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

let phones = 0;
/** A resident with a verified phone in `locale` who asked for the process's notices. */
async function resident(name: string, locale: string, processId: string, ask = true): Promise<Person & { phone: string }> {
  const p = await member(api, platform, v.communityId, 'CITIZEN', name);
  const phone = `+996557${String(200000 + ++phones)}`;
  ok(await gql(api.baseUrl, `mutation($input: RequestPhoneVerificationInput!) { requestPhoneVerification(input: $input) { phone } }`, { input: { phone } }, { token: p.token }));
  const [row] = await api.dataSource.query(`SELECT params FROM notification_deliveries WHERE account_id = $1 AND template_key = 'notifications.phoneCode' ORDER BY created_at DESC LIMIT 1`, [p.id]);
  ok(await gql(api.baseUrl, `mutation($input: ConfirmPhoneVerificationInput!) { confirmPhoneVerification(input: $input) { phone } }`, { input: { code: String(unsealParams(row.params, api.config.jwtSecret).code) } }, { token: p.token }));
  ok(await gql(api.baseUrl, `mutation($l: Lang!) { setLocale(locale: $l) { id } }`, { l: locale }, { token: p.token }));
  if (ask) ok(await gql(api.baseUrl, ASK, { id: processId }, { token: p.token }));
  return { ...p, phone };
}

/** The SMS texts a phone would get for a template, rendered in the delivery's language. */
async function smsTo(phone: string, templateKey: string): Promise<string[]> {
  const rows: Array<{ template_key: string; params: never; locale: string }> = await api.dataSource.query(`SELECT template_key, params, locale FROM notification_deliveries WHERE channel = 'sms' AND recipient = $1 AND template_key = $2 ORDER BY created_at`, [phone, templateKey]);
  return rows.map((r) => renderNotification(r.template_key, r.params, r.locale).text);
}

test('an organiser sees the audience and price, sends an announcement; each person gets it in their language, once', async () => {
  const { processId } = await processInVoting(api, v, ['1000000', '2000000']);
  const aida = await resident('Аида', 'ky', processId);
  const oleg = await resident('Олег', 'ru', processId);
  const quiet = await resident('Тынч', 'ky', processId, false);

  const audience = ok(await gql(api.baseUrl, AUDIENCE, { id: processId }, { token: v.admin.token })).processMessageAudience;
  expect(audience.byLanguage).toEqual(expect.arrayContaining([{ language: 'ky', sms: 1, email: 0 }, { language: 'ru', sms: 1, email: 0 }, { language: 'kk', sms: 0, email: 0 }]));
  expect(audience).toMatchObject({ maxParts: 3, currency: expect.any(String) });
  expect(audience.inApp).toBeGreaterThanOrEqual(2);
  // Residents and strangers may not read the audience or send.
  expect((await gql(api.baseUrl, AUDIENCE, { id: processId }, { token: aida.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
  const text = { ky: 'Эртең саат 10до айыл өкмөтүндө жолугушуу болот.', ru: 'Завтра в 10:00 встреча в айыл окмоту.' };
  expect((await gql(api.baseUrl, SEND, { input: { processId, text } }, { token: aida.token })).errors?.[0].extensions.code).toBe('FORBIDDEN');
  expect((await gql(api.baseUrl, SEND, { input: { processId, text } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

  const sent = ok(await gql(api.baseUrl, SEND, { input: { processId, text } }, { token: v.admin.token })).sendProcessAnnouncement;
  expect(sent.text).toEqual(text);
  expect(await count(api, 'audit_events', `action = 'participation.announcement.send' AND entity_id = '${processId}'`)).toBe(1);
  expect(await count(api, 'outbox_messages', `job_id = 'pb-notify.announcement.${sent.id}'`)).toBe(1);
  expect(ok(await gql(api.baseUrl, LIST, { id: processId })).participatoryProcess.announcements).toEqual([{ id: sent.id, text: { ...text, kk: null, en: null } }]);

  const notices = api.app.get(ParticipationNotices, { strict: false });
  const payload = { event: 'announcement' as const, processId, announcementId: sent.id };
  await notices.fanOut(payload, DAY);
  expect(await smsTo(aida.phone, 'notifications.participation.sms.announcement')).toEqual([text.ky]);
  expect(await smsTo(oleg.phone, 'notifications.participation.sms.announcement')).toEqual([text.ru]);
  expect(await smsTo(quiet.phone, 'notifications.participation.sms.announcement')).toEqual([]);
  // In the app, with the process's name, in the reader's language.
  const [inApp] = await api.dataSource.query(`SELECT template_key, params, locale FROM notification_deliveries WHERE channel = 'in_app' AND account_id = $1 AND template_key = 'notifications.participation.announcement'`, [oleg.id]);
  expect(renderNotification(inApp.template_key, inApp.params, 'ru').text).toContain(text.ru);
  // A retried job sends nobody anything twice.
  await notices.fanOut(payload, DAY);
  expect(await smsTo(aida.phone, 'notifications.participation.sms.announcement')).toHaveLength(1);
});

test('bad announcements are refused with the language named, and nothing is stored', async () => {
  const { processId } = await processInVoting(api, v, ['1000000']);
  const before = { rows: await count(api, 'pb_announcements', `process_id = '${processId}'`), audit: await count(api, 'audit_events', `action = 'participation.announcement.send'`) };
  const long = 'Кыргыз тилинде жазылган узун билдирүү. '.repeat(6); // > 201 UCS-2 characters: 4 parts
  const tooLong = await gql(api.baseUrl, SEND, { input: { processId, text: { ky: 'Кыска', ru: long.slice(0, 280) } } }, { token: v.admin.token });
  expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text.ru' });
  const empty = await gql(api.baseUrl, SEND, { input: { processId, text: { ky: '   ', ru: '' } } }, { token: v.admin.token });
  expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
  const unknown = await gql(api.baseUrl, SEND, { input: { processId: '6b2f3c1e-8a4d-4f7e-9c0b-2d5e8f1a3b7c', text: { ky: 'Салам' } } }, { token: v.admin.token });
  expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
  expect({ rows: await count(api, 'pb_announcements', `process_id = '${processId}'`), audit: await count(api, 'audit_events', `action = 'participation.announcement.send'`) }).toEqual(before);
});

test('one reminder a day before the planned close, to those who asked and have not voted', async () => {
  const { processId, proposals } = await processInVoting(api, v, ['1000000', '2000000']);
  const voted = await resident('Бакыт', 'ky', processId);
  const waiting = await resident('Жылдыз', 'ru', processId);
  ok(await cast(api, voted, processId, [proposals[0]]));
  const now = new Date();
  const closes = new Date(now.getTime() + REMINDER_BEFORE_CLOSE_MS + 60 * 60_000);
  ok(await gql(api.baseUrl, SCHEDULE, { id: processId, phases: [{ phase: 'RESULTS', startsAt: closes.toISOString() }] }, { token: v.admin.token }));
  const schedule = api.worker!.get(ScheduledPhasesService, { strict: false });
  const job = `pb-notify.reminder.${processId}`;
  // 25 hours before the close: not yet. One hour later: once, however many ticks and workers.
  await schedule.remindDue(now);
  expect(await count(api, 'outbox_messages', `job_id = '${job}'`)).toBe(0);
  const later = new Date(now.getTime() + 61 * 60_000);
  await Promise.all([schedule.remindDue(later), schedule.remindDue(later), schedule.remindDue(later)]);
  await schedule.remindDue(new Date(later.getTime() + 60_000));
  expect(await count(api, 'outbox_messages', `job_id = '${job}'`)).toBe(1);
  const [{ payload }] = await api.dataSource.query(`SELECT payload FROM outbox_messages WHERE job_id = $1`, [job]);
  expect(new Date(payload.closesAt).toISOString()).toBe(closes.toISOString());

  const notices = api.app.get(ParticipationNotices, { strict: false });
  await notices.fanOut(payload, DAY);
  const [sms] = await smsTo(waiting.phone, 'notifications.participation.sms.reminder');
  expect(sms).toMatch(/^«Ашар 2027»: голосуйте до \d\d\.\d\d \d\d:\d\d\. Ответ SMS: 3 7$/);
  expect(await smsTo(voted.phone, 'notifications.participation.sms.reminder')).toEqual([]);
});
