#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other (see bench/README.md). Arguments after `--`
// choose which: `npm run bench -- tally`, `npm run bench -- budgets` or `npm run bench -- web`.
import { spawnSync } from 'node:child_process';

const all = {
  tally: ['node', ['bench/tally/run.mjs']],
  budgets: ['node', ['-r', '@swc-node/register', 'bench/budgets/bench.ts']],
  api: ['node', ['-r', '@swc-node/register', 'bench/api/bench.ts']],
  web: ['node', ['-r', '@swc-node/register', 'bench/web/lcp.ts']],
  voting: ['node', ['-r', '@swc-node/register', 'bench/voting/bench.ts']],
  recount: ['node', ['-r', '@swc-node/register', 'bench/voting/recount.ts']],
};
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(all);
let failed = 0;
for (const name of chosen) {
  const entry = all[name];
  if (!entry) {
    console.error(`unknown benchmark ${name}; choose from ${Object.keys(all).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name} ==`);
  const r = spawnSync(entry[0], entry[1], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
