import { requestHash, sameRequestOrConflict as sameOrConflict } from '@ashar/database';

/** Budgets' phone-made writes (spending records, notes) on the platform's rule (libs/platform/database/src/client-request.ts). */
export { requestHash };

export function sameRequestOrConflict<T extends { clientRequestHash: string | null }>(stored: T, hash: string): T {
  return sameOrConflict(stored, hash, 'errors.budgets.clientRequestConflict');
}
