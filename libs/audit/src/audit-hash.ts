import { createHash } from 'crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecordContent {
  seq: string;
  occurredAt: string; // ISO-8601, millisecond precision
  actorAccountId: string | null;
  onBehalfOfAccountId: string | null;
  reason: string | null;
  communityId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

/** JSON with sorted keys: jsonb reorders keys, so the hash must not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function hashAuditRecord(content: AuditRecordContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Values go through JSON once before hashing and storing, so what is hashed is what jsonb keeps. */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
