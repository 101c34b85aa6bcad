/**
 * Who was signed in on this device, for a start without a connection (the refresh cookie cannot be
 * tried then). Only the id, name and language are kept; a log-out or an ended session forgets them,
 * and a log-out also drops the cached reads (public/sw.js keeps them per person in READS_CACHE).
 */
import type { AccountSummary } from '../api/auth.operations';

const KEY = 'ashar.offlineAccount';
/** Same name as in public/sw.js. */
export const READS_CACHE = 'ashar-reads-v1';

const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

export function rememberOfflineAccount(a: AccountSummary): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ id: a.id, displayName: a.displayName, locale: a.locale }));
  } catch {
    // Private mode or a full disk: offline start simply shows the signed-out app.
  }
}

export function forgetOfflineAccount(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}

export function lastOfflineAccount(): AccountSummary | null {
  try {
    const saved = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Pick<AccountSummary, 'id' | 'displayName' | 'locale'> | null;
    return saved?.id ? { ...saved, email: null, phone: null } : null;
  } catch {
    return null;
  }
}

export async function clearOfflineReads(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(READS_CACHE).catch(() => false);
}
