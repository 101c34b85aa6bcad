import { ChildProcess, execFileSync, spawn } from 'child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import net from 'net';
import { tmpdir, userInfo } from 'os';
import { dirname, join, resolve } from 'path';

const repo = resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
  });
}

/**
 * The working tree (tracked and untracked, not ignored), as a fresh clone would have it plus what
 * is being changed now; node_modules hard-linked (same files, same modes, instant) and the built web
 * client copied so the launcher does not rebuild it.
 */
function copyCheckout(dest: string) {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(repo, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(repo, f), join(dest, f), { verbatimSymlinks: true });
  }
  try {
    execFileSync('cp', ['-al', join(repo, 'node_modules'), join(dest, 'node_modules')]);
  } catch {
    execFileSync('cp', ['-a', join(repo, 'node_modules'), join(dest, 'node_modules')]);
  }
  if (existsSync(join(repo, 'dist/apps/web/index.html'))) cpSync(join(repo, 'dist/apps/web'), join(dest, 'dist/apps/web'), { recursive: true });
}

// Only root hits this (PostgreSQL then runs as user "postgres"); CI and these machines run as root.
const asRoot = userInfo().uid === 0;

(asRoot ? describe : describe.skip)('npm start in a folder the postgres user cannot enter (as root)', () => {
  let parent: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'ashar-private-'));
    chmodSync(parent, 0o700);
    copyCheckout(join(parent, 'repo'));
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    const hex = Buffer.from(join(parent, 'repo')).toString('hex').slice(-16);
    rmSync(parent, { recursive: true, force: true });
    rmSync(join(tmpdir(), `ashar-postgres-${hex}`), { recursive: true, force: true });
    for (const d of execFileSync('ls', [tmpdir()], { encoding: 'utf8' }).split('\n')) if (d.startsWith('ashar-postgres-bin-') && d.endsWith(hex)) rmSync(join(tmpdir(), d), { recursive: true, force: true });
  });

  it('starts the embedded PostgreSQL, serves the web page, and stops cleanly', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1' };
    const cwd = join(parent, 'repo');
    child = spawn(process.execPath, ['infra/local/start.mjs'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const deadline = Date.now() + 240_000;
    let page = '';
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/`);
        if (r.ok) {
          page = await r.text();
          break;
        }
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (!page) throw new Error(`the launcher ${child.exitCode === null ? 'did not serve the page in time' : `exited with ${child.exitCode}`}:\n${output.slice(-3000)}`);
    expect(page).toContain('<div id="root"');
    expect(output).toContain('not reachable by the postgres user');
    expect(output).not.toContain('EACCES');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child!.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  }, 300_000);
});
