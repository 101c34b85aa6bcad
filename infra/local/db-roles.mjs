// Least privilege for `npm start` with the embedded PostgreSQL: the superuser that initialised the
// cluster only sets up two logins, and nothing of the platform runs as it.
// - ashar_owner: owns the database and every table; `migrate` runs as it (MIGRATION_DATABASE_URL).
// - ashar_api: a member of the group role ashar_app (see the app-role migration), owns no table; the
//   API, worker and the other cli commands run as it (DATABASE_URL), so they cannot disable the audit
//   trigger, nor update, delete or truncate audit_events.
// Passwords are random, kept in .data/ like the JWT secret. Safe to run at every start.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const OWNER = 'ashar_owner';
const APP = 'ashar_api';

function secret(dataDir, name) {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = randomBytes(18).toString('base64url');
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

const ident = (s) => `"${s.replace(/"/g, '""')}"`;
const literal = (s) => `'${s.replace(/'/g, "''")}'`;

/** Ownership moves from the superuser to `to`, for installations made before the split (one-off). */
async function handOver(client, schema, to) {
  await client.query(`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ${literal(schema)} AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                  AND (c.relkind IN ('r', 'p', 'v', 'm', 'f')
                       -- a sequence owned by a column follows its table
                       OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))))
      LOOP EXECUTE format('ALTER TABLE %s OWNER TO %I', r.name, ${literal(to)}); END LOOP;
      FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = ${literal(schema)} AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, ${literal(to)}); END LOOP;
      FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = ${literal(schema)} AND t.typowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                  AND t.typtype IN ('e', 'd')
      LOOP EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, ${literal(to)}); END LOOP;
      IF ${literal(schema)} <> 'public' AND EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${literal(schema)}) THEN
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', ${literal(schema)}, ${literal(to)});
      END IF;
    END $$`);
}

async function ensureLogin(client, role, password, extra) {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const verb = exists.rowCount ? 'ALTER' : 'CREATE';
  await client.query(`${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ${extra} PASSWORD ${literal(password)}`);
}

/**
 * From the superuser's URL to { appUrl, migrationUrl }: same server and database, two logins.
 * `queueSchema` is the BullMQ schema (QUEUE_SCHEMA), which the application login owns.
 */
export async function leastPrivilegeUrls(superuserUrl, dataDir, queueSchema = process.env.QUEUE_SCHEMA || 'bullmq') {
  const url = new URL(superuserUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  const ownerPassword = secret(dataDir, 'db-owner-password');
  const appPassword = secret(dataDir, 'db-app-password');
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ashar_app') THEN CREATE ROLE ashar_app NOLOGIN; END IF;
      END $$`);
    await ensureLogin(client, OWNER, ownerPassword, '');
    await ensureLogin(client, APP, appPassword, '');
    await client.query(`GRANT ashar_app TO ${ident(APP)}`);
    await client.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(OWNER)}`);
    await handOver(client, 'public', OWNER);
    await handOver(client, queueSchema, APP);
  } finally {
    await client.end();
  }
  const as = (user, password) => {
    const u = new URL(superuserUrl);
    u.username = user;
    u.password = password;
    return u.toString();
  };
  return { appUrl: as(APP, appPassword), migrationUrl: as(OWNER, ownerPassword) };
}
