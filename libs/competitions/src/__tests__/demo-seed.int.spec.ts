import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { member, person, platformAdmin, Person, village } from '../../../budgets/src/__tests__/support';
import { seedDemoCompetitions } from '../seed/demo-competitions.seed';
import { save } from './support';

/** The demo seed writes a call the API serves as if the organisers had made it: open, ranked, reviewable, once. */
let api: RunningApi;
let platform: Person;

beforeAll(async () => {
  api = await startApi({ label: 'cmpdemo' });
  platform = await platformAdmin(api);
});
afterAll(() => api?.stop());

test('a call in ky/ru with two directions, criteria and two stages; three applications; one expert assigned to the submitted ones; once', async () => {
  const kazan = await village(api, platform, '41704245825000', 'Казан-Куйган');
  const expert = await member(api, platform, kazan.communityId, 'EXPERT', 'Бакыт Жумабеков');
  const citizen = await person(api, 'Нурлан Асанов');
  const budget = await person(api, 'Айгүл Токтосунова');
  const accounts = { 'member@demo.ashar.kg': expert.id, 'citizen@demo.ashar.kg': citizen.id, 'budget@demo.ashar.kg': budget.id };
  expect(await seedDemoCompetitions(api.dataSource, { kazanKuygan: kazan.communityId }, accounts, platform.id)).toEqual({ competitionCalls: 1, competitionApplications: 3 });
  expect(await seedDemoCompetitions(api.dataSource, { kazanKuygan: kazan.communityId }, accounts, platform.id)).toEqual({});

  const calls = ok(await gql(api.baseUrl, `query { publicCompetitionCalls { id title { ky ru } status languages directions { key } criteria { key weight } stages { number deadlineLocal } } }`, {})).publicCompetitionCalls;
  expect(calls).toHaveLength(1);
  const [call] = calls;
  expect(call).toMatchObject({ status: 'OPEN', languages: ['ky', 'ru'], directions: [{ key: 'youth' }, { key: 'ecology' }], criteria: [{ key: 'relevance', weight: 3 }, { key: 'feasibility', weight: 2 }, { key: 'budget', weight: 1 }] });
  expect(call.stages.map((s: { deadlineLocal: string }) => s.deadlineLocal)).toEqual(['2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)', '2027-05-01 18:00 (Asia/Bishkek, UTC+06:00)']);

  // The expert sees their two assignments, unscored, and may score one.
  const mine = ok(await gql(api.baseUrl, `query($id: ID!) { reviewAssignments(callId: $id) { scored total items { applicationId } } }`, { id: call.id }, { token: expert.token })).reviewAssignments;
  expect(mine).toMatchObject({ scored: 0, total: 2 });
  ok(await gql(api.baseUrl, `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { score } }`, { input: { applicationId: mine.items[0].applicationId, scores: [{ criterionKey: 'relevance', score: 8 }, { criterionKey: 'feasibility', score: 7 }, { criterionKey: 'budget', score: 4 }] } }, { token: expert.token }));
  // The applicants find their applications; the draft is still theirs to change.
  const own = ok(await gql(api.baseUrl, `query { myCompetitionApplications { id status requestedAmount } }`, {}, { token: citizen.token })).myCompetitionApplications;
  expect(own.map((a: { status: string }) => a.status).sort()).toEqual(['DRAFT', 'SUBMITTED']);
  expect(own.find((a: { status: string }) => a.status === 'SUBMITTED').requestedAmount).toBe('19800000');
  const draft = own.find((a: { status: string }) => a.status === 'DRAFT').id;
  ok(await save(api, citizen, draft, 1, { concept: 'Айылда таштандыны сорттоочу беш контейнер коюу.', people: 300, budget: { lines: [{ item: 'Контейнер', quantity: 5, unitCost: '2500000' }] } }));
  // The organisers rank what was scored (one sheet so far).
  const ranking = ok(await gql(api.baseUrl, `query($id: ID!) { callRanking(callId: $id) { entries { reviews } } }`, { id: call.id }, { token: kazan.admin.token })).callRanking;
  expect(ranking.entries.map((e: { reviews: number }) => e.reviews)).toEqual([1]);
});
