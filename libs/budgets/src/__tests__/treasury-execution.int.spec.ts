import ExcelJS from 'exceljs';
import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { checkFiscalDataPackage } from '../domain/fiscal-data-package';
import { frictionlessCheck } from './frictionless';
import { count, platformAdmin, publishedBudget, RECORD, village, Village } from './support';

/**
 * Issue 10 item 6: execution from the treasury's report (plan, revised plan, cumulative actual per code, as of
 * a date) imported on the shared pipeline, files generated here (Windows-1251 `;` in thousands of som with a
 * title naming the date; an XLSX with numbers and numbers stored as text, the date chosen at upload), stored
 * as dated snapshots beside the payments, the quarterly view from both, the FDP `executed` measure with the
 * report's date, and bad files that store nothing.
 */

/** Windows-1251 bytes of Russian text (ASCII, А-я, Ёё, NBSP). */
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

/** The treasury's Q1 report as a Russian-locale Excel saves it: title with the date, "(тыс. сом)", a group row, a totals row. */
const q1Report = [
  'Отчет об исполнении местного бюджета по состоянию на 01.04.2026',
  '(тыс. сом)',
  '',
  'Код;Наименование;Утвержденный план;Уточненный план;Исполнено с начала года',
  `11;Налоги;1${NBSP}561,6;1${NBSP}600,0;400,2`,
  `11111;Подоходный налог;1${NBSP}561,6;1${NBSP}600,0;400,2`,
  '13111;Выравнивающий грант;83,6;83,6;20,9',
  `2111;Заработная плата;1${NBSP}200,5;1${NBSP}250,0;310,25`,
  '2231;Коммунальные услуги;450;450;99,99',
  `Итого;;;;831,34`,
].join('\r\n');

const QUARTERLY = `query($id: ID!) { budget(id: $id) { publicVersion {
  quarterly { executedSource executedAsOf paymentsRevenue paymentsExpenditure
    treasury { asOf lineCount revenue { approvedPlan revisedPlan actual } expenditure { approvedPlan revisedPlan actual } }
    sides { direction planned quarters { quarter planned treasuryActual treasuryAsOf paymentsActual actual source } }
    lines { economicCode planned quarters { quarter treasuryActual paymentsActual actual source } } }
  treasurySnapshots { asOf lineCount expenditure { actual } } } } }`;

