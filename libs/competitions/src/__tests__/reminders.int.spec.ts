import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { RemindDeadlinesJob } from '../jobs/remind-deadlines.job';
import { goodAnswers, openCall, save, start, submitted } from './support';

/**
 * Deadline reminders through the worker's scheduled job: applicants with an unsubmitted draft are told
 * 3 days and 1 day before the stage's deadline (Bishkek 2027-03-01 18:00 = 12:00 UTC), once each, in
 * their own language; submitted applications and deadlines further off get nothing.
 */
let api: RunningApi;
let v: Village;
const DEADLINE = Date.parse('2027-03-01T12:00:00Z');
const H = 3_600_000;

beforeAll(async () => {
  api = await startApi({ label: 'cmpremind', worker: true });
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const all = () => api.dataSource.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE template_key LIKE 'notifications.competitions.deadlineReminder.%'`).then((r) => r[0].n as number);
/** Runs the job as if at that many hours before the deadline; answers how many reminders it added. */
const run = async (hoursBefore: number) => {
  const before = await all();
  await api.worker!.get(RemindDeadlinesJob, { strict: false }).handle({ now: new Date(DEADLINE - hoursBefore * H).toISOString() });
  return { sent: (await all()) - before };
};
const reminders = (p: Person) => api.dataSource.query(`SELECT template_key, locale FROM notification_deliveries WHERE account_id = $1 AND template_key LIKE 'notifications.competitions.deadlineReminder.%' ORDER BY created_at`, [p.id]);

test('drafts are reminded 3 days and 1 day before the deadline, once each, in the recipient’s language', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const drafter = await person(api, 'Долбоорчу');
  ok(await gql(api.baseUrl, `mutation { setLocale(locale: ru) { id } }`, {}, { token: drafter.token }));
  const coEditor = await person(api, 'Жардамчы');
  const draft = ok(await start(api, drafter, call.id)).startApplication.id;
  ok(await save(api, drafter, draft, 1, { concept: 'Башталды' }));
  ok(await gql(api.baseUrl, `mutation($a: ID!, $p: ID!) { addApplicationEditor(applicationId: $a, accountId: $p) }`, { a: draft, p: coEditor.id }, { token: drafter.token }));
  const done = await person(api, 'Тапшырган');
  await submitted(api, done, call.id, {}, goodAnswers());

  // Four days before: nothing yet.
  expect((await run(96)).sent).toBe(0);
  // Three days before (and again 15 minutes later): the 3-day reminder, once, to both editors.
  expect((await run(72)).sent).toBe(2);
  expect((await run(71.75)).sent).toBe(0);
  // One day before, twice: the 1-day reminder, once.
  expect((await run(24)).sent).toBe(2);
  expect((await run(2)).sent).toBe(0);
  expect(await reminders(drafter)).toEqual([
    { template_key: 'notifications.competitions.deadlineReminder.3d', locale: 'ru' },
    { template_key: 'notifications.competitions.deadlineReminder.1d', locale: 'ru' },
  ]);
  expect((await reminders(coEditor)).map((r: { locale: string }) => r.locale)).toEqual(['ky', 'ky']);
  // Submitted in time: no reminder. Past the deadline: none either.
  expect(await reminders(done)).toEqual([]);
  expect((await run(-1)).sent).toBe(0);
});

test('a first run inside the last day sends the 1-day reminder only; a submitted draft is not reminded', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const late = await person(api, 'Кечиккен');
  const id = ok(await start(api, late, call.id)).startApplication.id;
  const early = await person(api, 'Эрте');
  const other = ok(await start(api, early, call.id)).startApplication.id;
  ok(await save(api, early, other, 1, goodAnswers()));
  ok(await gql(api.baseUrl, `mutation($id: ID!) { submitApplicationStage(applicationId: $id, stage: 1) { version } }`, { id: other }, { token: early.token }));
  await run(20);
  expect((await reminders(late)).map((r: { template_key: string }) => r.template_key)).toEqual(['notifications.competitions.deadlineReminder.1d']);
  expect(await reminders(early)).toEqual([]);
  expect(id).toBeTruthy();
});
