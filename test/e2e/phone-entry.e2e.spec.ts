/**
 * Data entry that suits a phone (issue 9), on a 360×740 Chromium:
 * - a budget-group member creates a budget typing the population as "4 200" and an amount as "1 234,50";
 *   both are stored (the page after a reload, the API's minor units and the database agree);
 * - the editor's lines are cards: no sideways scrolling, totals and Save always in view, each error next to
 *   its own box;
 * - every numeric box of the budget forms is swept with locale-formatted input ("4 200", "4 200" with a
 *   no-break or a narrow no-break space, "1 234,50"): the value reaches the request, or the box says why
 *   not; a numeric box the sweep does not know fails the test;
 * - sign-up and log-in with "0700 123 456" (Kyrgyz community) and "8 701 123 4567" (Kazakh one).
 * Screenshots in test-artifacts/e2e (phone-*.png).
 */
import { Locale, translate } from '@ashar/i18n';
import { Page, Request } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { community, PASSWORD, platformAdmin, Person, publishedBudget, village, Village } from '../../libs/budgets/src/__tests__/support';
import { a11yProblems, artifact, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (locale: Locale, key: string, params?: Record<string, string | number>) => translate(locale, key, params);
const INVITE = `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`;
const BUDGET = `query($id: ID!) { budget(id: $id) { population title { ky kk } openVersion { lines { economicCode amount names { ky kk } } } } }`;

const web = webOnApi('e2ephone', { redis: true, worker: true });
let api: RunningApi;
let platform: Person;
let akDobo: Village;

beforeAll(async () => {
  ({ api } = web);
  platform = await platformAdmin(api);
  akDobo = await village(api, platform, '41707220840000', 'Ак-Дөбө бюджеттик тобу');
});

/** A phone at the home page, logged in through the Kyrgyz form when `email` is given. */
function phoneAs(email: string | null): Promise<Page> {
  return web.open(`${api.baseUrl}/`, email ? { login: email, password: PASSWORD } : undefined, PHONE);
}

async function switchLanguage(page: Page, to: Locale) {
  await page.getByRole('button', { name: tr(to, `language.name.${to}`), exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, to);
}

/** The variables of the next GraphQL operation `name` the page sends while `act` runs. */
async function variablesOf(page: Page, name: string, act: () => Promise<void>): Promise<{ input: Record<string, unknown> }> {
  const sent = page.waitForRequest((r: Request) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes(`mutation ${name}`), { timeout: 10_000 });
  await act();
  return JSON.parse((await sent).postData()!).variables;
}

/** Numeric boxes on the page (classification code boxes, which pick from a list, and our date boxes are not numbers). */
const numericBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('main input[inputmode="numeric"], main input[inputmode="decimal"], main input[type="number"]')]
      .filter((i) => !i.hasAttribute('list') && !i.hasAttribute('data-date'))
      .map((i) => i.getAttribute('aria-label') ?? i.labels?.[0]?.textContent ?? i.id),
  );

