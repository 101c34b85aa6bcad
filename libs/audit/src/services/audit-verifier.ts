import { DataSource } from 'typeorm';
import { GENESIS_HASH, hashAuditRecord } from '../audit-hash';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose content or link does not match; everything before it is intact. */
  firstBroken?: { seq: string; problem: 'content-altered' | 'link-broken' | 'sequence-gap' };
}

interface Row {
  seq: string;
  occurred_at: Date;
  actor_account_id: string | null;
  on_behalf_of_account_id: string | null;
  reason: string | null;
  community_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** Walks the chain in pages (constant memory on a long log) and reports the first broken link. */
export async function verifyAuditChain(dataSource: DataSource, pageSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  let after = '0';
  for (;;) {
    const rows: Row[] = await dataSource.query(
      'SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2',
      [after, pageSize],
    );
    if (!rows.length) return { ok: true, checked };
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
      prevHash = r.hash;
      expectedSeq += 1n;
      checked += 1;
      after = r.seq;
    }
  }
}
