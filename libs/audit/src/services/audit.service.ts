import { Injectable } from '@nestjs/common';
import { managerOf, Transaction } from '@ashar/database';
import { EntityManager } from 'typeorm';
import { AuditEvent } from '../audit-event.entity';
import { GENESIS_HASH, hashAuditRecord, toJsonValue } from '../audit-hash';

/** Who did it: the signed-in account and, for assisted participation, the resident acted for. */
export interface AuditActor {
  accountId: string | null;
  onBehalfOf?: { accountId: string; reason: string } | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  communityId?: string | null;
  before?: unknown;
  after?: unknown;
}

// Any constant works; it only has to be the same for every writer of the chain.
const AUDIT_CHAIN_LOCK = 7_241_001;

@Injectable()
export class AuditService {
  /**
   * Appends to the chain inside the caller's transaction, so the audit row commits or rolls back with
   * the write it describes. The advisory lock serialises writers until commit: seq order = chain order.
   */
  async record(tx: Transaction | EntityManager, actor: AuditActor, entry: AuditEntry): Promise<AuditEvent> {
    const manager = managerOf(tx as Transaction);
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside a transaction');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last: { seq: string; hash: string }[] = await manager.query(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    const seq = last.length ? (BigInt(last[0].seq) + 1n).toString() : '1';
    const prevHash = last.length ? last[0].hash : GENESIS_HASH;
    const occurredAt = new Date();
    const content = {
      seq,
      occurredAt: occurredAt.toISOString(),
      actorAccountId: actor.accountId,
      onBehalfOfAccountId: actor.onBehalfOf?.accountId ?? null,
      reason: actor.onBehalfOf?.reason ?? null,
      communityId: entry.communityId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: toJsonValue(entry.before ?? null),
      after: toJsonValue(entry.after ?? null),
      prevHash,
    };
    const event = manager.create(AuditEvent, { ...content, occurredAt, hash: hashAuditRecord(content) });
    await manager.insert(AuditEvent, event as never);
    return event;
  }
}
