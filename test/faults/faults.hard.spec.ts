// Faults with the real services (`npm run test:hard`, not part of `npm test`): PostgreSQL restarted
// under write load, Redis stopped while jobs are queued and running, a worker SIGKILLed mid-import.
// Everything runs against a throwaway PostgreSQL and Redis started here; see README.md beside this file.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'crypto';
import { appendFileSync, readFileSync } from 'fs';
import { join } from 'path';
import { parsePabulib } from '@ashar/tally';
import { ensureAppTestRole } from '@ashar/database/testing';
import { migrateAndSeed } from '../support/template-database';
import { asAppRole } from '../support/test-config';
import { RunningApi } from '../support/api-harness';
import { gql, ok } from '../support/graphql-client';
import { member, Person, platformAdmin, publishedBudget, RECORD, village, Village } from '../../libs/budgets/src/__tests__/support';
import { cast, MOVE, processInVoting } from '../../libs/participation/src/__tests__/support';
import { countBallots } from '../../libs/participation/src/domain/election';
import { API_PORT, AppProcess, killLeftovers, sleep, ThrowawayPostgres, ThrowawayRedis, waitFor } from './support/services';

const BASE = `http://127.0.0.1:${API_PORT}`;
/** How long after PostgreSQL accepts connections again the API must answer /readyz 200 by itself. */
const READY_BOUND_MS = 15_000;
const CLIENTS = 10;

/** One line per scenario: what was tried and what held, printed and collected for test/run-hard.mjs. */
function report(line: string) {
  process.stdout.write(`faults: ${line}\n`);
  if (process.env.FAULTS_REPORT) appendFileSync(process.env.FAULTS_REPORT, `faults: ${line}\n`);
}
const n = (x: number) => x.toLocaleString('en-US');
const WARSAW = join(__dirname, '../../../shared/data/pabulib/Poland_Warszawa_2026.pb');
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

