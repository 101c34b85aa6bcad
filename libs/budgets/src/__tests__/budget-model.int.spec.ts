/**
 * The real budget model through the API (issue 10 item 6): special funds beside budget funds on every
 * line, the two forecast years, and own revenues versus transfers, in GraphQL, the database, the exports
 * and an amendment (real PostgreSQL).
 */
import { parseCsv } from '@ashar/kernel';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { checkFiscalDataPackage } from '../domain/fiscal-data-package';
import { EXPORT_CSV_HEADER } from '../services/export.renderer';
import { frictionlessCheck } from './frictionless';
import { AMEND, APPROVE, CREATE_BUDGET, inAYear, platformAdmin, PUBLISH, publishedBudget, SUBMIT, village, Village } from './support';

const SAVE = `mutation($input: SaveBudgetLinesInput!) { saveBudgetLines(input: $input) { id revision lines { lineKey economicCode amount budgetFunds specialFunds forecastYear1 forecastYear2 } } }`;
const VERSION = `query($id: ID!) { budgetVersion(id: $id) {
  lines { economicCode amount budgetFunds specialFunds forecastYear1 forecastYear2 }
  totals { revenue expenditure revenueBudgetFunds revenueSpecialFunds expenditureBudgetFunds expenditureSpecialFunds
    revenueSources { own equalisationGrant categoricalGrants otherTransfers transfers ownPercent }
    forecasts { fiscalYear revenue expenditure balance lines } } } }`;

const LINES = [
  { direction: 'REVENUE', economicCode: '11111', amount: '1 561 600', forecastYear1: '1600000', forecastYear2: '1650000' },
  { direction: 'REVENUE', economicCode: '14221', amount: '311000', specialFunds: '311 000' },
  { direction: 'REVENUE', economicCode: '13111', amount: '3037000', forecastYear1: '3100000' },
  { direction: 'REVENUE', economicCode: '13121', amount: '100000,50' },
  { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '4000000', specialFunds: '200000.25', forecastYear1: '4100000' },
  { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '1009600' },
];

