import { ConflictError } from '@ashar/kernel';
import { createHash } from 'node:crypto';

/**
 * Offline re-sends (every context's phone-made writes): a write carries an id made on the phone
 * (`clientRequestId`); the stored row keeps the SHA-256 of the request as first understood, so a re-send
 * is compared with the request, not with the row as it is now. Same id + same content: the stored row
 * answers again; same id + other content: a CONFLICT for the phone to show (ODK Central's rule).
 */
export function requestHash(content: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(content).sort().map((k) => [k, content[k] ?? null]), (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return createHash('sha256').update(canonical).digest('hex');
}

/** The stored row when its request hash matches; a CONFLICT with the context's message key otherwise. */
export function sameRequestOrConflict<T extends { clientRequestHash: string | null }>(stored: T, hash: string, messageKey: string): T {
  if (stored.clientRequestHash !== hash) throw new ConflictError(messageKey, 'client request id reused with other content');
  return stored;
}
