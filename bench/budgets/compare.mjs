#!/usr/bin/env node
// `npm run bench:compare -- [base-ref] [rounds]`: the budgets benchmark on this checkout and on a
// baseline commit, alternating (base, this, base, this, ...) so both see the same machine load, then
// the median of each figure and the ratio this/base. One run of bench.ts alone is too noisy on a
// shared two-core machine to tell a 5 % change; the ratio of medians of alternating runs is not.
// The baseline is checked out into a temporary detached worktree that borrows this node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const base = process.argv[2] ?? 'HEAD~1';
const rounds = Number(process.argv[3] ?? 3);
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

const baseCommit = git('rev-parse', '--verify', `${base}^{commit}`);
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'ashar-bench-base-'));
git('worktree', 'add', '--detach', tree, baseCommit);
fs.symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'));

// The three figures bench.ts prints: import seconds, statements, median ms.
function runOnce(dir) {
  const r = spawnSync('node', ['-r', '@swc-node/register', 'bench/budgets/bench.ts'], { cwd: dir, encoding: 'utf8', env: process.env });
  const out = r.stdout ?? '';
  const grab = (re) => Number(out.match(re)?.[1] ?? NaN);
  const figures = { importSeconds: grab(/spending records[^\t]*\t([\d.]+) s/), statements: grab(/SQL statements\t(\d+)/), medianMs: grab(/median over \d+ runs\t([\d.]+) ms/) };
  if (Object.values(figures).some(Number.isNaN)) throw new Error(`bench.ts in ${dir} printed no figures:\n${out}\n${r.stderr}`);
  return figures;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { base: [], head: [] };
try {
  for (let i = 0; i < rounds; i++) {
    runs.base.push(runOnce(tree));
    runs.head.push(runOnce(root));
    process.stderr.write(`round ${i + 1}/${rounds}: base ${JSON.stringify(runs.base.at(-1))} this ${JSON.stringify(runs.head.at(-1))}\n`);
  }
} finally {
  git('worktree', 'remove', '--force', tree);
}

const rows = [['figure', `base ${baseCommit.slice(0, 8)}`, 'this checkout', 'ratio this/base']];
for (const [key, label, unit] of [['importSeconds', 'import 100,000 spending records', 's'], ['statements', 'public budget query: SQL statements', ''], ['medianMs', 'public budget query: median', 'ms']]) {
  const b = median(runs.base.map((r) => r[key]));
  const h = median(runs.head.map((r) => r[key]));
  rows.push([`${label} (median of ${rounds})`, `${b}${unit && ' ' + unit}`, `${h}${unit && ' ' + unit}`, (h / b).toFixed(2)]);
}
for (const r of rows) process.stdout.write(r.join('\t') + '\n');
