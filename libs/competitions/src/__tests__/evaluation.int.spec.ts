import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { member, person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { ADD_EXPERT, AUTO_ASSIGN, CONFLICT, FOR_REVIEW, MY_ASSIGNMENTS, MY_ITEMS, openCall, submit, RANKING, save, score, SET_ASSIGNMENT, start, submitted, SUMMARY, goodAnswers } from './support';

/**
 * Evaluation on the real database: conflicts (declared by the expert or named by the applicant) hide
 * an application from that expert; assignment respects them and balances load within one; scoring is
 * blind until the expert submits; the ranking equals the hand-computed weighted and normalised scores.
 */
let api: RunningApi;
let platform: Person;
let v: Village;
let experts: Person[];

beforeAll(async () => {
  api = await startApi({ label: 'cmpeval' });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
  experts = [];
  for (const name of ['Эксперт 1', 'Эксперт 2', 'Эксперт 3', 'Эксперт 4']) experts.push(await member(api, platform, v.communityId, 'EXPERT', name));
});
afterAll(() => api?.stop());

const assign = async (applicationId: string, e: Person, on = true) => gql(api.baseUrl, SET_ASSIGNMENT, { a: applicationId, e: e.id, on }, { token: v.admin.token });
const scoresOf = async (applicationId: string, e: Person) => (await api.dataSource.query(`SELECT scores FROM cmp_assignments WHERE application_id = $1 AND expert_account_id = $2`, [applicationId, e.id]))[0]?.scores ?? null;

async function committee(callId: string, list: Person[]) {
  for (const e of list) ok(await gql(api.baseUrl, ADD_EXPERT, { input: { callId, accountId: e.id } }, { token: v.admin.token }));
}

test('only members with the EXPERT role sit on a committee', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const e = firstError(await gql(api.baseUrl, ADD_EXPERT, { input: { callId: call.id, accountId: v.citizen.id } }, { token: v.admin.token }));
  expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accountId', messageKey: 'errors.competitions.notAnExpert' });
});

