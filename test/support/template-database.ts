import 'reflect-metadata';
import { buildDataSourceOptions } from '../../libs/platform/database/src/data-source-options';
import { databaseUrlFor, ensureAppTestRole, withAdminClient } from '@ashar/database/testing';
// Direct file imports: globalSetup shares the process with in-band tests, and loading GraphQL types
// here would register them in another realm's metadata storage.
import { seedTerritory } from '../../libs/territory/src/seed/territory-seeder';
import { createHash } from 'crypto';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';

const ROOT = join(__dirname, '../..');

function hashTree(dir: string, h = createHash('sha256')): ReturnType<typeof createHash> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) hashTree(p, h);
    else h.update(name).update(readFileSync(p));
  }
  return h;
}

/** Migrations, then the territory classifiers: what every test database starts from. */
export async function migrateAndSeed(url: string): Promise<void> {
  const ds = new DataSource(buildDataSourceOptions(url));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedTerritory(ds);
  } finally {
    await ds.destroy();
  }
}

/**
 * Builds the template database once per schema + seed version: migrations (as the superuser, the
 * owner of every table), then the territory classifiers. Suites clone it (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
 */
export async function ensureTemplateDatabase(): Promise<string> {
  const h = createHash('sha256');
  for (const dir of ['libs/platform/database/src/migrations', 'libs/territory/src/seed']) hashTree(join(ROOT, dir), h);
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
