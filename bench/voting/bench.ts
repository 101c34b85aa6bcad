// Voting benchmark: `npm run bench -- voting` (or node -r @swc-node/register bench/voting/bench.ts).
// 1. castBallot through the GraphQL API with many concurrent clients on loopback (queues and rate limits in
//    Redis when it answers), bounded in count and time: ballots per second, p50/p99; measured in the same
//    run, the raw PostgreSQL rate of the equivalent transaction (registry row + ballot row + audit row with
//    the chain head locked, through a direct `pg` pool), and the ratio.
// 2. The results job on a Warsaw-sized election (the shared Poland_Warszawa_2026.pb loaded as ballots):
//    from closing the vote to the published outcome.
// Voters are made in SQL (account, membership, a live session), not through sign-up: sign-up's argon2 and
// its rate limits are not what is measured here.
import 'reflect-metadata';
import { signAccessToken } from '@ashar/auth';
import { parsePabulib } from '@ashar/tally';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import http from 'http';
import { join } from 'path';
import { Pool } from 'pg';
import { platformAdmin, village } from '../../libs/budgets/src/__tests__/support';
import { KNAPSACK, MOVE, processInVoting } from '../../libs/participation/src/__tests__/support';
import { startApi } from '../../test/support/api-harness';
import { eventually } from '../../test/support/eventually';
import { gql, ok } from '../../test/support/graphql-client';
import { ensureTemplateDatabase } from '../../test/support/template-database';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARSAW = join(__dirname, '../../../shared/data/pabulib/Poland_Warszawa_2026.pb');
// The audit chain's advisory lock (libs/audit/src/repositories/audit-events.repository.ts).
const AUDIT_CHAIN_LOCK = 7_241_001;
const CAST = 'mutation($input: CastBallotInput!) { castBallot(input: $input) { receiptCode } }';

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
function post(port: number, body: string, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(res.statusCode === 200 && !Buffer.concat(chunks).toString().includes('"errors"')));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Runs `work(i)` for i < total with `concurrency` in flight, stopping after `seconds`. */
async function closedLoop(total: number, concurrency: number, seconds: number, work: (i: number) => Promise<boolean>) {
  const lat: number[] = [];
  let next = 0;
  let failed = 0;
  const until = Date.now() + seconds * 1000;
  const t0 = Date.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total && Date.now() < until) {
      const i = next++;
      const s = performance.now();
      if (!(await work(i))) failed++;
      lat.push(performance.now() - s);
    }
  }));
  const secs = (Date.now() - t0) / 1000;
  return { done: lat.length, failed, perSecond: lat.length / secs, p50: pct(lat, 50), p99: pct(lat, 99) };
}