test('a conflicted expert can neither read nor score the application, whoever declared the conflict; nothing is stored', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  await committee(call.id, experts.slice(0, 3));
  const applicant = await person(api, 'Өтүнүүчү');
  const x = await submitted(api, applicant, call.id);
  for (const e of experts.slice(0, 3)) ok(await assign(x, e));
  // The expert declares a conflict: their assignment goes, the application disappears for them.
  ok(await gql(api.baseUrl, CONFLICT, { id: x, reason: 'Тууганым' }, { token: experts[0].token }));
  expect(firstError(await gql(api.baseUrl, FOR_REVIEW, { id: x }, { token: experts[0].token })).extensions.code).toBe('NOT_FOUND');
  expect(firstError(await score(api, experts[0], x, 5, 5)).extensions.code).toBe('NOT_FOUND');
  expect(ok(await gql(api.baseUrl, MY_ASSIGNMENTS, { id: call.id }, { token: experts[0].token })).reviewAssignments).toEqual({ scored: 0, total: 0, items: [] });
  // Nor can the organisers put them back.
  expect(firstError(await assign(x, experts[0])).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.competitions.conflicted' });
  // The applicant names an expert who must not review them (before stage 2, on a draft): the same.
  const y = ok(await start(api, applicant, call.id)).startApplication.id;
  ok(await save(api, applicant, y, 1, goodAnswers(), [experts[1].id]));
  ok(await gql(api.baseUrl, `mutation($id: ID!, $stage: Int!) { submitApplicationStage(applicationId: $id, stage: $stage) { version } }`, { id: y, stage: 1 }, { token: applicant.token }));
  expect(firstError(await assign(y, experts[1])).extensions.code).toBe('CONFLICT');
  // Once submitted, the list of people not to review it is frozen (else an amendment could drop a strict expert).
  expect(firstError(await save(api, applicant, x, 1, goodAnswers(), [experts[2].id])).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.doNotReview' });
  // An expert who edits an application is conflicted with it: refused by hand, and it is hidden from them.
  const own = await submitted(api, experts[2], call.id, { title: 'Эксперттин өз долбоору' });
  expect(firstError(await assign(own, experts[2])).extensions.messageKey).toBe('errors.competitions.conflicted');
  expect(firstError(await score(api, experts[2], own, 9, 9)).extensions.code).toBe('NOT_FOUND');
  // Expert 2 has no conflict with X: they still read it; expert 1's assignment there is gone.
  expect(ok(await gql(api.baseUrl, FOR_REVIEW, { id: x }, { token: experts[1].token })).applicationForReview.id).toBe(x);
  expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM cmp_assignments WHERE application_id = $1`, [x])).toEqual([{ n: 2 }]);
  const none = await api.dataSource.query(`SELECT count(*)::int AS n FROM cmp_assignments WHERE scores IS NOT NULL`);
  expect(none[0].n).toBe(0);
});

test('automatic assignment respects conflicts and directions and balances load within one', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  await committee(call.id, experts.slice(0, 3));
  ok(await gql(api.baseUrl, ADD_EXPERT, { input: { callId: call.id, accountId: experts[3].id, directions: ['ecology'] } }, { token: v.admin.token }));
  const applicant = await person(api, 'Көп өтүнмө');
  const youth: string[] = [];
  for (let i = 0; i < 7; i++) youth.push(await submitted(api, applicant, call.id, { title: `Жаштар ${i}` }));
  const eco = await submitted(api, applicant, call.id, { title: 'Токой', directionKey: 'ecology' });
  // Expert 2 also edits one of the youth applications: never assigned to it.
  ok(await gql(api.baseUrl, `mutation($a: ID!, $p: ID!) { addApplicationEditor(applicationId: $a, accountId: $p) }`, { a: youth[2], p: experts[1].id }, { token: applicant.token }));
  ok(await gql(api.baseUrl, CONFLICT, { id: youth[0] }, { token: experts[0].token }));
  ok(await gql(api.baseUrl, CONFLICT, { id: youth[1] }, { token: experts[0].token }));
  const run = ok(await gql(api.baseUrl, AUTO_ASSIGN, { id: call.id, n: 2 }, { token: v.admin.token })).assignReviewers;
  expect(run).toEqual({ created: 16, short: [] });
  const rows: Array<{ application_id: string; expert_account_id: string }> = await api.dataSource.query(`SELECT r.application_id, r.expert_account_id FROM cmp_assignments r JOIN cmp_applications a ON a.id = r.application_id WHERE a.call_id = $1`, [call.id]);
  expect(rows.filter((r) => r.expert_account_id === experts[0].id && [youth[0], youth[1]].includes(r.application_id))).toEqual([]);
  expect(rows.filter((r) => r.expert_account_id === experts[1].id && r.application_id === youth[2])).toEqual([]);
  // The ecology-only expert reviews ecology only.
  expect(rows.filter((r) => r.expert_account_id === experts[3].id).map((r) => r.application_id)).toEqual([eco]);
  const loads = experts.slice(0, 3).map((e) => rows.filter((r) => r.expert_account_id === e.id).length);
  expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  expect(loads.reduce((a, b) => a + b, 0)).toBe(15);
  // Running it again adds nothing: every application has its two.
  expect(ok(await gql(api.baseUrl, AUTO_ASSIGN, { id: call.id, n: 2 }, { token: v.admin.token })).assignReviewers.created).toBe(0);
  // Experts see their progress.
  const mine = ok(await gql(api.baseUrl, MY_ASSIGNMENTS, { id: call.id }, { token: experts[1].token })).reviewAssignments;
  expect(mine).toMatchObject({ scored: 0, total: loads[1] });
});

test('blind scoring: no query shows others’ scores or the average before the expert submits; bad scores store nothing', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  await committee(call.id, experts.slice(0, 3));
  const x = await submitted(api, await person(api, 'Сокур'), call.id);
  ok(await assign(x, experts[0]));
  ok(await assign(x, experts[1]));
  ok(await score(api, experts[0], x, 8, 4));
  // Expert 2 has not scored: the summary field is refused, their own scores are null, the ranking is organisers' only.
  const blind = await gql(api.baseUrl, SUMMARY, { id: x }, { token: experts[1].token });
  expect(firstError(blind).extensions).toMatchObject({ code: 'FORBIDDEN' });
  expect(blind.data).toBeNull();
  expect(ok(await gql(api.baseUrl, FOR_REVIEW, { id: x }, { token: experts[1].token })).applicationForReview.myScores).toBeNull();
  expect(firstError(await gql(api.baseUrl, RANKING, { id: call.id }, { token: experts[1].token })).extensions.code).toBe('FORBIDDEN');
  expect(ok(await gql(api.baseUrl, MY_ASSIGNMENTS, { id: call.id }, { token: experts[1].token })).reviewAssignments).toEqual({ scored: 0, total: 1, items: [{ applicationId: x, scored: false }] });
  // Out of scale, a criterion missing, from an unassigned expert: refused, nothing stored.
  expect(firstError(await score(api, experts[1], x, 11, 4)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scores.0.score', messageKey: 'errors.competitions.score.outOfScale' });
  expect(firstError(await gql(api.baseUrl, `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { score } }`, { input: { applicationId: x, scores: [{ criterionKey: 'budget', score: 3 }] } }, { token: experts[1].token })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scores' });
  expect(firstError(await score(api, experts[2], x, 5, 5)).extensions).toMatchObject({ code: 'FORBIDDEN' });
  expect(firstError(await score(api, v.citizen, x, 5, 5)).extensions.code).toBe('FORBIDDEN');
  expect(await scoresOf(x, experts[1])).toBeNull();
  expect(await scoresOf(x, experts[2])).toBeNull();
  // Once submitted, the expert sees everyone's (anonymised) sheets and the average.
  ok(await score(api, experts[1], x, 10, 10));
  const summary = ok(await gql(api.baseUrl, SUMMARY, { id: x }, { token: experts[1].token })).applicationForReview.scoreSummary;
  expect(summary).toEqual({ reviews: 2, weightedMean: 8.5, spread: 3, sheets: [{ total: 10, scores: [{ criterionKey: 'relevance', score: 10 }, { criterionKey: 'budget', score: 10 }] }, { total: 7, scores: [{ criterionKey: 'relevance', score: 8 }, { criterionKey: 'budget', score: 4 }] }] });
});

test('the ranking equals the hand-computed weighted means, z-scores and spreads; progress per expert', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const [e1, e2] = experts;
  await committee(call.id, [e1, e2]);
  const applicant = await person(api, 'Рейтинг');
  const X = await submitted(api, applicant, call.id, { title: 'X' });
  const Y = await submitted(api, applicant, call.id, { title: 'Y' });
  const Z = await submitted(api, applicant, call.id, { title: 'Z' });
  for (const a of [X, Y, Z]) ok(await assign(a, e1));
  for (const a of [X, Y]) ok(await assign(a, e2));
  ok(await score(api, e1, X, 8, 4)); // (3·8 + 4) / 4 = 7
  ok(await score(api, e1, Y, 4, 4)); // 4
  // e1 has not finished; e2 none yet: progress 2 of 3 and 0 of 2.
  const partial = ok(await gql(api.baseUrl, RANKING, { id: call.id }, { token: v.admin.token })).callRanking;
  expect(partial.progress).toEqual(expect.arrayContaining([{ expertAccountId: e1.id, scored: 2, total: 3 }, { expertAccountId: e2.id, scored: 0, total: 2 }]));
  ok(await score(api, e1, Z, 6, 2)); // 5
  ok(await score(api, e2, X, 10, 10)); // 10
  ok(await score(api, e2, Y, 8, 8)); // 8
  const r = ok(await gql(api.baseUrl, RANKING, { id: call.id }, { token: v.admin.token })).callRanking;
  // e1: mean 16/3, σ = √(14/9); e2: mean 9, σ = 1.
  expect(r.entries.map((e: { title: string }) => e.title)).toEqual(['X', 'Y', 'Z']);
  const [x, y, z] = r.entries;
  expect(x).toMatchObject({ reviews: 2, weightedMean: 8.5, spread: 3 });
  expect(x.meanZ).toBeCloseTo((1.336306 + 1) / 2, 5);
  expect(x.perExpert).toEqual(expect.arrayContaining([{ expertAccountId: e1.id, total: 7, z: 1.336306 }, { expertAccountId: e2.id, total: 10, z: 1 }]));
  expect(y).toMatchObject({ reviews: 2, weightedMean: 6, spread: 4 });
  expect(y.meanZ).toBeCloseTo((-1.069045 - 1) / 2, 5);
  expect(z).toMatchObject({ reviews: 1, weightedMean: 5, spread: 0, meanZ: -0.267261 });
  expect(r.progress).toEqual(expect.arrayContaining([{ expertAccountId: e1.id, scored: 3, total: 3 }, { expertAccountId: e2.id, scored: 2, total: 2 }]));
  // Unassigning is an edit too (the organisers' choice), and is audited.
  ok(await assign(Z, e1, false));
  const audit = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'competitions.assignment.remove'`, [Z]);
  expect(audit[0].n).toBe(1);
});

