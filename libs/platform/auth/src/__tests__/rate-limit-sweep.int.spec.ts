import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { DataSource } from 'typeorm';
import { PostgresRateLimitStore } from '../rate-limiter';

describe('PostgresRateLimitStore (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('rl_sweep');
    ds = new DataSource({ type: 'postgres', url: db.url });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('sweeps rows of ended windows and keeps live ones', async () => {
    await ds.query(`INSERT INTO rate_limit_counters (key, count, window_ends) VALUES ('old', 3, now() - interval '1 hour'), ('live', 1, now() + interval '1 hour')`);
    expect(await new PostgresRateLimitStore(ds).sweepExpired()).toBe(1);
    expect((await ds.query('SELECT key FROM rate_limit_counters ORDER BY key')).map((r: { key: string }) => r.key)).toEqual(['live']);
  });

  it('claims a key once until its window ends; peek reads without counting', async () => {
    const store = new PostgresRateLimitStore(ds, Number.POSITIVE_INFINITY);
    const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim('slot', 30)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.peek('slot')).toMatchObject({ count: 1 });
    await ds.query(`UPDATE rate_limit_counters SET window_ends = now() - interval '1 second' WHERE key = 'slot'`);
    expect(await store.peek('slot')).toBeNull();
    expect(await store.claim('slot', 30)).toBe(true);
  });
});