test('a budget-group member enters "4 200" residents and "1 234,50" som on a phone, and both are stored', async () => {
  const a = await phoneAs(akDobo.a.email);
  await a.goto(`${api.baseUrl}/communities/${akDobo.communityId}/budgets`, { waitUntil: 'networkidle' });
  await a.getByLabel(tr('ky', 'budgets.list.fiscalYear')).fill('2027');
  await a.getByLabel(tr('ky', 'budgets.list.titleKy')).fill('2027-жылдын бюджети');
  await a.getByLabel(tr('ky', 'budgets.list.titleKk')).fill('2027 жылғы бюджет');
  // Typed key by key, as on a phone keyboard.
  await a.getByLabel(tr('ky', 'budgets.list.population')).pressSequentially('4 200');
  await a.screenshot({ path: artifact('phone-01-new-budget-ky.png'), fullPage: true });
  const created = await variablesOf(a, 'CreateBudget', () => a.getByRole('button', { name: tr('ky', 'budgets.list.create') }).click());
  expect(created.input).toMatchObject({ fiscalYear: 2027, population: 4200, title: { ky: '2027-жылдын бюджети', kk: '2027 жылғы бюджет' } });
  await a.waitForURL(/\/budgets\/[0-9a-f-]{36}\/edit$/);
  const budgetId = /budgets\/([0-9a-f-]{36})/.exec(a.url())![1];

  const cell = (key: string, row: number) => a.getByLabel(tr('ky', key, { row }), { exact: true });
  await cell('budgets.editor.economicCodeOfRow', 1).fill('13111');
  await cell('budgets.editor.nameKyOfRow', 1).fill('Теңдештирүүчү грант');
  await cell('budgets.editor.nameKkOfRow', 1).fill('Теңестіру гранты');
  await cell('budgets.editor.amountOfRow', 1).pressSequentially('1 234,50');
  await cell('budgets.editor.economicCodeOfRow', 2).fill('2111');
  await cell('budgets.editor.functionalCodeOfRow', 2).fill('7011');
  await cell('budgets.editor.amountOfRow', 2).fill('4\u00a0200');

  // Cards, not a 7-column grid: nothing wider than the phone; totals and Save in view without scrolling.
  expect(await a11yProblems(a)).toEqual([]);
  const totals = a.getByRole('group', { name: tr('ky', 'budgets.editor.totals') });
  const totalsText = (await totals.innerText()).replace(/[\u00a0\u202f]/g, ' ');
  expect(totalsText).toContain('1 234,50');
  expect(totalsText).toContain('4 200');
  expect(await totals.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
  await a.evaluate(() => window.scrollTo(0, 0));
  const box = await totals.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(740 + 1);
  await a.screenshot({ path: artifact('phone-02-editor-cards-ky.png') });

  const saved = await variablesOf(a, 'SaveLines', () => totals.getByRole('button', { name: tr('ky', 'budgets.editor.save') }).click());
  expect((saved.input.lines as Array<{ amount: string }>).map((l) => l.amount)).toEqual(['1234.50', '4200.00']);
  await a.getByRole('status').filter({ hasText: tr('ky', 'budgets.editor.saved') }).waitFor();

  // After a reload the boxes hold what was typed; the API and the database hold exact minor units.
  await a.reload({ waitUntil: 'networkidle' });
  await expect(cell('budgets.editor.amountOfRow', 1).inputValue()).resolves.toBe('1234.50');
  await expect(cell('budgets.editor.amountOfRow', 2).inputValue()).resolves.toBe('4200');
  await expect(cell('budgets.editor.nameKkOfRow', 1).inputValue()).resolves.toBe('Теңестіру гранты');
  const fromApi = ok(await gql(api.baseUrl, BUDGET, { id: budgetId }, { token: akDobo.a.token })).budget;
  expect(fromApi.population).toBe(4200);
  expect(fromApi.title).toEqual({ ky: '2027-жылдын бюджети', kk: '2027 жылғы бюджет' });
  expect(fromApi.openVersion.lines.map((l: { economicCode: string; amount: string }) => [l.economicCode, l.amount])).toEqual([
    ['13111', '123450'],
    ['2111', '420000'],
  ]);
  expect(fromApi.openVersion.lines[0].names).toEqual({ ky: 'Теңдештирүүчү грант', kk: 'Теңестіру гранты' });
  const [row] = await api.dataSource.query(`SELECT population FROM budgets WHERE id = $1`, [budgetId]);
  expect(row.population).toBe(4200);

  // On a desktop the content column does not scroll sideways either.
  await a.setViewportSize({ width: 1280, height: 800 });
  const overflow = await a.evaluate(() => {
    const main = document.querySelector('main')!;
    const wide = [...main.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > main.getBoundingClientRect().right + 1 && getComputedStyle(el).position !== 'fixed');
    return { page: document.documentElement.scrollWidth - window.innerWidth, main: main.scrollWidth - main.clientWidth, wide: wide.slice(0, 3).map((el) => el.tagName + '.' + el.className) };
  });
  expect(overflow).toEqual({ page: 0, main: 0, wide: [] });
  await a.screenshot({ path: artifact('phone-02b-editor-desktop-ky.png'), fullPage: true });
  await a.setViewportSize({ width: 360, height: 740 });

  // Import feedback: after a save, importing a file (headers and directions in Kyrgyz) ends with its own
  // result, not with the older "Draft saved".
  await totals.getByRole('button', { name: tr('ky', 'budgets.editor.save') }).click();
  await a.getByRole('status').filter({ hasText: tr('ky', 'budgets.editor.saved') }).waitFor();
  await a.getByLabel(tr('ky', 'budgets.import.linesLabel')).setInputFiles({
    name: 'бюджет.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Түрү,Экономикалык код,Функционалдык код,Кыргызча аталышы,Казакча аталышы,Сумма\nКиреше,13111,,Теңдештирүүчү грант,Теңестіру гранты,"1 234,50"\nЧыгаша,2111,7011,,,4 200\n'),
  });
  // First the preview (nothing written yet): the rows as they will be stored, then the person confirms.
  await a.getByRole('heading', { name: tr('ky', 'budgets.import.preview.title', { name: 'бюджет.csv' }) }).waitFor();
  await a.screenshot({ path: artifact('phone-03p-import-preview-ky.png'), fullPage: true });
  await a.getByRole('button', { name: tr('ky', 'budgets.import.preview.confirm', { rows: 2 }) }).click();
  await a.getByRole('status').filter({ hasText: tr('ky', 'budgets.import.done', { rows: 2 }) }).waitFor();
  await a.waitForTimeout(1000); // the budget reloads after the import: the result must survive it
  await a.getByRole('status').filter({ hasText: tr('ky', 'budgets.import.done', { rows: 2 }) }).waitFor();
  expect(await a.getByRole('status').filter({ hasText: tr('ky', 'budgets.editor.saved') }).count()).toBe(0);
  await expect(cell('budgets.editor.amountOfRow', 1).inputValue()).resolves.toBe('1234.50');
  await a.screenshot({ path: artifact('phone-03a-import-result-ky.png'), fullPage: true });

  // Errors sit next to their box: an amount that reads two ways (said before sending), an unknown code (said by the API).
  await cell('budgets.editor.amountOfRow', 2).fill('1,234');
  await totals.getByRole('button', { name: tr('ky', 'budgets.editor.save') }).click();
  const card2 = a.locator('.line-card').nth(1);
  await card2.locator('.field__error', { hasText: tr('ky', 'errors.number.ambiguous') }).waitFor();
  expect(await a.evaluate(() => document.activeElement?.id)).toBe('amount-1');
  await cell('budgets.editor.amountOfRow', 2).fill('4 200');
  await cell('budgets.editor.economicCodeOfRow', 2).fill('99999');
  await totals.getByRole('button', { name: tr('ky', 'budgets.editor.save') }).click();
  await card2.locator('.field__error', { hasText: tr('ky', 'errors.budgets.unknownCode', { code: '99999' }) }).waitFor();
  await expect(cell('budgets.editor.economicCodeOfRow', 2).getAttribute('aria-invalid')).resolves.toBe('true');
  await a.screenshot({ path: artifact('phone-03-editor-error-at-box-ky.png'), fullPage: true });
  await a.context().close();
});