test('an anonymised call hides the applicant from experts; after an amendment the expert’s scores are marked outdated until they rescore', async () => {
  const call = await openCall(api, v.admin, v.communityId, { anonymousReview: true });
  const [e1] = experts;
  await committee(call.id, [e1]);
  const applicant = await person(api, 'Жашыруун');
  const x = await submitted(api, applicant, call.id, { organisationName: 'Жашыруун уюм' });
  ok(await assign(x, e1));
  const seen = ok(await gql(api.baseUrl, `query($id: ID!) { applicationForReview(applicationId: $id) { organisationName title } }`, { id: x }, { token: e1.token })).applicationForReview;
  expect(seen).toEqual({ organisationName: null, title: 'Ачык айыл' });
  ok(await score(api, e1, x, 6, 6));
  expect(ok(await gql(api.baseUrl, MY_ITEMS, { id: call.id }, { token: e1.token })).reviewAssignments.items).toEqual([{ applicationId: x, scored: true, outdated: false }]);
  ok(await gql(api.baseUrl, `mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }`, { input: { applicationId: x, startsAt: new Date(Date.now() - 60_000).toISOString() } }, { token: v.admin.token }));
  ok(await gql(api.baseUrl, `mutation($id: ID!) { openAmendmentWindow(applicationId: $id, days: 3) { amendmentUntil } }`, { id: x }, { token: v.admin.token }));
  ok(await save(api, applicant, x, 1, goodAnswers('300000')));
  expect(ok(await submit(api, applicant, x)).submitApplicationStage.version).toBe(2);
  expect(ok(await gql(api.baseUrl, MY_ITEMS, { id: call.id }, { token: e1.token })).reviewAssignments.items).toEqual([{ applicationId: x, scored: true, outdated: true }]);
  ok(await score(api, e1, x, 7, 7));
  expect(ok(await gql(api.baseUrl, MY_ITEMS, { id: call.id }, { token: e1.token })).reviewAssignments.items).toEqual([{ applicationId: x, scored: true, outdated: false }]);
});
