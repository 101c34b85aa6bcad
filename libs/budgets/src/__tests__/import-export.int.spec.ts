import ExcelJS from 'exceljs';
import { spawn } from 'child_process';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { AuditService } from '@ashar/audit';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { checkFiscalDataPackage, readFiscalDataPackage } from '../domain/fiscal-data-package';
import { runImport } from './run-import';
import { count, CREATE_BUDGET, platformAdmin, publishedBudget, village, Village } from './support';

const ROOT = join(__dirname, '../../../..');
const FDP_EXAMPLES = '/work/shared/data/fiscal-data-package/examples';

describe('imports and exports as jobs (real PostgreSQL, queues in Redis, separate worker)', () => {
  let api: RunningApi;
  let v: Village;
  let b: Awaited<ReturnType<typeof publishedBudget>>;

  beforeAll(async () => {
    api = await startApi({ label: 'budgetio', redis: true, worker: true });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    b = await publishedBudget(api, v, 2025, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
      { direction: 'REVENUE', economicCode: '13111', amount: '3000000' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2600000' },
      { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '450000.50' },
      { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7091', amount: '120000' },
    ]);
  });
  afterAll(() => api?.stop());

  const upload = async (kind: string, fileName: string, body: Buffer | string, token = v.a.token) => {
    const res = await fetch(`${api.baseUrl}/api/budgets/${b.budgetId}/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: body as never });
    return { status: res.status, body: (await res.json()) as { id: string; status: string; code?: string } };
  };
  const waitImport = async (id: string) => {
    for (let i = 0; i < 300; i++) {
      const r = ok(await gql(api.baseUrl, `query($id: ID!) { budgetImport(id: $id) { id status progress totalRows importedRows errors { line column messageKey value } errorReportUrl } }`, { id }, { token: v.a.token })).budgetImport;
      if (r.status === 'DONE' || r.status === 'FAILED') return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('import did not finish');
  };

  const GOOD = [
    'date,economic_code,functional_code,amount,counterparty,purpose,document_number',
    '2025-01-31,2111,,"150 000,00",Айыл өкмөтү,Январь айлык,ЭА-1',
    '28.02.2025,2111,7011,150000,Айыл өкмөтү,Февраль айлык,ЭА-2',
    '2025-03-10,2231,7064,12500.50,Электр компаниясы,"Көчө жарыгы, март",К-3',
    '2025-03-15,11111,,40000,Салык кызматы,Киреше салыгы,',
  ].join('\n');

  it('imports a good ledger file with progress, and a second upload of the same file is the same import', async () => {
    const started = await upload('LEDGER', 'ledger.csv', GOOD);
    expect(started.status).toBe(202);
    const done = await waitImport(started.body.id);
    expect(done).toMatchObject({ status: 'DONE', progress: 100, totalRows: 4, importedRows: 4, errors: [] });
    expect(await count(api, 'budget_transactions', `import_id = '${done.id}'`)).toBe(4);
    const kinds = await api.dataSource.query(`SELECT kind, amount::text AS amount FROM budget_transactions WHERE import_id = $1 ORDER BY occurred_on`, [done.id]);
    expect(kinds).toEqual([
      { kind: 'SPENDING', amount: '15000000' },
      { kind: 'SPENDING', amount: '15000000' },
      { kind: 'SPENDING', amount: '1250050' },
      { kind: 'RECEIPT', amount: '4000000' },
    ]);
    const again = await upload('LEDGER', 'same-file-other-name.csv', GOOD);
    expect(again.body.id).toBe(done.id);
    expect(await count(api, 'budget_transactions')).toBe(4);
    // Only the budget group imports.
    expect((await upload('LEDGER', 'x.csv', GOOD + '\n', v.citizen.token)).status).toBe(403);
  });

  it('a file with bad rows imports nothing and reports each bad row and column', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const bad = [
      'date,economic_code,functional_code,amount,counterparty,purpose,document_number',
      '2025-04-01,2111,7011,1000,A,ok row,1',
      '2025-04-02,2111,7011,12.345,A,bad amount,2',
      '2025-04-03,99999,,1000,A,unknown code,3',
      '2024-12-31,2111,7011,1000,A,outside the year,4',
      '2025-04-05,2111,7011,миң сом,A,text in amount,5',
      `2025-04-06,2111,7011,1000,A,${huge},6`,
      '2025-04-07,2231,,1000,A,ambiguous code,7',
    ].join('\n');
    const before = await count(api, 'budget_transactions');
    const started = await upload('LEDGER', 'bad.csv', bad);
    const r = await waitImport(started.body.id);
    expect(r.status).toBe('FAILED');
    expect(r.errors.map((e: { line: number; column: string | null; messageKey: string }) => [e.line, e.column, e.messageKey])).toEqual([
      [3, 'amount', 'errors.budgets.import.badAmount'],
      [4, 'economic_code', 'errors.budgets.import.unknownCode'],
      [5, 'date', 'errors.budgets.import.dateOutsideFiscalYear'],
      [6, 'amount', 'errors.budgets.import.notANumber'],
      [7, null, 'errors.budgets.import.lineTooLong'],
      [8, 'functional_code', 'errors.budgets.import.ambiguousCode'],
    ]);
    expect(await count(api, 'budget_transactions')).toBe(before);
    const report = await fetch(r.errorReportUrl.replace(api.config.publicUrl, api.baseUrl), { headers: { authorization: `Bearer ${v.a.token}` } });
    const text = await report.text();
    expect(report.headers.get('content-type')).toMatch(/text\/csv/);
    // The report speaks the language of the import when the download names none (here the default, Kyrgyz):
    // row, column, value, message, stable key.
    expect(text).toContain('Сап,Мамыча,Маани,Ката,Код\r\n');
    expect(text).toContain('4,economic_code,99999,Мындай код бул бюджетте жок.,errors.budgets.import.unknownCode');
    expect(text).not.toMatch(/^[^,]*,[^,]*,[^,]*,errors\./m);
    expect(text.length).toBeLessThan(3000);
    // ...and the downloader's language when it names one (Accept-Language, X-Lang or ?lang=).
    const inRussian = await (await fetch(r.errorReportUrl.replace(api.config.publicUrl, api.baseUrl), { headers: { authorization: `Bearer ${v.a.token}`, 'accept-language': 'ru-RU,ru;q=0.9' } })).text();
    expect(inRussian).toContain('Строка,Столбец,Значение,Ошибка,Код');
    expect(inRussian).toContain('4,economic_code,99999,Такого кода нет в этом бюджете.,errors.budgets.import.unknownCode');
    expect(inRussian).toContain('3,amount,12.345,Неверная сумма (не более двух знаков после запятой).,errors.budgets.import.badAmount');
    const viaQuery = await (await fetch(`${r.errorReportUrl.replace(api.config.publicUrl, api.baseUrl)}?lang=ky`, { headers: { authorization: `Bearer ${v.a.token}`, 'accept-language': 'ru' } })).text();
    expect(viaQuery).toContain('5,date,2024-12-31,Күн бюджеттик жылдан тышкары.,errors.budgets.import.dateOutsideFiscalYear');
  });

  it('an import started in Russian reports in Russian to a downloader who names no language', async () => {
    const res = await fetch(`${api.baseUrl}/api/budgets/${b.budgetId}/imports?kind=LEDGER&fileName=ru.csv`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'text/csv', 'x-lang': 'ru' }, body: 'date,economic_code,amount\n31.02.2025,2111,10\n' });
    expect(res.status).toBe(202);
    const r = await waitImport(((await res.json()) as { id: string }).id);
    expect(r.status).toBe('FAILED');
    const text = await (await fetch(r.errorReportUrl.replace(api.config.publicUrl, api.baseUrl), { headers: { authorization: `Bearer ${v.a.token}`, 'accept-language': '*' } })).text();
    expect(text).toContain('2,date,31.02.2025,31.02.2025 — такой даты нет.,errors.budgets.import.impossibleDate');
  });

  it('imports an XLSX ledger, using the column mapping saved for the community', async () => {
    ok(await gql(api.baseUrl, `mutation($input: ImportMappingInput!) { saveBudgetImportMapping(input: $input) }`, { input: { communityId: v.communityId, kind: 'LEDGER', columns: [{ field: 'date', header: 'Күнү' }, { field: 'economic_code', header: 'Код' }, { field: 'amount', header: 'Сумма' }, { field: 'counterparty', header: 'Алуучу' }] } }, { token: v.a.token }));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Чыгашалар');
    ws.addRow(['Күнү', 'Код', 'Сумма', 'Алуучу']);
    ws.addRow([new Date(Date.UTC(2025, 5, 1)), '2111', 99999.99, 'Мугалим']);
    ws.addRow(['2025-06-02', 11111, 10, 'Салык']);
    const started = await upload('LEDGER', 'ledger.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await waitImport(started.body.id);
    expect(r).toMatchObject({ status: 'DONE', importedRows: 2 });
    const rows = await api.dataSource.query(`SELECT occurred_on::text AS d, amount::text AS a, counterparty FROM budget_transactions WHERE import_id = $1 ORDER BY occurred_on`, [r.id]);
    expect(rows).toEqual([{ d: '2025-06-01', a: '9999999', counterparty: 'Мугалим' }, { d: '2025-06-02', a: '1000', counterparty: 'Салык' }]);
  });

  it('a job killed mid-way leaves nothing behind, and the rerun imports exactly once', async () => {
    const lines = ['date,economic_code,functional_code,amount'];
    for (let i = 0; i < 25_000; i++) lines.push(`2025-07-${String((i % 28) + 1).padStart(2, '0')},2111,7011,${(i % 500) + 1}.25`);
    // Insert the import row directly (no job), so that only our child process runs it.
    const [{ id }] = await api.dataSource.query(
      `INSERT INTO budget_imports (community_id, budget_id, kind, format, file_name, file_sha256, content, mapping, status, progress, created_by)
       VALUES ($1, $2, 'LEDGER', 'CSV', 'big.csv', 'kill-test', $3, '{}', 'QUEUED', 0, $4) RETURNING id`,
      [v.communityId, b.budgetId, Buffer.from(lines.join('\n')), v.a.id],
    );
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'kill-target.ts'), api.db.url, id], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    for (let i = 0; i < 600 && !out.includes('stalled'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain('stalled');
    // Rows of the first chunk exist inside the child's open transaction...
    const inFlight = await api.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'`, [api.db.name]);
    expect(inFlight[0].n).toBeGreaterThanOrEqual(1);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // ...and none of them survive the kill.
    for (let i = 0; i < 50; i++) {
      const left = await api.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'`, [api.db.name]);
      if (!left[0].n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await count(api, 'budget_transactions', `import_id = '${id}'`)).toBe(0);
    expect((await api.dataSource.query('SELECT status FROM budget_imports WHERE id = $1', [id]))[0].status).toBe('RUNNING');
    // The retry (what BullMQ does with a stalled job) imports everything once; a further run is a no-op.
    const audit = new AuditService();
    expect(await runImport(api.dataSource, audit, id)).toEqual({ status: 'DONE', imported: 25_000, errors: 0 });
    expect(await runImport(api.dataSource, audit, id)).toMatchObject({ status: 'SKIPPED' });
    expect(await count(api, 'budget_transactions', `import_id = '${id}'`)).toBe(25_000);
    // The monthly summary the public page reads (kept by triggers) agrees with the records.
    const sums = async () => (await api.dataSource.query(
      `SELECT (SELECT coalesce(sum(amount), 0)::text FROM budget_transactions WHERE budget_id = $1) AS records, (SELECT coalesce(sum(amount), 0)::text FROM budget_actuals_monthly WHERE budget_id = $1) AS summary`, [b.budgetId]))[0];
    const s = await sums();
    expect(s.summary).toBe(s.records);
  });

  it('exports round-trip: the CSV export imported into a new draft gives the same budget', async () => {
    const res = await fetch(`${api.baseUrl}/api/public/budgets/${b.budgetId}/versions/1/budget.csv`);
    expect(res.status).toBe(200);
    const csv = Buffer.from(await res.arrayBuffer());
    const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear: 2026, currency: 'KGS', title: { ru: 'Копия' } } }, { token: v.a.token })).createBudget;
    const started = await fetch(`${api.baseUrl}/api/budgets/${created.id}/imports?kind=BUDGET&fileName=export.csv`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'text/csv' }, body: csv });
    const r = await waitImport(((await started.json()) as { id: string }).id);
    expect(r).toMatchObject({ status: 'DONE', importedRows: 5 });
    const q = `SELECT direction, economic_code, functional_code, names, amount::text FROM budget_lines WHERE version_id = $1 ORDER BY economic_code, functional_code`;
    expect(await api.dataSource.query(q, [created.openVersion.id])).toEqual(await api.dataSource.query(q, [b.versionId]));
    // Drafts have no public URL.
    expect((await fetch(`${api.baseUrl}/api/public/budgets/${created.id}/versions/1/budget.csv`)).status).toBe(404);
  });

  it('exports round-trip through XLSX too', async () => {
    const xlsx = Buffer.from(await (await fetch(`${api.baseUrl}/api/public/budgets/${b.budgetId}/versions/1/budget.xlsx`)).arrayBuffer());
    const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear: 2027, currency: 'KGS', title: { ru: 'Копия XLSX' } } }, { token: v.a.token })).createBudget;
    const started = await fetch(`${api.baseUrl}/api/budgets/${created.id}/imports?kind=BUDGET&fileName=export.xlsx`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'application/octet-stream' }, body: xlsx as never });
    const r = await waitImport(((await started.json()) as { id: string }).id);
    expect(r).toMatchObject({ status: 'DONE', importedRows: 5 });
    const q = `SELECT direction, economic_code, functional_code, names, amount::text FROM budget_lines WHERE version_id = $1 ORDER BY economic_code, functional_code`;
    expect(await api.dataSource.query(q, [created.openVersion.id])).toEqual(await api.dataSource.query(q, [b.versionId]));
  });

  it('the Fiscal Data Package meets the specification: every required property, headers, types', async () => {
    const base = `${api.baseUrl}/api/public/budgets/${b.budgetId}/versions/1/fdp`;
    const descriptor = (await (await fetch(`${base}/datapackage.json`)).json()) as Record<string, any>;
    const csv = await (await fetch(`${base}/budget.csv`)).text();
    expect(checkFiscalDataPackage(descriptor, { 'budget.csv': csv })).toEqual([]);
    expect(descriptor.name).toMatch(/^[a-z0-9._-]+$/);
    expect(descriptor.title).toBeTruthy();
    expect(descriptor.profiles).toEqual({ fiscal: '*', tabular: '*' });
    expect(descriptor.resources[0]).toMatchObject({ name: 'budget', path: 'budget.csv' });
    expect(descriptor.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(csv.split('\r\n')[0].split(','));
    expect(Object.keys(descriptor.model.measures)).toEqual(['planned', 'executed', 'special_funds', 'forecast_year1', 'forecast_year2']);
    for (const m of Object.values(descriptor.model.measures) as Array<Record<string, unknown>>) expect(m).toMatchObject({ currency: 'KGS', source: expect.any(String) });
    expect(descriptor.model.measures.executed.phase).toBe('executed');
    expect(descriptor.model.dimensions.economic).toMatchObject({ dimensionType: 'classification', classificationType: 'economic', primaryKey: 'code' });
    expect(descriptor.model.dimensions.economic.attributes.code.source).toBe('economic_code');
    const read = readFiscalDataPackage(JSON.stringify(descriptor), { 'budget.csv': csv });
    expect(read.rows).toHaveLength(5);
    expect(read.rows.find((r) => r.economic_code === '2231' && r.functional_code === '7064')).toMatchObject({ planned: '450000.50', direction: 'expenditure' });
    // The checker is not a rubber stamp: break one required property at a time.
    expect(checkFiscalDataPackage({ ...descriptor, model: { ...descriptor.model, measures: {} } }, { 'budget.csv': csv }).map((p) => p.at)).toContain('model.measures');
    expect(checkFiscalDataPackage({ ...descriptor, name: 'Not A Slug' }, { 'budget.csv': csv }).map((p) => p.at)).toContain('name');
  });

  it('our reader loads the spec’s own worked examples, reporting their known flaws instead of failing', async () => {
    const results = Object.fromEntries(
      readdirSync(FDP_EXAMPLES).map((dir) => {
        const d = join(FDP_EXAMPLES, dir);
        const files = Object.fromEntries(readdirSync(d).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(d, f), 'utf8')]));
        return [dir, readFiscalDataPackage(readFileSync(join(d, 'datapackage.json'), 'utf8'), files)];
      }),
    );
    expect(Object.keys(results).sort()).toEqual(['entities-normalized', 'labels-and-hierarchies', 'minimal']);
    const minimal = results.minimal;
    expect(minimal.measures).toEqual([{ name: 'amount', source: 'expenditure', currency: 'USD', phase: null, direction: null, factor: 1 }]);
    expect(minimal.rows).toEqual([{ pk: '1', budget: '10000', budget_date: '01/01/2015' }]);
    expect(minimal.problems.map((p) => p.message).join('\n')).toMatch(/header "pk,budget,budget_date" does not match the schema fields "expenditure,year"/);
    expect(minimal.problems.map((p) => p.message).join('\n')).toMatch(/number format "currency"/);
    const lh = results['labels-and-hierarchies'];
    expect(lh.dimensions.find((d) => d.name === 'classification')?.attributes).toEqual(['level1_id', 'level1_title', 'level2_id', 'level2_title']);
    expect(lh.problems.some((p) => /01\/01\/2015.*ISO date/.test(p.message))).toBe(true);
    expect(results['entities-normalized'].problems.some((p) => p.at.startsWith('model.measures.amount.source'))).toBe(true);
  });

  it('export jobs: XLSX and FDP produced by the worker and downloadable by the group', async () => {
    const req = `mutation($input: RequestExportInput!) { requestBudgetExport(input: $input) { id status downloadUrl } }`;
    expect(firstError(await gql(api.baseUrl, req, { input: { versionId: b.versionId, format: 'XLSX' } }, { token: v.citizen.token })).extensions.code).toBe('FORBIDDEN');
    const e = ok(await gql(api.baseUrl, req, { input: { versionId: b.versionId, format: 'XLSX' } }, { token: v.a.token })).requestBudgetExport;
    let status = e.status;
    for (let i = 0; i < 200 && status !== 'DONE'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = ok(await gql(api.baseUrl, `query($id: ID!) { budgetExport(id: $id) { status progress } }`, { id: e.id }, { token: v.a.token })).budgetExport.status;
    }
    expect(status).toBe('DONE');
    const file = await fetch(e.downloadUrl.replace(api.config.publicUrl, api.baseUrl), { headers: { authorization: `Bearer ${v.a.token}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    // Sheet names and headers in the request's language (no X-Lang / Accept-Language here: Kyrgyz).
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Бюджет', 'Жыйынтык', 'Айлар боюнча']);
    expect(wb.worksheets[0].rowCount).toBe(6);
    expect(wb.worksheets[0].getRow(2).getCell(9).type).toBe(ExcelJS.ValueType.Number);
    // CSV for Excel as a job, in the language asked for.
    const c = ok(await gql(api.baseUrl, req, { input: { versionId: b.versionId, format: 'CSV_EXCEL', locale: 'ru' } }, { token: v.a.token })).requestBudgetExport;
    let cStatus = c.status;
    for (let i = 0; i < 200 && cStatus !== 'DONE'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      cStatus = ok(await gql(api.baseUrl, `query($id: ID!) { budgetExport(id: $id) { status } }`, { id: c.id }, { token: v.a.token })).budgetExport.status;
    }
    expect(cStatus).toBe('DONE');
    const csv = Buffer.from(await (await fetch(c.downloadUrl.replace(api.config.publicUrl, api.baseUrl), { headers: { authorization: `Bearer ${v.a.token}` } })).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Ключ строки;Вид;Экономический код');
    expect(csv.toString('utf8')).toContain(';450000,50;');
    expect(firstError(await gql(api.baseUrl, req, { input: { versionId: b.versionId, format: 'CSV_EXCEL', locale: 'de' } }, { token: v.a.token })).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('re-importing an amendment from a file keeps each line’s identity, so recorded spending still matches', async () => {
    const amend = ok(await gql(api.baseUrl, `mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { id } }`, { input: { versionId: b.versionId, reason: 'Жаңы келишим' } }, { token: v.a.token })).amendBudget;
    const keys = `SELECT direction, economic_code, functional_code, line_key FROM budget_lines WHERE version_id = $1 ORDER BY economic_code, functional_code`;
    const before = await api.dataSource.query(keys, [b.versionId]);
    const csv = Buffer.from(await (await fetch(`${api.baseUrl}/api/public/budgets/${b.budgetId}/versions/1/budget.csv`)).arrayBuffer());
    const started = await fetch(`${api.baseUrl}/api/budgets/${b.budgetId}/imports?kind=BUDGET&fileName=amended.csv`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'text/csv' }, body: csv });
    expect(await waitImport(((await started.json()) as { id: string }).id)).toMatchObject({ status: 'DONE', importedRows: 5 });
    expect(await api.dataSource.query(keys, [amend.id])).toEqual(before);
  });
});
