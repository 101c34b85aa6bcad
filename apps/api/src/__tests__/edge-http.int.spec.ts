import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gql } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const INLINE = 'window.__boot = 1;';

function webDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'ashar-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), `<!doctype html><title>shell</title><script>${INLINE}</script><script type="module" src="/assets/app-1.js"></script>`);
  writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  return dist;
}

const graphqlPost = (baseUrl: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });

/** Login attempts are counted per address in rate_limit_counters: its keys show which address the API saw. */
async function addressesSeen(api: RunningApi): Promise<string[]> {
  const rows: Array<{ key: string }> = await api.dataSource.query(`SELECT key FROM rate_limit_counters WHERE key LIKE 'login:ip:%' ORDER BY key`);
  return rows.map((r) => r.key.slice('login:ip:'.length));
}

describe('HTTP edge: security headers and proxies (real API, defaults)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'edgehttp', env: { WEB_DIST: webDist() } });
  });
  afterAll(() => api?.stop());

  it.each([
    ['/graphql', () => graphqlPost(api.baseUrl)],
    ['the web shell', () => fetch(`${api.baseUrl}/communities/x`)],
    ['an asset', () => fetch(`${api.baseUrl}/assets/app-1.js`)],
    ['/healthz', () => fetch(`${api.baseUrl}/healthz`)],
  ])('sets the security headers on %s and no X-Powered-By', async (_name, request) => {
    const r = await request();
    expect(r.status).toBe(200);
    const h = r.headers;
    expect(h.get('x-powered-by')).toBeNull();
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(h.get('permissions-policy')).toMatch(/camera=\(self\).*microphone=\(\)/);
    const csp = h.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "img-src 'self' data: blob:"]) {
      expect(csp).toContain(directive);
    }
    // Plain HTTP, COOKIE_SECURE off (tests): no HSTS.
    expect(h.get('strict-transport-security')).toBeNull();
  });

  it("allows the shell's inline script by its hash, and no other inline script", async () => {
    const csp = (await fetch(`${api.baseUrl}/`)).headers.get('content-security-policy') ?? '';
    const { createHash } = await import('crypto');
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toMatch(new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}';`));
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy (rotating it does not make new addresses)', async () => {
    for (const xff of ['1.2.3.4', '5.6.7.8']) {
      await gql(api.baseUrl, LOG_IN, { input: { login: 'nobody@example.kg', password: 'wrong password' } }, { headers: { 'x-forwarded-for': xff } });
    }
    expect(await addressesSeen(api)).toEqual(['127.0.0.1']);
  });
});

describe('HTTP edge behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'edgeproxy', env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => api?.stop());

  it("takes the client address and TLS from the proxy's headers, and sends HSTS over TLS", async () => {
    await gql(api.baseUrl, LOG_IN, { input: { login: 'nobody@example.kg', password: 'wrong password' } }, { headers: { 'x-forwarded-for': '1.2.3.4' } });
    expect(await addressesSeen(api)).toEqual(['1.2.3.4']);
    expect((await graphqlPost(api.baseUrl, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect((await graphqlPost(api.baseUrl)).headers.get('strict-transport-security')).toBeNull();
  });
});
