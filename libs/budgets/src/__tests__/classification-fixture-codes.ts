/** Which classification codes the test and bench fixtures give budget lines (for the checks that each one is seeded). */
import { readdirSync, statSync } from 'fs';
import { join } from 'path';

/** The repository's root. */
export const ROOT = join(__dirname, '../../../..');
/** Codes that fixtures use on purpose because no classification has them. */
export const DELIBERATELY_UNKNOWN = new Set(['99999']);

/** Every file under these folders that may hold a budget line's code. */
export function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|mjs|js)$/.test(name) && !/^classification-/.test(name)) out.push(p);
    }
  };
  for (const d of ['libs/budgets/src/__tests__', 'test', 'bench']) walk(join(ROOT, d));
  return out;
}

/** The codes a fixture file gives budget lines: as fields, arrays of them, line keys by code, and CSV rows. */
export function codesInFixture(text: string): { economic: Set<string>; functional: Set<string> } {
  const economic = new Set<string>();
  const functional = new Set<string>();
  const quoted = (chunk: string) => [...chunk.matchAll(/['"](\d{1,9})['"]/g)].map((m) => m[1]);
  for (const m of text.matchAll(/economicCode\s*(?::|===?)\s*(\[[^\]\n]*\]|['"]\d+['"])/g)) quoted(m[1]).forEach((c) => economic.add(c));
  for (const m of text.matchAll(/functionalCode\s*(?::|===?)\s*(\[[^\]\n]*\]|['"]\d+['"])/g)) quoted(m[1]).forEach((c) => functional.add(c));
  for (const m of text.matchAll(/\bconst codes\s*=\s*(\[[^\]\n]*\])/g)) quoted(m[1]).forEach((c) => economic.add(c));
  for (const m of text.matchAll(/\bconst funcs\s*=\s*(\[[^\]\n]*\])/g)) quoted(m[1]).forEach((c) => functional.add(c));
  for (const m of text.matchAll(/\bkeys\[['"](\d+)['"]\]/g)) economic.add(m[1]);
  // CSV rows of ledgers and budgets: a date, then the economic code, then the functional one.
  for (const m of text.matchAll(/['"`\n](?:\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4}),(\d{1,9}),(\d{0,9}),/g)) {
    economic.add(m[1]);
    if (m[2]) functional.add(m[2]);
  }
  for (const m of text.matchAll(/(?:REVENUE|EXPENDITURE),(\d{1,9})\b/g)) economic.add(m[1]);
  for (const m of text.matchAll(/economic_code,amount\\n(\d{1,9}),/g)) economic.add(m[1]);
  return { economic, functional };
}