describe('budget funds and special funds, forecast years, own revenues vs transfers (real PostgreSQL)', () => {
  let api: RunningApi;
  let v: Village;
  let budgetId: string;
  let versionId: string;
  let revision: number;

  beforeAll(async () => {
    api = await startApi({ label: 'budgetmodel' });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Казан-Куйган');
    const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear: 2026, currency: 'KGS', title: { ky: '2026', ru: '2026' } } }, { token: v.a.token })).createBudget;
    budgetId = created.id;
    versionId = created.openVersion.id;
    revision = created.openVersion.revision;
  });
  afterAll(() => api?.stop());

  const save = (lines: unknown[], rev = revision) => gql(api.baseUrl, SAVE, { input: { versionId, expectedRevision: rev, lines } }, { token: v.a.token });

  it('refuses special funds above the amount, negative or malformed amounts, with the field path, writing nothing', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ specialFunds: '1000,01' }, 'input.lines.0.specialFunds', 'errors.budgets.specialFundsAboveAmount'],
      [{ specialFunds: '-1' }, 'input.lines.0.specialFunds', 'errors.budgets.amountNegative'],
      [{ forecastYear1: '-5' }, 'input.lines.0.forecastYear1', 'errors.budgets.amountNegative'],
      [{ forecastYear2: 'много' }, 'input.lines.0.forecastYear2', 'errors.budgets.amount'],
      [{ forecastYear2: '1e20' }, 'input.lines.0.forecastYear2', 'errors.budgets.amount'],
    ];
    for (const [extra, field, key] of cases) {
      const e = firstError(await save([{ direction: 'REVENUE', economicCode: '11111', amount: '1000', ...extra }]));
      expect({ field: e.extensions.field, code: e.extensions.code }).toEqual({ field, code: 'BAD_USER_INPUT' });
      if (!['1e20', 'много'].includes(Object.values(extra)[0])) expect(e.extensions.messageKey).toBe(key);
    }
    expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM budget_lines WHERE version_id = $1`, [versionId]))[0].n).toBe(0);
  });

  it('stores both funds, the forecasts, and answers the totals of each and the own/transfer split', async () => {
    const saved = ok(await save(LINES)).saveBudgetLines;
    revision = saved.revision;
    const byCode = Object.fromEntries(saved.lines.map((l: { economicCode: string }) => [l.economicCode, l]));
    expect(byCode['14221']).toMatchObject({ amount: '31100000', budgetFunds: '0', specialFunds: '31100000', forecastYear1: null });
    expect(byCode['2111']).toMatchObject({ amount: '400000000', budgetFunds: '379999975', specialFunds: '20000025', forecastYear1: '410000000', forecastYear2: null });
    expect(byCode['11111']).toMatchObject({ specialFunds: '0', budgetFunds: '156160000', forecastYear2: '165000000' });
    const rows = await api.dataSource.query(`SELECT economic_code, amount::text, special_funds::text, forecast_year1::text, forecast_year2::text FROM budget_lines WHERE version_id = $1 AND economic_code IN ('2111', '2231') ORDER BY economic_code`, [versionId]);
    expect(rows).toEqual([
      { economic_code: '2111', amount: '400000000', special_funds: '20000025', forecast_year1: '410000000', forecast_year2: null },
      { economic_code: '2231', amount: '100960000', special_funds: '0', forecast_year1: null, forecast_year2: null },
    ]);

    const t = ok(await gql(api.baseUrl, VERSION, { id: versionId }, { token: v.a.token })).budgetVersion.totals;
    expect(t).toMatchObject({
      revenue: '500960050',
      expenditure: '500960000',
      revenueBudgetFunds: '469860050',
      revenueSpecialFunds: '31100000',
      expenditureBudgetFunds: '480959975',
      expenditureSpecialFunds: '20000025',
    });
    expect(BigInt(t.revenueBudgetFunds) + BigInt(t.revenueSpecialFunds)).toBe(BigInt(t.revenue));
    // Own: 11111 + 14221 (parents' fees are raised here); transfers: the equalisation grant and an earmarked one.
    expect(t.revenueSources).toEqual({ own: '187260000', equalisationGrant: '303700000', categoricalGrants: '10000050', otherTransfers: '0', transfers: '313700050', ownPercent: 37.38 });
    expect(t.forecasts).toEqual([
      { fiscalYear: 2027, revenue: '470000000', expenditure: '410000000', balance: '60000000', lines: 3 },
      { fiscalYear: 2028, revenue: '165000000', expenditure: '0', balance: '165000000', lines: 1 },
    ]);
  });

  it('the database refuses special funds above the amount and negative forecasts, whatever writes them', async () => {
    await expect(api.dataSource.query(`UPDATE budget_lines SET special_funds = amount + 1 WHERE version_id = $1 AND economic_code = '11111'`, [versionId])).rejects.toThrow(/ck_budget_lines_special_funds/);
    await expect(api.dataSource.query(`UPDATE budget_lines SET forecast_year2 = -1 WHERE version_id = $1 AND economic_code = '11111'`, [versionId])).rejects.toThrow(/ck_budget_lines_forecast_year2/);
  });

  it('saving the same split again changes nothing; changing only the special funds is an edit', async () => {
    const current = ok(await gql(api.baseUrl, SAVE.replace('lines { lineKey', 'lines { lineKey direction'), { input: { versionId, expectedRevision: revision, lines: [] } }, { token: v.a.token })).saveBudgetLines;
    expect(current.revision).toBe(revision);
    const key = current.lines.find((l: { economicCode: string }) => l.economicCode === '2231').lineKey;
    const again = ok(await save([{ lineKey: key, direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '1009600' }])).saveBudgetLines;
    expect(again.revision).toBe(revision);
    const changed = ok(await save([{ lineKey: key, direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '1009600', specialFunds: '9600' }])).saveBudgetLines;
    expect(changed.revision).toBe(revision + 1);
    revision = changed.revision;
    const edit = await api.dataSource.query(`SELECT changes FROM budget_version_edits WHERE version_id = $1 AND revision = $2`, [versionId, revision]);
    expect(edit[0].changes[0]).toMatchObject({ change: 'CHANGED', lineKey: key, before: '100960000', after: '100960000', specialFundsBefore: '0', specialFundsAfter: '960000' });

    // A client that knows only amounts (the editor grid) sends a line without its split: the line keeps it.
    const salaries = current.lines.find((l: { economicCode: string }) => l.economicCode === '2111').lineKey;
    const plain = { lineKey: salaries, direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '4000000' };
    expect(ok(await save([plain])).saveBudgetLines.revision).toBe(revision);
    // Kept special funds above a smaller amount are refused like typed ones, nothing written.
    const e = firstError(await save([{ ...plain, amount: '100000' }]));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.0.specialFunds', messageKey: 'errors.budgets.specialFundsAboveAmount' });
    // null clears.
    const cleared = ok(await save([{ ...plain, specialFunds: null, forecastYear1: null }])).saveBudgetLines;
    expect(cleared.lines.find((l: { economicCode: string }) => l.economicCode === '2111')).toMatchObject({ specialFunds: '0', budgetFunds: '400000000', forecastYear1: null });
    // ...and the split goes back as it was for the exports below.
    revision = ok(await save([{ ...plain, specialFunds: '200000.25', forecastYear1: '4100000' }], cleared.revision)).saveBudgetLines.revision;
  });

  it('exports both funds and the forecasts (CSV, JSON, FDP through frictionless); an amendment keeps them', async () => {
    const sub = ok(await gql(api.baseUrl, SUBMIT, { input: { versionId, expectedRevision: revision } }, { token: v.a.token })).submitBudgetVersion;
    ok(await gql(api.baseUrl, PUBLISH, { input: { versionId, expectedRevision: sub.revision, commentsUntil: inAYear() } }, { token: v.b.token }));
    const url = (file: string) => `${api.baseUrl}/api/public/budgets/${budgetId}/versions/1/${file}`;

    const csv = parseCsv((await (await fetch(url('budget.csv'))).text()).replace(/^\ufeff/, '')).map((r) => r.cells);
    expect(csv[0]).toEqual(EXPORT_CSV_HEADER);
    const col = (name: string) => EXPORT_CSV_HEADER.indexOf(name);
    const salaries = csv.find((r) => r[col('economic_code')] === '2111')!;
    expect([salaries[col('amount')], salaries[col('special_funds')], salaries[col('forecast_year1')], salaries[col('forecast_year2')]]).toEqual(['4000000.00', '200000.25', '4100000.00', '']);

    const json = (await (await fetch(url('budget.json'))).json()) as Record<string, any>;
    expect(json.forecastYears).toEqual([2027, 2028]);
    expect(json.revenueSources).toMatchObject({ own: '187260000', transfers: '313700050', ownPercent: 37.38 });
    expect(json.lines.find((l: { economicCode: string }) => l.economicCode === '14221')).toMatchObject({ amount: '31100000', budgetFunds: '0', specialFunds: '31100000', forecastYear1: null });

    const descriptor = (await (await fetch(url('fdp/datapackage.json'))).json()) as Record<string, any>;
    const fdpCsv = await (await fetch(url('fdp/budget.csv'))).text();
    expect(Object.keys(descriptor.model.measures)).toEqual(['planned', 'executed', 'special_funds', 'forecast_year1', 'forecast_year2']);
    expect(descriptor.model.measures.forecast_year2).toMatchObject({ phase: 'proposed', fiscalYear: 2028 });
    expect(checkFiscalDataPackage(descriptor, { 'budget.csv': fdpCsv })).toEqual([]);
    const report = await frictionlessCheck(descriptor, { 'budget.csv': fdpCsv });
    expect(report).toMatchObject({ profile: [], load: [], rows: [] });

    const amended = ok(await gql(api.baseUrl, AMEND, { input: { versionId, reason: 'Кошумча грант' } }, { token: v.a.token })).amendBudget;
    const copy = ok(await gql(api.baseUrl, VERSION, { id: amended.id }, { token: v.a.token })).budgetVersion;
    const original = ok(await gql(api.baseUrl, VERSION, { id: versionId })).budgetVersion;
    expect(copy.lines).toEqual(original.lines);
    expect(copy.totals).toEqual(original.totals);
    expect(amended.number).toBe(2);
    expect(ok(await gql(api.baseUrl, `query($id: ID!) { budgetVersion(id: $id) { kind } }`, { id: amended.id }, { token: v.a.token })).budgetVersion.kind).toBe('AMENDMENT');
  });

  it('the cycle: draft approved in spring (ORIGINAL), the final budget at year end labelled FINAL and FDP "approved", amendments after it "adjusted"', async () => {
    const b = await publishedBudget(api, v, 2027, [{ direction: 'REVENUE', economicCode: '13111', amount: '1000' }]);
    const KIND = `query($id: ID!) { budgetVersion(id: $id) { number status kind } }`;
    const fdpPhase = async (n: number) => ((await (await fetch(`${api.baseUrl}/api/public/budgets/${b.budgetId}/versions/${n}/fdp/datapackage.json`)).json()) as Record<string, any>).model.measures.planned.phase;
    const approve = async (id: string, rev: number) => ok(await gql(api.baseUrl, APPROVE, { input: { versionId: id, expectedRevision: rev, decisionDate: '2026-12-20', decisionNumber: '5/1' } }, { token: v.admin.token })).approveBudgetVersion;
    const publishDraft = async (id: string, rev: number) => {
      const sub = ok(await gql(api.baseUrl, SUBMIT, { input: { versionId: id, expectedRevision: rev } }, { token: v.a.token })).submitBudgetVersion;
      return ok(await gql(api.baseUrl, PUBLISH, { input: { versionId: id, expectedRevision: sub.revision, commentsUntil: inAYear() } }, { token: v.b.token })).publishBudgetVersion;
    };
    const spring = await approve(b.versionId, b.revision);
    expect(ok(await gql(api.baseUrl, KIND, { id: b.versionId })).budgetVersion).toEqual({ number: 1, status: 'APPROVED', kind: 'ORIGINAL' });
    expect(await fdpPhase(1)).toBe('approved');

    // Not a boolean: BAD_USER_INPUT on the field (GraphQL's own check), nothing made.
    expect(firstError(await gql(api.baseUrl, AMEND, { input: { versionId: b.versionId, reason: 'Акыркы бюджет', final: 'yes' } }, { token: v.a.token })).extensions.code).toBe('BAD_USER_INPUT');
    const final = ok(await gql(api.baseUrl, AMEND, { input: { versionId: b.versionId, reason: 'Республикалык бюджет кабыл алынды', final: true } }, { token: v.a.token })).amendBudget;
    const pub = await publishDraft(final.id, final.revision);
    await approve(final.id, pub.revision);
    expect(ok(await gql(api.baseUrl, KIND, { id: final.id })).budgetVersion).toEqual({ number: 2, status: 'APPROVED', kind: 'FINAL' });
    expect(await fdpPhase(2)).toBe('approved');
    expect(spring.status).toBe('APPROVED');

    // One final budget per year: a second is CONFLICT; a change after it is an amendment, "adjusted".
    const again = firstError(await gql(api.baseUrl, AMEND, { input: { versionId: final.id, reason: 'Дагы бир жолу', final: true } }, { token: v.a.token }));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.budgets.finalExists' });
    const change = ok(await gql(api.baseUrl, AMEND, { input: { versionId: final.id, reason: 'Жыл ичиндеги өзгөртүү' } }, { token: v.a.token })).amendBudget;
    const pub3 = await publishDraft(change.id, change.revision);
    await approve(change.id, pub3.revision);
    expect(ok(await gql(api.baseUrl, KIND, { id: change.id })).budgetVersion).toMatchObject({ number: 3, kind: 'AMENDMENT' });
    expect(await fdpPhase(3)).toBe('adjusted');
    // The database keeps the rule: only version 1 is ORIGINAL.
    await expect(api.dataSource.query(`UPDATE budget_versions SET kind = 'ORIGINAL' WHERE id = $1`, [change.id])).rejects.toThrow(/ck_budget_versions_kind/);
  });
});
