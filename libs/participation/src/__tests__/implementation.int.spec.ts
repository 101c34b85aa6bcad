import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { eventually } from '../../../../test/support/eventually';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { count, platformAdmin, Person, publishedBudget, RECORD, village, Village } from '../../../budgets/src/__tests__/support';
import { cast, MOVE, PROCESS, processInVoting } from './support';

/**
 * Implementation tracking and participation's notices: winners become projects, stages move forward
 * only, a budget line's spending is the project's "spent", subscribers are told of progress unless
 * they opted out, the author hears of the review, participants of phase changes and the results.
 */
let api: RunningApi;
let platform: Person;
let v: Village;

beforeAll(async () => {
  api = await startApi({ label: 'pbimpl', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const PROJECTS = `query($id: ID!) { participatoryProcess(id: $id) { id phase implementation { promised spent projects done }
  projects { proposalId stage progress budgetId lineKey promised spent subscribedByMe updates { stage progress body } } } }`;
const UPDATE = `mutation($input: RecordProjectUpdateInput!) { recordProjectUpdate(input: $input) { proposalId stage progress } }`;
const LINK = `mutation($input: LinkProjectBudgetLineInput!) { linkProjectBudgetLine(input: $input) { proposalId budgetId lineKey } }`;
const SUBSCRIBE = `mutation($id: ID!, $on: Boolean!) { subscribeToProject(proposalId: $id, subscribe: $on) { proposalId subscribedByMe } }`;
const PREFS = `query { myNotificationPreferences { kind label enabled } }`;
const SET_PREF = `mutation($kind: String!, $enabled: Boolean!) { setNotificationPreference(kind: $kind, enabled: $enabled) { kind enabled } }`;
const inbox = (who: Person, templateKey: string) => count(api, 'notification_deliveries', `account_id = '${who.id}' AND channel = 'in_app' AND template_key = '${templateKey}'`);

test('winners become projects; stages forward only; promised versus spent per project and in total; subscribers told unless opted out', async () => {
  const { processId, proposals: [p0, p1, p2] } = await processInVoting(api, v, ['30000000', '50000000', '40000000']);
  ok(await cast(api, v.citizen, processId, [p0, p1]));
  ok(await cast(api, v.b, processId, [p0]));
  // b took part but wants no phase notices.
  ok(await gql(api.baseUrl, SET_PREF, { kind: 'participation.phase', enabled: false }, { token: v.b.token }));
  // Not counted yet: implementation cannot start.
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
  const outcome = await eventually(async () => ok(await gql(api.baseUrl, PROCESS, { id: processId })).participatoryProcess.outcome);
  expect(outcome.selected).toEqual([p0, p1]);
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IMPLEMENTATION' }, { token: v.admin.token }));

  let view = ok(await gql(api.baseUrl, PROJECTS, { id: processId })).participatoryProcess;
  expect(view.projects.map((p: { proposalId: string }) => p.proposalId).sort()).toEqual([p0, p1].sort());
  expect(view.implementation).toEqual({ promised: '80000000', spent: '0', projects: 2, done: 0 });
  expect(view.projects.every((p: { stage: string; spent: string | null }) => p.stage === 'PLANNED' && p.spent === null)).toBe(true);

  // The budget line that pays p0; its spending records are p0's "spent".
  const b = await publishedBudget(api, v, 2027, [{ direction: 'EXPENDITURE', economicCode: '3111', amount: '30000000' }, { direction: 'REVENUE', economicCode: '11111', amount: '1000' }]);
  expect(firstError(await gql(api.baseUrl, LINK, { input: { proposalId: p0, budgetId: b.budgetId, lineKey: b.keys['11111'] } }, { token: v.a.token }))?.extensions?.messageKey).toBe('errors.participation.notExpenditureLine');
  expect(firstError(await gql(api.baseUrl, LINK, { input: { proposalId: p0, budgetId: b.budgetId, lineKey: b.keys['3111'] } }, { token: v.citizen.token }))?.extensions?.code).toBe('FORBIDDEN');
  ok(await gql(api.baseUrl, LINK, { input: { proposalId: p0, budgetId: b.budgetId, lineKey: b.keys['3111'] } }, { token: v.a.token }));
  expect(firstError(await gql(api.baseUrl, LINK, { input: { proposalId: p1, budgetId: b.budgetId, lineKey: b.keys['3111'] } }, { token: v.a.token }))?.extensions?.messageKey).toBe('errors.participation.lineTaken');
  // Budgets takes som (two decimals) and stores tyiyn: 120 000 + 30 000.50 som = 15 000 050 tyiyn.
  for (const amount of ['120000', '30000.50']) ok(await gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: b.keys['3111'], occurredOn: '2027-05-10', amount, attachments: [] } }, { token: v.a.token }));

  // The citizen follows p0; b follows it too but opted out of progress notices.
  expect(ok(await gql(api.baseUrl, SUBSCRIBE, { id: p0, on: true }, { token: v.citizen.token })).subscribeToProject.subscribedByMe).toBe(true);
  ok(await gql(api.baseUrl, SUBSCRIBE, { id: p0, on: true }, { token: v.b.token }));
  const prefs = ok(await gql(api.baseUrl, PREFS, {}, { token: v.b.token })).myNotificationPreferences;
  expect(prefs).toEqual(expect.arrayContaining([{ kind: 'participation.progress', label: expect.any(String), enabled: true }]));
  expect(ok(await gql(api.baseUrl, SET_PREF, { kind: 'participation.progress', enabled: false }, { token: v.b.token })).setNotificationPreference).toEqual({ kind: 'participation.progress', enabled: false });
  expect(firstError(await gql(api.baseUrl, SET_PREF, { kind: 'participation.nothing', enabled: false }, { token: v.b.token }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  expect(firstError(await gql(api.baseUrl, SET_PREF, { kind: 'participation.progress', enabled: false }))?.extensions?.code).toBe('UNAUTHENTICATED');

  ok(await gql(api.baseUrl, UPDATE, { input: { proposalId: p0, stage: 'PROCUREMENT', progress: 10, body: 'Тендер жарыяланды' } }, { token: v.a.token }));
  expect(firstError(await gql(api.baseUrl, UPDATE, { input: { proposalId: p0, stage: 'PLANNED', progress: 10, body: 'Артка' } }, { token: v.a.token }))?.extensions?.messageKey).toBe('errors.participation.stageBackwards');
  expect(firstError(await gql(api.baseUrl, UPDATE, { input: { proposalId: p0, stage: 'DONE', progress: 90, body: 'Бүттү' } }, { token: v.a.token }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.progress' });
  expect(firstError(await gql(api.baseUrl, UPDATE, { input: { proposalId: p0, stage: 'IN_PROGRESS', progress: 101, body: 'x' } }, { token: v.a.token }))?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(firstError(await gql(api.baseUrl, UPDATE, { input: { proposalId: p0, stage: 'IN_PROGRESS', progress: 50, body: 'x' } }, { token: v.citizen.token }))?.extensions?.code).toBe('FORBIDDEN');
  expect(firstError(await gql(api.baseUrl, UPDATE, { input: { proposalId: p2, stage: 'IN_PROGRESS', progress: 50, body: 'x' } }, { token: v.a.token }))?.extensions?.code).toBe('NOT_FOUND');
  ok(await gql(api.baseUrl, UPDATE, { input: { proposalId: p0, stage: 'DONE', progress: 100, body: 'Көпүрө курулду' } }, { token: v.a.token }));
  expect(await count(api, 'audit_events', `action = 'participation.project.update' AND entity_id = '${p0}'`)).toBe(2);

  view = ok(await gql(api.baseUrl, PROJECTS, { id: processId }, { token: v.citizen.token })).participatoryProcess;
  const project0 = view.projects.find((p: { proposalId: string }) => p.proposalId === p0);
  expect(project0).toMatchObject({ stage: 'DONE', progress: 100, promised: '30000000', spent: '15000050', subscribedByMe: true, budgetId: b.budgetId, lineKey: b.keys['3111'] });
  expect(project0.updates.map((u: { stage: string }) => u.stage)).toEqual(['DONE', 'PROCUREMENT']);
  expect(view.implementation).toEqual({ promised: '80000000', spent: '15000050', projects: 2, done: 1 });

  // Two updates: the citizen got both in-app; b, opted out, none.
  await eventually(async () => ((await inbox(v.citizen, 'notifications.participation.progress')) === 2 ? true : null));
  expect(await inbox(v.b, 'notifications.participation.progress')).toBe(0);
  // Unsubscribed: the next update reaches nobody new.
  ok(await gql(api.baseUrl, SUBSCRIBE, { id: p0, on: false }, { token: v.citizen.token }));
  ok(await gql(api.baseUrl, UPDATE, { input: { proposalId: p0, stage: 'DONE', progress: 100, body: 'Акт кол коюлду' } }, { token: v.a.token }));
  // Nothing to wait for when nobody is told: give the worker time to run the job, then look.
  await new Promise((r) => setTimeout(r, 2000));
  expect(await inbox(v.citizen, 'notifications.participation.progress')).toBe(2);

  // Participants (voters, authors) heard of the phases and the results, once each.
  await eventually(async () => ((await inbox(v.citizen, 'notifications.participation.results')) === 1 ? true : null));
  expect(await inbox(v.citizen, 'notifications.participation.phase')).toBeGreaterThanOrEqual(3);
  const phaseKeys: Array<{ n: number }> = await api.dataSource.query(`SELECT count(DISTINCT job_id)::int AS n FROM notification_deliveries WHERE account_id = $1 AND template_key = 'notifications.participation.phase'`, [v.citizen.id]);
  expect(phaseKeys[0].n).toBe(await inbox(v.citizen, 'notifications.participation.phase'));
  expect(await count(api, 'notification_deliveries', `job_id = 'pb-phase.${processId}.IMPLEMENTATION.${v.citizen.id}'`)).toBe(1);
  expect(await count(api, 'notification_deliveries', `job_id IN ('pb-phase.${processId}.RESULTS.${v.b.id}', 'pb-phase.${processId}.IMPLEMENTATION.${v.b.id}')`)).toBe(0);
  // b still heard of the results (another kind).
  expect(await inbox(v.b, 'notifications.participation.results')).toBe(1);
});

test('the author hears of the review in-app and by email, in their language; an opted-out author does not', async () => {
  const CREATE = `mutation($input: CreateProcessInput!) { createParticipatoryProcess(input: $input) { id } }`;
  const SUBMIT = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`;
  const REVIEW = `mutation($input: ReviewProposalInput!) { reviewProposal(input: $input) { id status } }`;
  const id = ok(await gql(api.baseUrl, CREATE, { input: { communityId: v.communityId, title: { ky: 'Сынак' }, currency: 'KGS', rules: { envelope: '100000000', ballotKind: 'APPROVAL', countingRule: 'GREEDY', verification: 'SELF_DECLARED' } } }, { token: v.admin.token })).createParticipatoryProcess.id;
  ok(await gql(api.baseUrl, MOVE, { id, phase: 'IDEAS' }, { token: v.admin.token }));
  const mine = ok(await gql(api.baseUrl, SUBMIT, { input: { processId: id, title: 'Мектеп', description: 'Чатыр', estimatedCost: '1000000' } }, { token: v.citizen.token })).submitProposal.id;
  const theirs = ok(await gql(api.baseUrl, SUBMIT, { input: { processId: id, title: 'Жол', description: 'Асфальт', estimatedCost: '2000000' } }, { token: v.b.token })).submitProposal.id;
  ok(await gql(api.baseUrl, `mutation { setLocale(locale: ru) { id } }`, {}, { token: v.citizen.token }));
  ok(await gql(api.baseUrl, `mutation($kind: String!) { setNotificationPreference(kind: $kind, enabled: false) { kind } }`, { kind: 'participation.reviewed' }, { token: v.b.token }));
  ok(await gql(api.baseUrl, MOVE, { id, phase: 'REVIEW' }, { token: v.admin.token }));
  ok(await gql(api.baseUrl, REVIEW, { input: { proposalId: mine, feasible: false, rejectionReason: 'Жер жок' } }, { token: v.a.token }));
  ok(await gql(api.baseUrl, REVIEW, { input: { proposalId: theirs, feasible: true } }, { token: v.a.token }));
  const rows: Array<{ channel: string; locale: string; params: Record<string, string> }> = await api.dataSource.query(
    `SELECT channel, locale, params FROM notification_deliveries WHERE account_id = $1 AND template_key = 'notifications.participation.reviewedRejected' ORDER BY channel`, [v.citizen.id]);
  expect(rows.map((r) => r.channel)).toEqual(['email', 'in_app']);
  expect(rows.every((r) => r.locale === 'ru' && r.params.reason === 'Жер жок' && r.params.title === 'Мектеп')).toBe(true);
  expect(await count(api, 'notification_deliveries', `account_id = '${v.b.id}' AND template_key LIKE 'notifications.participation.reviewed%'`)).toBe(0);
});
