import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';

export type QueueBackendKind = 'redis' | 'postgres';

type PoolLike = {
  on(event: 'connect', listener: (client: { on(event: 'error', l: (e: Error) => void): void }) => void): void;
  end(): Promise<void>;
};
type ConnectionInternals = { pool: PoolLike; ownsPool: boolean; close(): Promise<void> };

/**
 * One pg pool per process (per database and schema) for all of BullMQ's PostgreSQL backends.
 * BullMQ builds a pool for every Queue, Worker and QueueEvents: with ten queues in the API and the
 * worker that is 30 pools, and two test suites at once ran PostgreSQL out of connections. The dedicated
 * LISTEN client of each backend stays its own (BullMQ opens it outside the pool), so the shared pool
 * never holds a long-lived client. The pool ends when the last backend using it closes.
 */
const sharedPools = new Map<string, { pool: PoolLike; users: number }>();

/**
 * BullMQ's PostgreSQL backend leaves a pooled client without an 'error' listener once it is idle:
 * when PostgreSQL restarts, the second error of a terminated connection ("Connection terminated
 * unexpectedly") is emitted with no listener and crashes the process. Every client of the pool gets
 * a listener here; the pool still drops the dead client and BullMQ reconnects on the next query.
 */
const sharedPoolPostgresBackend = ((...args: Parameters<typeof createPostgresBackend>) => {
  const backend = createPostgresBackend(...args);
  const connection = (backend as unknown as { connection?: ConnectionInternals }).connection;
  if (!connection?.pool) return backend;
  const key = JSON.stringify(args[1].connection);
  let entry = sharedPools.get(key);
  if (!entry) {
    entry = { pool: connection.pool, users: 0 };
    entry.pool.on('connect', (client) => client.on('error', () => undefined));
    sharedPools.set(key, entry);
  } else {
    void connection.pool.end().catch(() => undefined); // never used: no client was opened yet
    connection.pool = entry.pool;
  }
  connection.ownsPool = false;
  entry.users += 1;
  const shared = entry;
  const closeConnection = connection.close.bind(connection);
  let released = false;
  connection.close = async () => {
    await closeConnection();
    if (released) return;
    released = true;
    shared.users -= 1;
    if (shared.users === 0 && sharedPools.get(key) === shared) {
      sharedPools.delete(key);
      await shared.pool.end().catch(() => undefined);
    }
  };
  return backend;
}) as typeof createPostgresBackend;

/**
 * BullMQ keeps its queues in Redis when REDIS_URL is set, otherwise in PostgreSQL (BullMQ 6's
 * PostgreSQL backend), durable either way, same job code. The backend factory is process-wide and
 * must be chosen before any Queue or Worker exists; without it PostgreSQL settings would silently go
 * to ioredis on localhost:6379.
 */
export function configureQueueBackend(opts: { redisUrl: string | null; databaseUrl: string; schema: string; poolMax?: number }): {
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
  setDefaultBackendFactory(sharedPoolPostgresBackend as never);
  return { kind: 'postgres', connection: { connectionString: opts.databaseUrl, schema: opts.schema, migrate: true, max: opts.poolMax ?? 10 } };
}
