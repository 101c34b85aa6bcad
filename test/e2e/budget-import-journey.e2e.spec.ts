/**
 * Issue 10's browser journey, on a 360×740 Chromium in Kyrgyz: a budget-group member uploads the budget
 * as a Russian-locale Excel saves it (Windows-1251, `;`, a title row naming "тыс. сом", a header in
 * Russian, a heading, an "Итого" totals row, NBSP thousands separators, decimal comma), sees the preview
 * in Kyrgyz (the encoding, the unit, the lines, totals per side, the rows left out with their reason,
 * which file column is read as which field), confirms, and after another member publishes, the public
 * budget page shows the totals computed here from the generated rows, to the tyiyn. axe on the preview.
 * Screenshots in test-artifacts/e2e (import-*.png).
 */
import { Locale, translate } from '@ashar/i18n';
import { Page } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { PASSWORD, platformAdmin, PUBLISH, SUBMIT, village, Village } from '../../libs/budgets/src/__tests__/support';
import { formatMinor } from '../../apps/web/src/pages/budget/money';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);
const NBSP = '\u00a0';

const web = webOnApi('e2eimport', { redis: true, worker: true });
let api: RunningApi;
let akDobo: Village;

beforeAll(async () => {
  ({ api } = web);
  akDobo = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө бюджеттик тобу');
});

/** Windows-1251 bytes (ASCII, А-я, Ёё, NBSP, №): what Excel on a Russian Windows saves. */
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

