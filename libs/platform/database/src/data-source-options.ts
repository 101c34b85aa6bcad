import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * One place that says how we talk to PostgreSQL: migrations only, never synchronize. `migrations`:
 * the ordered history from the manifest list (only the cli and the test harness run them; the api
 * and worker pass none).
 */
export function buildDataSourceOptions(databaseUrl: string, entities: DataSourceOptions['entities'] = [], migrations: Function[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: 10, application_name: 'ashar' },
  };
}
