/**
 * "Offline, shown as of …": the service worker answers a GraphQL read from its cache when the network
 * fails and says so in the `x-ashar-offline-as-of` header; the client notes it here and the layout shows
 * the marker until a fresh answer arrives.
 */
export const OFFLINE_AS_OF_HEADER = 'x-ashar-offline-as-of';
export const CACHE_SCOPE_HEADER = 'x-ashar-cache-scope';

let shownAsOf: string | null = null;
const listeners = new Set<() => void>();

export function noteAnswer(cachedAt: string | null): void {
  const next = cachedAt ? (shownAsOf && shownAsOf < cachedAt ? shownAsOf : cachedAt) : null;
  if (next === shownAsOf) return;
  shownAsOf = next;
  listeners.forEach((l) => l());
}

/** The oldest time a shown answer was cached at, or null when what is shown is fresh. */
export function offlineAsOf(): string | null {
  return shownAsOf;
}

export function onOfflineStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
