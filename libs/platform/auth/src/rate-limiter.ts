import { TooManyRequestsError } from '@ashar/kernel';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

/**
 * Fixed-window counters shared by every API replica: in Redis when REDIS_URL is set, otherwise in
 * PostgreSQL (table rate_limit_counters). Keys name what is limited: an account, a phone number,
 * an address. A whole village often shares one IP, so limits never rest on the address alone.
 */
export interface RateLimitStore {
  /** Adds one hit and returns the count in the current window and seconds until it resets. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>;
  reset(key: string): Promise<void>;
}

export class RedisRateLimitStore implements RateLimitStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'ashar:rl:') {}

  async hit(key: string, windowSeconds: number) {
    const k = this.prefix + key;
    const res = await this.redis.multi().incr(k).expire(k, windowSeconds, 'NX').ttl(k).exec();
    const count = Number(res?.[0]?.[1] ?? 1);
    const ttl = Number(res?.[2]?.[1] ?? windowSeconds);
    return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds };
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }
}

export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly dataSource: DataSource) {}

  async hit(key: string, windowSeconds: number) {
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
}

export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export class RateLimiter {
  constructor(private readonly store: RateLimitStore) {}

  /** Counts one attempt under every key; throws TOO_MANY_REQUESTS if any key is over its limit. */
  async consume(rule: RateLimitRule, subjects: Array<string | null | undefined>): Promise<void> {
    let worst: number | null = null;
    for (const subject of subjects) {
      if (!subject) continue;
      const { count, resetInSeconds } = await this.store.hit(`${rule.name}:${subject}`, rule.windowSeconds);
      if (count > rule.limit) worst = Math.max(worst ?? 0, resetInSeconds);
    }
    if (worst !== null) throw new TooManyRequestsError(worst);
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    await this.store.reset(`${rule.name}:${subject}`);
  }
}
