import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { FROZEN_LINES_TTL_MS, FrozenLinesCache, BudgetViewService, LineView } from '../services/budget-view.service';
import { AMEND, platformAdmin, publishedBudget, RECORD, SAVE_LINES, SUBMIT, village, Village } from './support';

/**
 * Public budget query speed (bench/budgets): the lines of a version past SUBMITTED never change (the
 * database freezes them), so the read side keeps them per process instead of reading, parsing and naming
 * them on every request. Checked here: a second read of a published version issues no line or name
 * statement and answers the same; a draft (and a submitted version, which can go back to draft) is read
 * every time, so edits show at once; execution recorded after the lines were kept shows at once; the
 * kept lines expire (classification names can be edited) and are bounded.
 */
describe('public budget lines kept per process (real PostgreSQL)', () => {
  let api: RunningApi;
  let v: Village;

  beforeAll(async () => {
    api = await startApi({ label: 'budgetkept' });
    v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө');
  });
  afterAll(() => api?.stop());

  const Q = `query($id: ID!) { budget(id: $id) { publicVersion { id lines { lineKey economicCode amount actual names { ky } } totals { expenditure expenditureActual } } openVersion { id lines { lineKey amount } } } }`;
  const linesStatements = (from: number) => api.sql.slice(from).filter((q) => /FROM budget_lines l JOIN vc/.test(q) || /FROM budget_classifications WHERE country/.test(q)).length;

  it('a published version is read once; drafts every time; execution always current', async () => {
    const b = await publishedBudget(api, v, 2030, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1000' },
      { direction: 'EXPENDITURE', economicCode: '2111', amount: '600' },
    ]);
    api.app.get(BudgetViewService).frozenLines.clear();
    let from = api.sql.length;
    const first = ok(await gql(api.baseUrl, Q, { id: b.budgetId })).budget;
    expect(linesStatements(from)).toBe(2);
    from = api.sql.length;
    const second = ok(await gql(api.baseUrl, Q, { id: b.budgetId })).budget;
    expect(linesStatements(from)).toBe(0);
    expect(second.publicVersion).toEqual(first.publicVersion);
    expect(second.publicVersion.lines.map((l: { economicCode: string; amount: string }) => [l.economicCode, l.amount])).toEqual([['11111', '100000'], ['2111', '60000']]);

    // Spending recorded now shows at once: the actuals are read on every request.
    ok(await gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2030-03-01', amount: '250', counterparty: 'Ысык-Ата', purpose: 'Эмгек акы', documentNumber: '1' } }, { token: v.a.token }));
    const after = ok(await gql(api.baseUrl, Q, { id: b.budgetId })).budget;
    expect(after.publicVersion.totals).toEqual({ expenditure: '60000', expenditureActual: '25000' });
    expect(after.publicVersion.lines.find((l: { economicCode: string }) => l.economicCode === '2111').actual).toBe('25000');

    // An amendment's draft (and once submitted, a version that can be withdrawn to draft) is never kept: each edit shows.
    const draft = ok(await gql(api.baseUrl, AMEND, { input: { versionId: b.versionId, reason: 'Кошумча каражат' } }, { token: v.a.token })).amendBudget;
    const edited = ok(await gql(api.baseUrl, SAVE_LINES, { input: { versionId: draft.id, expectedRevision: draft.revision, lines: draft.lines.map((l: { lineKey: string; economicCode: string; amount: string }) => ({ lineKey: l.lineKey, direction: l.economicCode === '2111' ? 'EXPENDITURE' : 'REVENUE', economicCode: l.economicCode, amount: l.economicCode === '2111' ? '700' : '1000' })) } }, { token: v.a.token })).saveBudgetLines;
    const seen1 = ok(await gql(api.baseUrl, Q, { id: b.budgetId }, { token: v.a.token })).budget.openVersion;
    expect(seen1.lines.map((l: { amount: string }) => l.amount).sort()).toEqual(['100000', '70000']);
    const sub = ok(await gql(api.baseUrl, SUBMIT, { input: { versionId: draft.id, expectedRevision: edited.revision } }, { token: v.a.token })).submitBudgetVersion;
    ok(await gql(api.baseUrl, `mutation($input: VersionStepInput!) { withdrawBudgetVersion(input: $input) { revision } }`, { input: { versionId: draft.id, expectedRevision: sub.revision } }, { token: v.a.token }));
    const back = ok(await gql(api.baseUrl, Q, { id: b.budgetId }, { token: v.a.token })).budget.openVersion;
    const again = ok(await gql(api.baseUrl, SAVE_LINES, { input: { versionId: draft.id, expectedRevision: (await api.dataSource.query(`SELECT revision FROM budget_versions WHERE id = $1`, [draft.id]))[0].revision, lines: back.lines.map((l: { lineKey: string; amount: string }, i: number) => ({ lineKey: l.lineKey, direction: i === 0 ? 'REVENUE' : 'EXPENDITURE', economicCode: i === 0 ? '11111' : '2111', amount: i === 0 ? '1000' : '800' })) } }, { token: v.a.token })).saveBudgetLines;
    expect(again.status).toBe('DRAFT');
    const seen2 = ok(await gql(api.baseUrl, Q, { id: b.budgetId }, { token: v.a.token })).budget.openVersion;
    expect(seen2.lines.map((l: { amount: string }) => l.amount).sort()).toEqual(['100000', '80000']);
  });

  it('kept lines expire after their time to live, are bounded (oldest first) and cannot be changed by a reader', () => {
    let t = 0;
    const cache = new FrozenLinesCache(() => t, 5);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ lineKey: String(i) }) as unknown as LineView);
    cache.set('a', lines(2));
    expect(cache.get('a')).toHaveLength(2);
    expect(() => (cache.get('a') as LineView[]).push(lines(1)[0])).toThrow();
    t = FROZEN_LINES_TTL_MS + 1;
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', lines(2));
    cache.set('b', lines(2));
    cache.set('c', lines(2));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toHaveLength(2);
    expect(cache.get('c')).toHaveLength(2);
    cache.set('huge', lines(6));
    expect(cache.get('huge')).toBeUndefined();
  });
});
