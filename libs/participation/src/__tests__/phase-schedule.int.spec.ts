import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { PARTICIPATION_JOBS, PARTICIPATION_QUEUES } from '../jobs/participation.jobs';
import { ScheduledPhasesService } from '../services/scheduled-phases.service';
import { CREATE_PROCESS, KNAPSACK, MOVE, REVIEW, SUBMIT } from './support';

/** Phases that begin by themselves: the plan's rules, the tick's moves (audited as the schedule's), the worker's timer. */
let api: RunningApi;
let platform: Person;
let v: Village;

const SET = `mutation($id: ID!, $phases: [PhaseStartInput!]!) { setProcessSchedule(processId: $id, phases: $phases) { id schedule { phase startsAt } } }`;
const READ = `query($id: ID!) { participatoryProcess(id: $id) { id phase timeZone rulesFrozenAt schedule { phase startsAt } } }`;

beforeAll(async () => {
  api = await startApi({ label: 'pbschedule', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const H = 3600_000;
const at = (base: number, hours: number) => new Date(base + hours * H);
/** An instant written as a Bishkek wall time with its offset, as the web sends it. */
const bishkek = (d: Date) => new Date(d.getTime() + 6 * H).toISOString().slice(0, 16) + '+06:00';
const newProcess = async () =>
  ok(await gql(api.baseUrl, CREATE_PROCESS, { input: { communityId: v.communityId, title: { ky: 'Пландуу' }, currency: 'KGS', rules: KNAPSACK } }, { token: v.admin.token })).createParticipatoryProcess.id as string;
const read = async (id: string) => ok(await gql(api.baseUrl, READ, { id }, { token: v.admin.token })).participatoryProcess;
// The worker's tick, at a chosen instant (the timer itself is checked in the last test).
const advance = (now: Date) => api.worker!.get(ScheduledPhasesService).advanceDue(now);

test('an organiser plans the phases; the tick moves the process when each start comes, audited as the schedule’s', async () => {
  const id = await newProcess();
  const t0 = Date.now();
  const plan = [
    { phase: 'IDEAS', startsAt: bishkek(at(t0, 1)) },
    { phase: 'REVIEW', startsAt: bishkek(at(t0, 2)) },
    { phase: 'VOTING', startsAt: bishkek(at(t0, 3)) },
    { phase: 'RESULTS', startsAt: bishkek(at(t0, 4)) },
  ];
  ok(await gql(api.baseUrl, SET, { id, phases: plan }, { token: v.admin.token }));
  const p = await read(id);
  expect(p.timeZone).toBe('Asia/Bishkek');
  expect(p.schedule.map((s: { phase: string }) => s.phase)).toEqual(['IDEAS', 'REVIEW', 'VOTING', 'RESULTS']);
  expect(new Date(p.schedule[0].startsAt).getTime()).toBe(new Date(plan[0].startsAt).getTime());

  expect(await advance(at(t0, 0.5))).toEqual({ moved: 0, refused: 0, reminded: 0 });
  expect((await read(id)).phase).toBe('DRAFT');
  await advance(at(t0, 1.5));
  expect((await read(id)).phase).toBe('IDEAS');
  // A second tick in the same window changes nothing (idempotent).
  expect((await advance(at(t0, 1.6))).moved).toBe(0);

  const proposal = ok(await gql(api.baseUrl, SUBMIT, { input: { processId: id, title: 'Көпүрө', description: 'Суу үстүндө', estimatedCost: '30000000' } }, { token: v.citizen.token })).submitProposal.id;
  await advance(at(t0, 2.5));
  expect((await read(id)).phase).toBe('REVIEW');
  ok(await gql(api.baseUrl, REVIEW, { input: { proposalId: proposal, feasible: true } }, { token: v.a.token }));
  await advance(at(t0, 3.5));
  const voting = await read(id);
  expect(voting.phase).toBe('VOTING');
  expect(voting.rulesFrozenAt).not.toBeNull();

  const events = await api.dataSource.query(`SELECT actor_account_id, after FROM audit_events WHERE entity_id = $1 AND action = 'participation.process.phase' ORDER BY seq`, [id]);
  expect(events.map((e: { after: { phase: string; by?: string } }) => [e.after.phase, e.after.by])).toEqual([['IDEAS', 'schedule'], ['REVIEW', 'schedule'], ['VOTING', 'schedule']]);
  expect(events.every((e: { actor_account_id: string | null }) => e.actor_account_id === null)).toBe(true);

  // Closing the vote by the schedule queues the count like an organiser's close.
  await advance(at(t0, 4.5));
  expect((await read(id)).phase).toBe('RESULTS');
  expect(Number((await api.dataSource.query(`SELECT count(*) AS n FROM outbox_messages WHERE job_id = $1`, [`pb-count.${id}`]))[0].n)).toBe(1);
});

test('a vote with nothing feasible does not open by itself; the others still move', async () => {
  const empty = await newProcess();
  const t0 = Date.now();
  ok(await gql(api.baseUrl, MOVE, { id: empty, phase: 'REVIEW' }, { token: v.admin.token }));
  ok(await gql(api.baseUrl, SET, { id: empty, phases: [{ phase: 'VOTING', startsAt: at(t0, 1).toISOString() }] }, { token: v.admin.token }));
  const other = await newProcess();
  ok(await gql(api.baseUrl, SET, { id: other, phases: [{ phase: 'IDEAS', startsAt: at(t0, 1).toISOString() }] }, { token: v.admin.token }));
  const r = await advance(at(t0, 2));
  expect(r.refused).toBeGreaterThanOrEqual(1);
  expect((await read(empty)).phase).toBe('REVIEW');
  expect((await read(other)).phase).toBe('IDEAS');
  // An organiser who moved on by hand is not moved back: the plan of a phase already passed is not due any more.
  ok(await gql(api.baseUrl, MOVE, { id: other, phase: 'REVIEW' }, { token: v.admin.token }));
  await advance(at(t0, 3));
  expect((await read(other)).phase).toBe('REVIEW');
});

test('a bad plan is refused with its code and field, and the earlier plan stays', async () => {
  const id = await newProcess();
  const t0 = Date.now();
  const good = [{ phase: 'IDEAS', startsAt: at(t0, 1).toISOString() }];
  ok(await gql(api.baseUrl, SET, { id, phases: good }, { token: v.admin.token }));
  const refusals: Array<[unknown[], string, string, string?]> = [
    [[{ phase: 'IDEAS', startsAt: '2027-02-30T10:00+06:00' }], 'BAD_USER_INPUT', 'errors.validation.dateTime', 'phases.0.startsAt'],
    [[{ phase: 'IDEAS', startsAt: '2027-03-01T10:00' }], 'BAD_USER_INPUT', 'errors.validation.dateTime', 'phases.0.startsAt'],
    [[{ phase: 'IDEAS', startsAt: at(t0, 2).toISOString() }, { phase: 'REVIEW', startsAt: at(t0, 1).toISOString() }], 'BAD_USER_INPUT', 'errors.participation.scheduleOrder', 'phases.1.startsAt'],
    [[{ phase: 'IDEAS', startsAt: at(t0, -2).toISOString() }], 'BAD_USER_INPUT', 'errors.participation.scheduleInPast', 'phases.0.startsAt'],
    [[{ phase: 'IDEAS', startsAt: at(t0, 1).toISOString() }, { phase: 'IDEAS', startsAt: at(t0, 2).toISOString() }], 'BAD_USER_INPUT', 'errors.participation.scheduleDuplicate'],
    [[{ phase: 'DRAFT', startsAt: at(t0, 1).toISOString() }], 'CONFLICT', 'errors.participation.schedulePastPhase'],
  ];
  for (const [phases, code, key, field] of refusals) {
    const e = firstError(await gql(api.baseUrl, SET, { id, phases }, { token: v.admin.token }));
    expect([e?.extensions?.code, e?.extensions?.messageKey]).toEqual([code, key]);
    if (field) expect(String(e?.extensions?.field)).toContain(field);
  }
  expect(firstError(await gql(api.baseUrl, SET, { id, phases: good }, { token: v.citizen.token }))?.extensions?.code).toBe('FORBIDDEN');
  expect(firstError(await gql(api.baseUrl, SET, { id, phases: good }))?.extensions?.code).toBe('UNAUTHENTICATED');
  const p = await read(id);
  expect(p.schedule).toHaveLength(1);
  expect(new Date(p.schedule[0].startsAt).getTime()).toBe(new Date(good[0].startsAt).getTime());
});

test('the worker keeps the phase timer in its queue', async () => {
  const q = api.worker!.get<Queue>(getQueueToken(PARTICIPATION_QUEUES.timers.name), { strict: false });
  const schedulers = await q.getJobSchedulers();
  expect(schedulers.map((s) => [s.key, s.name, s.every])).toEqual([[PARTICIPATION_JOBS.advancePhases.name, PARTICIPATION_JOBS.advancePhases.name, 60_000]]);
});
