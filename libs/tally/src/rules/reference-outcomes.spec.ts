import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sharedPabulibDir } from '../testing/shared-data';
import { parsePabulib } from '../pabulib/pabulib.reader';
import { compileProfile, CompiledProfile } from '../profile/compiled-profile.model';
import { greedyFromProfile } from './greedy.rule';
import { mesFromProfile } from './mes.rule';
import { RuleResult } from '../model/explanation.model';

interface RefEntry {
  selected: string[];
  source?: string;
}

/** How each reference key maps to our rules (same as the CLI table in the shared README). */
const RULES: Record<string, { utility: 'approval' | 'points'; run: (p: CompiledProfile) => RuleResult }> = {
  greedy_cost_sat: { utility: 'approval', run: (p) => greedyFromProfile(p, 'greedy') },
  greedy_cardinality_sat: { utility: 'approval', run: (p) => greedyFromProfile(p, 'greedy-per-cost') },
  mes_cost: { utility: 'approval', run: (p) => mesFromProfile(p, { completion: 'none' }) },
  mes_cost_add1: { utility: 'approval', run: (p) => mesFromProfile(p, { completion: 'add1' }) },
  mes_cost_add1_greedy: { utility: 'approval', run: (p) => mesFromProfile(p, { completion: 'add1-greedy' }) },
  greedy_cardinal_points: { utility: 'points', run: (p) => greedyFromProfile(p, 'greedy') },
  mes_cardinal_points: { utility: 'points', run: (p) => mesFromProfile(p, { completion: 'none' }) },
};

const dir = sharedPabulibDir();
const reference: Record<string, Record<string, RefEntry>> = JSON.parse(readFileSync(path.join(dir, 'reference_outcomes.json'), 'utf8'));
const cases: [string, string, RefEntry][] = [];
for (const [file, rules] of Object.entries(reference)) {
  for (const [rule, entry] of Object.entries(rules)) if (rule !== '_meta') cases.push([file, rule, entry]);
}

const profiles = new Map<string, CompiledProfile>();
function profileFor(file: string, utility: 'approval' | 'points'): CompiledProfile {
  const key = `${file}|${utility}`;
  let p = profiles.get(key);
  if (!p) {
    p = compileProfile(parsePabulib(readFileSync(path.join(dir, file), 'utf8')), utility);
    profiles.set(key, p);
  }
  return p;
}

describe('reference outcomes (every shared file, every rule)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(100));
  it.each(cases)('%s %s', (file, rule, entry) => {
    const spec = RULES[rule];
    if (!spec) throw new Error(`no mapping for reference rule ${rule}`);
    const got = spec.run(profileFor(file, spec.utility)).selected;
    // The equalshares tool breaks some exact ties differently: compare sets for its entries.
    if ((entry.source ?? '').includes('equalshares')) expect([...got].sort()).toEqual([...entry.selected].sort());
    else expect(got).toEqual(entry.selected);
  }, 120_000);
});
