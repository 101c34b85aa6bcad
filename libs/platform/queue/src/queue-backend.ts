import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';

export type QueueBackendKind = 'redis' | 'postgres';

/**
 * BullMQ keeps its queues in Redis when REDIS_URL is set, otherwise in PostgreSQL (BullMQ 6's
 * PostgreSQL backend), durable either way, same job code. The backend factory is process-wide and
 * must be chosen before any Queue or Worker exists; without it PostgreSQL settings would silently go
 * to ioredis on localhost:6379.
 */
export function configureQueueBackend(opts: { redisUrl: string | null; databaseUrl: string; schema: string }): {
  kind: QueueBackendKind;
  connection: Record<string, unknown>;
} {
  if (opts.redisUrl) {
    setDefaultBackendFactory();
    const u = new URL(opts.redisUrl);
    return {
      kind: 'redis',
      connection: {
        host: u.hostname,
        port: Number(u.port || 6379),
        username: u.username || undefined,
        password: u.password || undefined,
        db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
        tls: u.protocol === 'rediss:' ? {} : undefined,
        maxRetriesPerRequest: null,
      },
    };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return { kind: 'postgres', connection: { connectionString: opts.databaseUrl, schema: opts.schema, migrate: true, max: 5 } };
}
