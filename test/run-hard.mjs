#!/usr/bin/env node
// `npm run test:hard`: fault runs against real services (test/faults/README.md). Not part of `npm test`:
// it starts its own throwaway PostgreSQL and Redis on spare ports, restarts and stops them, and kills
// processes, which takes a minute or two. Prints one line per scenario: what it tried and what held.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORTS = [process.env.FAULTS_PG_PORT ?? 54391, process.env.FAULTS_REDIS_PORT ?? 63791, process.env.FAULTS_API_PORT ?? 30991].map(Number);
// One folder for the report and the throwaway servers' data; the postgres user must reach it.
const dir = mkdtempSync(join(tmpdir(), 'ashar-hard-'));
chmodSync(dir, 0o755);
const reportFile = join(dir, 'report.txt');
const t0 = Date.now();
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', FAULTS_REPORT: reportFile, FAULTS_TMP: dir };

// A timeout (`.ci/run`) or Ctrl+C reaches Jest through the process group; we only wait and clean up.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => undefined);
const child = spawn('npx', ['jest', '-c', 'test/faults/jest.config.js', '--ci', '--runInBand', '--forceExit', ...process.argv.slice(2)], { stdio: 'inherit', env });
const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));

// PostgreSQL and Redis run daemonized: if Jest died before its afterAll, stop them by their ports.
for (const port of PORTS) {
  const out = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }).stdout ?? '';
  for (const pid of new Set([...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))) {
    console.log(`[test:hard] stopping pid ${pid} left on port ${port}`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone already */
    }
  }
}
let lines;
try {
  lines = readFileSync(reportFile, 'utf8');
} catch {
  lines = 'faults: no scenario reported (the run failed before any finished)\n';
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n[test:hard] what was tried and what held:\n${lines}[test:hard] ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exitCode = status;
