import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { CREATE_BUDGET, platformAdmin, village, Village } from './support';

/**
 * Issue 10, the preview's settings: a file uploaded once (`?stage=1`) and previewed again from the
 * stored upload with the columns and side the person chose (a header we do not know, the file's own
 * side words, the whole file one side), checked on the server (BAD_USER_INPUT with the field's path),
 * confirmed from that same upload with exactly those settings (what is stored equals the preview),
 * the mapping saved for the community and used for its next file; a file above the old 700 KB preview
 * limit previewed and imported the same way.
 */
describe('budget import: column mapping and side per community, staged uploads (real PostgreSQL, worker)', () => {
  let api: RunningApi;
  let v: Village;
  let year = 2031;

  beforeAll(async () => {
    api = await startApi({ label: 'budgetmap', redis: true, worker: true });
    v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө');
  });
  afterAll(() => api?.stop());

  const newDraft = async () => {
    const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear: year++, currency: 'KGS', title: { ky: 'Бюджет' } } }, { token: v.a.token })).createBudget;
    return { budgetId: created.id as string, versionId: created.openVersion.id as string };
  };
  const stage = async (budgetId: string, body: string, token = v.a.token) => {
    const res = await fetch(`${api.baseUrl}/api/budgets/${budgetId}/imports?kind=BUDGET&fileName=plan.csv&stage=1`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body });
    return { status: res.status, body: (await res.json()) as any };
  };
  const FIELDS = `uploadId mappingSource lineCount revenueTotal expenditureTotal sideFrom unit unitSource errorCount side { from revenue expenditure } fileColumns { index header field sample } fields { field required } errors { line column messageKey } rows { line direction economicCode amount }`;
  const PREVIEW = `query($input: BudgetImportUploadInput!) { previewBudgetImportUpload(input: $input) { ${FIELDS} } }`;
  const CONFIRM = `mutation($input: ConfirmBudgetImportUploadInput!) { confirmBudgetImportUpload(input: $input) { id status unit } }`;
  const waitImport = async (id: string) => {
    for (let i = 0; i < 600; i++) {
      const r = ok(await gql(api.baseUrl, `query($id: ID!) { budgetImport(id: $id) { id status importedRows errors { line messageKey } } }`, { id }, { token: v.a.token })).budgetImport;
      if (r.status === 'DONE' || r.status === 'FAILED') return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('import did not finish');
  };
  const totals = async (versionId: string) => {
    const rows: Array<{ direction: string; n: number; total: string }> = await api.dataSource.query(`SELECT direction, count(*)::int AS n, sum(amount)::text AS total FROM budget_lines WHERE version_id = $1 GROUP BY direction ORDER BY direction`, [versionId]);
    return Object.fromEntries(rows.map((r) => [r.direction, { n: r.n, total: r.total }]));
  };

  // Headers we do not know ("Берене", "Белги", "Пландалды 2031-ж."), the side as the file's own letters.
  const odd = ['Берене;Белги;Аталышы;Пландалды 2031-ж.', '11111;Д;Киреше салыгы;1 200,50', '11311;Д;Мүлк салыгы;300', '2111;Ч;Эмгек акы;900,25', '2231;Ч;Коммуналдык;100', 'Бардыгы;;;2 500,75'].join('\n');
  const columns = [
    { field: 'economic_code', header: 'Берене' },
    { field: 'direction', header: 'Белги' },
    { field: 'name_ky', header: 'Аталышы' },
    { field: 'amount', header: 'Пландалды 2031-ж.' },
  ];

  it('a staged file is previewed again with chosen columns and side words, confirmed with exactly those settings, and the mapping is saved and offered next time', async () => {
    const d = await newDraft();
    const staged = await stage(d.budgetId, odd);
    expect(staged.status).toBe(201);
    const first = staged.body;
    expect(first.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.mappingSource).toBe('NONE');
    expect(first.errors.map((e: { messageKey: string }) => e.messageKey)).toContain('errors.budgets.import.missingColumn');
    // Every column of the header row, with what it is read as and its first data cell.
    expect(first.fileColumns).toEqual([
      { index: 0, header: 'Берене', field: null, sample: '11111' },
      { index: 1, header: 'Белги', field: null, sample: 'Д' },
      { index: 2, header: 'Аталышы', field: 'name_ky', sample: 'Киреше салыгы' },
      { index: 3, header: 'Пландалды 2031-ж.', field: null, sample: '1 200,50' },
    ]);
    expect(first.fields.filter((f: { required: boolean }) => f.required).map((f: { field: string }) => f.field)).toEqual(['economic_code', 'amount']);

    // The side words of the file, read from its side column; in thousands.
    const input = { uploadId: first.uploadId, unit: 'THOUSAND', columns, side: { from: 'COLUMN', revenue: 'д', expenditure: 'Ч' } };
    const p = ok(await gql(api.baseUrl, PREVIEW, { input }, { token: v.a.token })).previewBudgetImportUpload;
    expect(p).toMatchObject({ uploadId: first.uploadId, mappingSource: 'GIVEN', lineCount: 4, errorCount: 0, sideFrom: 'COLUMN', unit: 'THOUSAND', revenueTotal: '150050000', expenditureTotal: '100025000', side: { from: 'COLUMN', revenue: 'д', expenditure: 'Ч' } });
    expect(p.fileColumns.map((c: { field: string | null }) => c.field)).toEqual(['economic_code', 'direction', 'name_ky', 'amount']);

    // The whole file one side: the expenditure codes contradict it, and the preview says so per row.
    const allRevenue = ok(await gql(api.baseUrl, PREVIEW, { input: { ...input, side: { from: 'REVENUE' } } }, { token: v.a.token })).previewBudgetImportUpload;
    expect(allRevenue).toMatchObject({ sideFrom: 'REVENUE', lineCount: 0, errorCount: 2 });
    expect(allRevenue.errors).toEqual([
      { line: 4, column: 'Берене', messageKey: 'errors.budgets.import.sideMismatch' },
      { line: 5, column: 'Берене', messageKey: 'errors.budgets.import.sideMismatch' },
    ]);
    // The side from the code, the side column left out (null header): the same figures as the words.
    const byCode = ok(await gql(api.baseUrl, PREVIEW, { input: { ...input, columns: columns.map((c) => (c.field === 'direction' ? { ...c, header: null } : c)), side: { from: 'CODE' } } }, { token: v.a.token })).previewBudgetImportUpload;
    expect(byCode).toMatchObject({ sideFrom: 'CODE', revenueTotal: '150050000', expenditureTotal: '100025000' });
    expect(byCode.fileColumns[1].field).toBeNull();

    const started = ok(await gql(api.baseUrl, CONFIRM, { input }, { token: v.a.token })).confirmBudgetImportUpload;
    expect(started.unit).toBe('THOUSAND');
    expect(await waitImport(started.id)).toMatchObject({ status: 'DONE', importedRows: 4 });
    expect(await totals(d.versionId)).toEqual({ EXPENDITURE: { n: 2, total: p.expenditureTotal }, REVENUE: { n: 2, total: p.revenueTotal } });
    const [stored] = await api.dataSource.query(`SELECT side, mapping FROM budget_imports WHERE id = $1`, [started.id]);
    expect(stored.side).toEqual({ from: 'COLUMN', revenue: 'д', expenditure: 'Ч' });
    expect(stored.mapping).toMatchObject({ economic_code: 'Берене', amount: 'Пландалды 2031-ж.' });

    // Saved for the community with its unit: its next file with the same headers is read with them, in
    // thousands (the file names no unit), no choice needed.
    const [saved] = await api.dataSource.query(`SELECT mapping, side, unit FROM budget_import_mappings WHERE community_id = $1 AND kind = 'BUDGET'`, [v.communityId]);
    expect(saved.side).toEqual({ from: 'COLUMN', revenue: 'д', expenditure: 'Ч' });
    expect(saved.unit).toBe('THOUSAND');
    const d2 = await newDraft();
    const next = (await stage(d2.budgetId, odd.replace('300', '400'))).body;
    expect(next).toMatchObject({ mappingSource: 'SAVED', errorCount: 0, lineCount: 4, sideFrom: 'COLUMN', unit: 'THOUSAND', unitSource: 'SAVED', side: { from: null, revenue: 'д', expenditure: 'Ч' }, revenueTotal: '160050000', expenditureTotal: '100025000' });
  });

  it('the unit saved with the mapping: used when a file names none (preview and import), the file’s own unit word first, set and kept by saveBudgetImportMapping', async () => {
    const MAP = `mutation($input: ImportMappingInput!) { saveBudgetImportMapping(input: $input) }`;
    const base = { communityId: v.communityId, kind: 'BUDGET', columns: [{ field: 'economic_code', header: 'Код' }, { field: 'amount', header: 'Сумма' }] };
    ok(await gql(api.baseUrl, MAP, { input: { ...base, unit: 'THOUSAND' } }, { token: v.a.token }));
    const plain = ['Код;Сумма', '11111;12,5', '2111;7'].join('\n');
    // No unit word in the file: the saved thousands, in the preview and in what the job stores (a start without a preview too).
    const d = await newDraft();
    const staged = (await stage(d.budgetId, plain)).body;
    expect(staged).toMatchObject({ unit: 'THOUSAND', unitSource: 'SAVED', revenueTotal: '1250000', expenditureTotal: '700000' });
    const started = ok(await gql(api.baseUrl, `mutation($input: StartBudgetImportInput!) { startBudgetImport(input: $input) { id unit } }`, { input: { budgetId: d.budgetId, kind: 'BUDGET', fileName: 'plain.csv', contentBase64: Buffer.from(plain).toString('base64') } }, { token: v.a.token })).startBudgetImport;
    expect(started.unit).toBeNull();
    expect(await waitImport(started.id)).toMatchObject({ status: 'DONE', importedRows: 2 });
    expect(await totals(d.versionId)).toEqual({ EXPENDITURE: { n: 1, total: '700000' }, REVENUE: { n: 1, total: '1250000' } });
    const [rec] = await api.dataSource.query(`SELECT saved_unit, report->'info'->>'unitSource' AS source FROM budget_imports WHERE id = $1`, [started.id]);
    expect(rec).toEqual({ saved_unit: 'THOUSAND', source: 'SAVED' });
    // The file's own word comes before the habit: "Сумма, сом" is som.
    const d2 = await newDraft();
    expect((await stage(d2.budgetId, plain.replace('Код;Сумма', 'Код;Сумма, сом'))).body).toMatchObject({ unit: 'ONE', unitSource: 'HEADER', revenueTotal: '1250', expenditureTotal: '700' });
    // Chosen for the file: that unit, whatever was saved.
    expect(ok(await gql(api.baseUrl, PREVIEW, { input: { uploadId: staged.uploadId, unit: 'ONE' } }, { token: v.a.token })).previewBudgetImportUpload).toMatchObject({ unit: 'ONE', unitSource: 'CHOSEN', revenueTotal: '1250' });
    // Saving the mapping without a unit keeps the saved one; a bad unit is BAD_USER_INPUT on input.unit and changes nothing.
    ok(await gql(api.baseUrl, MAP, { input: base }, { token: v.a.token }));
    const bad = await gql(api.baseUrl, MAP, { input: { ...base, unit: 'MILLION' } }, { token: v.a.token });
    expect(firstError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const [kept] = await api.dataSource.query(`SELECT unit FROM budget_import_mappings WHERE community_id = $1 AND kind = 'BUDGET'`, [v.communityId]);
    expect(kept.unit).toBe('THOUSAND');
    // Back to som for this community: saved ONE, and a file without a unit word is som again.
    ok(await gql(api.baseUrl, MAP, { input: { ...base, unit: 'ONE' } }, { token: v.a.token }));
    const d3 = await newDraft();
    expect((await stage(d3.budgetId, plain)).body).toMatchObject({ unit: 'ONE', unitSource: 'SAVED', revenueTotal: '1250' });
  });

  it('settings are checked on the server: BAD_USER_INPUT with the field path; nothing written', async () => {
    const d = await newDraft();
    const { uploadId } = (await stage(d.budgetId, odd)).body;
    const bad = async (input: Record<string, unknown>) => firstError(await gql(api.baseUrl, PREVIEW, { input: { uploadId, ...input } }, { token: v.a.token })).extensions;
    expect(await bad({ columns: [{ field: 'economic_code', header: 'Берене' }, { field: 'economic_code', header: 'Белги' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.columns.1.field', messageKey: 'errors.budgets.import.fieldTwice' });
    expect(await bad({ columns: [{ field: 'economic_code', header: 'Берене' }, { field: 'amount', header: 'берене' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.columns.1.header', messageKey: 'errors.budgets.import.columnTwice' });
    expect(await bad({ columns: [{ field: 'date', header: 'Берене' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.columns.0.field', messageKey: 'errors.budgets.import.unknownField' });
    expect(await bad({ side: { revenue: 'x'.repeat(41) } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.side.revenue' });
    expect(await bad({ columns: [{ field: 'Amount!', header: 'x' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.columns.0.field' });
    const before = Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM budget_imports`))[0].n);
    expect(firstError(await gql(api.baseUrl, CONFIRM, { input: { uploadId, columns: [{ field: 'kind', header: 'Берене' }] } }, { token: v.a.token })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.columns.0.field' });
    expect(Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM budget_imports`))[0].n)).toBe(before);
    // Who may import it: the budget group; a citizen is refused, an unknown upload is NOT_FOUND.
    expect(firstError(await gql(api.baseUrl, PREVIEW, { input: { uploadId } }, { token: v.citizen.token })).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(firstError(await gql(api.baseUrl, PREVIEW, { input: { uploadId: '00000000-0000-4000-8000-000000000000' } }, { token: v.a.token })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await stage(d.budgetId, odd, v.citizen.token)).status).toBe(403);
  });

  it('a file above the old 700 KB preview limit: uploaded once, previewed from the stored upload, imported from it', async () => {
    const d = await newDraft();
    const rows = ['Код;Наименование;Сумма'];
    let revenue = 0n;
    let expenditure = 0n;
    for (let i = 0; i < 12_000; i++) {
      const rev = i % 3 === 0;
      const minor = BigInt(100_000 + i * 7);
      if (rev) revenue += minor;
      else expenditure += minor;
      rows.push(`${rev ? '11111' : '2111'};Строка бюджета номер ${i} с длинным наименованием статьи;${minor / 100n},${String(minor % 100n).padStart(2, '0')}`);
    }
    const body = rows.join('\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(700 * 1024);
    const staged = await stage(d.budgetId, body);
    expect(staged.body).toMatchObject({ lineCount: 12_000, errorCount: 0, revenueTotal: String(revenue), expenditureTotal: String(expenditure) });
    const started = ok(await gql(api.baseUrl, CONFIRM, { input: { uploadId: staged.body.uploadId, saveMapping: false } }, { token: v.b.token })).confirmBudgetImportUpload;
    expect(await waitImport(started.id)).toMatchObject({ status: 'DONE', importedRows: 12_000 });
    expect(await totals(d.versionId)).toEqual({ EXPENDITURE: { n: 8000, total: String(expenditure) }, REVENUE: { n: 4000, total: String(revenue) } });
    // Confirmed twice (a double tap): the same import.
    const again = ok(await gql(api.baseUrl, CONFIRM, { input: { uploadId: staged.body.uploadId, saveMapping: false } }, { token: v.b.token })).confirmBudgetImportUpload;
    expect(again.id).toBe(started.id);
    // The same file with other settings is not run again with them: the person is told (nothing written).
    const other = await gql(api.baseUrl, CONFIRM, { input: { uploadId: staged.body.uploadId, unit: 'THOUSAND', saveMapping: false } }, { token: v.b.token });
    expect(firstError(other).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.budgets.import.sameFileOtherSettings' });
    expect(await totals(d.versionId)).toEqual({ EXPENDITURE: { n: 8000, total: String(expenditure) }, REVENUE: { n: 4000, total: String(revenue) } });
  });
});
