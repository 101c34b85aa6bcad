import { AuditAnchorRef } from '../audit-anchor';
import { GENESIS_HASH, hashAuditRecord } from '../audit-hash';
import { AuditChainSource, auditEventsOf, AuditEventRow } from '../repositories/audit-events.repository';

/**
 * content-altered, link-broken, sequence-gap: the chain contradicts itself at that row.
 * anchor-mismatch: a published anchor names another hash at that seq (the rows from there were rewritten).
 * tail-missing: a published anchor names a seq past the end of the log (the newest rows were deleted).
 */
export type AuditProblem = 'content-altered' | 'link-broken' | 'sequence-gap' | 'anchor-mismatch' | 'tail-missing';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose content or link does not match; everything before it is intact. */
  firstBroken?: { seq: string; problem: AuditProblem; detail?: string };
}

export interface VerifyOptions {
  pageSize?: number;
  /** Chain heads published earlier: each must still be in the chain, same seq, same hash. */
  anchors?: AuditAnchorRef[];
}

const short = (h: string) => `${h.slice(0, 12)}…`;

/**
 * Walks the chain in pages (constant memory on a long log) and reports the first broken link. With
 * anchors it also proves the tail: an internally consistent chain that lost or rewrote its newest rows
 * no longer contains an anchored (seq, hash).
 */
export async function verifyAuditChain(source: AuditChainSource, opts: VerifyOptions = {}): Promise<AuditVerification> {
  const events = auditEventsOf(source);
  const pageSize = opts.pageSize ?? 5000;
  const anchored = new Map<bigint, Set<string>>();
  for (const a of opts.anchors ?? []) {
    const seq = BigInt(a.seq);
    anchored.set(seq, (anchored.get(seq) ?? new Set()).add(a.hash.toLowerCase()));
  }
  const anchorMismatch = (seq: bigint, actual: string): AuditVerification['firstBroken'] | undefined => {
    const wanted = [...(anchored.get(seq) ?? [])].find((h) => h !== actual);
    return wanted
      ? { seq: String(seq), problem: 'anchor-mismatch', detail: `an anchor names hash ${short(wanted)} at seq ${seq}, the log has ${short(actual)}` }
      : undefined;
  };
  // An anchor of the empty log (seq 0) names the genesis hash.
  const genesis = anchorMismatch(0n, GENESIS_HASH);
  if (genesis) return { ok: false, checked: 0, firstBroken: genesis };
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  let after = '0';
  for (;;) {
    const rows: AuditEventRow[] = await events.page(after, pageSize);
    if (!rows.length) {
      const lastSeq = expectedSeq - 1n;
      const beyond = [...anchored.keys()].filter((s) => s > lastSeq).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))[0];
      if (beyond !== undefined) {
        return { ok: false, checked, firstBroken: { seq: String(beyond), problem: 'tail-missing', detail: `the log ends at seq ${lastSeq} but an anchor names seq ${beyond}` } };
      }
      return { ok: true, checked };
    }
    for (const r of rows) {
      if (BigInt(r.seq) !== expectedSeq) return { ok: false, checked, firstBroken: { seq: String(expectedSeq), problem: 'sequence-gap' } };
      if (r.prev_hash !== prevHash) return { ok: false, checked, firstBroken: { seq: r.seq, problem: 'link-broken' } };
      const recomputed = hashAuditRecord({
        seq: r.seq,
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorAccountId: r.actor_account_id,
        onBehalfOfAccountId: r.on_behalf_of_account_id,
        reason: r.reason,
        communityId: r.community_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) return { ok: false, checked, firstBroken: { seq: r.seq, problem: 'content-altered' } };
      const mismatch = anchorMismatch(expectedSeq, r.hash);
      if (mismatch) return { ok: false, checked, firstBroken: mismatch };
      prevHash = r.hash;
      expectedSeq += 1n;
      checked += 1;
      after = r.seq;
    }
  }
}
