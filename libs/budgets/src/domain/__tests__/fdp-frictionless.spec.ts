import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { buildFiscalDataPackage } from '../fiscal-data-package';
import { frictionlessCheck } from '../../__tests__/frictionless';

const EXAMPLES = '/work/shared/data/fiscal-data-package/examples';

describe('Fiscal Data Package against the frictionless validator (datapackage 1.1.10)', () => {
  const pkg = buildFiscalDataPackage({
    name: 'budget-41707220840000-2025-v1',
    title: 'Ак-Дөбө 2025',
    countryCode: 'kg',
    currency: 'KGS',
    fiscalYear: 2025,
    phase: 'approved',
    versionNumber: 1,
    executedAsOf: '2025-06-30',
    lines: [
      { lineKey: 'k1', direction: 'REVENUE', economicCode: '11111', economicTitle: 'Income tax', functionalCode: null, functionalTitle: null, planned: 100000000n, executed: 4000000n },
      { lineKey: 'k2', direction: 'EXPENDITURE', economicCode: '2231', economicTitle: 'Street lighting, "night"', functionalCode: '7064', functionalTitle: 'Street lighting', planned: 45000050n, executed: 1n },
    ],
  });

  it('passes the fiscal-data-package profile, loads strictly and every row casts', async () => {
    const r = await frictionlessCheck(pkg.descriptor, { 'budget.csv': pkg.csv });
    expect(r).toMatchObject({ profile: [], load: [], rows: [] });
    expect(pkg.descriptor.countryCode).toBe('KG');
    expect(pkg.descriptor.model.measures.executed).toMatchObject({ phase: 'executed', asOf: '2025-06-30' });
    expect(r.data.budget.map((row) => [row.economic_code, row.planned, row.executed])).toEqual([
      ['11111', 1000000, 40000],
      ['2231', 450000.5, 0.01],
    ]);
  });

  it('fails when the package is broken, so the check can fail', async () => {
    const broken = JSON.parse(JSON.stringify(pkg.descriptor));
    broken.countryCode = 'kg';
    delete broken.model.measures.planned.currency;
    broken.model.dimensions.economic.attributes.code = { constant: 'x' };
    const r = await frictionlessCheck(broken, { 'budget.csv': pkg.csv });
    expect(r.profile.join('\n')).toMatch(/countryCode/);
    expect(r.profile.join('\n')).toMatch(/currency/);
    expect(r.profile.join('\n')).toMatch(/source/);
    const noModel = JSON.parse(JSON.stringify(pkg.descriptor));
    delete noModel.model;
    expect((await frictionlessCheck(noModel, { 'budget.csv': pkg.csv })).profile.join('\n')).toMatch(/model/);
    // A cell that is not a number under a number field, and a header that is not the schema's.
    const badCsv = pkg.csv.replace('450000.50', '450 000,50');
    expect((await frictionlessCheck(pkg.descriptor, { 'budget.csv': badCsv })).rows.length).toBeGreaterThan(0);
    const badHeader = pkg.csv.replace('economic_code', 'code');
    expect((await frictionlessCheck(pkg.descriptor, { 'budget.csv': badHeader })).rows.length).toBeGreaterThan(0);
  });

  it('sanity: the spec’s worked examples (spec 0.3 drafts, known flaws) are refused by the same checks, for their known reasons', async () => {
    const out: Record<string, { profile: string; rows: number }> = {};
    for (const dir of readdirSync(EXAMPLES).sort()) {
      const d = join(EXAMPLES, dir);
      const files = Object.fromEntries(readdirSync(d).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(d, f), 'utf8')]));
      const r = await frictionlessCheck(JSON.parse(readFileSync(join(d, 'datapackage.json'), 'utf8')), files);
      expect(r.load).toEqual([]);
      out[dir] = { profile: r.profile.join('\n'), rows: r.rows.length };
    }
    expect(Object.keys(out)).toEqual(['entities-normalized', 'labels-and-hierarchies', 'minimal']);
    for (const r of Object.values(out)) {
      // No `profile: tabular-data-package` on the package or its resources (they predate it)...
      expect(r.profile).toMatch(/Missing required property: profile/);
      // ...and CSV headers that are not the schema's field names (or dates that are not ISO).
      expect(r.rows).toBeGreaterThan(0);
    }
    // Given the profiles they lack, the minimal example's model is what the profile accepts.
    const minimal = JSON.parse(readFileSync(join(EXAMPLES, 'minimal/datapackage.json'), 'utf8'));
    minimal.profile = 'tabular-data-package';
    for (const res of minimal.resources) res.profile = 'tabular-data-resource';
    const fixed = await frictionlessCheck(minimal, { 'budget.csv': readFileSync(join(EXAMPLES, 'minimal/budget.csv'), 'utf8') });
    expect(fixed.profile.filter((m) => /\/model/.test(m))).toEqual([]);
  });
});
