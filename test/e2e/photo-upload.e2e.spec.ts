/**
 * Receipt photos (issue 9): a ~10 MB phone photo (made in the page with a canvas: a 4000×3000 picture
 * with gradients and grain, JPEG at quality 1) is attached to a spending record on a 360-px phone. It is
 * shrunk on the phone and stored under 1 MB with its date; the upload shows progress (on a throttled
 * link), can be cancelled (nothing stored) and retried without choosing the file again.
 */
import { Locale, translate } from '@ashar/i18n';
import { Browser, Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { gql, ok } from '../support/graphql-client';
import { PASSWORD, platformAdmin, publishedBudget, RECORD, village, Village } from '../../libs/budgets/src/__tests__/support';
import { a11yProblems, artifact, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>, locale: Locale = 'ky') => translate(locale, key, params);
const TAKEN = Date.UTC(2026, 2, 15, 9, 30, 0);

const web = webOnApi('e2ephoto');
let api: RunningApi;
let browser: Browser;
let v: Village;
let budgetId: string;

beforeAll(async () => {
  ({ api, browser } = web);
  v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө бюджеттик тобу');
  const b = await publishedBudget(api, v, 2026, [
    { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
    { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '500000' },
  ]);
  budgetId = b.budgetId;
  ok(await gql(api.baseUrl, RECORD, { input: { budgetId, lineKey: b.keys['2231'], occurredOn: '2026-03-15', amount: '120000', attachments: [] } }, { token: v.a.token }));
}, 240_000);

/** Makes the photo in the page and hands it to the receipt's file input as if chosen from the gallery. */
async function choosePhoto(page: Page): Promise<number> {
  return page.evaluate(async ({ label, taken }) => {
    const w = 4000;
    const h = 3000;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, w, h);
    grad.addColorStop(0, '#f4efe2');
    grad.addColorStop(1, '#9c8d70');
    g.fillStyle = grad;
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#222';
    g.font = '120px serif';
    for (let y = 300; y < h; y += 220) g.fillText('Чек № 17 — 120 000 сом', 300, y);
    // Sensor grain: what makes a phone photo big.
    const img = g.getImageData(0, 0, w, h);
    let seed = 7;
    for (let i = 0; i < img.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = (seed % 49) - 24;
      img.data[i] += n;
      img.data[i + 1] += n;
      img.data[i + 2] += n;
    }
    g.putImageData(img, 0, 0);
    const blob: Blob = await new Promise((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 1));
    const file = new File([blob], 'IMG_20260315_093000.jpg', { type: 'image/jpeg', lastModified: taken });
    const input = [...document.querySelectorAll<HTMLInputElement>('input[type=file]')].find((i) => i.labels?.[0]?.textContent === label)!;
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return file.size;
  }, { label: tr('budgets.receipt.attach'), taken: TAKEN });
}

test('a ~10 MB photo goes up as less than 1 MB, with progress, cancel and retry', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${api.baseUrl}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel(tr('auth.field.login'), { exact: true }).fill(v.a.email);
  await page.getByLabel(tr('auth.field.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: tr('auth.logIn.submit') }).click();
  await page.waitForURL('**/me');
  await page.goto(`${api.baseUrl}/budgets/${budgetId}/edit`, { waitUntil: 'networkidle' });
  // Our own file control: translated button text and "no file chosen", not the browser's English.
  await page.getByText(tr('filePicker.none')).first().waitFor();
  expect(await a11yProblems(page)).toEqual([]);

  // A slow link (about 3G upload) so that progress and cancel can be seen.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 200, downloadThroughput: 100_000, uploadThroughput: 40_000 });
  const original = await choosePhoto(page);
  console.log(`photo made in the page: ${(original / 1024 / 1024).toFixed(1)} MB`);
  expect(original).toBeGreaterThan(8 * 1024 * 1024);
  const progress = page.getByRole('progressbar');
  await progress.waitFor({ timeout: 60_000 });
  await page.getByText(tr('filePicker.chosen', { name: 'IMG_20260315_093000.jpg' })).waitFor();
  await page.screenshot({ path: artifact('photo-upload-01-progress-ky.png'), fullPage: true });
  await page.getByRole('button', { name: tr('upload.cancel') }).click();
  await page.getByRole('alert').filter({ hasText: tr('budgets.receipt.cancelled') }).waitFor();
  expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM budget_documents`))[0].n).toBe(0);
  await page.screenshot({ path: artifact('photo-upload-02-cancelled-ky.png'), fullPage: true });

  // Retry on a faster link: the shrunk photo is sent again without choosing it again.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 1_000_000, uploadThroughput: 400_000 });
  const percents: number[] = [];
  await page.exposeFunction('reportPercent', (p: number) => percents.push(p));
  await page.evaluate(() => {
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar) (window as unknown as { reportPercent(p: number): void }).reportPercent(Number(bar.getAttribute('value')));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByRole('button', { name: tr('budgets.receipt.retry') }).click();
  await page.getByRole('status').filter({ hasText: tr('budgets.receipt.done') }).waitFor({ timeout: 60_000 });
  await page.getByText(tr('budgets.receipt.attached', { count: 1 })).first().waitFor();
  console.log(`progress seen: ${[...new Set(percents)].join(', ')} %`);
  expect(percents.length).toBeGreaterThan(0);
  const [doc] = await api.dataSource.query(`SELECT size_bytes, content_type, file_name, metadata FROM budget_documents`);
  console.log(`stored: ${(doc.size_bytes / 1024).toFixed(0)} KB (${doc.content_type}, ${doc.file_name})`);
  expect(doc.size_bytes).toBeLessThan(1024 * 1024);
  expect(doc).toMatchObject({ content_type: 'image/jpeg', file_name: 'IMG_20260315_093000.jpg', metadata: { takenAt: new Date(TAKEN).toISOString() } });
  expect(await a11yProblems(page)).toEqual([]);
  await page.screenshot({ path: artifact('photo-upload-03-attached-ky.png'), fullPage: true });
  await context.close();
}, 240_000);
