import { Injectable } from '@nestjs/common';
import { Transaction } from '@ashar/database';
import { AuditEvent } from '../audit-event.entity';
import { GENESIS_HASH, hashAuditRecord, toJsonValue } from '../audit-hash';
import { AuditEventsRepository } from '../repositories/audit-events.repository';

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

@Injectable()
export class AuditService {
  // Writes need no pool (they run on the caller's transaction): the CLI and tests build this with `new`.
  private readonly events = new AuditEventsRepository();

  /**
   * Appends to the chain inside the caller's transaction, so the audit row commits or rolls back with
   * the write it describes. The advisory lock serialises writers until commit: seq order = chain order.
   */
  async record(tx: Transaction, actor: AuditActor, entry: AuditEntry): Promise<AuditEvent> {
    const last = await this.events.lockHead(tx);
    const seq = last ? (BigInt(last.seq) + 1n).toString() : '1';
    const prevHash = last ? last.hash : GENESIS_HASH;
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
    return this.events.append(tx, { ...content, occurredAt, hash: hashAuditRecord(content) } as Partial<AuditEvent>);
  }
}
