import { ConflictError } from '@ashar/kernel';
import { createHash } from 'node:crypto';

/**
 * Offline re-sends: a write made on a phone carries an id made there (`clientRequestId`). The stored
 * row keeps the SHA-256 of the request as it was first understood, so a later re-send is compared with
 * the request, not with the row as it is now (a note's status or a record's attachments change later).
 */
export function requestHash(content: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(content).sort().map((k) => [k, content[k] ?? null]), (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return createHash('sha256').update(canonical).digest('hex');
}

/** The stored row answers a re-send with the same content; other content under the same id is a conflict to resolve on the phone. */
export function sameRequestOrConflict<T extends { clientRequestHash: string | null }>(stored: T, hash: string): T {
  if (stored.clientRequestHash !== hash) throw new ConflictError('errors.budgets.clientRequestConflict', 'client request id reused with other content');
  return stored;
}
