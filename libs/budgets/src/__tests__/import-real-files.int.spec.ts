import ExcelJS from 'exceljs';
import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { count, CREATE_BUDGET, platformAdmin, publishedBudget, village, Village } from './support';

/**
 * Issue 10: the files village budget groups really hold, generated here: Windows-1251 with `;` and a
 * title in thousands of som, UTF-8 with BOM and tabs in Kyrgyz, XLSX with a merged title, codes and
 * amounts stored as numbers and as text, formulas' cached totals and serial dates; totals, subtotals
 * and headings skipped and reported; a file in neither encoding refused with nothing written; the
 * preview's figures equal to what is stored, and a thousandfold unit mistake warned.
 */

/** Windows-1251 bytes of Russian text (ASCII, А-я, Ёё, NBSP): what Excel on a Russian Windows saves. */
function cp1251(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else if (c === 0xa0) out.push(0xa0);
    else throw new Error(`not in Windows-1251: ${ch}`);
  }
  return Buffer.from(out);
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** A village's budget as a Russian-locale Excel saves it: title rows, "(тыс. сом)", empty row, headings, subtotals and totals, decimal comma, NBSP thousands. */
const plan1251 = (withUnit = true) =>
  [
    'Бюджет Ак-Добинского айылного аймака на 2026 год',
    withUnit ? '(тыс. сом)' : 'Утвержден решением айылного кенеша',
    '',
    'Код;Наименование;Сумма',
    ';ДОХОДЫ;',
    `11111;Подоходный налог;1${NBSP}561,6`,
    '11311;Налог на недвижимое имущество;5,8',
    '13111;Аренда земель ФПСУ;83,6',
    `;Итого доходов;1${NBSP}651,0`,
    ';РАСХОДЫ;',
    `2111;Заработная плата;1${NBSP}200,5`,
    '2231;Коммунальные услуги;450',
    `;;1${NBSP}650,5`,
    `Всего;;3${NBSP}301,5`,
  ].join('\r\n') + '\r\n';

