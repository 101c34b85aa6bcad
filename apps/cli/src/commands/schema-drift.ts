import { buildDataSourceOptions } from '@ashar/database';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../all-entities';

/** SQL that would bring the database in line with the entities; empty when migrations are complete. */
export async function pendingSchemaChanges(databaseUrl: string): Promise<{ up: string[]; down: string[] }> {
  const ds = new DataSource(buildDataSourceOptions(databaseUrl, ALL_ENTITIES));
  await ds.initialize();
  try {
    const log = await ds.driver.createSchemaBuilder().log();
    return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query) };
  } finally {
    await ds.destroy();
  }
}
