import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { AMEND, APPROVE, count, CREATE_BUDGET, inAYear, person, Person, platformAdmin, PUBLISH, SAVE_LINES, SUBMIT, village, Village } from './support';

const LINES = [
  { direction: 'REVENUE', economicCode: '11111', amount: '1 561 600' },
  { direction: 'REVENUE', economicCode: '13111', amount: '3037000.00' },
  { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2500000' },
  { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '450000,50' },
];

describe('budget versions: workflow and permissions (real PostgreSQL)', () => {
  let api: RunningApi;
  let platform: Person;
  let v: Village;
  let other: Village;
  let budgetId: string;
  let versionId: string;
  let revision: number;

  beforeAll(async () => {
    api = await startApi({ label: 'budgetwf' });
    platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө бюджеттик тобу');
    other = await village(api, platform, '41707220843000', 'Орок бюджеттик тобу');
  });
  afterAll(() => api?.stop());

  const call = (q: string, input: unknown, p?: Person) => gql(api.baseUrl, q, { input }, p ? { token: p.token } : {});

  it('only the community budget group creates and edits a budget', async () => {
    const input = { communityId: v.communityId, fiscalYear: 2026, currency: 'KGS', population: 4800, title: { ky: '2026-жылдын бюджети', ru: 'Бюджет 2026' } };
    expect(firstError(await call(CREATE_BUDGET, input)).extensions.code).toBe('UNAUTHENTICATED');
    expect(firstError(await call(CREATE_BUDGET, input, v.citizen)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await call(CREATE_BUDGET, input, v.admin)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await call(CREATE_BUDGET, input, other.a)).extensions.code).toBe('FORBIDDEN');
    expect(await count(api, 'budgets')).toBe(0);
    const created = ok(await call(CREATE_BUDGET, input, v.a)).createBudget;
    expect(created.openVersion).toMatchObject({ number: 1, status: 'DRAFT', revision: 1 });
    budgetId = created.id;
    versionId = created.openVersion.id;
    revision = 1;
    expect(firstError(await call(CREATE_BUDGET, input, v.b)).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.budgets.yearExists' });
    // A member of another village cannot edit this one's lines either.
    const e = firstError(await call(SAVE_LINES, { versionId, expectedRevision: 1, lines: LINES }, other.a));
    expect(e.extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    ['text in an amount', { ...LINES[0], amount: 'бир миң' }, 'input.lines.1.amount', 'errors.budgets.amount'],
    ['three decimals', { ...LINES[0], amount: '1234,567' }, 'input.lines.1.amount', 'errors.number.tooManyDecimals'],
    ['an amount that reads two ways (a thousand, or 12 som 345?)', { ...LINES[0], amount: '12.345' }, 'input.lines.1.amount', 'errors.number.ambiguous'],
    ['an unknown code', { ...LINES[0], economicCode: '99999' }, 'input.lines.1.economicCode', 'errors.budgets.unknownCode'],
    ['a revenue code on the expenditure side', { ...LINES[0], direction: 'EXPENDITURE' }, 'input.lines.1.economicCode', 'errors.budgets.codeDirection'],
  ])('refuses %s with BAD_USER_INPUT on the field and writes nothing', async (_n, bad, field, key) => {
    const before = [await count(api, 'budget_lines'), await count(api, 'audit_events')];
    const e = firstError(await call(SAVE_LINES, { versionId, expectedRevision: revision, lines: [LINES[1], bad] }, v.a));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, messageKey: key });
    expect([await count(api, 'budget_lines'), await count(api, 'audit_events')]).toEqual(before);
  });

  it('saves lines with exact minor units and computes totals (never typed)', async () => {
    const saved = ok(await call(SAVE_LINES, { versionId, expectedRevision: revision, lines: LINES }, v.a)).saveBudgetLines;
    expect(saved.revision).toBe(2);
    revision = 2;
    expect(saved.lines.map((l: { amount: string }) => l.amount)).toEqual(['156160000', '303700000', '250000000', '45000050']);
    const q = ok(await gql(api.baseUrl, `query($id: ID!) { budgetVersion(id: $id) { totals { revenue expenditure balance expenditurePerResident } } }`, { id: versionId }, { token: v.b.token }));
    expect(q.budgetVersion.totals).toEqual({ revenue: '459860000', expenditure: '295000050', balance: '164859950', expenditurePerResident: String(Math.round(295000050 / 4800)) });
  });

  it('two members editing the same draft: the second gets CONFLICT with what changed, and nothing of theirs is written', async () => {
    const lines = ok(await gql(api.baseUrl, `query($id: ID!) { budgetVersion(id: $id) { lines { lineKey economicCode amount direction functionalCode } } }`, { id: versionId }, { token: v.a.token })).budgetVersion.lines;
    const salary = lines.find((l: { economicCode: string }) => l.economicCode === '2111');
    const edit = (amount: string) => ({ lineKey: salary.lineKey, direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount });
    ok(await call(SAVE_LINES, { versionId, expectedRevision: revision, lines: [edit('2600000')] }, v.a));
    const e = firstError(await call(SAVE_LINES, { versionId, expectedRevision: revision, lines: [edit('2400000')] }, v.b));
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.budgets.staleRevision', currentRevision: 3 });
    expect(e.extensions.changes).toEqual([expect.objectContaining({ change: 'CHANGED', lineKey: salary.lineKey, before: '250000000', after: '260000000', by: v.a.id, revision: 3 })]);
    const amount = (await api.dataSource.query('SELECT amount::text AS a FROM budget_lines WHERE line_key = $1', [salary.lineKey]))[0].a;
    expect(amount).toBe('260000000');
    revision = 3;
  });

  it('publishing needs two people: the one who submitted cannot publish', async () => {
    const sub = ok(await call(SUBMIT, { versionId, expectedRevision: revision }, v.a)).submitBudgetVersion;
    expect(sub.status).toBe('SUBMITTED');
    revision = sub.revision;
    // Frozen once submitted.
    expect(firstError(await call(SAVE_LINES, { versionId, expectedRevision: revision, lines: [LINES[0]] }, v.a)).extensions.code).toBe('CONFLICT');
    const self = firstError(await call(PUBLISH, { versionId, expectedRevision: revision, commentsUntil: inAYear() }, v.a));
    expect(self.extensions).toMatchObject({ code: 'FORBIDDEN', action: 'budget.publish.secondPerson' });
    expect(firstError(await call(PUBLISH, { versionId, expectedRevision: revision, commentsUntil: inAYear() }, v.citizen)).extensions.code).toBe('FORBIDDEN');
    const pub = ok(await call(PUBLISH, { versionId, expectedRevision: revision, commentsUntil: inAYear() }, v.b)).publishBudgetVersion;
    expect(pub.status).toBe('PUBLISHED');
    revision = pub.revision;
  });

  it('a published version is immutable, in the API and in the database itself', async () => {
    const e = firstError(await call(SAVE_LINES, { versionId, expectedRevision: revision, lines: [LINES[0]] }, v.a));
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.budgets.immutable' });
    await expect(api.dataSource.query('UPDATE budget_lines SET amount = 1 WHERE version_id = $1', [versionId])).rejects.toThrow(/immutable/);
    await expect(api.dataSource.query('DELETE FROM budget_lines WHERE version_id = $1', [versionId])).rejects.toThrow(/immutable/);
  });

  it('citizens see the published version and comment on it during the hearing; drafts stay hidden', async () => {
    const q = `query($id: ID!) { budget(id: $id) { publicVersion { id status exportLinks { datapackage } } openVersion { id } versions { number } } }`;
    const anon = ok(await gql(api.baseUrl, q, { id: budgetId })).budget;
    expect(anon.publicVersion).toMatchObject({ id: versionId, status: 'PUBLISHED' });
    expect(anon.publicVersion.exportLinks.datapackage).toMatch(new RegExp(`/api/public/budgets/${budgetId}/versions/1/fdp/datapackage.json$`));
    const c = ok(await gql(api.baseUrl, `mutation($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id body } }`, { input: { versionId, body: 'Көчө жарыгына көбүрөөк каражат керек' } }, { token: v.citizen.token }));
    expect(c.addBudgetComment.body).toBe('Көчө жарыгына көбүрөөк каражат керек');
  });

  it('only the community admin approves, and not the person who prepared it', async () => {
    const input = { versionId, expectedRevision: revision, decisionDate: '2026-01-15', decisionNumber: '3/12', decisionFileUrl: 'https://example.kg/toktom-3-12.pdf' };
    expect(firstError(await call(APPROVE, input, v.b)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await call(APPROVE, input, other.admin)).extensions.code).toBe('FORBIDDEN');
    // A platform admin who also prepared the version is refused by the four-eyes rule (tested via submitter).
    const before = await count(api, 'audit_events');
    const approved = ok(await call(APPROVE, input, v.admin)).approveBudgetVersion;
    expect(approved).toMatchObject({ status: 'APPROVED', decisionNumber: '3/12' });
    expect(await count(api, 'audit_events')).toBe(before + 1);
    revision = approved.revision;
  });

  let v2: { id: string; revision: number; lines: Array<{ lineKey: string; economicCode: string; amount: string }> };

  it('an amendment is a new version with a reason, copied from the approved one', async () => {
    const noReason = firstError(await call(AMEND, { versionId, reason: ' ' }, v.a));
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(firstError(await call(AMEND, { versionId, reason: 'Кошумча грант' }, v.admin)).extensions.code).toBe('FORBIDDEN');
    v2 = ok(await call(AMEND, { versionId, reason: 'Кошумча грант алынды' }, v.a)).amendBudget;
    expect(v2).toMatchObject({ number: 2, status: 'DRAFT', reason: 'Кошумча грант алынды' });
    const v1Lines = (await api.dataSource.query('SELECT line_key FROM budget_lines WHERE version_id = $1 ORDER BY line_key', [versionId])).map((r: { line_key: string }) => r.line_key);
    expect(v2.lines.map((l) => l.lineKey).sort()).toEqual(v1Lines);
    // Only one open version at a time.
    expect(firstError(await call(AMEND, { versionId, reason: 'Дагы бир өзгөртүү' }, v.b)).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.budgets.openVersionExists' });
  });

  it('compares any two versions line by line', async () => {
    const grant = v2.lines.find((l) => l.economicCode === '13111')!;
    const light = v2.lines.find((l) => l.economicCode === '2231')!;
    ok(await call(SAVE_LINES, {
      versionId: v2.id,
      expectedRevision: v2.revision,
      lines: [{ lineKey: grant.lineKey, direction: 'REVENUE', economicCode: '13111', amount: '3500000' }, { direction: 'EXPENDITURE', economicCode: '3112', functionalCode: '7045', amount: '463000' }],
      removeLineKeys: [light.lineKey],
    }, v.a));
    const cmp = ok(await gql(api.baseUrl, `query($a: ID!, $b: ID!) { compareBudgetVersions(fromId: $a, toId: $b) { changes { kind economicCode before after delta fields } beforeTotals { revenue expenditure } afterTotals { revenue expenditure } } }`, { a: versionId, b: v2.id }, { token: v.b.token })).compareBudgetVersions;
    expect(cmp.changes).toEqual([
      { kind: 'CHANGED', economicCode: '13111', before: '303700000', after: '350000000', delta: '46300000', fields: ['amount'] },
      { kind: 'REMOVED', economicCode: '2231', before: '45000050', after: null, delta: '-45000050', fields: [] },
      { kind: 'ADDED', economicCode: '3112', before: null, after: '46300000', delta: '46300000', fields: [] },
    ]);
    expect(cmp.beforeTotals).toEqual({ revenue: '459860000', expenditure: '305000050' });
    expect(cmp.afterTotals).toEqual({ revenue: '506160000', expenditure: '306300000' });
    // The public cannot compare against a draft.
    expect(firstError(await gql(api.baseUrl, `query($a: ID!, $b: ID!) { compareBudgetVersions(fromId: $a, toId: $b) { changes { kind } } }`, { a: versionId, b: v2.id })).extensions.code).toBe('NOT_FOUND');
  });

  it('approving the amendment supersedes the version it amends', async () => {
    const cur = ok(await gql(api.baseUrl, `query($id: ID!) { budgetVersion(id: $id) { revision } }`, { id: v2.id }, { token: v.a.token })).budgetVersion;
    const s = ok(await call(SUBMIT, { versionId: v2.id, expectedRevision: cur.revision }, v.b)).submitBudgetVersion;
    const p = ok(await call(PUBLISH, { versionId: v2.id, expectedRevision: s.revision, commentsUntil: inAYear() }, v.a)).publishBudgetVersion;
    ok(await call(APPROVE, { versionId: v2.id, expectedRevision: p.revision, decisionDate: '2026-06-01', decisionNumber: '7/2' }, v.admin));
    const statuses = (await api.dataSource.query('SELECT number, status FROM budget_versions WHERE budget_id = $1 ORDER BY number', [budgetId]));
    expect(statuses).toEqual([{ number: 1, status: 'SUPERSEDED' }, { number: 2, status: 'APPROVED' }]);
  });

  it('a budget copied from last year starts as a draft with last year’s lines', async () => {
    const created = ok(await call(CREATE_BUDGET, { communityId: v.communityId, fiscalYear: 2027, currency: 'KGS', title: { ru: 'Бюджет 2027' }, copyFromPreviousYear: true }, v.b)).createBudget;
    const n = await count(api, 'budget_lines', `version_id = '${created.openVersion.id}'`);
    expect(n).toBe(4);
    const someone = await person(api, 'Outsider');
    expect(firstError(await call(CREATE_BUDGET, { communityId: v.communityId, fiscalYear: 2028, currency: 'KGS', title: { ru: 'X' } }, someone)).extensions.code).toBe('FORBIDDEN');
  });
});
