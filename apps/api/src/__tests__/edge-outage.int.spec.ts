import { withAdminClient } from '@ashar/database/testing';
import { gql } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

const SEARCH = `{ searchTerritory(query: "Ак", limit: 3) { code } }`;

/**
 * A PostgreSQL outage as the API sees it: its connections are cut (pg_terminate_backend) and new ones
 * refused (ALLOW_CONNECTIONS false), then the database comes back. With queues in Redis only the API's
 * own pool is affected; with queues on PostgreSQL (npm start's default) BullMQ's pool loses its
 * connections too, which used to crash the process with an unhandled 'error' event.
 */
describe.each([
  ['queues in Redis', true],
  ['queues on PostgreSQL', false],
])('PostgreSQL down (real API, %s)', (_label, redis) => {
  let api: RunningApi;
  const allowConnections = (allow: boolean) =>
    withAdminClient(async (c) => {
      await c.query(`ALTER DATABASE "${api.db.name}" ALLOW_CONNECTIONS ${allow}`);
      if (!allow) await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [api.db.name]);
    });

  beforeAll(async () => {
    api = await startApi({ label: 'edgeoutage', redis });
  });
  afterAll(async () => {
    if (!api) return;
    await allowConnections(true);
    await api.stop();
  });

  it('answers SERVICE_UNAVAILABLE with 503 and Retry-After during the outage, and recovers after it', async () => {
    expect((await gql(api.baseUrl, SEARCH)).errors).toBeUndefined();
    await allowConnections(false);

    const down = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SEARCH }) });
    const body = (await down.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', messageKey: 'errors.SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(body)).not.toMatch(/accepting connections|terminat|57P01|55000/);
    // /healthz is about the process: it keeps answering while the database is away.
    expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);

    await allowConnections(true);
    let after = await gql(api.baseUrl, SEARCH);
    // The pool may hand out one connection that died with the outage before it notices: allow a retry.
    for (let i = 0; i < 5 && after.errors; i++) after = await gql(api.baseUrl, SEARCH);
    expect(after.status).toBe(200);
    expect(after.errors).toBeUndefined();
  });
});
