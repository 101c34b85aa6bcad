/**
 * Per-process memory of "is this session still live?", so checking a bearer token costs one query per
 * session per few seconds, not one per request. Bounded (oldest entries dropped first). A log-out in this
 * process is seen at once (`set(sid, false)`); one in another replica after at most `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { live: boolean; until: number }>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 10_000) {}

  get(sid: string, now = Date.now()): boolean | undefined {
    const e = this.entries.get(sid);
    if (!e) return undefined;
    if (e.until <= now) {
      this.entries.delete(sid);
      return undefined;
    }
    return e.live;
  }

  set(sid: string, live: boolean, now = Date.now()): void {
    // After the TTL the database answers again, and a revoked session stays revoked there.
    if (this.ttlMs <= 0) return;
    this.entries.delete(sid);
    this.entries.set(sid, { live, until: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
