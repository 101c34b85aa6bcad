import { readFileSync } from 'fs';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { readClassificationFiles } from '../seed/budget-classification.seeder';
import { demoBudgetCodes } from '../seed/demo-budgets';
import { codesInFixture, DELIBERATELY_UNKNOWN, fixtureFiles } from './classification-fixture-codes';
import { CREATE_BUDGET, inAYear, Person, platformAdmin, PUBLISH, SAVE_LINES, SUBMIT, village, Village } from './support';

/** Абралинский сельский округ (KATO 2022), Abai region: a Kazakh rural okrug of the seeded territory. */
const KZ_OKRUG = '101033000';
/** Ак-Дөбө айыл аймагы (SOATE), Talas. */
const KG_AIMAK = '41707220840000';

const KZ_LINES = [
  { direction: 'REVENUE', economicCode: '101201', amount: '12 500 000' },
  { direction: 'REVENUE', economicCode: '104102', amount: '1 800 000' },
  { direction: 'REVENUE', economicCode: '104302', amount: '950 000,50' },
  { direction: 'REVENUE', economicCode: '402303', amount: '148 000 000' },
  { direction: 'EXPENDITURE', economicCode: '111', functionalCode: '011124001', amount: '42 000 000' },
  { direction: 'EXPENDITURE', economicCode: '151', functionalCode: '073124008', amount: '6 500 000' },
  { direction: 'EXPENDITURE', economicCode: '159', functionalCode: '121124013', amount: '18 000 000' },
];

const CLASSIFICATIONS = `query($country: String!, $scheme: ClassificationScheme) { budgetClassifications(country: $country, scheme: $scheme) { code parentCode direction names { kk ky ru en } source } }`;

