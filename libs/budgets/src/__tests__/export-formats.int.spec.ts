import ExcelJS from 'exceljs';
import { parseCsv, parseMajorAmount } from '@ashar/kernel';
import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { checkFiscalDataPackage } from '../domain/fiscal-data-package';
import { EXPORT_CSV_HEADER } from '../services/export.renderer';
import { frictionlessCheck } from './frictionless';
import { platformAdmin, publishedBudget, RECORD, village, Village } from './support';

/** Cell value (number, from Excel) → minor units, exactly for two decimals. */
const minor = (v: number) => BigInt(Math.round(v * 100));

describe('exports for the tools people use: XLSX with numbers and formulas, CSV for Excel, FDP through frictionless (real PostgreSQL)', () => {
  let api: RunningApi;
  let v: Village;
  let b: Awaited<ReturnType<typeof publishedBudget>>;
  const url = (file: string) => `${api.baseUrl}/api/public/budgets/${b.budgetId}/versions/1/${file}`;

  beforeAll(async () => {
    api = await startApi({ label: 'budgetexports' });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    b = await publishedBudget(api, v, 2025, [
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2600000' },
      { direction: 'REVENUE', economicCode: '11111', amount: '1000000.10' },
      { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '450000.50' },
      { direction: 'REVENUE', economicCode: '13111', amount: '3000000' },
    ]);
    const record = (code: string, occurredOn: string, amount: string) =>
      gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: b.keys[code], occurredOn, amount, documentNumber: 'Д-1', attachments: [] } }, { token: v.a.token }).then(ok);
    await record('2111', '2025-01-31', '150000.25');
    await record('2111', '2025-02-28', '150000');
    await record('11111', '2025-03-15', '40000.05');
    await record('2231', '2025-12-31', '0.01');
  });
  afterAll(() => api?.stop());

  const dbLines = async () =>
    (await api.dataSource.query(`SELECT line_key, direction, economic_code, amount::text AS amount FROM budget_lines WHERE version_id = $1`, [b.versionId])) as Array<{ line_key: string; direction: string; economic_code: string; amount: string }>;
  const dbActuals = async () =>
    new Map(((await api.dataSource.query(`SELECT line_key, sum(amount)::text AS s FROM budget_transactions WHERE budget_id = $1 GROUP BY line_key`, [b.budgetId])) as Array<{ line_key: string; s: string }>).map((r) => [r.line_key, BigInt(r.s)]));

  it('XLSX: amounts are numbers formatted #,##0.00, codes text, a frozen header in the asked language, totals per side as SUM formulas with cached results', async () => {
    const res = await fetch(`${url('budget.xlsx')}?lang=ru`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Бюджет', 'Итоги', 'По месяцам']);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Ключ строки', 'Вид', 'Экономический код', 'Функциональный код', 'Название на кыргызском', 'Название на русском', 'Название на английском', 'Название на казахском', 'Сумма', 'Исполнено', 'Специальные средства', 'Прогноз на 2026', 'Прогноз на 2027']);
    const lines = await dbLines();
    const actuals = await dbActuals();
    expect(ws.rowCount).toBe(1 + lines.length);
    const seen: Array<[string, string, bigint, bigint]> = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(9).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(10).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(9).numFmt).toBe('#,##0.00');
      seen.push([String(row.getCell(1).value), String(row.getCell(2).value), minor(row.getCell(9).value as number), minor(row.getCell(10).value as number)]);
    }
    // Revenue lines first (one block per side), each amount to the tyiyn.
    expect(seen.map((s) => s[1])).toEqual(['Доходы', 'Доходы', 'Расходы', 'Расходы']);
    for (const [key, , amount, actual] of seen) {
      const l = lines.find((x) => x.line_key === key)!;
      expect(amount).toBe(BigInt(l.amount));
      expect(actual).toBe(actuals.get(key) ?? 0n);
    }
    // Totals per side: formulas over the lines sheet, cached results equal to the sum of the cells.
    const sm = wb.worksheets[1];
    const rowOf = (label: string) => sm.getRows(1, sm.rowCount)!.find((r) => r.getCell(1).value === label)!;
    const sumOf = (dir: string, col: 2 | 3) => seen.filter((s) => s[1] === dir).reduce((a, s) => a + s[col], 0n);
    for (const [label, dir] of [['Всего доходов', 'Доходы'], ['Всего расходов', 'Расходы']]) {
      const row = rowOf(label);
      for (const [col, idx] of [[2, 2], [3, 3]] as const) {
        const cell = row.getCell(col);
        expect(cell.type).toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toMatch(/^SUM\('Бюджет'!(I|J)\d+:(I|J)\d+\)$/);
        expect(minor(cell.result as number)).toBe(sumOf(dir, idx));
      }
    }
    expect(minor(rowOf('Всего доходов').getCell(2).result as number)).toBe(400000010n);
    expect(minor(rowOf('Всего расходов').getCell(3).result as number)).toBe(30000026n);
    const balance = rowOf('Профицит (+) или дефицит (−)').getCell(2);
    expect(balance.formula).toMatch(/^B\d+-B\d+$/);
    expect(minor(balance.result as number)).toBe(400000010n - 305000050n);
    // Dates are dates: the execution's as-of date (the 2025 year is over: its last day).
    const asOf = rowOf('Исполнение на дату').getCell(2);
    expect(asOf.type).toBe(ExcelJS.ValueType.Date);
    expect((asOf.value as Date).toISOString().slice(0, 10)).toBe('2025-12-31');
    // By month: month headers are dates, a SUM per line and per side.
    const mw = wb.worksheets[2];
    expect(mw.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((mw.getRow(1).getCell(5).value as Date).toISOString().slice(0, 10)).toBe('2025-01-01');
    const salaries = mw.getRows(2, mw.rowCount - 1)!.find((r) => r.getCell(3).value === '2111')!;
    expect(minor(salaries.getCell(5).value as number)).toBe(15000025n);
    expect(salaries.getCell(17).formula).toMatch(/^SUM\(E\d+:P\d+\)$/);
    expect(minor(salaries.getCell(17).result as number)).toBe(30000025n);
  });

  it('XLSX speaks Kyrgyz by default, and each language names its sheets', async () => {
    const names = async (lang?: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await (await fetch(lang ? `${url('budget.xlsx')}?lang=${lang}` : url('budget.xlsx'))).arrayBuffer()) as never);
      return [wb.worksheets.map((w) => w.name), (wb.worksheets[0].getRow(1).values as unknown[])[3]];
    };
    expect(await names()).toEqual([['Бюджет', 'Жыйынтык', 'Айлар боюнча'], 'Экономикалык код']);
    expect(await names('en')).toEqual([['Budget', 'Totals', 'By month'], 'Economic code']);
    expect(await names('kk')).toEqual([['Бюджет', 'Қорытынды', 'Айлар бойынша'], 'Экономикалық код']);
  });

  it('CSV for Excel: UTF-8 BOM, `;`, decimal comma, CRLF, and it parses back to the same amounts; the standard CSV stays as it was', async () => {
    const res = await fetch(url('budget-excel.csv'), { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text, ';').map((r) => r.cells);
    expect(rows[0]).toEqual(['Ключ строки', 'Вид', 'Экономический код', 'Функциональный код', 'Название на кыргызском', 'Название на русском', 'Название на английском', 'Название на казахском', 'Сумма', 'Исполнено', 'Специальные средства', 'Прогноз на 2026', 'Прогноз на 2027']);
    expect(text).toContain(';450000,50;0,01;0,00;;\r\n');
    const lines = await dbLines();
    const actuals = await dbActuals();
    expect(rows.length - 1).toBe(lines.length);
    for (const r of rows.slice(1)) {
      expect(r[8]).toMatch(/^\d+,\d{2}$/);
      const l = lines.find((x) => x.line_key === r[0])!;
      expect(parseMajorAmount(r[8])).toBe(BigInt(l.amount));
      expect(parseMajorAmount(r[9])).toBe(actuals.get(r[0]) ?? 0n);
    }
    const standard = await (await fetch(url('budget.csv'))).text();
    expect(standard.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(EXPORT_CSV_HEADER.join(','));
    expect(standard).toContain(',450000.50,0.01,0.00,,\r\n');
    // The public version offers it beside the others.
    const q = `query($id: ID!) { budget(id: $id) { publicVersion { exportLinks { csv csvExcel xlsx json datapackage } } } }`;
    const links = ok(await gql(api.baseUrl, q, { id: b.budgetId })).budget.publicVersion.exportLinks;
    expect(links.csvExcel).toMatch(new RegExp(`/api/public/budgets/${b.budgetId}/versions/1/budget-excel.csv$`));
  });

  it('FDP: the exported package passes the frictionless fiscal-data-package profile, loads strictly, every row casts; executed carries its as-of date', async () => {
    const descriptor = (await (await fetch(url('fdp/datapackage.json'))).json()) as Record<string, any>;
    const csv = await (await fetch(url('fdp/budget.csv'))).text();
    const report = await frictionlessCheck(descriptor, { 'budget.csv': csv });
    expect(report).toMatchObject({ profile: [], load: [], rows: [] });
    expect(checkFiscalDataPackage(descriptor, { 'budget.csv': csv })).toEqual([]);
    expect(descriptor.countryCode).toBe('KG');
    expect(descriptor.model.measures.executed).toMatchObject({ phase: 'executed', currency: 'KGS', asOf: '2025-12-31' });
    expect(descriptor.resources[0].schema.fields.find((f: { name: string }) => f.name === 'executed').title).toBe('Executed as of 2025-12-31');
    // The rows as frictionless cast them equal the database, to the tyiyn.
    const lines = await dbLines();
    const actuals = await dbActuals();
    expect(report.data.budget).toHaveLength(lines.length);
    for (const row of report.data.budget) {
      const l = lines.find((x) => x.line_key === row.line_id)!;
      expect(minor(row.planned as number)).toBe(BigInt(l.amount));
      expect(minor(row.executed as number)).toBe(actuals.get(l.line_key) ?? 0n);
    }
    // And it can fail: a lower-case country code (what the export wrote before) is refused by the profile.
    const broken = await frictionlessCheck({ ...descriptor, countryCode: 'kg' }, { 'budget.csv': csv });
    expect(broken.profile.join('\n')).toMatch(/countryCode/);
  });
});
