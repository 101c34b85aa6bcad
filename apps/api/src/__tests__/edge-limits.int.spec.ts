import { withAdminClient } from '@ashar/database/testing';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

/** Raw POST /graphql: the status and headers matter here, not only the body. */
async function post(api: RunningApi, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await r.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  return { status: r.status, headers: r.headers, json, code: json.errors?.[0]?.extensions.code, field: json.errors?.[0]?.extensions.field };
}

/** F0 selects a real field; F<i> spreads F<i-1> twice: 2^n fields once expanded, 1.6 KB as written. */
function fanOut(n: number): string {
  let q = 'fragment F0 on Query { territoryRoots(country: KG) { code } }\n';
  for (let i = 1; i <= n; i++) q += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return `${q}query { ...F${n} }`;
}

const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }';

describe('the GraphQL edge: limits and bad input answer 4xx, never 500', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'edge' });
  });
  afterAll(() => api?.stop());

  it('refuses a 40-fragment fan-out in milliseconds while /healthz keeps answering', async () => {
    const query = fanOut(40);
    expect(query.length).toBeLessThan(2000);
    const started = performance.now();
    const [refused, health] = await Promise.all([
      post(api, { query }),
      (async () => {
        const t = performance.now();
        const r = await fetch(`${api.baseUrl}/healthz`);
        return { status: r.status, ms: performance.now() - t };
      })(),
    ]);
    const ms = performance.now() - started;
    expect(refused.status).toBe(400);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(refused.code);
    expect(health.status).toBe(200);
    expect(ms).toBeLessThan(1000); // generous: the old depth check needed minutes for this document
    // Even below Apollo's selection cap, the cost is counted over fragments: 2^10 copies of a field.
    const smaller = await post(api, { query: fanOut(10) });
    expect(smaller.status).toBe(400);
    expect(smaller.json.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.queryTooLarge', params: { measure: 'complexity' } });
  });

  it('refuses a document with too many tokens before parsing it whole, and 1,000 aliases', async () => {
    const tokens = await post(api, { query: `{ ${'__typename '.repeat(6000)} }` });
    expect(tokens.status).toBe(400);
    expect(tokens.code).toBe('GRAPHQL_PARSE_FAILED');
    const aliases = await post(api, { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
    expect(aliases.status).toBe(400);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(aliases.code);
  });

  it('refuses a batched array body', async () => {
    const r = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) });
    expect(r.status).toBe(400);
  });

  it.each([
    ['a required field missing inside the input', { email: 'a@example.kg', password: 'long enough pw' }],
    ['a field of the wrong type', { email: 'a@example.kg', password: 123456789, displayName: 'A' }],
    ['an Int overflow', { email: 'a@example.kg', password: 'long enough pw', displayName: 'A', birthYear: 2 ** 31 }],
    ['an unknown enum value', { email: 'a@example.kg', password: 'long enough pw', displayName: 'A', locale: 'xx' }],
  ])('answers a variable with %s as BAD_USER_INPUT (HTTP 400)', async (_name, input) => {
    const r = await post(api, { query: SIGN_UP, variables: { input } });
    expect(r.status).toBe(400);
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM accounts WHERE email = 'a@example.kg'`))[0].n)).toBe(0);
  });

  it('refuses a NUL byte in any text argument with the field path, and stores nothing', async () => {
    const r = await post(api, { query: SIGN_UP, variables: { input: { email: 'nul@example.kg', password: 'long enough pw', displayName: 'Айгүл\u0000' } } });
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.field).toBe('input.displayName');
    expect(r.json.errors?.[0]?.extensions.messageKey).toBe('errors.validation.invalidCharacters');
    const plain = await post(api, { query: 'query($q: String!) { searchTerritory(query: $q) { code } }', variables: { q: 'ак\u0000' } });
    expect(plain.code).toBe('BAD_USER_INPUT');
    expect(plain.field).toBe('query');
    expect(Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM accounts WHERE email = 'nul@example.kg'`))[0].n)).toBe(0);
  });

  it('answers a malformed %-escape in the on-behalf reason as BAD_USER_INPUT', async () => {
    const r = await post(api, { query: '{ me { id } }' }, { 'x-on-behalf-of': '00000000-0000-4000-8000-000000000000', 'x-on-behalf-reason': '%E0%A4%A' });
    expect(r.status).toBeLessThan(500);
    expect(r.code).toBe('BAD_USER_INPUT');
    expect(r.field).toBe('x-on-behalf-reason');
  });

  it('sets security headers and no X-Powered-By; trusts no proxy unless told', async () => {
    const r = await fetch(`${api.baseUrl}/healthz`);
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(r.headers.get('permissions-policy')).toContain('microphone=()');
    expect(r.headers.get('strict-transport-security')).toBeNull(); // plain HTTP, not production
    const express = api.app.getHttpAdapter().getInstance() as { get(k: string): unknown };
    expect(express.get('trust proxy')).toBe(false);
  });

  it('answers SERVICE_UNAVAILABLE (HTTP 503, Retry-After) while the database is away, then recovers by itself', async () => {
    const name = new URL(api.db.url).pathname.slice(1);
    // A read that always goes to the database (territory roots may be cached).
    const query = { query: '{ budgetsOfCommunity(communityId: "00000000-0000-4000-8000-000000000000") { id } }' };
    expect((await post(api, query)).status).toBe(200);
    await withAdminClient(async (c) => {
      await c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    });
    try {
      const down = await post(api, query);
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(down.code).toBe('SERVICE_UNAVAILABLE');
      expect(down.json.errors?.[0]?.extensions.messageKey).toBe('errors.SERVICE_UNAVAILABLE');
    } finally {
      await withAdminClient((c) => c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
    }
    let up = await post(api, query);
    for (let i = 0; i < 20 && up.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      up = await post(api, query);
    }
    expect(up.status).toBe(200);
    expect((await fetch(`${api.baseUrl}/readyz`)).status).toBe(200);
  });
});

describe('the GraphQL edge in production', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'edgeprod', env: { NODE_ENV: 'production', COOKIE_SECURE: 'true', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => api?.stop());

  it('gives no field suggestions and no introspection', async () => {
    const typo = await post(api, { query: '{ mee { id } }' });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.json)).not.toMatch(/Did you mean/i);
    const intro = await post(api, { query: '{ __schema { types { name } } }' });
    expect(intro.status).toBe(400);
  });

  it('sends HSTS behind TLS and honours X-Forwarded-For only from the configured proxy', async () => {
    const r = await fetch(`${api.baseUrl}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const express = api.app.getHttpAdapter().getInstance() as { get(k: string): unknown };
    expect(express.get('trust proxy')).toEqual(['loopback']);
  });
});
