// API load benchmark: `npm run bench -- api` (or node -r @swc-node/register bench/api/bench.ts).
// A realistic mix against 1 and then 2 real API processes on loopback (one database, queues in Redis
// when it answers), so scaling out is measured in the same run. See bench/README.md.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'child_process';
import http from 'http';
import net from 'net';
import { join } from 'path';
import { ensureTemplateDatabase } from '../../test/support/template-database';
import { gql, ok } from '../../test/support/graphql-client';
import { startApi } from '../../test/support/api-harness';
import { member, platformAdmin, village } from '../../libs/budgets/src/__tests__/support';
import { processInVoting } from '../../libs/participation/src/__tests__/support';

const RATE = Number(process.env.BENCH_RATE ?? 300); // requests per second offered (open loop)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const SATURATE_SECONDS = Number(process.env.BENCH_SATURATE_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const LINES = 40; // a village budget: a few dozen lines (DOMAIN.md)
// Residents who vote in the mix: each may change their ballot 20 times in 10 minutes (the ballot limit),
// so enough of them that the whole run stays under it.
const VOTERS = Number(process.env.BENCH_VOTERS ?? 200);
const ROOT = join(__dirname, '../..');

type Op = { name: string; kind: 'public read' | 'entry'; weight: number; body: () => string; token?: string | (() => string) };
const tokenOf = (op: Op) => (typeof op.token === 'function' ? op.token() : op.token);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(port: number, body: string, token?: string): Promise<{ status: number; ok: boolean }> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, ok: res.statusCode === 200 && !text.includes('"errors"') });
        });
      },
    );
    req.on('error', () => resolve({ status: 0, ok: false }));
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
}

