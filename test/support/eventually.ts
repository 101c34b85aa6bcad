/** Polls `probe` until it gives something truthy (returned) or `ms` pass (throws): for work done by a queue or another process. */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, ms = 20000, everyMs = 50): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
