import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';

export type QueueBackendKind = 'redis' | 'postgres';

type PoolLike = { on(event: 'connect', listener: (client: { on(event: 'error', l: (e: Error) => void): void }) => void): void };

/**
 * BullMQ's PostgreSQL backend leaves a pooled client without an 'error' listener once it is idle:
 * when PostgreSQL restarts, the second error of a terminated connection ("Connection terminated
 * unexpectedly") is emitted with no listener and crashes the process. Every client of its pool gets
 * a listener here; the pool still drops the dead client and BullMQ reconnects on the next query.
 */
const restartSafePostgresBackend = ((...args: Parameters<typeof createPostgresBackend>) => {
  const backend = createPostgresBackend(...args);
  const pool = (backend as unknown as { connection?: { pool?: PoolLike } }).connection?.pool;
  pool?.on('connect', (client) => client.on('error', () => undefined));
  return backend;
}) as typeof createPostgresBackend;

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
  setDefaultBackendFactory(restartSafePostgresBackend as never);
  return { kind: 'postgres', connection: { connectionString: opts.databaseUrl, schema: opts.schema, migrate: true, max: 5 } };
}
