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
  /** The live window of a key without counting a hit, or null when none. */
  peek(key: string): Promise<{ count: number; resetInSeconds: number } | null>;
  /** Overwrites a key with a fresh window (a sign-in delay: "wait this long"). */
  set(key: string, count: number, windowSeconds: number): Promise<void>;
  /** Takes the key for `windowSeconds` if no live window holds it (atomic: of concurrent callers one wins). */
  claim(key: string, windowSeconds: number): Promise<boolean>;
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

  async peek(key: string) {
    const k = this.prefix + key;
    const res = await this.redis.multi().get(k).ttl(k).exec();
    const raw = res?.[0]?.[1] as string | null;
    const ttl = Number(res?.[1]?.[1] ?? -2);
    return raw === null || ttl <= 0 ? null : { count: Number(raw), resetInSeconds: ttl };
  }

  async set(key: string, count: number, windowSeconds: number) {
    await this.redis.set(this.prefix + key, String(count), 'EX', windowSeconds);
  }

  async claim(key: string, windowSeconds: number) {
    return (await this.redis.set(this.prefix + key, '1', 'EX', windowSeconds, 'NX')) === 'OK';
  }
}

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

  async reset(rule: Pick<RateLimitRule, 'name'>, subject: string): Promise<void> {
    await this.store.reset(`${rule.name}:${subject}`);
  }

  /** Counts one event under a key without refusing anything (failures counted after the fact). */
  hit(rule: RateLimitRule, subject: string): Promise<{ count: number; resetInSeconds: number }> {
    return this.store.hit(`${rule.name}:${subject}`, rule.windowSeconds);
  }

  peek(rule: Pick<RateLimitRule, 'name'>, subject: string): Promise<{ count: number; resetInSeconds: number } | null> {
    return this.store.peek(`${rule.name}:${subject}`);
  }

  /** Takes `subject` under `name` for `seconds` unless it is held already; true when this caller got it. */
  claim(rule: Pick<RateLimitRule, 'name'>, subject: string, seconds: number): Promise<boolean> {
    return this.store.claim(`${rule.name}:${subject}`, seconds);
  }

  /** Marks `subject` as held for `seconds` under `name` (read back with peek). */
  hold(rule: Pick<RateLimitRule, 'name'>, subject: string, seconds: number): Promise<void> {
    return this.store.set(`${rule.name}:${subject}`, 1, seconds);
  }
}
