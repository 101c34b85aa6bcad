#!/usr/bin/env node
// Benchmark of the tally engine: every rule of reference_outcomes.json on every shared pabulib file.
// Usage (repo root): node bench/tally/run.mjs [--filter TEXT] [--markdown]
// Each (file, rule) runs in its own Node process (via tsx) so that peak memory is per rule.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// Below 1 the reference was faster: keep two decimals so 0.28× does not print as 0×.
const fmtRatio = (x) => (x >= 10 ? x.toFixed(0) : x.toFixed(2));
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const sharedBase = process.env.ASHAR_SHARED_DIR ? path.resolve(process.env.ASHAR_SHARED_DIR) : path.resolve(root, '../shared');
const dir = existsSync(path.join(sharedBase, 'data/pabulib')) ? path.join(sharedBase, 'data/pabulib') : sharedBase;
const args = process.argv.slice(2);
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : '';
const markdown = args.includes('--markdown');

const ref = JSON.parse(readFileSync(path.join(dir, 'reference_outcomes.json'), 'utf8'));
const rows = [];
for (const [file, rules] of Object.entries(ref)) {
  if (filter && !file.includes(filter)) continue;
  const meta = rules._meta;
  for (const [key, entry] of Object.entries(rules)) {
    if (key === '_meta') continue;
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'measure.ts'), path.join(dir, file), key], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const m = JSON.parse(out.trim().split('\n').pop());
    const setCmp = (entry.source ?? '').includes('equalshares');
    const same = setCmp
      ? JSON.stringify([...m.selected].sort()) === JSON.stringify([...entry.selected].sort())
      : JSON.stringify(m.selected) === JSON.stringify(entry.selected);
    const row = {
      file: file.replace(/\.pb$/, ''),
      voters: meta.num_voters,
      projects: meta.num_projects,
      rule: key,
      seconds: m.seconds,
      parse: m.parseSeconds,
      compile: m.compileSeconds,
      peakMB: m.maxRssMB,
      refSeconds: entry.seconds,
      refIsPabutools: !entry.source,
      ratio: entry.seconds / m.seconds,
      match: same,
    };
    rows.push(row);
    if (!markdown) print(row);
  }
}
if (markdown) {
  console.log('| file | voters | projects | rule | seconds | compile s | peak MB | reference s | ratio | same |');
  console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(`| ${r.file} | ${r.voters} | ${r.projects} | ${r.rule} | ${fmt(r.seconds)} | ${fmt(r.compile)} | ${r.peakMB.toFixed(0)} | ${r.refSeconds}${r.refIsPabutools ? '' : '*'} | ${fmtRatio(r.ratio)}× | ${r.match ? 'yes' : 'NO'} |`);
  }
  console.log('\n`*` reference time is not from pabutools (it did not finish): equalshares tool or mes-ref, a native implementation.');
}
const bad = rows.filter((r) => !r.match);
console.error(`${rows.length} runs, ${bad.length} mismatches; slowest ${fmt(Math.max(...rows.map((r) => r.seconds)))} s; peak ${Math.max(...rows.map((r) => r.peakMB)).toFixed(0)} MB`);
process.exit(bad.length ? 1 : 0);

function fmt(s) {
  return s < 0.001 ? s.toExponential(1) : s.toFixed(s < 1 ? 4 : 2);
}
function print(r) {
  if (rows.length === 1) console.log(['file', 'voters', 'projects', 'rule', 'seconds', 'compile', 'peakMB', 'refSeconds', 'ratio', 'same'].join('\t'));
  console.log([r.file.slice(0, 40), r.voters, r.projects, r.rule, fmt(r.seconds), fmt(r.compile), r.peakMB.toFixed(0), r.refSeconds + (r.refIsPabutools ? '' : '*'), fmtRatio(r.ratio) + 'x', r.match ? 'yes' : 'NO'].join('\t'));
}
