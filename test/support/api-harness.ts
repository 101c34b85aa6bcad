import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { AppConfig } from '@ashar/kernel';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { TEST_REDIS_URL, testConfig } from './test-config';

export interface RunningApi {
  baseUrl: string;
  config: AppConfig;
  db: TestDatabase;
  app: INestApplication;
  /** The API's own connection pool, for assertions on what was (not) written. */
  dataSource: DataSource;
  worker?: INestApplicationContext;
  sql: string[];
  stop(): Promise<void>;
}

/**
 * A real API (and optionally a worker) on a fresh database. `redis: true` puts queues and rate limits
 * in the real Redis (with a prefix of its own), otherwise both live in PostgreSQL.
 */
export async function startApi(opts: {
  label: string;
  redis?: boolean;
  worker?: boolean;
  env?: Record<string, string>;
  /** Write the emitted GraphQL schema here (the schema drift test). */
  schemaFile?: string;
}): Promise<RunningApi> {
  const db = await createTestDatabase(opts.label);
  const config = testConfig(db.url, {
    REDIS_URL: opts.redis ? TEST_REDIS_URL : undefined,
    REDIS_PREFIX: `ashar_test_${randomBytes(4).toString('hex')}`,
    ...(opts.env ?? {}),
  });
  const sql: string[] = [];
  // Background work (the outbox relay's polling) marks its query runner; it is not part of any request.
  const app = await createApiApp(config, { schemaFile: opts.schemaFile ?? false, logSql: (q, data) => void (data?.background || sql.push(q)) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const worker = opts.worker ? await createWorkerApp(config) : undefined;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    db,
    app,
    dataSource: app.get(DataSource),
    worker,
    sql,
    async stop() {
      await worker?.close();
      await app.close();
      await db.drop();
    },
  };
}
