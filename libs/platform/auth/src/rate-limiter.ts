import { TooManyRequestsError } from '@ashar/kernel';
import type { Redis } from 'ioredis';

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

// PostgreSQL's store holds SQL, so it lives with the repositories; re-exported for existing imports.
export { PostgresRateLimitStore } from './repositories/rate-limit-counters.repository';

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
