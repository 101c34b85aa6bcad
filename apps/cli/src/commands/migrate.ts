import { composeContexts, ContextManifest, CONTEXTS } from '@ashar/contexts';
import { buildDataSourceOptions } from '@ashar/database';
import { DataSource } from 'typeorm';

/**
 * Applies pending migrations of every context in the list, oldest timestamp first, one transaction
 * each. Returns the names applied. `contexts` is for tests that add a throwaway context.
 */
export async function migrate(databaseUrl: string, contexts: readonly ContextManifest[] = CONTEXTS): Promise<string[]> {
  const { entities, migrations } = composeContexts(contexts);
  const ds = new DataSource(buildDataSourceOptions(databaseUrl, entities, migrations));
  await ds.initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Migrations, then every context's reference data: what a fresh database (and every test database) starts from. */
export async function migrateAndSeed(databaseUrl: string, contexts: readonly ContextManifest[] = CONTEXTS): Promise<{ migrations: string[]; seeded: Record<string, unknown> }> {
  const migrations = await migrate(databaseUrl, contexts);
  const composed = composeContexts(contexts);
  const ds = new DataSource(buildDataSourceOptions(databaseUrl, composed.entities));
  await ds.initialize();
  try {
    return { migrations, seeded: await composed.seed(ds) };
  } finally {
    await ds.destroy();
  }
}
