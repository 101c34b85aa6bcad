import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** Every module the library's index reaches through relative imports, and the packages they import. */
function importsFrom(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'|require\('([^']+)'\)/g)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      visit([`${base}.ts`, join(base, 'index.ts')].find(existsSync)!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the library index stays browser-safe', () => {
  it('reaches no exceljs, zlib or other Node module; the XLSForm part does, behind its own entry', () => {
    const main = importsFrom(join(__dirname, 'index.ts'));
    expect([...main.packages]).toEqual([]);
    expect([...main.files].some((f) => f.includes('/xlsform/'))).toBe(false);
    expect([...main.files].some((f) => f.includes('/results/'))).toBe(true);
    for (const f of main.files) expect(readFileSync(f, 'utf8')).not.toMatch(/\bBuffer\.|\bprocess\./);
    const xls = importsFrom(join(__dirname, 'xlsform', 'index.ts'));
    expect([...xls.packages].sort()).toEqual(['exceljs', 'zlib']);
  });
});