describe('budget classification per country (real PostgreSQL)', () => {
  let api: RunningApi;
  let platform: Person;
  let kz: Village;
  let kg: Village;

  beforeAll(async () => {
    api = await startApi({ label: 'classifcountry' });
    platform = await platformAdmin(api);
    kz = await village(api, platform, KZ_OKRUG, 'Абыралы ауылдық округінің бюджет тобы');
    kg = await village(api, platform, KG_AIMAK, 'Ак-Дөбө бюджеттик тобу');
  });
  afterAll(() => api?.stop());

  const call = (q: string, input: unknown, p: Person) => gql(api.baseUrl, q, { input }, { token: p.token });
  const seeded = async (country: string, scheme: string): Promise<Set<string>> =>
    new Set((await api.dataSource.query('SELECT code FROM budget_classifications WHERE country = $1 AND scheme = $2', [country, scheme])).map((r: { code: string }) => r.code));

  it('the database holds every row of the files, and every code of the demo budgets and the fixtures', async () => {
    const rows = readClassificationFiles();
    const inDb = new Set((await api.dataSource.query('SELECT country, scheme, code FROM budget_classifications')).map((r: { country: string; scheme: string; code: string }) => `${r.country}/${r.scheme}/${r.code}`));
    expect(rows.filter((r) => !inDb.has(`${r.country}/${r.scheme}/${r.code}`)).map((r) => r.code)).toEqual([]);
    const economic = await seeded('KG', 'ECONOMIC');
    const functional = await seeded('KG', 'FUNCTIONAL');
    const demo = demoBudgetCodes();
    const missing = [...demo.economic.filter((c) => !economic.has(c)), ...demo.functional.filter((c) => !functional.has(c))];
    for (const file of fixtureFiles()) {
      const got = codesInFixture(readFileSync(file, 'utf8'));
      for (const c of got.economic) if (!DELIBERATELY_UNKNOWN.has(c) && !economic.has(c)) missing.push(`${file}: ${c}`);
      for (const c of got.functional) if (!DELIBERATELY_UNKNOWN.has(c) && !functional.has(c)) missing.push(`${file}: ${c}`);
    }
    expect(missing).toEqual([]);
    for (const c of ['101201', '104102', '104302', '402303', '111', '151', '159']) expect((await seeded('KZ', 'ECONOMIC')).has(c)).toBe(true);
    for (const c of ['011124001', '073124008', '121124013']) expect((await seeded('KZ', 'FUNCTIONAL')).has(c)).toBe(true);
  });

  it('the seeded tree is whole: parents exist, sides follow the code, each row in its country\'s two languages', async () => {
    const orphans = await api.dataSource.query(
      `SELECT c.country, c.scheme, c.code FROM budget_classifications c
       WHERE c.parent_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM budget_classifications p WHERE p.country = c.country AND p.scheme = c.scheme AND p.code = c.parent_code)`,
    );
    expect(orphans).toEqual([]);
    const sides = await api.dataSource.query(
      `SELECT country, code, direction FROM budget_classifications WHERE scheme = 'ECONOMIC' AND country = 'KG'
         AND direction <> CASE WHEN code LIKE '1%' THEN 'REVENUE' ELSE 'EXPENDITURE' END`,
    );
    expect(sides).toEqual([]);
    const unnamed = await api.dataSource.query(
      `SELECT country, scheme, code FROM budget_classifications
       WHERE coalesce(names->>'ru', '') = '' OR (country = 'KG' AND coalesce(names->>'ky', '') = '') OR (country = 'KZ' AND coalesce(names->>'kk', '') = '')`,
    );
    expect(unnamed).toEqual([]);
    const dup = await api.dataSource.query('SELECT country, scheme, code FROM budget_classifications GROUP BY 1, 2, 3 HAVING count(*) > 1');
    expect(dup).toEqual([]);
  });

  it('the public query lists the Kazakh codes with Kazakh and Russian names and their provenance', async () => {
    const list = ok(await gql(api.baseUrl, CLASSIFICATIONS, { country: 'KZ', scheme: 'FUNCTIONAL' })).budgetClassifications;
    const g07 = list.find((c: { code: string }) => c.code === '07');
    expect(g07).toMatchObject({ parentCode: null, direction: null, names: { kk: 'Тұрғын үй-коммуналдық шаруашылық', ru: 'Жилищно-коммунальное хозяйство', ky: null } });
    expect(g07.source).toContain('kz_budget_classification.csv · from-source');
    const econ = ok(await gql(api.baseUrl, CLASSIFICATIONS, { country: 'KZ', scheme: 'ECONOMIC' })).budgetClassifications;
    expect(econ.find((c: { code: string }) => c.code === '104302')).toMatchObject({ parentCode: '1043', direction: 'REVENUE' });
    expect(econ.find((c: { code: string }) => c.code === '151')).toMatchObject({ parentCode: '15', direction: 'EXPENDITURE' });
  });

  it('a Kazakh rural okrug budget in tenge is entered with KZ codes and published', async () => {
    expect(firstError(await call(CREATE_BUDGET, { communityId: kz.communityId, fiscalYear: 2026, currency: 'KGS', title: { kk: '2026 жылғы бюджет', ru: 'Бюджет на 2026 год' } }, kz.a)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.budgets.currencyCountry' });
    const created = ok(await call(CREATE_BUDGET, { communityId: kz.communityId, fiscalYear: 2026, currency: 'KZT', population: 3100, title: { kk: 'Абыралы ауылдық округінің 2026 жылғы бюджеті', ru: 'Бюджет Абралинского сельского округа на 2026 год' } }, kz.a)).createBudget;
    const v = created.openVersion;
    const saved = ok(await call(SAVE_LINES, { versionId: v.id, expectedRevision: v.revision, lines: KZ_LINES }, kz.a)).saveBudgetLines;
    expect(saved.lines.map((l: { economicCode: string }) => l.economicCode)).toEqual(KZ_LINES.map((l) => l.economicCode));
    expect(saved.lines.find((l: { economicCode: string }) => l.economicCode === '104302').amount).toBe('95000050'); // tiyn
    const sub = ok(await call(SUBMIT, { versionId: v.id, expectedRevision: saved.revision }, kz.a)).submitBudgetVersion;
    const pub = ok(await call(PUBLISH, { versionId: v.id, expectedRevision: sub.revision, commentsUntil: inAYear() }, kz.b)).publishBudgetVersion;
    expect(pub.status).toBe('PUBLISHED');
    const [row] = await api.dataSource.query('SELECT currency FROM budgets WHERE id = $1', [created.id]);
    expect(row.currency).toBe('KZT');
  });

  it('refuses a Kyrgyz code in a Kazakh budget, and a Kazakh code in a Kyrgyz one, naming the line', async () => {
    const kzBudget = ok(await call(CREATE_BUDGET, { communityId: kz.communityId, fiscalYear: 2027, currency: 'KZT', title: { kk: '2027', ru: '2027' } }, kz.a)).createBudget.openVersion;
    const cases: Array<[Person, { id: string; revision: number }, object, string]> = [
      [kz.a, kzBudget, { direction: 'REVENUE', economicCode: '11111', amount: '1000' }, 'input.lines.1.economicCode'],
      [kz.a, kzBudget, { direction: 'EXPENDITURE', economicCode: '2111', amount: '1000' }, 'input.lines.1.economicCode'],
      [kz.a, kzBudget, { direction: 'EXPENDITURE', economicCode: '111', functionalCode: '7011', amount: '1000' }, 'input.lines.1.functionalCode'],
    ];
    const kgBudget = ok(await call(CREATE_BUDGET, { communityId: kg.communityId, fiscalYear: 2026, currency: 'KGS', title: { ky: '2026', ru: '2026' } }, kg.a)).createBudget.openVersion;
    cases.push([kg.a, kgBudget, { direction: 'REVENUE', economicCode: '101201', amount: '1000' }, 'input.lines.1.economicCode']);
    cases.push([kg.a, kgBudget, { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '011124001', amount: '1000' }, 'input.lines.1.functionalCode']);
    for (const [who, version, bad, field] of cases) {
      const good = who === kz.a ? KZ_LINES[0] : { direction: 'REVENUE', economicCode: '11111', amount: '1000' };
      const e = firstError(await call(SAVE_LINES, { versionId: version.id, expectedRevision: version.revision, lines: [good, bad] }, who));
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, messageKey: 'errors.budgets.unknownCode' });
    }
    const [n] = await api.dataSource.query('SELECT count(*)::int AS n FROM budget_lines l JOIN budget_versions v ON v.id = l.version_id WHERE v.id = ANY($1)', [[kzBudget.id, kgBudget.id]]);
    expect(n.n).toBe(0);
  });
});
