// Throwaway PostgreSQL and Redis for the fault runs: the shared servers on 5432/6379 carry every other
// test on this machine and are never stopped here. Fixed spare ports (overridable), so that leftovers of
// a crashed earlier run can be found and stopped by port before starting.
import { ChildProcess, execFile, execFileSync, spawn, spawnSync } from 'child_process';
import { promisify } from 'util';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { appendFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';

export const PG_BIN = process.env.FAULTS_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 54391);
export const REDIS_PORT = Number(process.env.FAULTS_REDIS_PORT ?? 63791);
export const API_PORT = Number(process.env.FAULTS_API_PORT ?? 30991);
const ROOT = join(__dirname, '../../..');
const TMP_PREFIX = 'ashar-faults-';
/** test/run-hard.mjs passes a folder of its own (removed after the run, even a cut-off one). */
const tmpParent = () => process.env.FAULTS_TMP ?? tmpdir();

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pids listening on a TCP port of this machine (ss shows them to root). */
function listeners(port: number): number[] {
  const r = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  return [...new Set([...(r.stdout ?? '').matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
}

/** Stops what a crashed earlier run left on our ports, and its temp folders. Never touches other ports. */
export function killLeftovers(): void {
  for (const port of [PG_PORT, REDIS_PORT, API_PORT]) {
    for (const pid of listeners(port)) {
      process.stdout.write(`faults: stopping leftover pid ${pid} on port ${port}\n`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(TMP_PREFIX) && !name.startsWith('ashar-hard-')) continue;
    const p = join(tmpdir(), name);
    // Only folders older than an hour: a concurrent run of another checkout may own a fresh one.
    if (Date.now() - statSync(p).mtimeMs > 3600_000) rmSync(p, { recursive: true, force: true });
  }
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const t0 = Date.now();
  let last: unknown;
  while (Date.now() - t0 < timeoutMs) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/**
 * PostgreSQL 15 from the system binaries, run as the OS user postgres (it refuses root), with
 * durability left at its defaults (fsync on, synchronous_commit on): the restart check relies on it.
 */
export class ThrowawayPostgres {
  readonly dir: string;
  readonly data: string;
  readonly url: string;

  constructor(readonly port = PG_PORT, database = 'ashar_faults') {
    this.dir = mkdtempSync(join(tmpParent(), TMP_PREFIX));
    chmodSync(this.dir, 0o755);
    this.data = join(this.dir, 'pg');
    this.url = `postgres://postgres@127.0.0.1:${port}/${database}`;
  }

  private command(bin: string, args: string[]): [string, string[]] {
    return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]] : [join(PG_BIN, bin), args];
  }

  private asPostgres(bin: string, args: string[]): string {
    const [cmd, full] = this.command(bin, args);
    return execFileSync(cmd, full, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  async start(): Promise<void> {
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', this.dir]);
    this.asPostgres('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const conf = [
      `port = ${this.port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${this.data}'`,
      // Stated, not assumed: acknowledged commits must survive a crash.
      'fsync = on',
      'synchronous_commit = on',
      'max_connections = 100',
      'shared_buffers = 32MB',
    ];
    appendFileSync(join(this.data, 'postgresql.conf'), '\n' + conf.join('\n') + '\n');
    this.ctl(['start', '-w', '-t', '30', '-l', join(this.dir, 'pg.log')]);
    await this.admin((c) => c.query('CREATE DATABASE ashar_faults'));
  }

  ctl(args: string[]): string {
    return this.asPostgres('pg_ctl', ['-D', this.data, ...args]);
  }

  /**
   * `pg_ctl restart -m fast|immediate`, resolved once it accepts connections again. Asynchronous, so
   * the load generator in this process keeps running through the outage.
   */
  async restart(mode: 'fast' | 'immediate'): Promise<void> {
    const [cmd, full] = this.command('pg_ctl', ['-D', this.data, 'restart', '-m', mode, '-w', '-t', '30', '-l', join(this.dir, 'pg.log')]);
    await promisify(execFile)(cmd, full);
  }

  async admin<T>(fn: (c: Client) => Promise<T>, database = 'postgres'): Promise<T> {
    const c = new Client({ connectionString: `postgres://postgres@127.0.0.1:${this.port}/${database}` });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  query<R = any>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.admin(async (c) => (await c.query(sql, params)).rows as R[], 'ashar_faults');
  }

  stop(): void {
    if (existsSync(join(this.data, 'postmaster.pid'))) {
      try {
        this.ctl(['stop', '-m', 'immediate', '-w', '-t', '30']);
      } catch {
        /* reported by the caller's assertions; the folder goes anyway */
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Redis with append-only persistence fsync'd on every write, so a stopped Redis keeps its queued jobs. */
export class ThrowawayRedis {
  readonly dir: string;
  readonly url: string;

  constructor(readonly port = REDIS_PORT) {
    this.dir = mkdtempSync(join(tmpParent(), TMP_PREFIX));
    this.url = `redis://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    execFileSync('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'always', '--save', '',
      '--maxmemory-policy', 'noeviction', '--dir', this.dir, '--logfile', join(this.dir, 'redis.log'),
      '--pidfile', join(this.dir, 'redis.pid'), '--daemonize', 'yes',
    ]);
    await waitFor('redis', async () => this.cli(['ping']).trim() === 'PONG', 10_000);
  }

  cli(args: string[]): string {
    return execFileSync('redis-cli', ['-p', String(this.port), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** `redis-cli shutdown`: with AOF on, what was acknowledged is on disk. */
  async shutdown(): Promise<void> {
    try {
      this.cli(['shutdown']);
    } catch {
      /* redis-cli reports the dropped connection */
    }
    await waitFor('redis to stop', async () => listeners(this.port).length === 0, 10_000);
  }

  stop(): void {
    for (const pid of listeners(this.port)) process.kill(pid, 'SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The API or the worker as a child process (`node -r @swc-node/register apps/<app>/src/main.ts`): its
 * own connection pools and event loop, as in production, so a PostgreSQL restart hits a real process
 * that has to recover by itself, and a SIGKILL is a real crash.
 */
export class AppProcess {
  child?: ChildProcess;
  /** The last few MB the process printed (JSON log lines), for start-up errors and log checks. */
  output = '';
  private written = 0;

  constructor(readonly app: 'api' | 'worker', readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    this.output = '';
    this.written = 0;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${this.app}/src/main.ts`], {
      cwd: ROOT,
      // production: no schema file written into the checkout, no introspection; logs only warnings.
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn', ARGON2_MEMORY_KIB: '4096', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (d: Buffer) => {
      const text = d.toString('utf8');
      this.written += text.length;
      this.output = (this.output + text).slice(-4_000_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const ready = this.app === 'api' ? 'api listening' : 'worker started';
    await waitFor(`${this.app} to start`, async () => {
      if (child.exitCode !== null) throw new Error(`${this.app} exited with ${child.exitCode}: ${this.output.slice(-2000)}`);
      return this.output.includes(ready);
    }, 90_000, 100);
  }

  /** A position in the output, and what was printed after it. */
  mark(): number {
    return this.written;
  }

  since(mark: number): string {
    return this.output.slice(Math.max(0, this.output.length - (this.written - mark)));
  }

  /** SIGKILL: no shutdown hooks, open transactions cut off mid-way. */
  async kill(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const c = this.child;
    if (!c || c.exitCode !== null || c.signalCode) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    const t = setTimeout(() => c.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  }
}