describe('faults with the real services', () => {
  const pg = new ThrowawayPostgres();
  const redis = new ThrowawayRedis();
  let api: AppProcess;
  let worker: AppProcess;
  let v: Village;
  let b: Awaited<ReturnType<typeof publishedBudget>>;
  let platform: Person;
  // The context helpers want a RunningApi; they use only its address and a way to run SQL.
  const like = { baseUrl: BASE, dataSource: { query: (q: string, p?: unknown[]) => sql(q, p ?? []) } } as unknown as RunningApi;
  const sql = <R = any>(q: string, params: unknown[] = []) => pg.query<R>(q, params);
  const count = async (q: string, params: unknown[] = []) => Number((await sql(`SELECT count(*)::int AS n FROM ${q}`, params))[0].n);
  /** The same stored election counted by the engine here, read in the worker's order (proposals by id, ballots by receipt). */
  const undisturbedCount = async (processId: string): Promise<string[]> => {
    const [p] = await sql('SELECT id, currency, envelope::text, ballot_kind, min_choices, max_choices, max_points, counting_rule FROM pb_processes WHERE id = $1', [processId]);
    const candidates = await sql<{ id: string; title: string; cost: string }>(`SELECT id, title, COALESCE(reviewed_cost, estimated_cost)::text AS cost FROM pb_proposals WHERE process_id = $1 AND status = 'FEASIBLE' ORDER BY id`, [processId]);
    const ballots = await sql<{ receiptCode: string; choices: string[]; points: number[] | null }>('SELECT receipt_code AS "receiptCode", choices, points FROM pb_ballots WHERE process_id = $1 ORDER BY receipt_code', [processId]);
    const rules = { id: p.id, currency: p.currency, envelope: p.envelope, ballotKind: p.ballot_kind, minChoices: p.min_choices, maxChoices: p.max_choices, maxPoints: p.max_points, countingRule: p.counting_rule };
    return countBallots(rules, candidates, ballots).result.selected;
  };

  beforeAll(async () => {
    killLeftovers();
    await Promise.all([pg.start(), redis.start()]);
    // Migrated and seeded as the shared test template is.
    await migrateAndSeed(pg.url);
    // The API and worker log in as the application's least-privileged role, as in a deployment (and as
    // every other suite's API does): a fault path that needs more than that fails here.
    await pg.admin((c) => ensureAppTestRole(c));
    const env = {
      DATABASE_URL: asAppRole(pg.url),
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'ashar',
      JWT_SECRET: 'faults-secret-that-is-long-enough-0123456789',
      PORT: String(API_PORT),
      HOST: '127.0.0.1',
      COOKIE_SECURE: 'false',
    };
    api = new AppProcess('api', env);
    worker = new AppProcess('worker', env);
    await Promise.all([api.start(), worker.start()]);
    platform = await platformAdmin(like);
    v = await village(like, platform, '41707220840000', 'Ак-Дөбө');
    b = await publishedBudget(like, v, 2025, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2600000' },
    ]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    redis.stop();
    pg.stop();
  });

  // ---------------------------------------------------------------- PostgreSQL restarted under load
  interface Outcome {
    kind: 'ack' | 'refused' | 'other';
    id?: string;
    counterparty: string;
    detail?: string;
  }

  async function record(counterparty: string): Promise<Outcome> {
    try {
      const res = await fetch(`${BASE}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${v.a.token}` },
        body: JSON.stringify({ query: RECORD, variables: { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2025-05-05', amount: '10.00', counterparty } } }),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      let body: { data?: { recordBudgetTransaction?: { id: string } } | null; errors?: Array<{ extensions?: { code?: string } }> } = {};
      try {
        body = JSON.parse(text);
      } catch {
        return { kind: 'other', counterparty, detail: `HTTP ${res.status} non-JSON` };
      }
      const id = body.data?.recordBudgetTransaction?.id;
      if (res.status === 200 && !body.errors?.length && id) return { kind: 'ack', id, counterparty };
      const code = body.errors?.[0]?.extensions?.code;
      const retryAfter = res.headers.get('retry-after');
      if (res.status === 503 && code === 'SERVICE_UNAVAILABLE' && retryAfter && Number(retryAfter) > 0) return { kind: 'refused', counterparty };
      return { kind: 'other', counterparty, detail: `HTTP ${res.status} ${code ?? 'no code'}${retryAfter ? ` Retry-After ${retryAfter}` : ''}` };
    } catch (e) {
      return { kind: 'other', counterparty, detail: `transport ${(e as Error).name}` };
    }
  }

  async function readyz(): Promise<number> {
    try {
      return (await fetch(`${BASE}/readyz`, { signal: AbortSignal.timeout(5000) })).status;
    } catch {
      return 0;
    }
  }

  it.each(['fast', 'immediate'] as const)('PostgreSQL restarted (-m %s) under write load: every acknowledged write is kept, the rest are retryable, the API recovers', async (mode) => {
    const outcomes: Outcome[] = [];
    const logFrom = api.mark();
    let stop = false;
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; !stop; i++) outcomes.push(await record(`load-${mode}-${c}-${i}`));
    });
    await sleep(1500);
    const restartedAt = Date.now();
    await pg.restart(mode);
    const acceptingAt = Date.now();
    // Readiness comes back by itself: nobody restarts the API.
    let readyAt = 0;
    while (Date.now() - acceptingAt < READY_BOUND_MS) {
      if ((await readyz()) === 200) {
        readyAt = Date.now();
        break;
      }
      await sleep(100);
    }
    await sleep(2000);
    stop = true;
    await Promise.all(clients);
    const after = await record(`after-${mode}`);

    const acked = outcomes.filter((o) => o.kind === 'ack');
    const refused = outcomes.filter((o) => o.kind === 'refused');
    const other = outcomes.filter((o) => o.kind === 'other');
    const found = await sql<{ id: string }>('SELECT id FROM budget_transactions WHERE id = ANY($1::uuid[])', [acked.map((o) => o.id)]);
    // A refusal may still have committed (the commit raced the shutdown); not a loss, but worth seeing.
    const refusedYetStored = await count('budget_transactions WHERE counterparty = ANY($1)', [[...refused, ...other].map((o) => o.counterparty)]);
    const otherKinds = [...new Set(other.map((o) => o.detail))].join('; ');
    // The errors the API logged meanwhile, for whoever maps outage errors to SERVICE_UNAVAILABLE.
    const logged = [...new Set(api.since(logFrom).split('\n').flatMap((l) => {
      try {
        const e = JSON.parse(l);
        return e.level >= 50 && e.err ? [`${e.err.code ?? e.err.type ?? 'error'}: ${String(e.err.message).slice(0, 80)}`] : [];
      } catch {
        return [];
      }
    }))].slice(0, 6);
    report(
      `postgres restart -m ${mode} under write load (${CLIENTS} clients): ${n(acked.length)} writes acknowledged, ${n(found.length)} found afterwards, ` +
        `${n(refused.length)} refused with SERVICE_UNAVAILABLE (503 + Retry-After), ${n(other.length)} other errors${other.length ? ` (${otherKinds})` : ''}, ` +
        `${refusedYetStored} unacknowledged yet stored, restart took ${((acceptingAt - restartedAt) / 1000).toFixed(1)} s, ` +
        (readyAt ? `ready again ${((readyAt - acceptingAt) / 1000).toFixed(1)} s after PostgreSQL accepted connections` : `NOT ready within ${READY_BOUND_MS / 1000} s`) +
        `, write afterwards: ${after.kind === 'ack' ? 'ok' : after.detail}` +
        (logged.length ? `; errors the API logged: ${logged.join(' | ')}` : ''),
    );
    expect(acked.length).toBeGreaterThan(0);
    expect(found.length).toBe(acked.length);
    expect(readyAt).toBeGreaterThan(0);
    expect(after).toMatchObject({ kind: 'ack' });
    // The contract for a database outage: a retryable refusal, never a 500 or an INTERNAL_SERVER_ERROR.
    expect(otherKinds).toBe('');
  }, 90_000);

  // ---------------------------------------------------------------- Redis stopped while jobs run
  function ledger(rows: number, day: number, cents: number): string {
    const lines = ['date,economic_code,functional_code,amount,counterparty'];
    for (let i = 0; i < rows; i++) lines.push(`2025-${String((i % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')},2111,7011,${(i % 900) + 1}.${String(cents).padStart(2, '0')},row ${i}`);
    return lines.join('\n');
  }

  async function upload(csv: string, name: string): Promise<string> {
    const res = await fetch(`${BASE}/api/budgets/${b.budgetId}/imports?kind=LEDGER&fileName=${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'text/csv' },
      body: csv,
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json()) as { id: string };
    expect(res.status).toBe(202);
    return body.id;
  }

  const importRow = async (id: string) => (await sql<{ status: string; progress: number; imported_rows: number | null }>('SELECT status, progress, imported_rows FROM budget_imports WHERE id = $1', [id]))[0];
  const jobState = (queue: string, jobId: string) => {
    const [finishedOn, attemptsMade, stalled] = redis.cli(['HMGET', `ashar:${queue}:${jobId}`, 'finishedOn', 'attemptsMade', 'stc']).trim().split('\n');
    return { finished: !!finishedOn, attemptsMade: Number(attemptsMade || 0), stalled: Number(stalled || 0) };
  };

  it('Redis stopped while an import runs and while jobs are enqueued: each ends exactly once when Redis is back', async () => {
    const RUNNING_ROWS = 30_000;
    const QUEUED_ROWS = 5_000;
    // A vote with three ballots, closed while Redis is down: its count (the tally job) is queued then.
    const { processId, proposals } = await processInVoting(like, v, ['30000000', '50000000']);
    const voters = [v.citizen, await member(like, platform, v.communityId, 'CITIZEN', 'Асел'), await member(like, platform, v.communityId, 'CITIZEN', 'Айбек')];
    for (const [i, voter] of voters.entries()) ok(await cast(like, voter, processId, [proposals[i % 2]]));
    const running = await upload(ledger(RUNNING_ROWS, 11, 11), 'running.csv');
    // Stopped while the rows are being inserted: the job's progress and lock renewals then hit a dead Redis
    // from inside the import's open transaction.
    await waitFor('the import to be inserting rows', async () => {
      const row = await importRow(running);
      if (row.status === 'DONE') throw new Error('the import finished before Redis could be stopped: make the file larger');
      // Past 20 % the first chunk is in (progress is written from outside the transaction, after each chunk).
      return row.status === 'RUNNING' && row.progress > 20;
    }, 60_000, 10);
    const stoppedAt = Date.now();
    await redis.shutdown();
    const runningWhenStopped = await importRow(running);

    // Enqueued while Redis is down: both requests are answered (the outbox holds the jobs in PostgreSQL).
    const t0 = Date.now();
    const queued = await upload(ledger(QUEUED_ROWS, 12, 12), 'queued.csv');
    const recipient = '+996700100200';
    const invite = await gql(BASE, `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`, { input: { communityId: v.communityId, role: 'CITIZEN', recipient } }, { token: v.admin.token });
    ok(await gql(BASE, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
    const answeredInMs = Date.now() - t0;
    ok(invite);
    const countJobId = `pb-count.${processId}`;
    const [{ id: invitationId }] = await sql<{ id: string }>('SELECT id FROM invitations WHERE recipient = $1', [recipient]);
    const jobId = `invitation-notify.${invitationId}`;
    await sleep(3000);
    const whileDown = { queued: (await importRow(queued)).status, deliveries: await count(`notification_deliveries WHERE job_id = $1 AND status = 'SENT'`, [jobId]), outboxPending: await count('outbox_messages WHERE job_id = $1 AND dispatched_at IS NULL', [jobId]) };
    const countWhileDown = { outcomes: await count('pb_outcomes WHERE process_id = $1', [processId]), outboxPending: await count('outbox_messages WHERE job_id = $1 AND dispatched_at IS NULL', [countJobId]) };

    await redis.start();
    const downMs = Date.now() - stoppedAt;
    const backAt = Date.now();
    await waitFor('both imports to finish', async () => (await importRow(running)).status !== 'RUNNING' && !['QUEUED', 'RUNNING'].includes((await importRow(queued)).status), 90_000, 200);
    await waitFor('the invitation to be delivered', async () => (await count(`notification_deliveries WHERE job_id = $1 AND status = 'SENT'`, [jobId])) > 0, 30_000, 200);
    await waitFor('the vote to be counted', async () => (await count('pb_outcomes WHERE process_id = $1', [processId])) > 0, 30_000, 200);
    const settledMs = Date.now() - backAt;
    // Give a duplicate (a second hand-off, a retried job) time to show itself before counting.
    await sleep(2000);

    const outcome = async (id: string) => ({
      ...(await importRow(id)),
      rows: await count('budget_transactions WHERE import_id = $1', [id]),
      audits: await count(`audit_events WHERE action = 'budget.import.ledger' AND entity_id = $1`, [id]),
    });
    const r = await outcome(running);
    const q = await outcome(queued);
    const deliveries = await count(`notification_deliveries WHERE job_id = $1 AND status = 'SENT'`, [jobId]);
    const job = jobState('notifications', jobId);
    const countJob = jobState('participation-tallies', countJobId);
    const outcomes = await sql<{ ballot_count: number; selected: string[] }>('SELECT ballot_count, selected FROM pb_outcomes WHERE process_id = $1', [processId]);
    report(
      `redis stopped for ${(downMs / 1000).toFixed(1)} s: import running at ${runningWhenStopped.progress}% -> ${r.status}, ${n(r.rows)}/${n(RUNNING_ROWS)} rows, ${r.audits} budget.import.ledger event; ` +
        `import uploaded while down (answered, ${whileDown.queued} while down) -> ${q.status}, ${n(q.rows)}/${n(QUEUED_ROWS)} rows, ${q.audits} event; ` +
        `invitation SMS enqueued while down (${whileDown.outboxPending} row held in the outbox, ${whileDown.deliveries} deliveries while down) -> ${deliveries} delivery; ` +
        `both requests answered in ${answeredInMs} ms; all settled ${(settledMs / 1000).toFixed(1)} s after Redis was back; ` +
        `vote closed while down (count job held in the outbox: ${countWhileDown.outboxPending}, ${countWhileDown.outcomes} results while down) -> ${outcomes.length} result of ${outcomes[0]?.ballot_count ?? 0} ballots, count job ${countJob.finished ? 'finished' : 'NOT finished'}`,
    );
    expect(whileDown).toEqual({ queued: 'QUEUED', deliveries: 0, outboxPending: 1 });
    expect(r).toMatchObject({ status: 'DONE', imported_rows: RUNNING_ROWS, rows: RUNNING_ROWS, audits: 1 });
    expect(q).toMatchObject({ status: 'DONE', imported_rows: QUEUED_ROWS, rows: QUEUED_ROWS, audits: 1 });
    expect(deliveries).toBe(1);
    expect(job.finished).toBe(true);
    expect(countWhileDown).toEqual({ outcomes: 0, outboxPending: 1 });
    expect(outcomes).toHaveLength(1);
    expect(Number(outcomes[0].ballot_count)).toBe(3);
    expect(countJob.finished).toBe(true);
    // Nothing else recorded twice: one transaction per file row across both imports.
    expect(await count(`budget_transactions WHERE import_id = ANY($1::uuid[])`, [[running, queued]])).toBe(RUNNING_ROWS + QUEUED_ROWS);
  }, 150_000);

  it('Redis stopped while a tally job runs (Warsaw 2026, 61,668 ballots, equal shares): one result, the same as an undisturbed count', async () => {
    // A real election big enough that the count takes seconds: its projects become feasible proposals and its
    // ballots stored ballots (the way bench/voting loads it), then the vote closes and the worker counts it.
    const e = parsePabulib(readFileSync(WARSAW, 'utf8'));
    const create = `mutation($input: CreateProcessInput!) { createParticipatoryProcess(input: $input) { id } }`;
    const processId: string = ok(await gql(BASE, create, { input: { communityId: v.communityId, title: { ru: 'Варшава 2026' }, currency: 'KGS', rules: { envelope: String(Math.round(e.budget)), ballotKind: 'APPROVAL', minChoices: 0, countingRule: 'MES', verification: 'SELF_DECLARED' } } }, { token: v.admin.token })).createParticipatoryProcess.id;
    const ids = new Map(e.projects.map((p) => [p.id, randomUUID()]));
    await sql(`INSERT INTO pb_proposals (id, process_id, author_account_id, title, description, estimated_cost, reviewed_cost, status) SELECT i, $1, $2, t, '', c, c, 'FEASIBLE' FROM unnest($3::uuid[], $4::text[], $5::bigint[]) AS x(i, t, c)`, [processId, v.admin.id, [...ids.values()], e.projects.map((p) => p.name ?? p.id), e.projects.map((p) => Math.max(1, Math.round(p.cost)))]);
    await sql(`UPDATE pb_processes SET phase = 'VOTING', rules_frozen_at = now() WHERE id = $1`, [processId]);
    const rows = e.ballots.map((bl, i) => [randomBytes(32).toString('hex'), `W${String(i).padStart(9, '0')}`, JSON.stringify(bl.projects.map((p) => ids.get(p)!))]);
    for (let i = 0; i < rows.length; i += 10_000) {
      const part = rows.slice(i, i + 10_000);
      await sql(`INSERT INTO pb_ballots (process_id, pseudonym, receipt_code, choices, channel) SELECT $1, p, r, c::jsonb, 'ONLINE' FROM unnest($2::text[], $3::text[], $4::text[]) AS x(p, r, c)`, [processId, part.map((r) => r[0]), part.map((r) => r[1]), part.map((r) => r[2])]);
    }
    const jobId = `pb-count.${processId}`;
    const active = () => redis.cli(['LRANGE', 'ashar:participation-tallies:active', '0', '-1']).split('\n').includes(jobId);
    ok(await gql(BASE, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
    await waitFor('the count job to be running', async () => {
      if ((await count('pb_outcomes WHERE process_id = $1', [processId])) > 0) throw new Error('the count finished before Redis could be stopped');
      return active();
    }, 30_000, 5);
    const stoppedAt = Date.now();
    await redis.shutdown();
    // Down long enough that the job's lock renewals fail and its completion cannot be reported.
    await sleep(6000);
    const whileDown = await count('pb_outcomes WHERE process_id = $1', [processId]);
    await redis.start();
    const downMs = Date.now() - stoppedAt;
    const backAt = Date.now();
    await waitFor('the vote to be counted', async () => (await count('pb_outcomes WHERE process_id = $1', [processId])) > 0 && jobState('participation-tallies', jobId).finished, 90_000, 200);
    const settledMs = Date.now() - backAt;
    await sleep(2000);
    const outcomes = await sql<{ ballot_count: number; selected: string[]; ballot_set_sha256: string }>('SELECT ballot_count, selected, ballot_set_sha256 FROM pb_outcomes WHERE process_id = $1', [processId]);
    const job = jobState('participation-tallies', jobId);
    const notices = await count(`outbox_messages WHERE job_id = $1`, [`pb-notify.results.${processId}`]);
    // The undisturbed count of the same ballots, by the engine directly: the disturbed job must agree with it.
    const expected = await undisturbedCount(processId);
    report(
      `redis stopped for ${(downMs / 1000).toFixed(1)} s while the Warsaw 2026 count ran (${n(rows.length)} ballots, ${e.projects.length} projects, MES): ` +
        `${whileDown} result written while down; ${outcomes.length} result after, ${outcomes[0]?.ballot_count ?? 0} ballots counted, ` +
        `${outcomes[0]?.selected.length ?? 0} winners ${sameSet(outcomes[0]?.selected ?? [], expected) ? 'equal to' : 'DIFFERENT from'} an undisturbed count; ` +
        `job attempts ${job.attemptsMade}, ${job.stalled} stall(s), ${job.finished ? 'finished' : 'NOT finished'} ${(settledMs / 1000).toFixed(1)} s after Redis was back; ${notices} results notice queued`,
    );
    expect(outcomes).toHaveLength(1);
    expect(Number(outcomes[0].ballot_count)).toBe(e.ballots.length);
    expect(sameSet(outcomes[0].selected, expected)).toBe(true);
    expect(job.finished).toBe(true);
    expect(notices).toBe(1);
  }, 180_000);

  // ---------------------------------------------------------------- worker killed mid-import
  it('the worker SIGKILLed mid-import: nothing partial is left, the retried job imports exactly once', async () => {
    const ROWS = 60_000;
    const id = await upload(ledger(ROWS, 13, 13), 'killed.csv');
    // Progress is written outside the import's transaction after each chunk: past 20 % the first chunk
    // sits in the open transaction.
    const at = await waitFor('the import to be inserting rows', async () => {
      const row = await importRow(id);
      if (row.status === 'DONE') throw new Error('the import finished before the worker could be killed: make the file larger');
      return row.status === 'RUNNING' && row.progress > 20 ? row : undefined;
    }, 60_000, 10);
    await worker.kill();
    const killedAt = Date.now();
    // PostgreSQL rolls the cut-off transaction back once it sees the connection gone.
    await waitFor('the killed transaction to end', async () => (await count(`pg_stat_activity WHERE datname = 'ashar_faults' AND state LIKE 'idle in transaction%'`)) === 0, 10_000);
    const partial = await count('budget_transactions WHERE import_id = $1', [id]);
    const statusAfterKill = (await importRow(id)).status;

    worker = new AppProcess('worker', worker.env);
    await worker.start();
    // BullMQ's stalled-job check notices the dead worker's expired lock and hands the job to the new one.
    const done = await waitFor('the retried import to finish', async () => {
      const row = await importRow(id);
      return row.status === 'DONE' || row.status === 'FAILED' ? row : undefined;
    }, 120_000, 250);
    const retriedMs = Date.now() - killedAt;
    await sleep(1000);
    const rows = await count('budget_transactions WHERE import_id = $1', [id]);
    const audits = await count(`audit_events WHERE action = 'budget.import.ledger' AND entity_id = $1`, [id]);
    const job = jobState('imports', `budget-import.${id}`);
    report(
      `worker SIGKILLed at ${at.progress}% of a ${n(ROWS)}-row import: ${n(partial)} rows left behind, status ${statusAfterKill}; ` +
        `a new worker finished it ${(retriedMs / 1000).toFixed(1)} s after the kill (BullMQ stalled-job recovery, stalled ${job.stalled}x): ${done.status}, ${n(rows)}/${n(ROWS)} rows, ${audits} budget.import.ledger event ` +
        `(the in-process variant, a killed import runner then a direct rerun, is libs/budgets/src/__tests__/import-export.int.spec.ts)`,
    );
    expect(partial).toBe(0);
    expect(statusAfterKill).toBe('RUNNING');
    expect(done).toMatchObject({ status: 'DONE', imported_rows: ROWS });
    expect(rows).toBe(ROWS);
    expect(audits).toBe(1);
  }, 180_000);
});
