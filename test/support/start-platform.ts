import { join } from 'path';
import { startApi } from './api-harness';
import { ensureTemplateDatabase } from './template-database';

/**
 * The whole platform for browser journeys: API serving the built web client (dist/apps/web) and
 * /graphql on one origin, a worker, a fresh migrated and seeded database, queues on PostgreSQL.
 */
export async function startPlatform(opts: { label?: string; redis?: boolean } = {}): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  if (!process.env.ASHAR_TEST_TEMPLATE) process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
  const api = await startApi({
    label: opts.label ?? 'e2e',
    redis: opts.redis ?? false,
    worker: true,
    // The allow-list the web build writes, as in production: the journeys prove the client stays inside it.
    env: { WEB_DIST: join(__dirname, '../../dist/apps/web'), GRAPHQL_OPERATIONS_FILE: join(__dirname, '../../dist/apps/web/graphql-operations.json') },
  });
  return { baseUrl: api.baseUrl, stop: () => api.stop() };
}
