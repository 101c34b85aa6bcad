import { databaseUrlFor, ensureAppTestRole, withAdminClient } from '@ashar/database/testing';
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { promisify } from 'util';

const ROOT = join(__dirname, '../..');

function hashTree(dir: string, h = createHash('sha256')): ReturnType<typeof createHash> {
  if (!statSync(dir).isDirectory()) return h.update(readFileSync(dir));
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) hashTree(p, h);
    else h.update(name).update(readFileSync(p));
  }
  return h;
}

/**
 * Every `migrations/` and `seed/` folder of every library, every manifest and the manifest list: what
 * the template is built from. A context's new migration changes the hash without anyone editing this file.
 */
function schemaSources(dir = join(ROOT, 'libs'), out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '__tests__') continue;
    const p = join(dir, e.name);
    if (!e.isDirectory()) {
      if (e.name.endsWith('.manifest.ts')) out.push(p);
    } else if (e.name === 'migrations' || e.name === 'seed') out.push(p);
    else schemaSources(p, out);
  }
  return out.sort();
}

/**
 * Migrations of every context in the manifest list, then their reference data (territory's classifiers):
 * what every test database starts from. In a child process (migrate-and-seed.main.ts), through the cli's code.
 */
export async function migrateAndSeed(url: string): Promise<void> {
  await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'migrate-and-seed.main.ts'), url], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * Builds the template database once per schema + seed version: migrations (as the superuser, the
 * owner of every table), then the territory classifiers. Suites clone it (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
 */
export async function ensureTemplateDatabase(): Promise<string> {
  const h = createHash('sha256');
  for (const p of [...schemaSources(), join(ROOT, 'libs/contexts/src/index.ts')]) if (existsSync(p)) hashTree(p, h.update(p.slice(ROOT.length)));
  const template = `ashar_tpl_${h.digest('hex').slice(0, 12)}`;
  process.env.ASHAR_TEST_TEMPLATE = template;
  return withAdminClient(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(7241002)');
    try {
      // The API and worker under test log in as this least-privileged role (test-config.ts).
      await ensureAppTestRole(admin);
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount) return template;
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await migrateAndSeed(databaseUrlFor(building));
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      // Templates of other schema versions are left alone: another checkout's test run may be cloning one.
      return template;
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7241002)');
    }
  });
}