test('every numeric box of the budget forms takes "4 200", NBSP and narrow-NBSP groups and "1 234,50"', async () => {
  const { budgetId } = await publishedBudget(api, akDobo, 2026, [
    { direction: 'REVENUE', economicCode: '13111', amount: '1000000' },
    { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '500000' },
  ]);
  const page = await phoneAs(akDobo.a.email);
  const covered = new Set<string>();
  const WHOLE = ['4 200', '4\u00a0200', '4\u202f200', '4200'];
  const AMOUNTS: Array<[string, string]> = [['4 200', '420000'], ['4\u00a0200', '420000'], ['4\u202f200', '420000'], ['1 234,50', '123450'], ['1\u00a0234,50', '123450'], ['1234.5', '123450']];

  // 1. New budget: fiscal year and population.
  await page.goto(`${api.baseUrl}/communities/${akDobo.communityId}/budgets`, { waitUntil: 'networkidle' });
  for (const box of await numericBoxes(page)) covered.add(`new-budget:${box}`);
  let year = 2030;
  for (const typed of WHOLE) {
    await page.goto(`${api.baseUrl}/communities/${akDobo.communityId}/budgets`, { waitUntil: 'networkidle' });
    await page.getByLabel(tr('ky', 'budgets.list.fiscalYear')).fill(String(year));
    await page.getByLabel(tr('ky', 'budgets.list.titleKy')).fill(`Бюджет ${year}`);
    await page.getByLabel(tr('ky', 'budgets.list.population')).fill(typed);
    const v = await variablesOf(page, 'CreateBudget', () => page.getByRole('button', { name: tr('ky', 'budgets.list.create') }).click());
    expect([typed, v.input.population]).toEqual([typed, 4200]);
    await page.waitForURL(/\/edit$/);
    year++;
  }
  // A population with decimals is said at its box, not dropped.
  await page.goto(`${api.baseUrl}/communities/${akDobo.communityId}/budgets`, { waitUntil: 'networkidle' });
  await page.getByLabel(tr('ky', 'budgets.list.fiscalYear')).fill('2040');
  await page.getByLabel(tr('ky', 'budgets.list.titleKy')).fill('Бюджет 2041');
  await page.getByLabel(tr('ky', 'budgets.list.population')).fill('1 234,50');
  await page.getByRole('button', { name: tr('ky', 'budgets.list.create') }).click();
  await page.locator('.field__error', { hasText: tr('ky', 'errors.number.notWhole') }).waitFor();
  // Year typed with a group space is still a year.
  await page.getByLabel(tr('ky', 'budgets.list.fiscalYear')).fill('2\u00a0041');
  await page.getByLabel(tr('ky', 'budgets.list.population')).fill('');
  const y = await variablesOf(page, 'CreateBudget', () => page.getByRole('button', { name: tr('ky', 'budgets.list.create') }).click());
  expect(y.input.fiscalYear).toBe(2041);
  await page.waitForURL(/\/edit$/);

  // 2. The draft editor's amounts (the budget just created has an empty draft).
  for (const [typed, minor] of AMOUNTS) {
    await page.reload({ waitUntil: 'networkidle' });
    for (const box of await numericBoxes(page)) covered.add(`editor:${box.replace(/\d+/g, 'N')}`);
    await page.getByLabel(tr('ky', 'budgets.editor.economicCodeOfRow', { row: 1 }), { exact: true }).fill('13111');
    await page.getByLabel(tr('ky', 'budgets.editor.amountOfRow', { row: 1 }), { exact: true }).fill(typed);
    const v = await variablesOf(page, 'SaveLines', () => page.getByRole('button', { name: tr('ky', 'budgets.editor.save') }).click());
    const sent = (v.input.lines as Array<{ amount: string }>)[0].amount;
    expect([typed, sent]).toEqual([typed, `${minor.slice(0, -2)}.${minor.slice(-2)}`]);
    await page.getByRole('status').filter({ hasText: tr('ky', 'budgets.editor.saved') }).waitFor();
  }

  // 3. The spending form of a published budget: the typed text reaches the API, which stores exact minor units.
  await page.goto(`${api.baseUrl}/budgets/${budgetId}/edit`, { waitUntil: 'networkidle' });
  for (const box of await numericBoxes(page)) covered.add(`execution:${box}`);
  for (const [typed, minor] of AMOUNTS) {
    await page.getByLabel(tr('ky', 'budgets.execution.line')).selectOption({ index: 1 });
    await page.getByLabel(tr('ky', 'budgets.execution.date')).fill('2026-03-15');
    await page.getByLabel(tr('ky', 'budgets.execution.amount')).fill(typed);
    const answer = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('mutation RecordTransaction'));
    await page.getByRole('button', { name: tr('ky', 'budgets.execution.record') }).click();
    const body = await (await answer).json();
    expect([typed, body.errors ?? null]).toEqual([typed, null]);
    const [stored] = await api.dataSource.query(`SELECT amount::text AS amount FROM budget_transactions WHERE id = $1`, [body.data.recordBudgetTransaction.id]);
    expect([typed, stored.amount]).toEqual([typed, minor]);
    await page.getByRole('status').filter({ hasText: tr('ky', 'budgets.execution.recorded') }).first().waitFor();
  }

  // Every numeric box seen on these pages was swept: a new one fails here until it is added above.
  expect([...covered].sort()).toEqual(
    [
      `new-budget:${tr('ky', 'budgets.list.fiscalYear')}`,
      `new-budget:${tr('ky', 'budgets.list.population')}`,
      `editor:${tr('ky', 'budgets.editor.amountOfRow', { row: 'N' })}`,
      `execution:${tr('ky', 'budgets.execution.amount')}`,
    ].sort(),
  );
  await page.context().close();
});

