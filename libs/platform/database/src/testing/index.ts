import { randomBytes } from 'crypto';
import { Client } from 'pg';

/**
 * A fresh database per test suite, cloned from a migrated and seeded template (built once per test
 * run by test/support/global-setup.ts): real PostgreSQL, isolated suites, about 100 ms each.
 */
export const TEST_ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrlFor(name: string): string {
  const u = new URL(TEST_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function withAdminClient<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The application's login in tests: a member of `ashar_app` (see the app-role migration) that owns
 * nothing, as in a deployment. Roles are cluster-wide: created once, idempotently, by whichever suite
 * or template build gets there first.
 */
export const APP_TEST_ROLE = 'ashar_app_test';

export async function ensureAppTestRole(c: Client): Promise<void> {
  // Several Jest workers may race here; a concurrent creator's win is not an error.
  await c.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ashar_app') THEN CREATE ROLE ashar_app NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  await c.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_TEST_ROLE}') THEN
        CREATE ROLE ${APP_TEST_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${APP_TEST_ROLE}' IN ROLE ashar_app;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  // Tests (not the product) read other sessions' state in pg_stat_activity through the API's pool.
  await c.query(`DO $$ BEGIN
      IF NOT pg_has_role('${APP_TEST_ROLE}', 'pg_read_all_stats', 'MEMBER') THEN GRANT pg_read_all_stats TO ${APP_TEST_ROLE}; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
}

/** The same database as the application's least-privileged login sees it. */
export function appRoleUrlFor(name: string): string {
  const u = new URL(databaseUrlFor(name));
  u.username = APP_TEST_ROLE;
  u.password = APP_TEST_ROLE;
  return u.toString();
}

export interface TestDatabase {
  name: string;
  /** Superuser (the admin URL's user): migrations, fixtures, tampering in tests. */
  url: string;
  /** The application's login (member of ashar_app): what the API and worker connect as. */
  appUrl: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label = 'suite'): Promise<TestDatabase> {
  const template = process.env.ASHAR_TEST_TEMPLATE;
  if (!template) throw new Error('ASHAR_TEST_TEMPLATE is not set: run tests through jest with test/support/global-setup.ts');
  const name = `ashar_t_${label.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(async (c) => {
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await ensureAppTestRole(c);
    // Database-level grants are not copied from the template (table grants are): the queue backend needs CREATE.
    await c.query(`GRANT CREATE ON DATABASE "${name}" TO ashar_app`);
  });
  return {
    name,
    url: databaseUrlFor(name),
    appUrl: appRoleUrlFor(name),
    drop: () => withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
