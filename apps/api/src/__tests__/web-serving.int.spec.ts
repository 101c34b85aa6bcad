import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { platformAdmin, publishedBudget, village } from '../../../../libs/budgets/src/__tests__/support';
import { collectOperations, writeOperationsManifest } from '../../../web/tools/operations-manifest';

describe('serving the web client next to the API', () => {
  let api: RunningApi;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ashar-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(dist, 'assets', 'app-123.js'), 'console.log(1)');
    api = await startApi({ label: 'webserve', env: { WEB_DIST: dist } });
  });
  afterAll(() => api?.stop());

  it('answers client-side routes with the app shell, uncached', async () => {
    const r = await fetch(`${api.baseUrl}/communities/some-id`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(await r.text()).toContain('<title>shell</title>');
  });

  it('serves hashed assets for a year and a missing asset as 404, never the shell', async () => {
    const ok = await fetch(`${api.baseUrl}/assets/app-123.js`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expect((await fetch(`${api.baseUrl}/assets/app-old.js`)).status).toBe(404);
  });

  it('leaves /api/ (downloads, reports) and /graphql to the API', async () => {
    const r = await fetch(`${api.baseUrl}/api/no-such-download`);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    const g = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await g.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the shell of a public budget page carries the page’s first answer', () => {
  let api: RunningApi;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ashar-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>shell</title></head><body><div id="root"></div></body></html>');
    // The operations the web is built with, as the web build writes them.
    writeOperationsManifest(join(__dirname, '../../../web/src'), dist);
    // The part of Vite's build manifest the shell reads.
    mkdirSync(join(dist, '.vite'));
    writeFileSync(
      join(dist, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index-1.js', isEntry: true },
        '../../libs/shared/i18n/src/catalogues/ru.json': { file: 'assets/ru-1.js' },
        'src/pages/budget/public-budget.page.tsx': { file: 'assets/public-budget.page-1.js', imports: ['index.html', '_labels-1.js'], css: ['assets/budget-1.css'] },
        '_labels-1.js': { file: 'assets/labels-1.js', imports: ['index.html'] },
      }),
    );
    api = await startApi({ label: 'webshell', env: { WEB_DIST: dist } });
  });
  afterAll(() => api?.stop());

  const embedded = (html: string) => {
    const m = /<script type="application\/json" id="ashar-page-data">([^<]*)<\/script>/.exec(html);
    return m ? JSON.parse(m[1]) : null;
  };

  it('answers /budgets/:id with the anonymous answer of the page’s query inside the HTML, markup in names inert', async () => {
    const platform = await platformAdmin(api);
    const v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    const b = await publishedBudget(api, v, 2026, [{ direction: 'REVENUE', economicCode: '13111', amount: '1000' }, { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '900' }]);
    // A finding the public sees, whose title holds markup.
    ok(await gql(api.baseUrl, `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id } }`, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], status: 'RESOLVED', title: '</script><script>window.x=1</script>', body: 'Текст' } }, { token: v.a.token }));
    const r = await fetch(`${api.baseUrl}/budgets/${b.budgetId}`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(r.headers.get('cache-control')).toBe('no-cache');
    const html = await r.text();
    const page = embedded(html);
    expect(page).toMatchObject({ operation: 'PUBLIC_BUDGET', variables: { id: b.budgetId } });
    expect(page.data.budget.id).toBe(b.budgetId);
    // The route's code and the visitor's catalogue are asked for with the app's own code.
    expect(html).toContain('<link rel="modulepreload" href="/assets/ru-1.js">');
    expect(html).toContain('<link rel="modulepreload" href="/assets/public-budget.page-1.js"><link rel="modulepreload" href="/assets/labels-1.js">');
    expect(html).toContain('<link rel="stylesheet" href="/assets/budget-1.css">');
    // The same answer the page would get by asking.
    const query = collectOperations(join(__dirname, '../../../web/src')).find((o) => o.name === 'PUBLIC_BUDGET')!.source;
    // (The audit anchor's `at` is the moment each answer was read.)
    const asked = ok(await gql<{ auditAnchor: { at: string } }>(api.baseUrl, query, { id: b.budgetId }));
    expect(page.data).toEqual({ ...asked, auditAnchor: { ...asked.auditAnchor, at: expect.any(String) } });
    // The note's title holds markup: it stays text (no second script element, no closing tag from the data).
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(JSON.stringify(page.data)).toContain('</script><script>window.x=1</script>');
  });

  it('gives the plain shell for a budget that does not exist, and for other routes', async () => {
    expect(embedded(await (await fetch(`${api.baseUrl}/budgets/00000000-0000-4000-8000-000000000000`)).text())).toBeNull();
    expect(embedded(await (await fetch(`${api.baseUrl}/places`)).text())).toBeNull();
  });
});

