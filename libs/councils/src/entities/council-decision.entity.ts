import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AgendaItem } from './agenda-item.entity';
import { CouncilBody } from './council-body.entity';

/** The body's decision on one agenda item: its text and the roll call's count under the body's rule. */
@Entity('council_decisions')
@Index('uq_council_decisions_item', ['agendaItemId'], { unique: true })
@Index('idx_council_decisions_body', ['bodyId', 'decidedOn'])
@Check('ck_council_decisions_outcome', `"outcome" IN ('ADOPTED', 'REJECTED')`)
export class CouncilDecision extends TimestampedEntity {
  @Column({ type: 'uuid' })
  agendaItemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_council_decisions_item' })
  agendaItem?: AgendaItem;

  @Column({ type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => CouncilBody, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'fk_council_decisions_body' })
  body?: CouncilBody;

  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 10 })
  outcome: 'ADOPTED' | 'REJECTED';

  @Column({ type: 'date' })
  decidedOn: string;

  @Column({ type: 'smallint' }) members: number;
  @Column({ type: 'smallint' }) present: number;
  @Column({ type: 'smallint' }) votesFor: number;
  @Column({ type: 'smallint' }) votesAgainst: number;
  @Column({ type: 'smallint' }) abstentions: number;
  @Column({ type: 'smallint' }) absent: number;

  /** The pure count (`decide`) as computed, with the rule it applied. */
  @Column({ type: 'jsonb' })
  explanation: object;

  /** Folded text for full-text search (`searchText`); the GIN index over it is in the migration. */
  @Index('idx_council_decisions_search', { synchronize: false })
  @Column({ type: 'text' })
  searchText: string;
}
