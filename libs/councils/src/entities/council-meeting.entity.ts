import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CouncilBody } from './council-body.entity';

export type MeetingAccess = 'OPEN' | 'CLOSED';
/** SCHEDULED until the secretary closes it (HELD): no vote or decision after that. */
export type MeetingStatus = 'SCHEDULED' | 'HELD';
export type MinutesStatus = 'NONE' | 'DRAFT' | 'APPROVED';

/**
 * A sitting of a body. An OPEN meeting's agenda and decisions are public; a CLOSED one's only once
 * published (`publishedAt`). Minutes are drafted by the secretary and approved by a decision on an
 * agenda item that links them (link kind MINUTES).
 */
@Entity('council_meetings')
@Index('idx_council_meetings_body', ['bodyId', 'startsAt'])
@Check('ck_council_meetings_access', `"access" IN ('OPEN', 'CLOSED')`)
@Check('ck_council_meetings_status', `"status" IN ('SCHEDULED', 'HELD')`)
@Check('ck_council_meetings_minutes', `"minutes_status" IN ('NONE', 'DRAFT', 'APPROVED')`)
@Check('ck_council_meetings_times', `"ends_at" IS NULL OR "ends_at" >= "starts_at"`)
export class CouncilMeeting extends TimestampedEntity {
  @Column({ type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => CouncilBody, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'fk_council_meetings_body' })
  body?: CouncilBody;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  /** IANA zone the meeting is announced in (Asia/Bishkek, Asia/Almaty ...). */
  @Column({ type: 'varchar', length: 40 })
  timeZone: string;

  @Column({ type: 'varchar', length: 8 })
  access: MeetingAccess;

  @Column({ type: 'varchar', length: 10, default: 'SCHEDULED' })
  status: MeetingStatus;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'text', nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  minutesText: string | null;

  @Column({ type: 'varchar', length: 10, default: 'NONE' })
  minutesStatus: MinutesStatus;

  @Column({ type: 'uuid', nullable: true })
  minutesDraftedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  minutesApprovedAt: Date | null;

  /** The agenda item whose adopted decision approved the minutes. */
  @Column({ type: 'uuid', nullable: true })
  minutesApprovedByItemId: string | null;
}
