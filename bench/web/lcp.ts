// Largest Contentful Paint of the public budget page on a phone: `npm run bench -- web`
// (or `node -r @swc-node/register bench/web/lcp.ts`). Slow 4G (Chrome DevTools' preset: 562.5 ms
// latency, 1.44 Mbit/s down, 675 kbit/s up) and 4× CPU slowdown through CDP; a fresh context per run
// (cold cache), the median of BENCH_LCP_RUNS (default 5) printed. The browser test
// test/e2e/way-finding.e2e.spec.ts prints one run with the same function; neither fails on the figure.
import 'reflect-metadata';
import type { Browser } from 'playwright-core';

export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
export const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** One cold load of `url` under slow 4G and 4× CPU: LCP in ms (the last candidate before the page settles). */
export async function measureLcp(browser: Browser, url: string, waitFor = 'h1'): Promise<number> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number };
      w.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lcp = e.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.locator(waitFor).first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    await page.waitForTimeout(500);
    // Awaited here, or the finally below closes the context first.
    return await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  } finally {
    await context.close();
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  const { join } = await import('node:path');
  const { ensureTemplateDatabase } = await import('../../test/support/template-database');
  const { startApi } = await import('../../test/support/api-harness');
  const { ROOT, ensureWebBuild, launchBrowser } = await import('../../test/e2e/browser.support');
  const { platformAdmin, publishedBudget, village } = await import('../../libs/budgets/src/__tests__/support');
  const runs = Number(process.env.BENCH_LCP_RUNS ?? 5);
  ensureWebBuild();
  if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
  const api = await startApi({ label: 'benchlcp', env: { WEB_DIST: join(ROOT, 'dist/apps/web') } });
  const { browser, close } = await launchBrowser();
  try {
    const platform = await platformAdmin(api);
    const v = await village(api, platform, '41707220840000', 'Ак-Дөбө бюджеттик тобу');
    const { budgetId } = await publishedBudget(api, v, 2026, [
      { direction: 'REVENUE', economicCode: '13111', amount: '3037000' },
      { direction: 'REVENUE', economicCode: '11111', amount: '1561600' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2500000' },
      { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '450000' },
    ]);
    const url = `${api.baseUrl}/budgets/${budgetId}`;
    const figures: number[] = [];
    for (let i = 0; i < runs; i++) figures.push(await measureLcp(browser, url));
    console.log(`public budget page LCP, slow 4G + ${CPU_SLOWDOWN}x CPU, ${runs} cold loads: median ${median(figures).toFixed(0)} ms (runs: ${figures.map((f) => f.toFixed(0)).join(', ')} ms; target 2500 ms)`);
  } finally {
    await close();
    await api.stop();
  }
}

if (require.main === module) {
  main().then(
    () => (process.exitCode = 0),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
