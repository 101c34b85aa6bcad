/**
 * The interviewer's downloaded assignments (forms, quotas, villages), kept on the phone in IndexedDB so
 * the field screen works with no connection, per account. With each download it keeps the instance ids
 * sent since (their cells count as done until the next download brings the server's counts).
 */
import type { SvAssignment } from './surveys.operations';

export interface FieldSnapshot {
  accountId: string;
  downloadedAt: string;
  assignments: SvAssignment[];
  /** Answer sets the outbox delivered since the download: instance id → cell key. */
  sentSinceDownload: Record<string, string>;
}

const DB = 'ashar-surveys';
const STORE = 'field';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'accountId' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

const memory = new Map<string, FieldSnapshot>();

export async function loadSnapshot(accountId: string): Promise<FieldSnapshot | null> {
  if (typeof indexedDB === 'undefined') return memory.get(accountId) ?? null;
  const db = await open();
  return new Promise((resolve, reject) => {
    const r = db.transaction(STORE, 'readonly').objectStore(STORE).get(accountId);
    r.onsuccess = () => resolve((r.result as FieldSnapshot | undefined) ?? null);
    r.onerror = () => reject(r.error);
  });
}

export async function saveSnapshot(s: FieldSnapshot): Promise<void> {
  if (typeof indexedDB === 'undefined') return void memory.set(s.accountId, structuredClone(s));
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(s);
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}
