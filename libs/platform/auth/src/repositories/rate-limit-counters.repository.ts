import type { FactoryProvider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RateLimitStore } from '../rate-limiter';

/** The rate-limit store without Redis: every statement on `rate_limit_counters`. */
export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly dataSource: DataSource, private readonly sweepEvery = 500) {}

  /** Rows of ended windows; a flood from many addresses would otherwise leave one row per address behind. */
  async sweepExpired(): Promise<number> {
    const [, deleted] = (await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE window_ends < now() - interval '1 minute'`)) as [unknown, number];
    return deleted;
  }

  async hit(key: string, windowSeconds: number) {
    // About one hit in `sweepEvery` also clears ended windows (Redis expires its keys by itself).
    if (Math.random() * this.sweepEvery < 1) await this.sweepExpired();
    const rows: { count: number; reset_in: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters (key, count, window_ends)
         VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limit_counters.window_ends <= now() THEN 1 ELSE rate_limit_counters.count + 1 END,
         window_ends = CASE WHEN rate_limit_counters.window_ends <= now() THEN now() + make_interval(secs => $2)
                            ELSE rate_limit_counters.window_ends END
       RETURNING count, CEIL(EXTRACT(EPOCH FROM (window_ends - now())))::int AS reset_in`,
      [key, windowSeconds],
    );
    return { count: rows[0].count, resetInSeconds: Math.max(1, rows[0].reset_in) };
  }

  async reset(key: string) {
    await this.dataSource.query('DELETE FROM rate_limit_counters WHERE key = $1', [key]);
  }

  async peek(key: string) {
    const rows: { count: number; reset_in: number }[] = await this.dataSource.query(
      `SELECT count, CEIL(EXTRACT(EPOCH FROM (window_ends - now())))::int AS reset_in
         FROM rate_limit_counters WHERE key = $1 AND window_ends > now()`,
      [key],
    );
    return rows[0] ? { count: rows[0].count, resetInSeconds: Math.max(1, rows[0].reset_in) } : null;
  }

  async set(key: string, count: number, windowSeconds: number) {
    await this.dataSource.query(
      `INSERT INTO rate_limit_counters (key, count, window_ends) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (key) DO UPDATE SET count = EXCLUDED.count, window_ends = EXCLUDED.window_ends`,
      [key, count, windowSeconds],
    );
  }

  async claim(key: string, windowSeconds: number) {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters (key, count, window_ends) VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET count = 1, window_ends = EXCLUDED.window_ends
         WHERE rate_limit_counters.window_ends <= now()
       RETURNING key`,
      [key, windowSeconds],
    );
    return rows.length > 0;
  }
}

/** The store as a Nest provider, built from the pool (used only when Redis is not configured). */
export const POSTGRES_RATE_LIMIT_STORE: FactoryProvider<PostgresRateLimitStore> = {
  provide: PostgresRateLimitStore,
  inject: [DataSource],
  useFactory: (dataSource: DataSource) => new PostgresRateLimitStore(dataSource),
};