describe('the shell puts the server’s render of a public page in place of the app’s root', () => {
  let api: RunningApi;
  let budgetId: string;
  beforeAll(async () => {
    // The web build's layout: <parent>/web (the app) next to <parent>/web-server (its server render).
    const parent = mkdtempSync(join(tmpdir(), 'ashar-web-'));
    const dist = join(parent, 'web');
    mkdirSync(dist);
    mkdirSync(join(parent, 'web-server'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="ky"><head><title>shell</title></head><body><div id="root"></div></body></html>');
    writeOperationsManifest(join(__dirname, '../../../web/src'), dist);
    // A stand-in for render-page.cjs that shows what it was given, and fails for one budget.
    writeFileSync(
      join(parent, 'web-server', 'render-page.cjs'),
      `exports.renderPage = async (p) => {
        if (p.data.budget && p.data.budget.fiscalYear === 2027) throw new Error('render failed');
        return '<h1>' + p.locale + ' ' + p.operation + ' ' + p.url + ' $& $1</h1>';
      };`,
    );
    api = await startApi({ label: 'webssr', env: { WEB_DIST: dist } });
    const platform = await platformAdmin(api);
    const v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    budgetId = (await publishedBudget(api, v, 2026, [{ direction: 'REVENUE', economicCode: '13111', amount: '1000' }, { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '900' }])).budgetId;
  });
  afterAll(() => api?.stop());

  it('renders in the visitor’s language (a chosen one first), hides the app’s root until it takes over, and marks the answer', async () => {
    const r = await fetch(`${api.baseUrl}/budgets/${budgetId}?from=share`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(r.headers.get('x-ashar-server-page')).toBe('1');
    const html = await r.text();
    // Inserted as given ($& and $1 are not replacement patterns here), with the path and query it was asked for.
    expect(html).toContain(`<div id="ashar-server-page"><h1>ru PUBLIC_BUDGET /budgets/${budgetId}?from=share $& $1</h1></div><div id="root" hidden></div>`);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('id="ashar-page-data"');
    const chosen = await (await fetch(`${api.baseUrl}/budgets/${budgetId}`, { headers: { 'accept-language': 'ru', cookie: 'ashar_locale=kk' } })).text();
    expect(chosen).toContain('<h1>kk PUBLIC_BUDGET');
    expect(chosen).toContain('<html lang="kk">');
    // A cookie that names no language of ours is ignored.
    expect(await (await fetch(`${api.baseUrl}/budgets/${budgetId}`, { headers: { 'accept-language': 'ru', cookie: 'ashar_locale=xx' } })).text()).toContain('<h1>ru PUBLIC_BUDGET');
  });

  it('falls back to the plain shell with the embedded answer when the render fails, and renders nothing for other pages', async () => {
    const platform = await platformAdmin(api);
    const v = await village(api, platform, '41707220840000', 'Ак-Дөбө 2');
    const failing = (await publishedBudget(api, v, 2027, [{ direction: 'REVENUE', economicCode: '13111', amount: '1000' }])).budgetId;
    const r = await fetch(`${api.baseUrl}/budgets/${failing}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-ashar-server-page')).toBeNull();
    const html = await r.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('id="ashar-page-data"');
    const places = await fetch(`${api.baseUrl}/places`);
    expect(places.headers.get('x-ashar-server-page')).toBeNull();
    expect(await places.text()).toContain('<div id="root"></div>');
  });
});
