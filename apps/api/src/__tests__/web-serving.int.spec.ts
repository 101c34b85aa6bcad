import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

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