async function startApiProcesses(n: number, env: Record<string, string>): Promise<{ ports: number[]; stop(): Promise<void> }> {
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (d) => {
        buf += d;
        if (buf.includes('api listening')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`api process exited with ${code}`)));
    });
    ports.push(port);
  }
  return {
    ports,
    async stop() {
      await Promise.all(children.map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGTERM')))));
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Samples { [op: string]: { ms: number[]; errors: number } }

function pick(ops: Op[], total: number): Op {
  let r = Math.random() * total;
  for (const o of ops) if ((r -= o.weight) < 0) return o;
  return ops[ops.length - 1];
}

/** Open loop: requests start on schedule whatever the server does, so queueing shows in the latencies. */
async function openLoop(ports: number[], ops: Op[], rate: number, seconds: number): Promise<{ samples: Samples; sent: number; elapsed: number }> {
  const total = ops.reduce((s, o) => s + o.weight, 0);
  const samples: Samples = Object.fromEntries(ops.map((o) => [o.name, { ms: [], errors: 0 }]));
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  let sent = 0;
  while (performance.now() - t0 < seconds * 1000) {
    const due = Math.floor(((performance.now() - t0) / 1000) * rate);
    for (; sent < due; sent++) {
      const op = pick(ops, total);
      const port = ports[sent % ports.length];
      const s = performance.now();
      pending.push(post(port, op.body(), tokenOf(op)).then((r) => {
        samples[op.name].ms.push(performance.now() - s);
        if (!r.ok) samples[op.name].errors++;
      }));
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(pending);
  return { samples, sent, elapsed: (performance.now() - t0) / 1000 };
}

/** Closed loop: CONCURRENCY clients back to back, for the most each setup can serve. */
async function saturate(ports: number[], ops: Op[], seconds: number): Promise<{ rps: number; errors: number }> {
  const total = ops.reduce((s, o) => s + o.weight, 0);
  let done = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, i) => {
    while (performance.now() < end) {
      const op = pick(ops, total);
      const r = await post(ports[(i + done) % ports.length], op.body(), tokenOf(op));
      done++;
      if (!r.ok) errors++;
    }
  }));
  return { rps: done / seconds, errors };
}

async function main() {
  await ensureTemplateDatabase();
  const redis = await new Promise<boolean>((resolve) => {
    const s = net.connect(6379, '127.0.0.1', () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
  });
  // Fixtures through a real in-process API, then that API is closed and only the database is kept.
  const setup = await startApi({ label: 'bench_api', redis, worker: false });
  const platform = await platformAdmin(setup);
  const v = await village(setup, platform, '41707220840000', 'Ак-Дөбө');
  const t = { token: v.a.token };
  const created = ok(await gql(setup.baseUrl, `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id openVersion { id revision } } }`, { input: { communityId: v.communityId, fiscalYear: 2025, currency: 'KGS', population: 5200, title: { ky: 'Бюджет', ru: 'Бюджет' } } }, t)).createBudget;
  const codes = ['2111', '2121', '2212', '2215', '2221', '2222', '2231', '3111', '3112'];
  const funcs = ['7011', '7045', '7051', '7063', '7064', '7082', '7091'];
  const lines = Array.from({ length: LINES }, (_, i) =>
    i < 8
      ? { direction: 'REVENUE', economicCode: ['11111', '11121', '11311', '11331', '13111'][i % 5], functionalCode: null, amount: String(10_000_000 + i), names: { ky: `Киреше ${i}`, ru: `Доход ${i}` } }
      : { direction: 'EXPENDITURE', economicCode: codes[i % codes.length], functionalCode: funcs[i % funcs.length], amount: String(500_000 + i), names: { ky: `Чыгаша ${i}`, ru: `Расход ${i}` } },
  );
  const saved = ok(await gql(setup.baseUrl, `mutation($input: SaveBudgetLinesInput!) { saveBudgetLines(input: $input) { revision lines { lineKey direction } } }`, { input: { versionId: created.openVersion.id, expectedRevision: 1, lines } }, t)).saveBudgetLines;
  const sub = ok(await gql(setup.baseUrl, `mutation($input: VersionStepInput!) { submitBudgetVersion(input: $input) { revision } }`, { input: { versionId: created.openVersion.id, expectedRevision: saved.revision } }, t)).submitBudgetVersion;
  ok(await gql(setup.baseUrl, `mutation($input: PublishVersionInput!) { publishBudgetVersion(input: $input) { revision } }`, { input: { versionId: created.openVersion.id, expectedRevision: sub.revision, commentsUntil: '2099-01-01' } }, { token: v.b.token }));
  // A participatory-budgeting process in its voting phase: 12 feasible proposals, knapsack ballots.
  const pb = await processInVoting(setup, v, Array.from({ length: 12 }, (_, i) => String(5_000_000 + i * 1_000_000)));
  const voters: string[] = [];
  for (let i = 0; i < VOTERS; i++) voters.push((await member(setup, platform, v.communityId, 'CITIZEN', `Шайлоочу ${i}`)).token);
  const spendLines = saved.lines.filter((l: { direction: string }) => l.direction === 'EXPENDITURE').map((l: { lineKey: string }) => l.lineKey);
  const env = {
    DATABASE_URL: setup.config.databaseUrl,
    JWT_SECRET: setup.config.jwtSecret,
    ...(redis ? { REDIS_URL: setup.config.redisUrl!, REDIS_PREFIX: setup.config.redisPrefix } : {}),
    ARGON2_MEMORY_KIB: '4096',
  } as Record<string, string>;
  await setup.app.close();

  const publicPage = JSON.stringify({
    query: `query($c: ID!, $y: Int!) { budgetFor(communityId: $c, fiscalYear: $y) { id fiscalYear currency population title { ky ru }
      publicVersion { id number status totals { revenue expenditure revenueActual expenditureActual expenditurePercent expenditurePerResident }
        lines { lineKey direction economicCode functionalCode names { ky ru } amount actual percent monthly perResident } exportLinks { csv datapackage } }
      versions { id number status } neighbours { unitCode revenue expenditure expenditurePerResident isSelf } } }`,
    variables: { c: v.communityId, y: 2025 },
  });
  const budgetsList = JSON.stringify({ query: `query($c: ID!) { budgetsOfCommunity(communityId: $c) { id fiscalYear title { ky ru } } community(id: $c) { id } }`, variables: { c: v.communityId } });
  const search = JSON.stringify({ query: `query { searchTerritory(query: "ак", country: KG, limit: 10) { code names { ky ru } } }` });
  const proposals = JSON.stringify({ query: `query($id: ID!) { participatoryProcess(id: $id) { id phase envelope ballotKind proposals { id title status supportCount reviewedCost } } }`, variables: { id: pb.processId } });
  let n = 0;
  let k = 0;
  let ballot = 0;
  const ops: Op[] = [
    { name: 'public budget page', kind: 'public read', weight: 50, body: () => publicPage },
    { name: 'budgets of a community', kind: 'public read', weight: 10, body: () => budgetsList },
    { name: 'territory search', kind: 'public read', weight: 10, body: () => search },
    { name: 'proposal list of a process', kind: 'public read', weight: 15, body: () => proposals },
    {
      name: 'ballot cast (knapsack, changed until close)',
      kind: 'entry',
      weight: 5,
      token: () => voters[k++ % voters.length],
      body: () => {
        const i = ballot++;
        return JSON.stringify({ query: `mutation($input: CastBallotInput!) { castBallot(input: $input) { receiptCode } }`, variables: { input: { processId: pb.processId, choices: [pb.proposals[i % 12], pb.proposals[(i + 5) % 12]] } } });
      },
    },
    {
      name: 'budget-group entry (record spending)',
      kind: 'entry',
      weight: 10,
      token: v.a.token,
      body: () => JSON.stringify({
        query: `mutation($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id } }`,
        variables: { input: { budgetId: created.id, lineKey: spendLines[n % spendLines.length], occurredOn: `2025-${String((n % 12) + 1).padStart(2, '0')}-1${n++ % 10}`, amount: '125.50', counterparty: 'ОсОО Курулуш', purpose: 'Төлөм' } },
      }),
    },
  ];

  const results: Array<{ procs: number; open: Awaited<ReturnType<typeof openLoop>>; sat: Awaited<ReturnType<typeof saturate>> }> = [];
  try {
    for (const procs of [1, 2]) {
      const apis = await startApiProcesses(procs, env);
      try {
        await openLoop(apis.ports, ops, 50, 2); // warm-up
        const open = await openLoop(apis.ports, ops, RATE, SECONDS);
        const sat = await saturate(apis.ports, ops, SATURATE_SECONDS);
        results.push({ procs, open, sat });
      } finally {
        await apis.stop();
      }
    }
  } finally {
    await setup.db.drop();
  }

  const out: string[][] = [['API processes', 'operation', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms']];
  let bad = false;
  for (const r of results) {
    for (const o of ops) {
      const s = r.open.samples[o.name];
      const sorted = [...s.ms].sort((a, b) => a - b);
      const p95 = percentile(sorted, 0.95);
      out.push([String(r.procs), o.name, String(s.ms.length), String(s.errors), percentile(sorted, 0.5).toFixed(1), p95.toFixed(1), percentile(sorted, 0.99).toFixed(1)]);
      if (s.errors) bad = true;
      if (o.kind === 'public read' && r.procs === 1 && p95 >= 50) bad = true;
    }
    const publicMs = ops.filter((o) => o.kind === 'public read').flatMap((o) => r.open.samples[o.name].ms).sort((a, b) => a - b);
    out.push([String(r.procs), `all public reads at ${RATE} req/s offered (${(r.open.sent / r.open.elapsed).toFixed(0)} achieved)`, String(publicMs.length), '', percentile(publicMs, 0.5).toFixed(1), percentile(publicMs, 0.95).toFixed(1), percentile(publicMs, 0.99).toFixed(1)]);
    out.push([String(r.procs), `saturated mix, ${CONCURRENCY} clients`, `${r.sat.rps.toFixed(0)} req/s`, String(r.sat.errors), '', '', '']);
    if (r.sat.errors) bad = true;
  }
  const ratio = results[1].sat.rps / results[0].sat.rps;
  for (const row of out) process.stdout.write(row.join('\t') + '\n');
  process.stdout.write(`scale-out: 2 processes serve ${ratio.toFixed(2)}x the saturated throughput of 1 (same run, same machine, load generator included)\n`);
  process.stdout.write(`queues: ${redis ? 'redis' : 'postgres'}; targets: public reads p95 < 50 ms at ${RATE} req/s, no error\n`);
  process.exitCode = bad ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(2);
});
