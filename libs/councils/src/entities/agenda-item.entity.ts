import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CouncilMeeting } from './council-meeting.entity';

export type AgendaLinkKind = 'BUDGET_VERSION' | 'PROPOSAL' | 'COMPETITION' | 'DOCUMENT' | 'MINUTES' | 'QUESTION';

/** A point of a meeting's agenda, in order; it may point at what it discusses. */
@Entity('council_agenda_items')
@Index('uq_council_agenda_items_position', ['meetingId', 'position'], { unique: true })
@Check('ck_council_agenda_items_link', `"link_kind" IS NULL OR "link_kind" IN ('BUDGET_VERSION', 'PROPOSAL', 'COMPETITION', 'DOCUMENT', 'MINUTES', 'QUESTION')`)
@Check('ck_council_agenda_items_link_target', `("link_kind" IS NULL AND "link_id" IS NULL AND "link_url" IS NULL) OR ("link_kind" = 'DOCUMENT' AND "link_url" IS NOT NULL) OR ("link_kind" <> 'DOCUMENT' AND "link_id" IS NOT NULL)`)
export class AgendaItem extends TimestampedEntity {
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => CouncilMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_council_agenda_items_meeting' })
  meeting?: CouncilMeeting;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  linkKind: AgendaLinkKind | null;

  @Column({ type: 'uuid', nullable: true })
  linkId: string | null;

  @Column({ type: 'text', nullable: true })
  linkUrl: string | null;
}
