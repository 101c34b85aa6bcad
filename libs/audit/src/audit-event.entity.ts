import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per write that matters. Append-only (a trigger refuses UPDATE and DELETE) and hash-chained:
 * `hash` covers this row's content and `prevHash`, so altering any row breaks the chain from there on.
 */
@Entity('audit_events')
@Index('idx_audit_events_community', ['communityId', 'seq'])
export class AuditEvent {
  /** Position in the chain; assigned under an advisory lock so it follows commit order. */
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorAccountId: string | null;

  /** Assisted participation: the member (actor) acted for this resident, who was not online. */
  @Column({ type: 'uuid', nullable: true })
  onBehalfOfAccountId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  communityId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
