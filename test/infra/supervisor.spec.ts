import { execFileSync } from 'child_process';
import { join } from 'path';

/** Runs a scenario of supervisor-harness.mjs (the supervisor is ESM; the harness is plain node). */
function scenario(name: string): Record<string, any> {
  const out = execFileSync(process.execPath, [join(__dirname, 'supervisor-harness.mjs'), name], { encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

describe('local launcher supervisor (infra/local/supervisor.mjs)', () => {
  it('restarts a crashing child with a growing delay, leaves the others alone, and restarts nothing once stopping', () => {
    const r = scenario('restartOnCrash');
    expect(r.restartsAtStop).toBeGreaterThanOrEqual(4);
    expect(r.logs.slice(0, 4)).toEqual([
      'worker exited (code 3); restarting in 0.1 s',
      'worker exited (code 3); restarting in 0.1 s',
      'worker exited (code 3); restarting in 0.2 s',
      'worker exited (code 3); restarting in 0.2 s',
    ]);
    // onStart runs after every start (the launcher prints the logins again there).
    expect(r.starts.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(r.apiStillSame).toBe(true);
    expect(r.restartsLater).toBe(r.restartsAtStop);
    expect(r.notStopped).toEqual([]);
  });

  it('stops a child that ignores SIGTERM with SIGKILL, in bounded time', () => {
    const r = scenario('stubbornChild');
    expect(r.signal).toBe('SIGKILL');
    expect(r.notStopped).toEqual([]);
    expect(r.logs).toEqual(['api did not stop in 0.3 s; killing it']);
    expect(r.restarts).toBe(0);
    expect(r.stopMs).toBeLessThan(5000);
  });

  it('does not wait for the exit of a child already ended by a signal', () => {
    const r = scenario('alreadyKilled');
    expect(r).toMatchObject({ exited: true, exitCode: null, signal: 'SIGKILL' });
    expect(r.waitedMs).toBeLessThan(1000);
  });
});