test('sign-up and log-in with "0700 123 456" in a Kyrgyz community and "8 701 123 4567" in a Kazakh one', async () => {
  const kzCommunity = await community(api, platform, '101033000', 'Абырал ауылдық округінің бюджеттік тобы');
  const invite = async (communityId: string) => ok(await gql(api.baseUrl, INVITE, { input: { communityId, role: 'CITIZEN' } }, { token: platform.token })).createInvitation.token as string;
  const cases = [
    { locale: 'ky' as Locale, communityId: akDobo.communityId, country: 'KG', typed: '0700 123 456', e164: '+996700123456', name: 'Айбек' },
    { locale: 'kk' as Locale, communityId: kzCommunity, country: 'KZ', typed: '8 701 123 4567', e164: '+77011234567', name: 'Асқар' },
  ];
  for (const c of cases) {
    const token = await invite(c.communityId);
    const page = await phoneAs(null);
    await page.goto(`${api.baseUrl}/`, { waitUntil: 'networkidle' });
    await switchLanguage(page, c.locale);
    await page.goto(`${api.baseUrl}/signup?next=${encodeURIComponent(`/invitations/${token}`)}`, { waitUntil: 'networkidle' });
    // The phone's country follows the language (kk → Kazakhstan).
    await expect(page.getByLabel(tr(c.locale, 'auth.field.phoneCountry')).inputValue()).resolves.toBe(c.country);
    await page.getByLabel(tr(c.locale, 'auth.field.displayName'), { exact: true }).fill(c.name);
    await page.getByLabel(tr(c.locale, 'auth.field.login'), { exact: true }).pressSequentially(c.typed);
    await page.getByLabel(tr(c.locale, 'auth.field.password'), { exact: true }).fill('a long password 1');
    await page.screenshot({ path: artifact(`phone-04-signup-${c.locale}.png`), fullPage: true });
    await page.getByRole('button', { name: tr(c.locale, 'auth.signUp.submit') }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/invitations/'));
    const rows = await api.dataSource.query(`SELECT phone FROM accounts WHERE display_name = $1`, [c.name]);
    expect(rows).toEqual([{ phone: c.e164 }]);
    await page.context().close();

    // Log-in with the same local writing, on another phone.
    const again = await phoneAs(null);
    await again.goto(`${api.baseUrl}/`, { waitUntil: 'networkidle' });
    await switchLanguage(again, c.locale);
    await again.goto(`${api.baseUrl}/login`, { waitUntil: 'networkidle' });
    // First a number nobody can have: said at the box, not "wrong login or password".
    await again.getByLabel(tr(c.locale, 'auth.field.login'), { exact: true }).fill(c.typed.slice(0, 7));
    await again.getByLabel(tr(c.locale, 'auth.field.password'), { exact: true }).fill('a long password 1');
    await again.getByRole('button', { name: tr(c.locale, 'auth.logIn.submit') }).click();
    await again.locator('.field__error', { hasText: tr(c.locale, 'errors.phone.tooShort', { example: c.typed }) }).waitFor();
    await again.getByLabel(tr(c.locale, 'auth.field.login'), { exact: true }).fill(c.typed);
    await again.getByRole('button', { name: tr(c.locale, 'auth.logIn.submit') }).click();
    await again.waitForURL((u) => !u.pathname.startsWith('/login'));
    await again.getByRole('heading', { level: 1 }).waitFor();
    expect(await a11yProblems(again)).toEqual([]);
    await again.screenshot({ path: artifact(`phone-05-logged-in-${c.locale}.png`), fullPage: true });
    await again.context().close();
  }
});
