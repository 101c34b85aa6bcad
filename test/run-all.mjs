#!/usr/bin/env node
// `npm test`: every test the project has, in one command. Steps: make sure PostgreSQL and Redis
// answer (start the local ones if they are down), type-check, lint (with module boundaries),
// build the web client for the browser tests, then Jest over every project: unit, integration
// (real PostgreSQL and Redis) and browser journeys (Debian Chromium via playwright-core).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const adminUrl = new URL(env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = new URL(env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

function canConnect(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port: Number(port) }, () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
    s.setTimeout(1500, () => (s.destroy(), resolve(false)));
  });
}

async function ensure(name, host, port, startCommand) {
  if (await canConnect(host, port)) return;
  if (!['127.0.0.1', 'localhost'].includes(host)) throw new Error(`${name} at ${host}:${port} does not answer`);
  console.log(`[test] ${name} is down; starting it: ${startCommand}`);
  execSync(startCommand, { stdio: 'inherit', shell: '/bin/bash' });
  for (let i = 0; i < 30 && !(await canConnect(host, port)); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await canConnect(host, port))) throw new Error(`${name} did not start`);
}

function step(title, cmd, args, extraEnv = {}) {
  const t0 = Date.now();
  console.log(`\n[test] ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`[test] ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

await ensure('PostgreSQL', adminUrl.hostname, adminUrl.port || 5432, 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start');
await ensure('Redis', redisUrl.hostname, redisUrl.port || 6379, 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no');

const only = process.argv.slice(2);
if (!only.length) {
  step('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  // The module-boundary lint rule reads Nx's project graph; compute it first (a clean clone has none).
  step('project graph', 'npx', ['nx', 'show', 'projects']);
  step('lint', 'npx', ['eslint', '--max-warnings=0', 'apps', 'libs', 'test', 'bench']);
  if (existsSync('apps/web/vite.config.ts')) step('web build', 'npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], { NODE_ENV: 'production' });
}
step('jest', 'npx', ['jest', '--ci', '--forceExit', ...only]);
