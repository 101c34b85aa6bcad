import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit-event.entity';

// Any constant works; it only has to be the same for every writer of the chain.
const AUDIT_CHAIN_LOCK = 7_241_001;

/** A stored row as the verifier reads it (column names as in the table). */
export interface AuditEventRow {
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

/** Every statement on `audit_events`. Writes run in the caller's transaction only (no pool needed). */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectDataSource() private readonly db?: DataSource) {}

  /** Serialises chain writers until the transaction ends, then reads the head. */
  async lockHead(tx: Transaction): Promise<{ seq: string; hash: string } | null> {
    const m = managerOf(tx);
    if (!m.queryRunner?.isTransactionActive) throw new Error('AuditService.record must run inside a transaction');
    await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last: { seq: string; hash: string }[] = await m.query('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    return last[0] ?? null;
  }

  async append(tx: Transaction, values: Partial<AuditEvent>): Promise<AuditEvent> {
    const m = managerOf(tx);
    const event = m.create(AuditEvent, values);
    await m.insert(AuditEvent, event as never);
    return event;
  }

  /** The head outside any transaction; `background` marks the statement as no request's (SQL accounting). */
  async head(background = false): Promise<{ seq: string; hash: string } | null> {
    const runner = this.pool().createQueryRunner();
    if (background) runner.data = { background: 'audit-anchor' };
    try {
      const rows: { seq: string; hash: string }[] = await runner.query('SELECT seq::text AS seq, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1');
      return rows[0] ?? null;
    } finally {
      await runner.release();
    }
  }

  page(afterSeq: string, limit: number): Promise<AuditEventRow[]> {
    return this.pool().query('SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
  }

  private pool(): DataSource {
    if (!this.db) throw new Error('AuditEventsRepository: no connection for reads');
    return this.db;
  }
}

/** What callers outside Nest (the CLI, tests) hand to the verifier: a connection, or the repository. */
export type AuditChainSource = DataSource | AuditEventsRepository;

export function auditEventsOf(source: AuditChainSource): AuditEventsRepository {
  return source instanceof AuditEventsRepository ? source : new AuditEventsRepository(source);
}
