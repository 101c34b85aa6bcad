import { parsePabulib, tally } from '@ashar/tally';
import { createHash } from 'crypto';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { eventually } from '../../../../test/support/eventually';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { count, member, person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { tallyOptionsOf } from '../domain/election';
import { cast, KNAPSACK, MOVE, PROCESS, processInVoting, Rules, RULES } from './support';

/**
 * Voting on the real database and queue: one person one ballot (also under 200 parallel casts), every
 * refusal stores nothing, rules frozen, the published result equals the engine's count of the published set.
 */
let api: RunningApi;
let platform: Person;
let v: Village;

beforeAll(async () => {
  api = await startApi({ label: 'pbvoting', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const ballots = (processId: string) => count(api, 'pb_ballots', `process_id = '${processId}'`);
const voters = (processId: string) => count(api, 'pb_voter_registry', `process_id = '${processId}'`);

test('200 parallel casts of one voter leave one registry row and one ballot (the rest are rate-limited); a change keeps the receipt', async () => {
  const { processId, proposals } = await processInVoting(api, v, ['30000000', '50000000', '40000000']);
  const voter = await member(api, platform, v.communityId, 'CITIZEN', 'Асел');
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => cast(api, voter, processId, [proposals[i % 3]])));
  const accepted = answers.filter((a) => !a.errors);
  expect(answers.filter((a) => a.errors).every((a) => firstError(a)?.extensions?.code === 'TOO_MANY_REQUESTS')).toBe(true);
  expect(accepted.length).toBeGreaterThan(0);
  expect(new Set(accepted.map((a) => ok(a).castBallot.receiptCode)).size).toBe(1);
  expect(accepted.filter((a) => ok(a).castBallot.firstBallot)).toHaveLength(1);
  expect(await ballots(processId)).toBe(1);
  expect(await voters(processId)).toBe(1);

  const other = await member(api, platform, v.communityId, 'CITIZEN', 'Айбек');
  const first = ok(await cast(api, other, processId, [proposals[1]])).castBallot;
  const changed = ok(await cast(api, other, processId, [proposals[0], proposals[2]])).castBallot;
  expect(changed).toEqual({ receiptCode: first.receiptCode, firstBallot: false });
  const mine = ok(await gql(api.baseUrl, PROCESS, { id: processId }, { token: other.token })).participatoryProcess.myBallot;
  expect(mine.choices).toEqual([proposals[0], proposals[2]]);
  expect(await ballots(processId)).toBe(2);
});

test('a refused ballot is answered with its code and stores nothing', async () => {
  const { processId, proposals } = await processInVoting(api, v, ['60000000', '50000000']);
  const voter = await member(api, platform, v.communityId, 'CITIZEN', 'Бекжан');
  const outsider = await person(api, 'Outsider');
  const refusals: Array<[Person, string[], string, string?]> = [
    [voter, [proposals[0], proposals[1]], 'BAD_USER_INPUT', 'errors.participation.ballot.OVER_COST_CAP'], // 110 000 000 > envelope
    [voter, [], 'BAD_USER_INPUT', 'errors.participation.ballot.TOO_FEW_PROJECTS'],
    [voter, ['00000000-0000-4000-8000-000000000000'], 'BAD_USER_INPUT', 'errors.participation.ballot.UNKNOWN_PROJECT'],
    [voter, [proposals[0], proposals[0]], 'BAD_USER_INPUT', 'errors.participation.ballot.DUPLICATE_PROJECT'],
    [outsider, [proposals[0]], 'FORBIDDEN'],
  ];
  for (const [who, choices, code, key] of refusals) {
    const e = firstError(await cast(api, who, processId, choices));
    expect(e?.extensions?.code).toBe(code);
    if (key) expect(e?.extensions?.messageKey).toBe(key);
  }
  expect(await ballots(processId)).toBe(0);
  expect(await voters(processId)).toBe(0);
  // The rules froze when voting opened: a change is refused (logged by the API, not stored), the envelope stays.
  const r = firstError(await gql(api.baseUrl, RULES, { id: processId, rules: { ...KNAPSACK, envelope: '999999999' } }, { token: v.admin.token }));
  expect(r?.extensions?.code).toBe('CONFLICT');
  expect(r?.extensions?.messageKey).toBe('errors.participation.rulesFrozen');
  expect((await api.dataSource.query(`SELECT envelope FROM pb_processes WHERE id = $1`, [processId]))[0].envelope).toBe(KNAPSACK.envelope);
  // After close: refused, nothing stored.
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
  expect(firstError(await cast(api, voter, processId, [proposals[0]]))?.extensions?.code).toBe('CONFLICT');
  expect(await ballots(processId)).toBe(0);
  // A phase never moves back.
  expect(firstError(await gql(api.baseUrl, MOVE, { id: processId, phase: 'VOTING' }, { token: v.admin.token }))?.extensions?.code).toBe('CONFLICT');
});

test('the viewer learns whether they may manage the process and which proposals they wrote', async () => {
  const { processId } = await processInVoting(api, v, ['30000000']);
  const Q = `query($id: ID!) { participatoryProcess(id: $id) { viewerCanManage proposals { viewerIsAuthor } } }`;
  const as = async (who: Person | null) => ok(await gql(api.baseUrl, Q, { id: processId }, who ? { token: who.token } : {})).participatoryProcess;
  expect(await as(v.admin)).toEqual({ viewerCanManage: true, proposals: [{ viewerIsAuthor: false }] });
  expect(await as(v.citizen)).toEqual({ viewerCanManage: false, proposals: [{ viewerIsAuthor: true }] });
  expect(await as(null)).toEqual({ viewerCanManage: false, proposals: [{ viewerIsAuthor: false }] });
});

test('the ballots table holds no account or document column', async () => {
  const cols: Array<{ column_name: string }> = await api.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'pb_ballots'`);
  const names = cols.map((c) => c.column_name).sort();
  expect(names).toEqual(['cast_at', 'channel', 'choices', 'id', 'points', 'process_id', 'pseudonym', 'receipt_code', 'updated_at']);
  expect(names.some((n) => /account|person|document|voter|user/.test(n))).toBe(false);
});

const KINDS: Array<[string, Rules, (p: string[]) => Array<{ choices: string[]; points?: number[] }>]> = [
  ['approval, greedy', { envelope: '100000000', ballotKind: 'APPROVAL', minChoices: 1, maxChoices: 3, countingRule: 'GREEDY', verification: 'SELF_DECLARED' }, (p) => [{ choices: [p[0], p[1]] }, { choices: [p[1]] }, { choices: [p[2], p[3]] }, { choices: [p[0], p[3]] }, { choices: [p[3]] }]],
  ['approval, equal shares', { envelope: '100000000', ballotKind: 'APPROVAL', minChoices: 1, countingRule: 'MES', verification: 'SELF_DECLARED' }, (p) => [{ choices: [p[0], p[1]] }, { choices: [p[1]] }, { choices: [p[2], p[3]] }, { choices: [p[0], p[3]] }, { choices: [p[3]] }]],
  ['knapsack, greedy', KNAPSACK, (p) => [{ choices: [p[0], p[1]] }, { choices: [p[1], p[2]] }, { choices: [p[3]] }, { choices: [p[0], p[3]] }, { choices: [p[2]] }]],
  ['cumulative, equal shares', { envelope: '100000000', ballotKind: 'CUMULATIVE', minChoices: 1, maxPoints: 10, countingRule: 'MES', verification: 'SELF_DECLARED' }, (p) => [{ choices: [p[0], p[1]], points: [7, 3] }, { choices: [p[1]], points: [10] }, { choices: [p[2], p[3]], points: [5, 5] }, { choices: [p[3]], points: [10] }, { choices: [p[0]], points: [4] }]],
  ['ranking, Borda', { envelope: '100000000', ballotKind: 'RANKING', minChoices: 1, maxChoices: 4, countingRule: 'GREEDY', verification: 'SELF_DECLARED' }, (p) => [{ choices: [p[0], p[1], p[2]] }, { choices: [p[1], p[0]] }, { choices: [p[3], p[2]] }, { choices: [p[2], p[3], p[0]] }, { choices: [p[1]] }]],
];

test.each(KINDS)('%s: the published result equals the engine’s count of the published ballot set', async (_name, rules, ballotsOf) => {
  const { processId, proposals } = await processInVoting(api, v, ['30000000', '45000000', '25000000', '40000000'], rules);
  const people = await Promise.all(Array.from({ length: 5 }, (_, i) => member(api, platform, v.communityId, 'CITIZEN', `Шайлоочу ${i}`)));
  const receipts: string[] = [];
  for (const [i, b] of ballotsOf(proposals).entries()) receipts.push(ok(await cast(api, people[i], processId, b.choices, b.points)).castBallot.receiptCode);
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
  const outcome = await eventually(async () => ok(await gql(api.baseUrl, PROCESS, { id: processId })).participatoryProcess.outcome);
  expect(outcome.ballotCount).toBe(5);
  // Five voters, none with a profile: one UNKNOWN cell of 5 (shown: not under 5).
  expect(outcome.participation).toEqual({ voters: 5, byVillage: [{ key: 'UNKNOWN', count: 5 }], byGender: [{ key: 'UNKNOWN', count: 5 }], byAgeGroup: [{ key: 'UNKNOWN', count: 5 }], byGenderAndAge: [{ key: 'UNKNOWN:UNKNOWN', count: 5 }] });
  expect(createHash('sha256').update(outcome.ballotSet).digest('hex')).toBe(outcome.ballotSetSha256);
  // Anyone can recount: read the published file and run the engine with the process's rule.
  const election = parsePabulib(outcome.ballotSet);
  expect(election.ballots.map((b) => b.voterId).sort()).toEqual([...receipts].sort());
  const recount = tally(election, tallyOptionsOf({ id: processId, currency: 'KGS', envelope: rules.envelope, ballotKind: rules.ballotKind as never, minChoices: rules.minChoices ?? 1, maxChoices: rules.maxChoices ?? null, maxPoints: rules.maxPoints ?? null, countingRule: rules.countingRule as never }));
  expect(outcome.selected).toEqual(recount.selected);
  expect(Number(outcome.totalCost)).toBe(recount.totalCost);
  expect(outcome.selected.length).toBeGreaterThan(0);
  expect(JSON.parse(outcome.explanation)).toEqual(JSON.parse(JSON.stringify(recount.explanation)));
});