/** Thousands of som with up to 5 decimals as the file writes it: NBSP groups, decimal comma ("1 561,60012"). */
function thousands(minor: bigint): string {
  // 1 thousand som = 100,000 tyiyn.
  const whole = (minor / 100_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const frac = (minor % 100_000n).toString().padStart(5, '0').replace(/0+$/, '');
  return frac ? `${whole},${frac}` : whole;
}

const LINES: Array<{ code: string; name: string; minor: bigint }> = [
  { code: '11111', name: 'Подоходный налог', minor: 156_160_012n },
  { code: '11311', name: 'Налог на имущество', minor: 580_000n },
  { code: '13111', name: 'Выравнивающий грант', minor: 303_700_050n },
  { code: '2111', name: 'Заработная плата', minor: 250_000_000n },
  { code: '2231', name: 'Уличное освещение', minor: 45_000_001n },
];
const side = (code: string) => (code.startsWith('1') ? 'REVENUE' : 'EXPENDITURE');
const REVENUE = LINES.filter((l) => side(l.code) === 'REVENUE').reduce((s, l) => s + l.minor, 0n);
const EXPENDITURE = LINES.filter((l) => side(l.code) === 'EXPENDITURE').reduce((s, l) => s + l.minor, 0n);

/** The file, and the file lines of what it leaves out: the heading, the totals. */
const FILE = [
  'Бюджет Ак-Добинского айылного аймака на 2028 год (тыс. сом)',
  '',
  'Код;Наименование;Сумма',
  ';ДОХОДЫ;',
  ...LINES.map((l) => `${l.code};${l.name};${thousands(l.minor)}`),
  `Итого;;${thousands(REVENUE + EXPENDITURE)}`,
].join('\r\n') + '\r\n';
const HEADING_LINE = 4;
const TOTAL_LINE = 4 + LINES.length + 1;

function phoneAs(email: string): Promise<Page> {
  return web.open(`${api.baseUrl}/`, { login: email, password: PASSWORD }, PHONE);
}

test('a member uploads a Windows-1251 budget in thousands of som on a phone, reads the preview in Kyrgyz, confirms, and the public page shows its totals to the tyiyn', async () => {
  const created = ok(await gql(api.baseUrl, `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id openVersion { id } } }`, { input: { communityId: akDobo.communityId, fiscalYear: 2028, currency: 'KGS', population: 4800, title: { ky: 'Ак-Дөбө 2028', ru: 'Ак-Дебе 2028' } } }, { token: akDobo.a.token })).createBudget;
  const a = await phoneAs(akDobo.a.email);
  await a.goto(`${api.baseUrl}/budgets/${created.id}/edit`, { waitUntil: 'networkidle' });
  await a.getByLabel(tr('ky', 'budgets.import.linesLabel')).setInputFiles({ name: 'бюджет-2028.csv', mimeType: 'text/csv', buffer: cp1251(FILE) });

  // The preview, in Kyrgyz.
  const preview = a.locator('section.import-preview');
  await preview.getByRole('heading', { name: tr('ky', 'budgets.import.preview.title', { name: 'бюджет-2028.csv' }) }).waitFor();
  const fact = async (key: string) => (await preview.locator('dt', { hasText: tr('ky', key) }).first().locator('xpath=following-sibling::dd[1]').innerText()).trim();
  expect(await fact('budgets.import.preview.encoding')).toBe('CP1251');
  expect(await fact('budgets.import.preview.unit')).toBe(tr('ky', 'budgets.import.preview.unitThousand'));
  expect(await fact('budgets.import.preview.headerLine')).toBe('3');
  expect(await fact('budgets.import.preview.lines')).toBe(String(LINES.length));
  expect(await fact('budgets.import.preview.revenue')).toBe(formatMinor(String(REVENUE), 'ky'));
  expect(await fact('budgets.import.preview.expenditure')).toBe(formatMinor(String(EXPENDITURE), 'ky'));
  const skipped = await preview.locator('.import-preview__skipped li').allInnerTexts();
  expect(skipped).toEqual([
    `${tr('ky', 'budgets.import.row')} ${HEADING_LINE}: ${tr('ky', 'budgets.import.skip.heading')}`,
    `${tr('ky', 'budgets.import.row')} ${TOTAL_LINE}: ${tr('ky', 'budgets.import.skip.total')}`,
  ]);
  // Which file column is read as which field: a choice per column.
  expect(await preview.getByLabel(tr('ky', 'budgets.import.preview.columnLabel', { header: 'Код' })).inputValue()).toBe('economic_code');
  expect(await preview.getByLabel(tr('ky', 'budgets.import.preview.columnLabel', { header: 'Наименование' })).inputValue()).toBe('name_ru');
  expect(await preview.getByLabel(tr('ky', 'budgets.import.preview.columnLabel', { header: 'Сумма' })).inputValue()).toBe('amount');
  const sideFrom = tr('ky', 'budgets.import.preview.sideFromUsed', { from: tr('ky', 'budgets.import.preview.side.CODE') });
  await preview.getByText(sideFrom).waitFor();
  await a.screenshot({ path: artifact('import-01-preview-ky.png'), fullPage: true });
  expect(await axeSeriousViolations(a)).toEqual([]);
  expect(await a11yProblems(a)).toEqual([]);

  // The mapping is editable: the amount column taken off is checked again on the stored upload (no second
  // upload) and the file cannot be imported without it; put back, the figures return.
  const confirmButton = preview.getByRole('button', { name: tr('ky', 'budgets.import.preview.confirm', { rows: LINES.length }) });
  const amountColumn = preview.getByLabel(tr('ky', 'budgets.import.preview.columnLabel', { header: 'Сумма' }));
  const uploads: string[] = [];
  a.on('request', (r) => {
    if (r.url().includes('/imports?')) uploads.push(r.url());
  });
  await amountColumn.selectOption('');
  expect(await confirmButton.isDisabled()).toBe(true); // changed, not checked yet
  await preview.getByRole('button', { name: tr('ky', 'budgets.import.preview.apply') }).click();
  await preview.getByRole('alert').filter({ hasText: tr('ky', 'errors.budgets.import.missingColumn') }).waitFor();
  await a.screenshot({ path: artifact('import-02-mapping-ky.png'), fullPage: true });
  await amountColumn.selectOption('amount');
  await preview.getByRole('button', { name: tr('ky', 'budgets.import.preview.apply') }).click();
  await a.waitForFunction((want) => [...document.querySelectorAll('section.import-preview dd')].some((d) => d.textContent?.trim() === want), formatMinor(String(REVENUE), 'ky'));
  expect(await fact('budgets.import.preview.lines')).toBe(String(LINES.length));
  expect(uploads).toEqual([]);

  // Confirm: the import runs from the stored upload with those settings.
  await confirmButton.click();
  await a.getByRole('status').filter({ hasText: tr('ky', 'budgets.import.done', { rows: LINES.length }) }).waitFor({ timeout: 30_000 });
  await a.screenshot({ path: artifact('import-03-done-ky.png'), fullPage: true });

  // The columns are saved for the community (offered with its next file).
  const [saved] = await api.dataSource.query(`SELECT mapping FROM budget_import_mappings WHERE community_id = $1 AND kind = 'BUDGET'`, [akDobo.communityId]);
  expect(saved.mapping).toMatchObject({ economic_code: 'Код', name_ru: 'Наименование', amount: 'Сумма' });
  expect(uploads).toEqual([]);

  // Submitted by this member, published by another (four eyes), then the public page.
  const version = ok(await gql(api.baseUrl, `query($id: ID!) { budget(id: $id) { openVersion { id revision lines { direction economicCode amount names { ru } } } } }`, { id: created.id }, { token: akDobo.a.token })).budget.openVersion;
  expect(version.lines.map((l: { economicCode: string; amount: string; names: { ru: string } }) => [l.economicCode, l.amount, l.names.ru]).sort()).toEqual(LINES.map((l) => [l.code, String(l.minor), l.name]).sort());
  const sub = ok(await gql(api.baseUrl, SUBMIT, { input: { versionId: version.id, expectedRevision: version.revision } }, { token: akDobo.a.token })).submitBudgetVersion;
  ok(await gql(api.baseUrl, PUBLISH, { input: { versionId: version.id, expectedRevision: sub.revision, commentsUntil: '2099-01-01' } }, { token: akDobo.b.token }));

  const visitor = await (await web.browser.newContext(PHONE)).newPage();
  await visitor.goto(`${api.baseUrl}/budgets/${created.id}`, { waitUntil: 'networkidle' });
  const summary = visitor.locator('.budget-summary');
  await summary.waitFor();
  const dd = async (key: string) => (await summary.locator('div', { has: visitor.locator('dt', { hasText: tr('ky', key) }) }).first().locator('dd').innerText()).trim();
  expect(await dd('budgets.public.revenue')).toContain(formatMinor(String(REVENUE), 'ky'));
  expect(await dd('budgets.public.expenditure')).toContain(formatMinor(String(EXPENDITURE), 'ky'));
  await visitor.screenshot({ path: artifact('import-04-public-ky.png'), fullPage: true });
});
