import { readFileSync } from 'fs';
import { relative } from 'path';
import { codesInFixture, DELIBERATELY_UNKNOWN, fixtureFiles, ROOT } from './classification-fixture-codes';
import { classificationProblems, ClassificationRow, directionOfCode, readClassificationFiles } from '../seed/budget-classification.seeder';
import { demoBudgetCodes } from '../seed/demo-budgets';

describe('budget classification files', () => {
  const rows = readClassificationFiles();
  const codes = (country: string, scheme: ClassificationRow['scheme']) => new Set(rows.filter((r) => r.country === country && r.scheme === scheme).map((r) => r.code));

  it('are a well-formed tree: parents exist, sides match the codes, no duplicates, both languages, known status and source', () => {
    expect(classificationProblems(rows)).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    const kg = rows.find((r) => r.country === 'KG' && r.code === '11111')!;
    const broken: ClassificationRow[] = [
      ...rows,
      { ...kg },
      { ...kg, code: '11199', parentCode: '1119' },
      { ...kg, code: '2999', parentCode: '2', direction: 'REVENUE' },
      { ...kg, code: '11118', names: { ky: 'Салык' } },
      { ...kg, code: '11117', status: 'guessed' as never },
    ];
    expect(classificationProblems(broken)).toEqual([
      'KG/ECONOMIC/11111: duplicate',
      'KG/ECONOMIC/11199: parent 1119 missing',
      'KG/ECONOMIC/2999: direction REVENUE does not match the code',
      'KG/ECONOMIC/11118: no name_ru',
      'KG/ECONOMIC/11117: unknown status guessed',
    ]);
  });

  it('reads the side of a code per country', () => {
    expect(['1', '11111', '13111'].map((c) => directionOfCode('KG', c))).toEqual(['REVENUE', 'REVENUE', 'REVENUE']);
    expect(['2', '2111', '3112'].map((c) => directionOfCode('KG', c))).toEqual(['EXPENDITURE', 'EXPENDITURE', 'EXPENDITURE']);
    expect(['1', '104', '1043', '104302', '4', '402303'].map((c) => directionOfCode('KZ', c))).toEqual(Array(6).fill('REVENUE'));
    expect(['11', '111', '151', '41'].map((c) => directionOfCode('KZ', c))).toEqual(Array(4).fill('EXPENDITURE'));
  });

  it('has both countries and both schemes, Kazakh names for Kazakhstan and Kyrgyz names for Kyrgyzstan', () => {
    for (const country of ['KG', 'KZ']) for (const scheme of ['ECONOMIC', 'FUNCTIONAL'] as const) expect(codes(country, scheme).size).toBeGreaterThan(20);
    expect(rows.filter((r) => r.country === 'KZ').every((r) => r.names.kk && !r.names.ky)).toBe(true);
    expect(rows.filter((r) => r.country === 'KG').every((r) => r.names.ky && !r.names.kk)).toBe(true);
    // The 15 functional groups of the unified budget classification, and COFOG's ten divisions.
    expect([...codes('KZ', 'FUNCTIONAL')].filter((c) => c.length === 2).sort()).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect([...codes('KG', 'FUNCTIONAL')].filter((c) => c.length === 3).sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(701 + i)));
  });

  it('stores where each row comes from and how far it was checked', () => {
    const r = rows.find((x) => x.country === 'KG' && x.code === '2212')!;
    expect(r.source).toBe('libs/budgets/src/seed/data/kg_budget_classification.csv · from-source · budget.okmot.kg expense tree (item 2212 with its sub-items), as read by a public portal scraper');
    expect(rows.filter((x) => x.status === 'illustrative').every((x) => x.source.includes(' · illustrative · '))).toBe(true);
    expect(rows.find((x) => x.country === 'KZ' && x.code === '1')!.source).toContain(' · verified · Order of the Minister of Finance of the Republic of Kazakhstan of 18 Sep 2014 No. 403');
  });

  it('has every code the demo budgets use', () => {
    const demo = demoBudgetCodes();
    expect(demo.economic.filter((c) => !codes(demo.country, 'ECONOMIC').has(c))).toEqual([]);
    expect(demo.functional.filter((c) => !codes(demo.country, 'FUNCTIONAL').has(c))).toEqual([]);
    expect(demo.economic.length).toBeGreaterThan(5);
  });

  it('has every code the test and bench fixtures use (all Kyrgyz)', () => {
    const missing: string[] = [];
    let found = 0;
    for (const file of fixtureFiles()) {
      const { economic, functional } = codesInFixture(readFileSync(file, 'utf8'));
      found += economic.size + functional.size;
      for (const c of economic) if (!DELIBERATELY_UNKNOWN.has(c) && !codes('KG', 'ECONOMIC').has(c)) missing.push(`${relative(ROOT, file)}: economic ${c}`);
      for (const c of functional) if (!DELIBERATELY_UNKNOWN.has(c) && !codes('KG', 'FUNCTIONAL').has(c)) missing.push(`${relative(ROOT, file)}: functional ${c}`);
    }
    expect(missing).toEqual([]);
    expect(found).toBeGreaterThan(50);
  });

  it('the fixture scan reads each way fixtures write codes', () => {
    const text = [
      `{ direction: 'REVENUE', economicCode: '11111' }, { economicCode: ['2811', '2821'][i % 2], functionalCode: '7013' }`,
      `l.economicCode === '2111'; b.keys['2231']; const codes = ['3111']; const funcs = ['7045'];`,
      `'2025-01-31,2212,7064,"150 000,00"', '28.02.2025,2215,,1', 'direction,economic_code,amount\\nREVENUE,13111,10'`,
      `'economic_code,amount\\n14251,100\\n'`,
    ].join('\n');
    const got = codesInFixture(text);
    expect([...got.economic].sort()).toEqual(['11111', '13111', '14251', '2111', '2212', '2215', '2231', '2811', '2821', '3111']);
    expect([...got.functional].sort()).toEqual(['7013', '7045', '7064']);
  });
});
