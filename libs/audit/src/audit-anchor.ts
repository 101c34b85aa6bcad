import { createHmac, timingSafeEqual } from 'crypto';
import { GENESIS_HASH } from './audit-hash';

/**
 * The chain head published outside the database (log line, anchor file, public API, exports). A later
 * verification against it shows a deleted or rewritten tail, which the chain alone cannot.
 */
export interface AuditAnchor {
  seq: string;
  hash: string;
  /** ISO-8601 time the head was read. */
  at: string;
  /** HMAC-SHA256 (hex) over seq, hash and at with AUDIT_ANCHOR_KEY; null when no key is configured. */
  signature: string | null;
}

/** What verification compares: the row at `seq` must exist and carry `hash`. */
export interface AuditAnchorRef {
  seq: string;
  hash: string;
  at?: string;
  signature?: string | null;
}

export const EMPTY_CHAIN_HEAD = { seq: '0', hash: GENESIS_HASH };

function signedText(a: { seq: string; hash: string; at: string }): string {
  return `ashar-audit-anchor:v1:${a.seq}:${a.hash}:${a.at}`;
}

export function signAnchor(a: { seq: string; hash: string; at: string }, key: string): string {
  return createHmac('sha256', key).update(signedText(a)).digest('hex');
}

/** True only for an anchor that carries a signature made with this key over exactly its seq, hash and at. */
export function anchorSignatureValid(a: AuditAnchorRef, key: string): boolean {
  if (!a.signature || !a.at) return false;
  const expected = Buffer.from(signAnchor({ seq: a.seq, hash: a.hash, at: a.at }, key), 'hex');
  const given = Buffer.from(a.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export class AnchorFormatError extends Error {}

const SEQ = /^\d{1,19}$/;
const HASH = /^[0-9a-f]{64}$/;

function checked(seq: string, hash: string, where: string): { seq: string; hash: string } {
  if (!SEQ.test(seq)) throw new AnchorFormatError(`${where}: seq must be a whole number, got "${seq}"`);
  if (!HASH.test(hash)) throw new AnchorFormatError(`${where}: hash must be 64 hex characters`);
  return { seq: BigInt(seq).toString(), hash };
}

/** `--anchor seq:hash` as typed by an operator (copied from a published anchor). */
export function parseAnchorArg(value: string): AuditAnchorRef {
  const i = value.indexOf(':');
  if (i < 0) throw new AnchorFormatError(`--anchor wants seq:hash, got "${value}"`);
  return checked(value.slice(0, i).trim(), value.slice(i + 1).trim().toLowerCase(), '--anchor');
}

/**
 * An anchor file (AUDIT_ANCHOR_FILE) or the API's own JSON log: every line that is an `audit anchor`
 * object counts, other lines (ordinary log lines, blanks) are skipped; a malformed anchor line is an error.
 */
export function parseAnchorLines(text: string, source = 'anchor file'): AuditAnchorRef[] {
  const anchors: AuditAnchorRef[] = [];
  text.split('\n').forEach((line, n) => {
    const t = line.trim();
    if (!t.startsWith('{')) return;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(t);
    } catch {
      return; // not JSON: a truncated or foreign log line
    }
    if (obj.msg !== 'audit anchor') return;
    const a = checked(String(obj.seq ?? ''), String(obj.hash ?? ''), `${source} line ${n + 1}`);
    anchors.push({ ...a, at: typeof obj.at === 'string' ? obj.at : undefined, signature: typeof obj.signature === 'string' ? obj.signature : null });
  });
  return anchors;
}
