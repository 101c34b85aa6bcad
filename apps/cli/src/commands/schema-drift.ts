import { composeContexts, ContextManifest, CONTEXTS } from '@ashar/contexts';
import { buildDataSourceOptions } from '@ashar/database';
import { DataSource } from 'typeorm';

/** SQL that would bring the database in line with the entities of every context; empty when migrations are complete. */
export async function pendingSchemaChanges(databaseUrl: string, contexts: readonly ContextManifest[] = CONTEXTS): Promise<{ up: string[]; down: string[] }> {
  const ds = new DataSource(buildDataSourceOptions(databaseUrl, composeContexts(contexts).entities));
  await ds.initialize();
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
  } finally {
    await ds.destroy();
  }
}
