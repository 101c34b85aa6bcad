import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { CODEBOOK_KEYS, RESULTS_MESSAGE_KEYS } from './results';
import { XLSFORM_MESSAGE_KEYS } from './xlsform';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === '__tests__' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []));

describe('message keys for the i18n catalogue', () => {
  it('the exported key lists hold every key the XLSForm reader, results and codebook use', () => {
    const listed = new Set([...XLSFORM_MESSAGE_KEYS, ...RESULTS_MESSAGE_KEYS, ...CODEBOOK_KEYS]);
    const used = new Set<string>();
    for (const f of [...sources(join(__dirname, 'xlsform')), ...sources(join(__dirname, 'results'))]) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/K \+ '(\w+)'/g)) used.add(`errors.surveys.xlsform.${m[1]}`);
      for (const m of src.matchAll(/W \+ '(\w+)'/g)) used.add(`warnings.surveys.xlsform.${m[1]}`);
      for (const m of src.matchAll(/'((?:errors\.surveys\.results|surveys\.codebook)\.\w+)'/g)) used.add(m[1]);
    }
    for (const reason of ['notXlsx', 'tooLarge', 'suspicious']) used.add(`errors.surveys.xlsform.${reason}`);
    expect(used.size).toBeGreaterThan(25);
    expect([...used].filter((k) => !listed.has(k))).toEqual([]);
  });
});
