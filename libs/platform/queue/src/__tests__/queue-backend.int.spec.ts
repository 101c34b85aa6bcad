import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { configureQueueBackend } from '../queue-backend';

// Connections of the test database other than our own probe, grouped: BullMQ names its LISTEN clients,
// the shared query pool's clients have no application_name.
async function connections(db: TestDatabase): Promise<{ pooled: number; listen: number }> {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const r = await c.query<{ pooled: string; listen: string }>(
      `SELECT count(*) FILTER (WHERE application_name = '') AS pooled, count(*) FILTER (WHERE application_name <> '') AS listen
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [db.name],
    );
    return { pooled: Number(r.rows[0].pooled), listen: Number(r.rows[0].listen) };
  } finally {
    await c.end();
  }
}

describe('queues on PostgreSQL share one pool per process', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('queuepool');
  });
  afterAll(async () => {
    configureQueueBackend({ redisUrl: 'redis://127.0.0.1:6379', databaseUrl: '', schema: 'bullmq' }); // back to the default factory
    await db?.drop();
  });

  it('twelve queues and their workers open at most the pool size plus one LISTEN client per worker, and close it all', async () => {
    const { connection } = configureQueueBackend({ redisUrl: null, databaseUrl: db.appUrl, schema: 'bullmq', poolMax: 3 });
    const names = Array.from({ length: 12 }, (_, i) => `pool-test-${i}`);
    const queues = names.map((n) => new Queue(n, { connection: connection as never }));
    const done: string[] = [];
    const workers = names.map(
      (n) =>
        new Worker(
          n,
          async (job) => {
            done.push(job.queueName);
          },
          { connection: connection as never, concurrency: 2 },
        ),
    );
    await Promise.all([...queues, ...workers].map((q) => q.waitUntilReady()));
    await Promise.all(queues.map((q) => q.add('work', { n: 1 })));
    for (let i = 0; i < 200 && done.length < names.length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(done.sort()).toEqual([...names].sort());

    const during = await connections(db);
    // Before: a pool of 5 per Queue and per Worker (24 pools). Now one pool of 3 for all of them.
    expect(during.pooled).toBeLessThanOrEqual(3);
    expect(during.listen).toBeLessThanOrEqual(names.length);

    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(queues.map((q) => q.close()));
    let after = await connections(db);
    for (let i = 0; i < 40 && after.pooled + after.listen > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await connections(db);
    }
    expect(after).toEqual({ pooled: 0, listen: 0 });
  });
});