describe('execution from the treasury report (real PostgreSQL, worker)', () => {
  let api: RunningApi;
  let v: Village;
  let b: Awaited<ReturnType<typeof publishedBudget>>;

  beforeAll(async () => {
    api = await startApi({ label: 'budgettreasury', redis: true, worker: true });
    v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө');
    b = await publishedBudget(api, v, 2026, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1561600' },
      { direction: 'REVENUE', economicCode: '13111', amount: '83600' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '1200500' },
      { direction: 'EXPENDITURE', economicCode: '2231', amount: '450000' },
    ]);
    // One payment entered by hand in February: the payments' series, never added to the treasury's.
    ok(await gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2026-02-10', amount: '100 000', documentNumber: 'П-1', attachments: [] } }, { token: v.a.token }));
  });
  afterAll(() => api?.stop());

  const post = async (body: Buffer, query = '') => {
    const res = await fetch(`${api.baseUrl}/api/budgets/${b.budgetId}/imports?kind=TREASURY&fileName=treasury${query}`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'application/octet-stream', 'x-lang': 'ru' }, body: body as never });
    return { status: res.status, body: (await res.json()) as any };
  };
  const IMPORT_Q = `query($id: ID!) { budgetImport(id: $id) { id kind status importedRows asOf errors { line column messageKey value message } skippedRows { line reasonKey } } }`;
  const waitImport = async (id: string) => {
    for (let i = 0; i < 400; i++) {
      const r = ok(await gql(api.baseUrl, IMPORT_Q, { id }, { token: v.a.token, headers: { 'x-lang': 'ru' } })).budgetImport;
      if (r.status === 'DONE' || r.status === 'FAILED') return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('import did not finish');
  };
  const stored = () => api.dataSource.query(`SELECT s.as_of::text AS "asOf", l.economic_code AS code, l.line_key AS "lineKey", l.approved_plan::text AS approved, l.revised_plan::text AS revised, l.cumulative_actual::text AS actual, l.is_group AS "isGroup" FROM budget_treasury_lines l JOIN budget_treasury_snapshots s ON s.id = l.snapshot_id WHERE s.budget_id = $1 ORDER BY s.as_of, l.position`, [b.budgetId]);

  it('Windows-1251 `;` in thousands with the date in its title: the preview says what is stored, then stored exactly as a snapshot', async () => {
    const file = cp1251(q1Report);
    const preview = await post(file, '&preview=1');
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body).toMatchObject({ encoding: 'WINDOWS-1251', separator: ';', headerLine: 4, unit: 'THOUSAND', asOf: '2026-04-01', asOfSource: 'TITLE', lineCount: 5, errorCount: 0 });
    // Groups (11 above 11111) are stored but not added: 400,2 + 20,9 thousand received; 310,25 + 99,99 spent.
    expect(preview.body.revenueTotal).toBe('42110000');
    expect(preview.body.expenditureTotal).toBe('41024000');
    expect(preview.body.treasuryTotals).toEqual({ revenueApprovedPlan: '164520000', revenueRevisedPlan: '168360000', expenditureApprovedPlan: '165050000', expenditureRevisedPlan: '170000000', groupRows: 1 });
    expect(preview.body.skipped.map((s: { line: number; reasonKey: string }) => [s.line, s.reasonKey])).toEqual([[10, 'budgets.import.skip.total']]);
    expect(await count(api, 'budget_treasury_snapshots', `budget_id = '${b.budgetId}'`)).toBe(0);

    const started = await post(file);
    expect(started.status).toBe(202);
    const r = await waitImport(started.body.id);
    expect(r).toMatchObject({ kind: 'TREASURY', status: 'DONE', importedRows: 5, asOf: '2026-04-01', errors: [] });
    const rows = await stored();
    expect(rows).toEqual([
      { asOf: '2026-04-01', code: '11', lineKey: null, approved: '156160000', revised: '160000000', actual: '40020000', isGroup: true },
      { asOf: '2026-04-01', code: '11111', lineKey: b.keys['11111'], approved: '156160000', revised: '160000000', actual: '40020000', isGroup: false },
      { asOf: '2026-04-01', code: '13111', lineKey: b.keys['13111'], approved: '8360000', revised: '8360000', actual: '2090000', isGroup: false },
      { asOf: '2026-04-01', code: '2111', lineKey: b.keys['2111'], approved: '120050000', revised: '125000000', actual: '31025000', isGroup: false },
      { asOf: '2026-04-01', code: '2231', lineKey: b.keys['2231'], approved: '45000000', revised: '45000000', actual: '9999000', isGroup: false },
    ]);
    // The payments are untouched: the report is beside them, not in them.
    expect(await count(api, 'budget_transactions', `budget_id = '${b.budgetId}'`)).toBe(1);

    const q = ok(await gql(api.baseUrl, QUARTERLY, { id: b.budgetId })).budget.publicVersion;
    expect(q.quarterly).toMatchObject({ executedSource: 'TREASURY', executedAsOf: '2026-04-01', paymentsRevenue: '0', paymentsExpenditure: '10000000' });
    expect(q.quarterly.treasury).toEqual({ asOf: '2026-04-01', lineCount: 5, revenue: { approvedPlan: '164520000', revisedPlan: '168360000', actual: '42110000' }, expenditure: { approvedPlan: '165050000', revisedPlan: '170000000', actual: '41024000' } });
    const exp = q.quarterly.sides.find((s: { direction: string }) => s.direction === 'EXPENDITURE');
    // "As of 1 April" closes Q1; the quarters' plans add up to the year's plan (165 050 000 / 4).
    expect(exp.planned).toBe('165050000');
    expect(exp.quarters).toEqual([
      { quarter: 1, planned: '41262500', treasuryActual: '41024000', treasuryAsOf: '2026-04-01', paymentsActual: '10000000', actual: '41024000', source: 'TREASURY' },
      { quarter: 2, planned: '41262500', treasuryActual: null, treasuryAsOf: null, paymentsActual: '0', actual: '0', source: 'PAYMENTS' },
      { quarter: 3, planned: '41262500', treasuryActual: null, treasuryAsOf: null, paymentsActual: '0', actual: '0', source: 'PAYMENTS' },
      { quarter: 4, planned: '41262500', treasuryActual: null, treasuryAsOf: null, paymentsActual: '0', actual: '0', source: 'PAYMENTS' },
    ]);
  });

  it('XLSX with numbers and numbers stored as text, the date chosen at upload: Q2 is the difference of the two reports; the FDP executed carries its date', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Аткарылышы');
    ws.addRow(['Коду', 'Аталышы', 'Бекитилген план', 'Тактоолгон план', 'Аткарылды']);
    ws.addRow([11111, 'Киреше салыгы', 1561600, '1 600 000', 900400.5]);
    ws.addRow(['13111', 'Теңдештирүүчү грант', '83 600', 83600, '41 800,00']);
    ws.addRow([2111, 'Эмгек акы', 1200500, 1250000, 700000]);
    ws.addRow([2231, 'Коммуналдык кызматтар', 450000, 450000, '200 000']);
    const r = await waitImport((await post(Buffer.from(await wb.xlsx.writeBuffer()), '&asOf=2026-06-30')).body.id);
    expect(r).toMatchObject({ status: 'DONE', importedRows: 4, asOf: '2026-06-30' });
    const q = ok(await gql(api.baseUrl, QUARTERLY, { id: b.budgetId })).budget.publicVersion;
    expect(q.treasurySnapshots.map((s: { asOf: string }) => s.asOf)).toEqual(['2026-04-01', '2026-06-30']);
    const line = q.quarterly.lines.find((l: { economicCode: string }) => l.economicCode === '11111');
    expect(line.quarters.slice(0, 2)).toEqual([
      { quarter: 1, treasuryActual: '40020000', paymentsActual: '0', actual: '40020000', source: 'TREASURY' },
      { quarter: 2, treasuryActual: '50020050', paymentsActual: '0', actual: '50020050', source: 'TREASURY' },
    ]);
    const rev = q.quarterly.sides.find((s: { direction: string }) => s.direction === 'REVENUE');
    expect(rev.quarters[1]).toMatchObject({ treasuryActual: String(90040050n + 4180000n - 42110000n), treasuryAsOf: '2026-06-30' });
    expect(q.quarterly).toMatchObject({ executedSource: 'TREASURY', executedAsOf: '2026-06-30' });

    // FDP: executed = the newest report's cumulative per line, as of its date; still a valid package.
    const base = `${api.baseUrl}/api/public/budgets/${b.budgetId}/versions/1/fdp`;
    const descriptor = (await (await fetch(`${base}/datapackage.json`)).json()) as Record<string, any>;
    const csv = await (await fetch(`${base}/budget.csv`)).text();
    const report = await frictionlessCheck(descriptor, { 'budget.csv': csv });
    expect(report).toMatchObject({ profile: [], load: [], rows: [] });
    expect(checkFiscalDataPackage(descriptor, { 'budget.csv': csv })).toEqual([]);
    expect(descriptor.model.measures.executed).toMatchObject({ phase: 'executed', asOf: '2026-06-30' });
    expect(descriptor.model.measures.executed.description).toMatch(/treasury/);
    const executed = Object.fromEntries(report.data.budget.map((row: Record<string, unknown>) => [row.line_id, Math.round(Number(row.executed) * 100)]));
    expect(executed).toEqual({ [b.keys['11111']]: 90040050, [b.keys['13111']]: 4180000, [b.keys['2111']]: 70000000, [b.keys['2231']]: 20000000 });
  });

  it('a corrected report for the same date replaces that snapshot; bad files and settings store nothing', async () => {
    const corrected = ['Код;Исполнено с начала года, тыс. сом', '11111;901,0', '13111;41,8', '2111;700', '2231;200'].join('\r\n');
    const r = await waitImport((await post(Buffer.from(corrected, 'utf8'), '&asOf=2026-06-30')).body.id);
    expect(r.status).toBe('DONE');
    const june = (await stored()).filter((x: { asOf: string }) => x.asOf === '2026-06-30');
    expect(june.map((x: { code: string; actual: string; approved: string | null }) => [x.code, x.actual, x.approved])).toEqual([['11111', '90100000', null], ['13111', '4180000', null], ['2111', '70000000', null], ['2231', '20000000', null]]);
    expect(await count(api, 'budget_treasury_snapshots', `budget_id = '${b.budgetId}'`)).toBe(2);

    const before = { snapshots: await count(api, 'budget_treasury_snapshots'), lines: await count(api, 'budget_treasury_lines') };
    const bad: Array<[string, string, string]> = [
      ['Код;Исполнено\r\n11111;10\r\n99999;5', '&asOf=2026-09-30', 'errors.budgets.import.unknownCode'],
      ['Код;Исполнено\r\n11111;10\r\n2111;5', '', 'errors.budgets.import.asOfMissing'],
      ['Код;Исполнено\r\n11111;10\r\n11111;5', '&asOf=2026-09-30', 'errors.budgets.import.duplicateCode'],
      ['Код;Исполнено\r\n11111;-10', '&asOf=2026-09-30', 'errors.budgets.import.amountNotPositive'],
      ['Отчет по состоянию на 01.04.2025\r\nКод;Исполнено\r\n11111;10', '', 'errors.budgets.import.asOfOutsideFiscalYear'],
      ['Код;Исполнено\r\n11111;десять', '&asOf=2026-09-30', 'errors.budgets.import.notANumber'],
    ];
    for (const [body, query, key] of bad) {
      const done = await waitImport((await post(Buffer.from(body, 'utf8'), query)).body.id);
      expect({ key, status: done.status, keys: done.errors.map((e: { messageKey: string }) => e.messageKey) }).toEqual({ key, status: 'FAILED', keys: expect.arrayContaining([key]) });
      expect(done.errors.every((e: { message: string }) => e.message && !e.message.startsWith('errors.'))).toBe(true);
    }
    // Settings refused before anything is stored: a date outside the year, not a date, a date on another kind.
    for (const query of ['&asOf=2025-12-31', '&asOf=2026-02-30', '&asOf=soon']) expect((await post(Buffer.from('Код;Исполнено\r\n11111;10'), query)).status).toBe(400);
    const ledger = await fetch(`${api.baseUrl}/api/budgets/${b.budgetId}/imports?kind=LEDGER&fileName=l&asOf=2026-03-31`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}` }, body: 'x' });
    expect(ledger.status).toBe(400);
    expect({ snapshots: await count(api, 'budget_treasury_snapshots'), lines: await count(api, 'budget_treasury_lines') }).toEqual(before);
  });
});