async function main() {
  if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
  const redisUp = await new Promise<boolean>((r) => require('net').connect(6379, '127.0.0.1').on('connect', function (this: { end(): void }) { this.end(); r(true); }).on('error', () => r(false)));
  const api = await startApi({ label: 'benchvote', worker: true, redis: redisUp });
  const pool = new Pool({ connectionString: api.db.url, max: 20 });
  try {
    const platform = await platformAdmin(api);
    const v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    const costs = Array.from({ length: 20 }, (_, i) => String((3 + (i % 7)) * 1_000_000));
    const { processId, proposals } = await processInVoting(api, v, costs, { ...KNAPSACK, envelope: '50000000' });

    // Voters: accounts, memberships and live sessions in three statements.
    const ids = Array.from({ length: VOTERS }, () => randomUUID());
    const sids = ids.map(() => randomUUID());
    await api.dataSource.query(`INSERT INTO accounts (id, email, display_name) SELECT u, 'v' || u || '@bench.kg', 'Шайлоочу' FROM unnest($1::uuid[]) u`, [ids]);
    await api.dataSource.query(`INSERT INTO memberships (account_id, community_id, role) SELECT u, $2, 'CITIZEN' FROM unnest($1::uuid[]) u`, [ids, v.communityId]);
    await api.dataSource.query(`INSERT INTO refresh_tokens (account_id, family_id, token_hash, expires_at) SELECT u, s, md5(random()::text) || u, now() + interval '1 day' FROM unnest($1::uuid[], $2::uuid[]) AS t(u, s)`, [ids, sids]);
    const tokens = ids.map((id, i) => signAccessToken({ sub: id, adm: false, sid: sids[i] }, api.config.jwtSecret, 3600).token);
    const port = Number(new URL(api.baseUrl).port);
    const bodies = ids.map((_, i) => JSON.stringify({ query: CAST, variables: { input: { processId, choices: [proposals[i % 20], proposals[(i + 7) % 20]] } } }));

    // Warm-up (connections, plans), then the measured run.
    await closedLoop(Math.min(100, VOTERS), 10, 10, (i) => post(port, bodies[i], tokens[i]));
    const apiRun = await closedLoop(VOTERS, CONCURRENCY, SECONDS, (i) => post(port, bodies[i], tokens[i]));

    // The same writes straight into PostgreSQL: registry row, ballot row, audit row after locking the chain head.
    const rawProcess = randomUUID();
    await pool.query(`INSERT INTO pb_processes (id, community_id, title, currency, envelope, ballot_kind, counting_rule, verification, phase, created_by) VALUES ($1, $2, '{}', 'KGS', 1, 'KNAPSACK', 'GREEDY', 'SELF_DECLARED', 'VOTING', $3)`, [rawProcess, v.communityId, v.admin.id]);
    const rawRun = await closedLoop(apiRun.done, CONCURRENCY, SECONDS, async (i) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query('SELECT id FROM pb_processes WHERE id = $1 FOR SHARE', [rawProcess]);
        await c.query('INSERT INTO pb_voter_registry (process_id, account_id, channel) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [rawProcess, ids[i], 'ONLINE']);
        await c.query(`INSERT INTO pb_ballots (process_id, pseudonym, receipt_code, choices, channel) VALUES ($1, $2, $3, $4::jsonb, 'ONLINE') ON CONFLICT (process_id, pseudonym) DO UPDATE SET choices = EXCLUDED.choices`, [rawProcess, createHash('sha256').update(ids[i]).digest('hex'), randomBytes(5).toString('hex'), JSON.stringify([proposals[0]])]);
        // As AuditService: the chain's advisory lock, the head, one appended event.
        await c.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
        const [head] = (await c.query('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')).rows;
        await c.query(`INSERT INTO audit_events (seq, actor_account_id, action, entity_type, entity_id, community_id, before, after, occurred_at, prev_hash, hash) VALUES ($1, $2, 'bench.raw', 'ParticipatoryProcess', $3, $4, null, '{}', now(), $5, $6)`, [String(BigInt(head.seq) + 1n), ids[i], rawProcess, v.communityId, head.hash, createHash('sha256').update(head.hash + i).digest('hex')]);
        await c.query('COMMIT');
        return true;
      } catch {
        await c.query('ROLLBACK');
        return false;
      } finally {
        c.release();
      }
    });
    console.log(`castBallot via GraphQL: ${apiRun.done} ballots (${apiRun.failed} failed) at ${apiRun.perSecond.toFixed(0)}/s with ${CONCURRENCY} clients; p50 ${apiRun.p50.toFixed(1)} ms, p99 ${apiRun.p99.toFixed(1)} ms`);
    console.log(`raw PostgreSQL, same writes: ${rawRun.done} at ${rawRun.perSecond.toFixed(0)}/s; p50 ${rawRun.p50.toFixed(1)} ms, p99 ${rawRun.p99.toFixed(1)} ms`);
    console.log(`ratio API / raw: ${(apiRun.perSecond / rawRun.perSecond).toFixed(2)} (target ≥ 0.3; p99 target < 150 ms at 500/s)`);

    // 2. Warsaw: its projects as feasible proposals, its ballots as stored ballots, then close and count.
    const e = parsePabulib(readFileSync(WARSAW, 'utf8'));
    const w = await eventually(async () => ok(await gql(api.baseUrl, `mutation($input: CreateProcessInput!) { createParticipatoryProcess(input: $input) { id } }`, { input: { communityId: v.communityId, title: { ru: 'Варшава' }, currency: 'KGS', rules: { envelope: String(Math.round(e.budget)), ballotKind: 'APPROVAL', minChoices: 0, countingRule: 'MES', verification: 'SELF_DECLARED' } } }, { token: v.admin.token })).createParticipatoryProcess.id);
    const pid = new Map(e.projects.map((p) => [p.id, randomUUID()]));
    await api.dataSource.query(`INSERT INTO pb_proposals (id, process_id, author_account_id, title, description, estimated_cost, reviewed_cost, status) SELECT i, $1, $2, t, '', c, c, 'FEASIBLE' FROM unnest($3::uuid[], $4::text[], $5::bigint[]) AS x(i, t, c)`, [w, v.admin.id, [...pid.values()], e.projects.map((p) => p.name ?? p.id), e.projects.map((p) => Math.max(1, Math.round(p.cost)))]);
    await api.dataSource.query(`UPDATE pb_processes SET phase = 'VOTING', rules_frozen_at = now() WHERE id = $1`, [w]);
    const rows = e.ballots.map((b, i) => [randomBytes(32).toString('hex'), `W${String(i).padStart(9, '0')}`, JSON.stringify(b.projects.map((p) => pid.get(p)!))]);
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await api.dataSource.query(`INSERT INTO pb_ballots (process_id, pseudonym, receipt_code, choices, channel) SELECT $1, p, r, c::jsonb, 'ONLINE' FROM unnest($2::text[], $3::text[], $4::text[]) AS x(p, r, c)`, [w, part.map((r) => r[0]), part.map((r) => r[1]), part.map((r) => r[2])]);
    }
    const t0 = Date.now();
    ok(await gql(api.baseUrl, MOVE, { id: w, phase: 'RESULTS' }, { token: v.admin.token }));
    const outcome = await eventually(async () => ok(await gql(api.baseUrl, `query($id: ID!) { participatoryProcess(id: $id) { outcome { ballotCount selected } } }`, { id: w })).participatoryProcess.outcome, 600_000, 200);
    console.log(`results job, Warsaw 2026 (${e.ballots.length} ballots, ${e.projects.length} projects, MES + add-one): close → published in ${((Date.now() - t0) / 1000).toFixed(1)} s (target < 30 s); ${outcome.selected.length} winners`);
    console.log('browser recount of the same .pb: not measured yet (the recount page is not built)');
  } finally {
    await pool.end();
    await api.stop();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
