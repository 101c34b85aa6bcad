import { randomUUID } from 'crypto';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { eventually } from '../../../../test/support/eventually';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { count, member, person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { cast, MOVE, PROCESS, processInVoting } from './support';

/** Paper ballots: double entry by two members, mismatches not counted until resolved, paper and online voters caught by the registry. */
let api: RunningApi;
let platform: Person;
let v: Village;

beforeAll(async () => {
  api = await startApi({ label: 'pbpaper', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const ENTER = `mutation($input: EnterPaperBallotInput!) { enterPaperBallot(input: $input) { sheetCode status } }`;
const VOTERS = `mutation($id: ID!, $ids: [ID!]!) { registerPaperVoters(processId: $id, accountIds: $ids) { registered alreadyVoted } }`;
const SHEETS = `query($id: ID!, $status: PaperSheetStatus) { paperSheets(processId: $id, status: $status) { sheetCode status entries { enteredBy choices } } }`;
const enter = (who: Person, processId: string, sheetCode: string, choices: string[], clientRequestId?: string) =>
  gql(api.baseUrl, ENTER, { input: { processId, sheetCode, choices, ...(clientRequestId ? { clientRequestId } : {}) } }, { token: who.token });

test('a sheet counts once two different members entered it alike; a mismatch waits for an agreeing third entry', async () => {
  const { processId, proposals: [p0, p1, p2] } = await processInVoting(api, v, ['30000000', '50000000', '40000000']);
  const paperBallots = () => count(api, 'pb_ballots', `process_id = '${processId}' AND channel = 'PAPER'`);

  expect(ok(await enter(v.a, processId, '17', [p0, p1])).enterPaperBallot.status).toBe('PENDING');
  // The same member cannot confirm their own reading.
  expect(firstError(await enter(v.a, processId, '17', [p0, p1]))?.extensions?.messageKey).toBe('errors.participation.paperSecondMember');
  expect(await paperBallots()).toBe(0);
  // Another member, the same choices in another order (order does not count on a knapsack ballot).
  expect(ok(await enter(v.b, processId, '17', [p1, p0])).enterPaperBallot.status).toBe('COUNTED');
  expect(await paperBallots()).toBe(1);
  expect(firstError(await enter(v.admin, processId, '17', [p0]))?.extensions?.messageKey).toBe('errors.participation.paperSheetCounted');

  ok(await enter(v.a, processId, '18', [p0]));
  expect(ok(await enter(v.b, processId, '18', [p2])).enterPaperBallot.status).toBe('MISMATCH');
  expect(await paperBallots()).toBe(1);
  const open = ok(await gql(api.baseUrl, SHEETS, { id: processId, status: 'MISMATCH' }, { token: v.a.token })).paperSheets;
  expect(open).toEqual([{ sheetCode: '18', status: 'MISMATCH', entries: [{ enteredBy: v.a.id, choices: [p0] }, { enteredBy: v.b.id, choices: [p2] }] }]);
  expect(ok(await enter(v.admin, processId, '18', [p2])).enterPaperBallot.status).toBe('COUNTED');
  expect(await paperBallots()).toBe(2);
  expect(ok(await gql(api.baseUrl, SHEETS, { id: processId, status: 'MISMATCH' }, { token: v.a.token })).paperSheets).toEqual([]);

  // A paper ballot over the envelope is refused like an online one; a resident cannot list sheets.
  expect(firstError(await enter(v.a, processId, '19', [p0, p1, p2]))?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(firstError(await gql(api.baseUrl, SHEETS, { id: processId }, { token: v.citizen.token }))?.extensions?.code).toBe('FORBIDDEN');

  // An offline batch sent three times counts once; the same id with other content is a conflict.
  const id = randomUUID();
  for (let i = 0; i < 3; i++) expect(ok(await enter(v.a, processId, '20', [p1], id)).enterPaperBallot).toEqual({ sheetCode: '20', status: 'PENDING' });
  expect(await count(api, 'pb_paper_entries', `process_id = '${processId}' AND sheet_code = '20'`)).toBe(1);
  expect(firstError(await enter(v.a, processId, '20', [p2], id))?.extensions?.code).toBe('CONFLICT');

  // Counted: the two agreed sheets; the pending and mismatched ones never.
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
  const outcome = await eventually(async () => ok(await gql(api.baseUrl, PROCESS, { id: processId })).participatoryProcess.outcome);
  expect(outcome.ballotCount).toBe(2);
});

test('a paper voter cannot vote online, and an online voter is not registered again from the paper list', async () => {
  const { processId, proposals } = await processInVoting(api, v, ['30000000']);
  const paperVoter = await member(api, platform, v.communityId, 'CITIZEN', 'Кагаз');
  const onlineVoter = await member(api, platform, v.communityId, 'CITIZEN', 'Онлайн');
  ok(await cast(api, onlineVoter, processId, [proposals[0]]));
  const r = ok(await gql(api.baseUrl, VOTERS, { id: processId, ids: [paperVoter.id, onlineVoter.id] }, { token: v.a.token })).registerPaperVoters;
  expect(r).toEqual({ registered: 1, alreadyVoted: [onlineVoter.id] });
  const e = firstError(await cast(api, paperVoter, processId, [proposals[0]]));
  expect(e?.extensions?.messageKey).toBe('errors.participation.votedOnPaper');
  expect(await count(api, 'pb_ballots', `process_id = '${processId}'`)).toBe(1);
  // Someone outside the community is not on a meeting's list.
  const stranger = await person(api, 'Stranger');
  const outsider = await gql(api.baseUrl, VOTERS, { id: processId, ids: [stranger.id] }, { token: v.a.token });
  expect(firstError(outsider)?.extensions?.code).toBe('BAD_USER_INPUT');
});
