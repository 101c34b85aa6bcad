import { startPlatform } from '../support/start-platform';
import { RunningApi, startApi } from '../support/api-harness';
import { ensureTemplateDatabase } from '../support/template-database';
import { translate } from '@ashar/i18n';
/** Shared browser-test plumbing: Debian's Chromium via playwright-core, the web build, the platform. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContextOptions, chromium, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const CHROMIUM = '/usr/bin/chromium';
const DIST_INDEX = path.join(ROOT, 'dist/apps/web/index.html');

export interface Platform {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's browser with "apt-get install -y chromium"`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // These flags keep a root-run headless Chromium from dialling out on this closed network.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // No --user-data-dir here: playwright refuses it for launch() and gives every launch its own
    // fresh, empty profile directory, which it deletes on close.
  });
  // The web follows the browser's language on a first visit (issue 9). Journeys are written for the
  // Kyrgyz default, so every context gets a Kyrgyz browser unless the test asks for another locale.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: 'ky-KG', ...options });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** Builds the web app when there is no build or the sources are newer than it (a stale build tests nothing). */
export function ensureWebBuild(): void {
  const builtAt = fs.existsSync(DIST_INDEX) ? fs.statSync(DIST_INDEX).mtimeMs : 0;
  const newest = Math.max(
    newestMtime(path.join(ROOT, 'apps/web')),
    newestMtime(path.join(ROOT, 'libs/shared/i18n/src')),
  );
  if (builtAt && builtAt >= newest) return;
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build (60% larger).
  execFileSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The platform under test: E2E_BASE_URL points at one already running (a staging server); otherwise
 * test/support/start-platform.ts starts the API with a fresh seeded database.
 */
export async function startPlatformForTest(): Promise<Platform> {
  const external = process.env.E2E_BASE_URL;
  if (external) return { baseUrl: external.replace(/\/$/, ''), stop: async () => undefined };
  ensureWebBuild();
  return startPlatform();
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * Basic checks a screen-reader user and a phone user depend on: labelled controls, named links and
 * buttons, one h1, one main landmark, a document title, and no page wider than the screen.
 */
export async function a11yProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim();
    document.querySelectorAll('input, select, textarea').forEach((el) => {
      const input = el as HTMLInputElement;
      if (input.type !== 'hidden' && !input.labels?.length && !input.getAttribute('aria-label')) problems.push(`unlabelled ${input.outerHTML}`);
    });
    document.querySelectorAll('a[href], button').forEach((el) => {
      if (!name(el)) problems.push(`nameless ${el.outerHTML}`);
    });
    if (document.querySelectorAll('h1').length !== 1) problems.push(`${document.querySelectorAll('h1').length} h1 elements`);
    if (document.querySelectorAll('main').length !== 1) problems.push('main landmark missing or repeated');
    if (!document.title.trim()) problems.push('empty document title');
    if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push(`page wider than the screen: ${document.documentElement.scrollWidth}px`);
    return problems;
  });
}

export interface WebOnApi {
  /** The API (serving the web build), started in beforeAll. */
  readonly api: RunningApi;
  /** Debian's Chromium, launched in beforeAll (for contexts of a test's own). */
  readonly browser: Browser;
  /** A page in a fresh browser context at `url`, logged in first (through the Kyrgyz log-in form) when `login` is given. */
  open(url: string, login?: { login: string; password: string }, context?: BrowserContextOptions): Promise<Page>;
}

/**
 * For a spec that drives the web against its own API (fresh database from the test template): starts
 * both in beforeAll and stops them in afterAll. Call at the top level of the spec.
 */
export function webOnApi(label: string, opts: { redis?: boolean; worker?: boolean; env?: Record<string, string> } = {}): WebOnApi {
  let api: RunningApi | undefined;
  let browser: Browser | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ensureWebBuild();
    if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
    api = await startApi({ label, redis: opts.redis, worker: opts.worker, env: { ...opts.env, WEB_DIST: path.join(ROOT, 'dist/apps/web') } });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await api?.stop();
  });
  return {
    get api() {
      if (!api) throw new Error('webOnApi: the API is not started (use it inside a test)');
      return api;
    },
    get browser() {
      if (!browser) throw new Error('webOnApi: the browser is not launched (use it inside a test)');
      return browser;
    },
    async open(url, login, context) {
      const page = await (await browser!.newContext(context)).newPage();
      if (login) {
        await page.goto(`${api!.baseUrl}/login`, { waitUntil: 'networkidle' });
        await page.getByLabel(translate('ky', 'auth.field.login'), { exact: true }).fill(login.login);
        await page.getByLabel(translate('ky', 'auth.field.password'), { exact: true }).fill(login.password);
        await page.getByRole('button', { name: translate('ky', 'auth.logIn.submit') }).click();
        await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      }
      await page.goto(url, { waitUntil: 'networkidle' });
      return page;
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core (the engine behind most accessibility audits) on the page as it is now: its serious and critical findings. */
export async function axeSeriousViolations(page: Page): Promise<AxeViolation[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Through the debugger protocol, not a <script> tag: the page's CSP (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}