describe('budget imports of real files (real PostgreSQL, worker)', () => {
  let api: RunningApi;
  let v: Village;
  // 2026 is the preview test's: its previous budget is then 2025's.
  let year = 2027;

  beforeAll(async () => {
    api = await startApi({ label: 'budgetreal', redis: true, worker: true });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    // Last year's budget, in som: what a thousandfold unit mistake is measured against.
    await publishedBudget(api, v, 2025, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1651000' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '1650500' },
    ]);
  });
  afterAll(() => api?.stop());

  const newDraft = async (fiscalYear = year++) => {
    const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear, currency: 'KGS', title: { ru: 'Бюджет' } } }, { token: v.a.token })).createBudget;
    return { budgetId: created.id as string, versionId: created.openVersion.id as string };
  };
  const post = async (budgetId: string, kind: string, body: Buffer | string, query = '', headers: Record<string, string> = {}) => {
    const res = await fetch(`${api.baseUrl}/api/budgets/${budgetId}/imports?kind=${kind}&fileName=f${query}`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'application/octet-stream', ...headers }, body: body as never });
    return { status: res.status, body: (await res.json()) as any };
  };
  const IMPORT_Q = `query($id: ID!) { budgetImport(id: $id) { id status totalRows importedRows unit headerLine errors { line column messageKey value message } skippedRows { line reasonKey reason } } }`;
  const waitImport = async (id: string, lang = 'ru') => {
    for (let i = 0; i < 400; i++) {
      const r = ok(await gql(api.baseUrl, IMPORT_Q, { id }, { token: v.a.token, headers: { 'x-lang': lang } })).budgetImport;
      if (r.status === 'DONE' || r.status === 'FAILED') return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('import did not finish');
  };
  const totals = async (versionId: string) => {
    const rows: Array<{ direction: string; n: number; total: string }> = await api.dataSource.query(`SELECT direction, count(*)::int AS n, sum(amount)::text AS total FROM budget_lines WHERE version_id = $1 GROUP BY direction ORDER BY direction`, [versionId]);
    return Object.fromEntries(rows.map((r) => [r.direction, { n: r.n, total: r.total }]));
  };

  it('Windows-1251, `;`, a title in thousands of som, headings, subtotals and totals: imported exactly, the skipped rows reported', async () => {
    const d = await newDraft();
    const started = await post(d.budgetId, 'BUDGET', cp1251(plan1251()));
    expect(started.status).toBe(202);
    const r = await waitImport(started.body.id);
    expect(r).toMatchObject({ status: 'DONE', importedRows: 5, headerLine: 4, errors: [] });
    expect(r.skippedRows.map((s: { line: number; reasonKey: string }) => [s.line, s.reasonKey])).toEqual([
      [5, 'budgets.import.skip.heading'],
      [9, 'budgets.import.skip.total'],
      [10, 'budgets.import.skip.heading'],
      [13, 'budgets.import.skip.subtotal'],
      [14, 'budgets.import.skip.total'],
    ]);
    expect(r.skippedRows[1].reason).toBe('Строка итогов: пропущена.');
    // 1 561,6 + 5,8 + 83,6 thousand som = 1 651 000 som; the side from the code (no side column).
    expect(await totals(d.versionId)).toEqual({ EXPENDITURE: { n: 2, total: '165050000' }, REVENUE: { n: 3, total: '165100000' } });
    const names: Array<{ name: string }> = await api.dataSource.query(`SELECT names->>'ru' AS name FROM budget_lines WHERE version_id = $1 ORDER BY economic_code`, [d.versionId]);
    expect(names.map((n) => n.name)).toEqual(['Подоходный налог', 'Налог на недвижимое имущество', 'Аренда земель ФПСУ', 'Заработная плата', 'Коммунальные услуги']);
    expect(JSON.stringify(names)).not.toContain('\ufffd');
  });

  it('UTF-8 with BOM, tabs, Kyrgyz headers with "миң сом", apostrophe and narrow-NBSP thousands, a "Бардыгы" row', async () => {
    const d = await newDraft();
    const text = ['Коду\tФункционалдык код\tАталышы\tСуммасы (миң сом)', "11111\t\tКиреше салыгы\t1'200", '2111\t7011\tЭмгек акы\t800,25', '2231\t7064\tКоммуналдык кызматтар\t0,5', `Бардыгы\t\t\t2${NNBSP}000,75`].join('\n');
    const r = await waitImport((await post(d.budgetId, 'BUDGET', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).body.id, 'ky');
    expect(r).toMatchObject({ status: 'DONE', importedRows: 3, headerLine: 1 });
    expect(r.skippedRows).toEqual([{ line: 5, reasonKey: 'budgets.import.skip.total', reason: 'Жыйынтык сап: өткөрүлүп жиберилди.' }]);
    expect(await totals(d.versionId)).toEqual({ EXPENDITURE: { n: 2, total: '80075000' }, REVENUE: { n: 1, total: '120000000' } });
    const ky: Array<{ name: string; f: string | null }> = await api.dataSource.query(`SELECT names->>'ky' AS name, functional_code AS f FROM budget_lines WHERE version_id = $1 ORDER BY economic_code`, [d.versionId]);
    expect(ky).toEqual([
      { name: 'Киреше салыгы', f: null },
      { name: 'Эмгек акы', f: '7011' },
      { name: 'Коммуналдык кызматтар', f: '7064' },
    ]);
  });

  it('XLSX: a merged title, codes and amounts stored as numbers and as text, formulas (cached values) as subtotal and total', async () => {
    const d = await newDraft();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Бюджет');
    ws.getCell('A1').value = 'Бюджет на 2026 год';
    ws.mergeCells('A1:C1');
    ws.getCell('A3').value = 'Код';
    ws.getCell('B3').value = 'Наименование';
    ws.getCell('C3').value = 'Сумма, сом';
    ws.addRow([]);
    ws.getRow(4).values = [11111, 'Подоходный налог', 1000000.5];
    ws.getRow(5).values = ['13111', 'Аренда', '250 000,50'];
    ws.getRow(6).values = [null, null, { formula: 'SUM(C4:C5)', result: 1250001 } as never];
    ws.getRow(7).values = [2111, 'Заработная плата', 999999.99];
    ws.getRow(8).values = ['Итого', null, { formula: 'C6+C7', result: 2250000.99 } as never];
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await waitImport((await post(d.budgetId, 'BUDGET', xlsx)).body.id);
    expect(r).toMatchObject({ status: 'DONE', importedRows: 3, headerLine: 3 });
    expect(r.skippedRows.map((s: { line: number; reasonKey: string }) => [s.line, s.reasonKey])).toEqual([
      [6, 'budgets.import.skip.subtotal'],
      [8, 'budgets.import.skip.total'],
    ]);
    expect(await totals(d.versionId)).toEqual({ EXPENDITURE: { n: 1, total: '99999999' }, REVENUE: { n: 2, total: '125000100' } });
    expect((await api.dataSource.query(`SELECT economic_code FROM budget_lines WHERE version_id = $1 ORDER BY economic_code`, [d.versionId])).map((x: { economic_code: string }) => x.economic_code)).toEqual(['11111', '13111', '2111']);
  });

  it('XLSX ledger: dates as date cells, as bare serial numbers and as text; amounts as numbers', async () => {
    const b = await publishedBudget(api, v, year++, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '900000' },
    ]);
    const fy = year - 1;
    const serial = (y: number, m: number, dd: number) => (Date.UTC(y, m - 1, dd) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Журнал');
    ws.addRow(['Журнал расходов и поступлений']);
    ws.addRow(['Дата', 'Код', 'Сумма', 'Назначение']);
    ws.addRow([new Date(Date.UTC(fy, 0, 31)), 2111, 150000, 'Январь айлык']);
    ws.addRow([serial(fy, 2, 10), 2111, 150000.5, 'Февраль айлык']);
    ws.addRow([`15.03.${fy}`, '11111', 40000, 'Киреше салыгы']);
    ws.addRow(['Итого', null, 340000.5]);
    const r = await waitImport((await post(b.budgetId, 'LEDGER', Buffer.from(await wb.xlsx.writeBuffer()))).body.id);
    expect(r).toMatchObject({ status: 'DONE', importedRows: 3, headerLine: 2 });
    expect(r.skippedRows).toEqual([expect.objectContaining({ line: 6, reasonKey: 'budgets.import.skip.total' })]);
    const got = await api.dataSource.query(`SELECT kind, occurred_on::text AS d, amount::text AS amount FROM budget_transactions WHERE import_id = $1 ORDER BY occurred_on`, [r.id]);
    expect(got).toEqual([
      { kind: 'SPENDING', d: `${fy}-01-31`, amount: '15000000' },
      { kind: 'SPENDING', d: `${fy}-02-10`, amount: '15000050' },
      { kind: 'RECEIPT', d: `${fy}-03-15`, amount: '4000000' },
    ]);
  });

  it('an impossible date and a wrong format are different messages, in the report in the import language, by file line and header', async () => {
    const b = await publishedBudget(api, v, year++, [{ direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '900000' }]);
    const fy = year - 1;
    const csv = ['Дата;Код;Сумма', `31.02.${fy};2111;10`, `5 марта;2111;10`, `01.03.${fy};2111;10`].join('\n');
    const r = await waitImport((await post(b.budgetId, 'LEDGER', csv, '', { 'x-lang': 'ru' })).body.id);
    expect(r.status).toBe('FAILED');
    expect(r.errors.map((e: { line: number; column: string; messageKey: string }) => [e.line, e.column, e.messageKey])).toEqual([
      [2, 'Дата', 'errors.budgets.import.impossibleDate'],
      [3, 'Дата', 'errors.budgets.import.badDateFormat'],
    ]);
    expect(r.errors[0].message).toBe(`31.02.${fy} — такой даты нет.`);
    const report = await (await fetch(`${api.baseUrl}/api/budgets/imports/${r.id}/errors.csv`, { headers: { authorization: `Bearer ${v.a.token}` } })).text();
    expect(report).toContain(`2,Дата,31.02.${fy},31.02.${fy} — такой даты нет.,errors.budgets.import.impossibleDate`);
    expect(report).toContain('3,Дата,5 марта,"Пишите даты в виде ДД.ММ.ГГГГ (например, 31.03.2026).",errors.budgets.import.badDateFormat');
    expect(await count(api, 'budget_transactions', `import_id = '${r.id}'`)).toBe(0);
  });

  it('a file in neither UTF-8 nor Windows-1251 (UTF-16 "Unicode text") is refused, naming the encodings, and writes nothing', async () => {
    const d = await newDraft();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Код\tСумма\r\n11111\t100\r\n', 'utf16le')]);
    const before = await count(api, 'budget_lines', `version_id = '${d.versionId}'`);
    const r = await waitImport((await post(d.budgetId, 'BUDGET', utf16)).body.id);
    expect(r.status).toBe('FAILED');
    expect(r.errors).toEqual([expect.objectContaining({ line: 1, column: null, messageKey: 'errors.budgets.import.encoding' })]);
    expect(r.errors[0].message).toContain('UTF-8, CP1251');
    expect(await count(api, 'budget_lines', `version_id = '${d.versionId}'`)).toBe(before);
  });

  it('preview: nothing written, a thousandfold unit mistake warned; with the unit chosen the confirmed import stores exactly the preview', async () => {
    const d = await newDraft(2026);
    const file = cp1251(plan1251(false)); // amounts in thousands, but the file does not say so
    const imports = await count(api, 'budget_imports');
    const first = await post(d.budgetId, 'BUDGET', file, '&preview=1', { 'x-lang': 'ru' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ format: 'CSV', encoding: 'WINDOWS-1251', separator: ';', headerLine: 4, unit: 'ONE', unitSource: 'DEFAULT', sideFrom: 'CODE', lineCount: 5, revenueTotal: '165100', expenditureTotal: '165050' });
    expect(first.body.columns).toEqual([
      { field: 'economic_code', header: 'Код' },
      { field: 'name_ru', header: 'Наименование' },
      { field: 'amount', header: 'Сумма' },
    ]);
    expect(first.body.warnings).toEqual([
      {
        messageKey: 'budgets.import.warning.muchSmaller',
        params: [
          { name: 'ratio', value: '1000' },
          { name: 'previous', value: '3301500.00' },
        ],
        message: expect.stringContaining('1000 раз меньше'),
      },
    ]);
    expect(first.body.skipped).toHaveLength(5);
    expect(await count(api, 'budget_imports')).toBe(imports);
    expect(await count(api, 'budget_lines', `version_id = '${d.versionId}'`)).toBe(0);

    // The same through GraphQL, with the unit chosen: no warning; then confirmed with that unit.
    const q = `query($input: StartBudgetImportInput!) { previewBudgetImport(input: $input) { unit unitSource lineCount revenueTotal expenditureTotal warnings { messageKey } rows { line direction economicCode label amount } skipped { line reasonKey reason } errors { messageKey } } }`;
    const input = { budgetId: d.budgetId, kind: 'BUDGET', fileName: 'plan.csv', contentBase64: file.toString('base64'), unit: 'THOUSAND' };
    const p = ok(await gql(api.baseUrl, q, { input }, { token: v.a.token })).previewBudgetImport;
    expect(p).toMatchObject({ unit: 'THOUSAND', unitSource: 'CHOSEN', lineCount: 5, revenueTotal: '165100000', expenditureTotal: '165050000', warnings: [], errors: [] });
    expect(p.rows[0]).toEqual({ line: 6, direction: 'REVENUE', economicCode: '11111', label: 'Подоходный налог', amount: '156160000' });
    expect(await count(api, 'budget_imports')).toBe(imports);

    const started = await post(d.budgetId, 'BUDGET', file, '&unit=THOUSAND');
    const r = await waitImport(started.body.id);
    expect(r).toMatchObject({ status: 'DONE', unit: 'THOUSAND', importedRows: p.lineCount });
    expect(r.skippedRows.map((s: { line: number }) => s.line)).toEqual(p.skipped.map((s: { line: number }) => s.line));
    const stored = await totals(d.versionId);
    expect(stored.REVENUE.total).toBe(p.revenueTotal);
    expect(stored.EXPENDITURE.total).toBe(p.expenditureTotal);
    const rows = await api.dataSource.query(`SELECT direction, economic_code AS "economicCode", names->>'ru' AS label, amount::text AS amount FROM budget_lines WHERE version_id = $1 ORDER BY economic_code`, [d.versionId]);
    expect(rows.map((x: object) => x)).toEqual(expect.arrayContaining(p.rows.map(({ line: _line, ...rest }: { line: number }) => rest)));
  });

  it('ledger preview with the columns chosen (a header we do not know) equals what the confirmed import stores', async () => {
    const b = await publishedBudget(api, v, year++, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '900000' },
    ]);
    const fy = year - 1;
    const csv = ['Төлөм күнү;Статья;Канча;Эмне үчүн', `10.01.${fy};2111;12${NBSP}500,75;Айлык`, `11.01.${fy};11111;4000;Салык`, `12.01.${fy};2111;99,25;Айлык`, `;;16${NBSP}600,00;`].join('\n');
    const columns = [
      { field: 'date', header: 'Төлөм күнү' },
      { field: 'economic_code', header: 'Статья' },
      { field: 'amount', header: 'Канча' },
      { field: 'purpose', header: 'Эмне үчүн' },
    ];
    const q = `query($input: StartBudgetImportInput!) { previewBudgetImport(input: $input) { lineCount revenueTotal expenditureTotal columns { field header } rows { line kind date economicCode label amount } skipped { line reasonKey } errors { messageKey } } }`;
    const input = { budgetId: b.budgetId, kind: 'LEDGER', fileName: 'l.csv', contentBase64: Buffer.from(csv).toString('base64'), columns };
    const p = ok(await gql(api.baseUrl, q, { input }, { token: v.a.token })).previewBudgetImport;
    expect(p).toMatchObject({ lineCount: 3, revenueTotal: '400000', expenditureTotal: '1260000', errors: [], skipped: [{ line: 5, reasonKey: 'budgets.import.skip.subtotal' }] });
    expect(p.rows[0]).toEqual({ line: 2, kind: 'SPENDING', date: `${fy}-01-10`, economicCode: '2111', label: 'Айлык', amount: '1250075' });
    // Without the columns the file is not readable (no date column we know): the preview says so.
    const without = ok(await gql(api.baseUrl, q, { input: { ...input, columns: null } }, { token: v.a.token })).previewBudgetImport;
    expect(without.errors.map((e: { messageKey: string }) => e.messageKey)).toContain('errors.budgets.import.missingColumn');
    const started = ok(await gql(api.baseUrl, `mutation($input: StartBudgetImportInput!) { startBudgetImport(input: $input) { id } }`, { input }, { token: v.a.token })).startBudgetImport;
    const r = await waitImport(started.id);
    expect(r).toMatchObject({ status: 'DONE', importedRows: p.lineCount });
    const sums = await api.dataSource.query(`SELECT kind, sum(amount)::text AS total FROM budget_transactions WHERE import_id = $1 GROUP BY kind ORDER BY kind`, [r.id]);
    expect(sums).toEqual([
      { kind: 'RECEIPT', total: p.revenueTotal },
      { kind: 'SPENDING', total: p.expenditureTotal },
    ]);
  });
});
