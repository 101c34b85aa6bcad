import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Election, tally, writePabulib } from '@ashar/tally';

const ROOT = resolve(__dirname, '../../../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'apps/cli/src/tally/main.ts');

/** 300 projects, 60 voters: the greedy explanation is about 340 KiB of JSON, five pipe buffers. */
function bigElection(): Election {
  const projects = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, cost: 1000 + (i % 97) * 10 }));
  const ballots = Array.from({ length: 60 }, (_, v) => ({ voterId: `v${v}`, projects: projects.filter((_, i) => (i + v) % 7 === 0).map((p) => p.id) }));
  return { budget: 1_000_000, projects, ballots, ballotRules: { kind: 'approval' }, meta: { budget: '1000000', vote_type: 'approval' } };
}

describe('tally CLI output through a pipe', () => {
  let dir: string;
  let file: string;
  let expected: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-pipe-'));
    file = join(dir, 'big.pb');
    const e = bigElection();
    writeFileSync(file, writePabulib(e));
    const r = tally(e, { rule: 'greedy' });
    expected = JSON.stringify({ file, rule: r.rule, utility: null, selected: r.selected, totalCost: r.totalCost, explanation: r.explanation }) + '\n';
    expect(Buffer.byteLength(expected)).toBeGreaterThan(4 * 64 * 1024);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a slow reader on a pipe gets the whole --json output (it was cut at 64 KiB), and the exit code', async () => {
    const child = spawn(TSX, [MAIN, file, '--rule', 'greedy', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    // Read nothing until the CLI has written everything it can into the pipe, then drain it.
    child.stdout.pause();
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    setTimeout(() => child.stdout.resume(), 1500);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const out = Buffer.concat(chunks).toString('utf8');
    expect(code).toBe(0);
    expect(Buffer.byteLength(out)).toBe(Buffer.byteLength(expected));
    expect(JSON.parse(out)).toEqual(JSON.parse(expected));
  });

  it('`… --json | wc -c` counts every byte', async () => {
    const { stdout } = await promisify(execFile)('sh', ['-c', `"${TSX}" "${MAIN}" "${file}" --rule greedy --json | wc -c`], { cwd: ROOT });
    expect(Number(stdout.trim())).toBe(Buffer.byteLength(expected));
  });

  it('errors still end with a non-zero exit code', async () => {
    const child = spawn(TSX, [MAIN, join(dir, 'missing.pb'), '--rule', 'greedy'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    expect(await new Promise((done) => child.on('close', done))).toBe(1);
    const usage = spawn(TSX, [MAIN, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    usage.stdout.resume();
    usage.stderr.resume();
    expect(await new Promise((done) => usage.on('close', done))).toBe(2);
  });
});
