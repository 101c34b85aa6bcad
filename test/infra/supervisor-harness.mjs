// Runs one scenario of infra/local/supervisor.mjs with throwaway `node -e` children and prints what
// happened as one JSON line (supervisor.spec.ts asserts on it). ESM, so run by node, not by Jest.
import { spawn } from 'node:child_process';
import { Supervisor, waitExit } from '../../infra/local/supervisor.mjs';

const node = (code) => ({ command: process.execPath, args: ['-e', code], options: { stdio: 'ignore' } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const logs = [];
const log = (m) => logs.push(m);

async function restartOnCrash() {
  const sup = new Supervisor({ log, initialDelayMs: 50, maxDelayMs: 200, healthyAfterMs: 60_000, termTimeoutMs: 2000 });
  const starts = [];
  sup.add('worker', { ...node('setTimeout(() => process.exit(3), 50)'), onStart: (_c, { restarts }) => starts.push(restarts) });
  sup.add('api', node('setInterval(() => {}, 1000)'));
  for (let i = 0; i < 100 && sup.restarts('worker') < 4; i++) await sleep(50);
  const apiPid = sup.child('api').pid;
  const notStopped = await sup.stopAll();
  const restartsAtStop = sup.restarts('worker');
  await sleep(400); // nothing is restarted once stopping
  return { logs, starts, restartsAtStop, restartsLater: sup.restarts('worker'), apiPid, apiStillSame: sup.child('api').pid === apiPid, notStopped };
}

async function stubbornChild() {
  const sup = new Supervisor({ log, termTimeoutMs: 300, killTimeoutMs: 2000 });
  let ready;
  const isReady = new Promise((r) => (ready = r));
  sup.add('api', {
    ...node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); process.stdout.write('ready')"),
    options: { stdio: ['ignore', 'pipe', 'ignore'] },
    onStart: (c) => c.stdout.once('data', ready),
  });
  await isReady; // its SIGTERM handler is installed
  const child = sup.child('api');
  const t0 = Date.now();
  const notStopped = await sup.stopAll();
  return { logs, notStopped, signal: child.signalCode, stopMs: Date.now() - t0, restarts: sup.restarts('api') };
}

async function alreadyKilled() {
  // A child ended by a signal has exitCode null: waiting for its exit must not hang (the old launcher did).
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await sleep(200);
  child.kill('SIGKILL');
  await waitExit(child, 5000);
  const t0 = Date.now();
  const exited = await waitExit(child, 5000);
  return { exited, exitCode: child.exitCode, signal: child.signalCode, waitedMs: Date.now() - t0 };
}

const scenarios = { restartOnCrash, stubbornChild, alreadyKilled };
const result = await scenarios[process.argv[2]]();
process.stdout.write(JSON.stringify(result) + '\n');
