// Keeps the local launcher's child processes (API, worker) running: a child that dies is started
// again after a growing delay instead of taking everything down, and stopping is bounded in time
// (SIGTERM, then SIGKILL) so `npm start` never hangs at "stopping…". Used by start.mjs; unit-tested
// in test/infra with throwaway `node -e` children.
import { spawn as nodeSpawn } from 'node:child_process';

/** A child that has exited: by code or by signal (a signalled child has exitCode null). */
export const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/** Waits for a child's exit, at most `ms`; true when it has exited. */
export function waitExit(child, ms) {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(hasExited(child)), ms);
    timer.unref?.();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export class Supervisor {
  /**
   * @param {object} opts
   * @param {(msg: string) => void} [opts.log]
   * @param {number} [opts.initialDelayMs] first restart delay; doubles per crash in a row
   * @param {number} [opts.maxDelayMs] restart delay cap
   * @param {number} [opts.healthyAfterMs] a child running this long resets the delay
   * @param {number} [opts.termTimeoutMs] SIGTERM grace before SIGKILL when stopping
   * @param {number} [opts.killTimeoutMs] how long to wait after SIGKILL before giving up on a child
   * @param {typeof nodeSpawn} [opts.spawn]
   */
  constructor(opts = {}) {
    this.log = opts.log ?? (() => undefined);
    this.initialDelayMs = opts.initialDelayMs ?? 1000;
    this.maxDelayMs = opts.maxDelayMs ?? 30_000;
    this.healthyAfterMs = opts.healthyAfterMs ?? 60_000;
    this.termTimeoutMs = opts.termTimeoutMs ?? 5000;
    this.killTimeoutMs = opts.killTimeoutMs ?? 2000;
    this.spawn = opts.spawn ?? nodeSpawn;
    this.specs = new Map();
    this.stopping = false;
  }

  /**
   * Starts a supervised child. `onStart(child, { restarts })` is called after every start, so the
   * caller can, say, wait for readiness and print the addresses again after a restart.
   */
  add(name, { command, args = [], options = {}, onStart }) {
    const spec = { name, command, args, options, onStart, child: null, crashes: 0, restarts: 0, timer: null, startedAt: 0 };
    this.specs.set(name, spec);
    this.#start(spec);
    return spec;
  }

  child(name) {
    return this.specs.get(name)?.child ?? null;
  }

  restarts(name) {
    return this.specs.get(name)?.restarts ?? 0;
  }

  #start(spec) {
    spec.timer = null;
    if (this.stopping) return;
    const child = this.spawn(spec.command, spec.args, spec.options);
    spec.child = child;
    spec.startedAt = Date.now();
    child.on('error', (e) => this.log(`${spec.name} could not start: ${e?.message ?? e}`));
    child.once('exit', (code, signal) => {
      if (this.stopping || spec.child !== child) return;
      // A child that ran for a while crashed once; one that dies at once keeps backing off.
      if (Date.now() - spec.startedAt >= this.healthyAfterMs) spec.crashes = 0;
      const delay = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** spec.crashes);
      spec.crashes++;
      this.log(`${spec.name} exited (${signal ? `signal ${signal}` : `code ${code}`}); restarting in ${(delay / 1000).toFixed(1)} s`);
      spec.timer = setTimeout(() => {
        spec.restarts++;
        this.#start(spec);
      }, delay);
    });
    spec.onStart?.(child, { restarts: spec.restarts });
  }

  /**
   * Stops every child: SIGTERM, then SIGKILL after termTimeoutMs, then gives up after killTimeoutMs
   * more. Never waits longer than about termTimeoutMs + killTimeoutMs. Resolves with the names of
   * children that did not exit (should be none).
   */
  async stopAll() {
    this.stopping = true;
    const specs = [...this.specs.values()];
    for (const s of specs) if (s.timer) clearTimeout(s.timer);
    const running = specs.filter((s) => s.child && !hasExited(s.child));
    for (const s of running) s.child.kill('SIGTERM');
    await Promise.all(
      running.map(async (s) => {
        if (await waitExit(s.child, this.termTimeoutMs)) return;
        this.log(`${s.name} did not stop in ${this.termTimeoutMs / 1000} s; killing it`);
        s.child.kill('SIGKILL');
        await waitExit(s.child, this.killTimeoutMs);
      }),
    );
    return running.filter((s) => !hasExited(s.child)).map((s) => s.name);
  }
}

/** Resolves with `promise`'s value, or with `fallback` after `ms` (timers do not keep the process alive). */
export function withTimeout(promise, ms, fallback) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    timer.unref?.();
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
