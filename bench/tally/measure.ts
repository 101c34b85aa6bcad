// One (file, rule) measurement in a fresh process, so that peak RSS belongs to this rule alone.
// Prints one JSON line. Run by run.mjs; usage: node --import tsx bench/tally/measure.ts FILE RULEKEY
import { readPabulibFile } from '@ashar/tally/node';
import { compileProfile, greedyFromProfile, mesFromProfile, CompiledProfile, RuleResult } from '../../libs/tally/src/index';

type Run = (p: CompiledProfile) => RuleResult;
const RULES: Record<string, { utility: 'approval' | 'points'; run: Run }> = {
  greedy_cost_sat: { utility: 'approval', run: (p) => greedyFromProfile(p, 'greedy') },
  greedy_cardinality_sat: { utility: 'approval', run: (p) => greedyFromProfile(p, 'greedy-per-cost') },
  mes_cost: { utility: 'approval', run: (p) => mesFromProfile(p, { completion: 'none' }) },
  mes_cost_add1: { utility: 'approval', run: (p) => mesFromProfile(p, { completion: 'add1' }) },
  mes_cost_add1_greedy: { utility: 'approval', run: (p) => mesFromProfile(p, { completion: 'add1-greedy' }) },
  greedy_cardinal_points: { utility: 'points', run: (p) => greedyFromProfile(p, 'greedy') },
  mes_cardinal_points: { utility: 'points', run: (p) => mesFromProfile(p, { completion: 'none' }) },
};

/** Median time in seconds of f over as many repetitions as fit in ~0.3 s (at least 1, at most 2000). */
function median<T>(f: () => T): { seconds: number; value: T; reps: number } {
  const times: number[] = [];
  let value: T;
  const start = performance.now();
  do {
    const t = performance.now();
    value = f();
    times.push(performance.now() - t);
  } while (performance.now() - start < 300 && times.length < 2000);
  times.sort((a, b) => a - b);
  return { seconds: times[times.length >> 1] / 1000, value: value!, reps: times.length };
}

async function main() {
  const [file, key] = process.argv.slice(2);
  const opts = RULES[key];
  if (!opts) throw new Error(`unknown rule key ${key}`);
  const t0 = performance.now();
  const e = await readPabulibFile(file);
  const parseSeconds = (performance.now() - t0) / 1000;
  // Like the reference (which times the rule on an already grouped profile), "seconds" is the rule
  // with its explanation on a compiled profile; compiling (grouping ballots) is reported apart.
  const compiled = median(() => compileProfile(e, opts.utility));
  const rule = median(() => opts.run(compiled.value));
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({ seconds: rule.seconds, compileSeconds: compiled.seconds, parseSeconds, reps: rule.reps, maxRssMB, selected: rule.value.selected }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
