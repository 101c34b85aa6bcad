#!/usr/bin/env node
// `npm run -s tally -- …`: run a participatory-budgeting rule on a pabulib file, convert CSV ↔ .pb,
// or print statistics. Output is for operators; explanations are structured JSON for the UI.
import { readFileSync, writeFileSync } from 'node:fs';
import { tally, csvToElection, electionToCsv, electionStats, Election, PabulibFormatError, RuleResult, parsePabulib } from '@ashar/tally';
import { readPabulibFile, writePabulibFile } from '@ashar/tally/node';

const USAGE = `usage:
  tally FILE.pb --rule greedy|greedy-per-cost|mes|greedy-borda [--completion none|add1|add1-greedy]
                [--utility approval|points] [--json]
  tally convert IN OUT        (IN/OUT ending in .pb or .csv; see libs/tally/README.md for the CSV shape)
  tally stats FILE.pb|FILE.csv [--json]`;

class UsageError extends Error {}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const valued = new Set(['rule', 'completion', 'utility']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
      } else if (name === 'json' || name === 'help') flags.set(name, true);
      else throw new UsageError(`unknown option ${a}`);
    } else positional.push(a);
  }
  return { positional, flags };
}

async function load(path: string): Promise<Election> {
  if (path.toLowerCase().endsWith('.csv')) return csvToElection(readFileSync(path, 'utf8'));
  return readPabulibFile(path);
}

function oneOf<T extends string>(name: string, v: string | true | undefined, allowed: readonly T[], dflt?: T): T | undefined {
  if (v === undefined) return dflt;
  if (v === true || !allowed.includes(v as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function printHuman(file: string, r: RuleResult): void {
  const ex = r.explanation;
  console.log(`${file}: ${r.rule}, ${r.selected.length} projects selected, total cost ${r.totalCost} of ${ex.budget}`);
  if (ex.kind === 'mes') {
    console.log(`  voters ${ex.voters}, start share ${ex.startShare.toFixed(2)}, add-one steps ${ex.addOneSteps}`);
    for (const rd of ex.rounds) {
      console.log(`  round ${rd.round + 1}: ${rd.project} (cost ${rd.cost}, ${rd.supporters} supporters, share ${rd.sharePerVoter.toFixed(2)})${rd.tiedWith ? ' tie with ' + rd.tiedWith.join(',') : ''}`);
    }
    for (const s of ex.completionSteps?.filter((x) => x.decision === 'SELECTED') ?? []) console.log(`  greedy completion: ${s.project}`);
  } else {
    for (const s of ex.steps) console.log(`  ${s.decision === 'SELECTED' ? '+' : '-'} ${s.project} (score ${s.score}, cost ${s.cost}) ${s.decision}`);
  }
  console.log(`selected: ${r.selected.join(',')}`);
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.flags.has('help') || args.positional.length === 0) {
    console.log(USAGE);
    return args.flags.has('help') ? 0 : 2;
  }
  const [cmd, ...rest] = args.positional;
  if (cmd === 'convert') {
    if (rest.length !== 2) throw new UsageError('convert needs IN and OUT');
    const [inp, out] = rest;
    const e = await load(inp);
    if (out.toLowerCase().endsWith('.csv')) writeFileSync(out, electionToCsv(e));
    else if (out.toLowerCase().endsWith('.pb')) await writePabulibFile(out, e);
    else throw new UsageError('OUT must end in .pb or .csv');
    console.error(`wrote ${out}: ${e.projects.length} projects, ${e.ballots.length} ballots`);
    return 0;
  }
  if (cmd === 'stats') {
    if (rest.length !== 1) throw new UsageError('stats needs one FILE');
    const s = electionStats(await load(rest[0]));
    if (args.flags.has('json')) console.log(JSON.stringify(s));
    else {
      const { approvals, issues, ...head } = s;
      for (const [k, v] of Object.entries(head)) console.log(`${k}: ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : v}`);
      console.log(`issues: ${Object.keys(issues).length ? Object.entries(issues).map(([k, v]) => `${k}=${v}`).join(' ') : 'none'}`);
      console.log('approvals (top 10):');
      for (const a of approvals.slice(0, 10)) console.log(`  ${a.project}\t${a.voters}\t${a.cost}`);
    }
    return 0;
  }
  if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
  const rule = oneOf('rule', args.flags.get('rule'), ['greedy', 'greedy-per-cost', 'mes', 'greedy-borda'] as const);
  if (!rule) throw new UsageError('--rule is required');
  const completion = oneOf('completion', args.flags.get('completion'), ['none', 'add1', 'add1-greedy'] as const);
  const utility = oneOf('utility', args.flags.get('utility'), ['approval', 'points'] as const);
  if (completion && completion !== 'none' && rule !== 'mes') throw new UsageError('--completion applies to --rule mes only');
  const e = await load(cmd);
  const r = tally(e, { rule, completion, utility });
  if (args.flags.has('json')) {
    console.log(JSON.stringify({ file: cmd, rule: r.rule, utility: utility ?? null, selected: r.selected, totalCost: r.totalCost, explanation: r.explanation }));
  } else printHuman(cmd, r);
  return 0;
}

// process.exitCode, never process.exit(): exiting at once drops whatever stdout has not yet handed to
// a pipe (`--json | wc -c` was cut at 64 KiB); Node exits by itself once the output has drained.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof UsageError) {
      console.error(`tally: ${err.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    if (err instanceof PabulibFormatError) console.error(`tally: malformed input: ${err.message}`);
    else if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') console.error(`tally: no such file: ${(err as NodeJS.ErrnoException).path}`);
    else console.error(`tally: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
void parsePabulib;
