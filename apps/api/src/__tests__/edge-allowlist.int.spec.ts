import { createHash } from 'crypto';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadConfig } from '@ashar/kernel';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { createApiApp } from '../create-api-app';

const LISTED = 'query Roots { territoryRoots(country: KG) { code } }';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function post(api: RunningApi, query: string) {
  const r = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: r.status, body: (await r.json()) as { data?: unknown; errors?: Array<{ extensions: Record<string, unknown> }> } };
}

describe('allow-listed operations (production with the web client)', () => {
  let api: RunningApi;
  const dir = mkdtempSync(join(tmpdir(), 'ashar-ops-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'graphql-operations.json'), JSON.stringify({ version: 1, operations: [{ module: 'test', name: 'ROOTS', sha256: sha(LISTED) }] }));
    api = await startApi({ label: 'allowlist', env: { GRAPHQL_OPERATIONS_FILE: join(dir, 'graphql-operations.json') } });
  });
  afterAll(() => api?.stop());

  it('runs an operation the web client was built with', async () => {
    const r = await post(api, LISTED);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });

  it('refuses any other operation with FORBIDDEN (HTTP 403), even a harmless one', async () => {
    for (const q of ['{ territoryRoots(country: KG) { code } }', `${LISTED} `, '{ me { id } }']) {
      const r = await post(api, q);
      expect(r.status).toBe(403);
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' });
      expect(r.body.data).toBeUndefined();
    }
  });

  it('is on by default in production when the web client is served, and can be turned off', () => {
    const base = { DATABASE_URL: 'postgres://x@127.0.0.1/x', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...base, NODE_ENV: 'production', WEB_DIST: '/srv/web/' }).graphqlOperationsFile).toBe('/srv/web/graphql-operations.json');
    expect(loadConfig({ ...base, NODE_ENV: 'production', WEB_DIST: '/srv/web', GRAPHQL_OPERATIONS_FILE: 'off' }).graphqlOperationsFile).toBeNull();
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).graphqlOperationsFile).toBeNull(); // an API without the web client
    expect(loadConfig({ ...base, WEB_DIST: '/srv/web' }).graphqlOperationsFile).toBeNull(); // development
  });

  it('refuses to start with a missing manifest, naming the way out', async () => {
    await expect(createApiApp({ ...api.config, graphqlOperationsFile: join(dir, 'nope.json') }, { schemaFile: false })).rejects.toThrow(/GRAPHQL_OPERATIONS_FILE .* run the web build, or set GRAPHQL_OPERATIONS_FILE=off/);
  });
});
