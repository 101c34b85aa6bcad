import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CouncilMeeting } from './council-meeting.entity';
import { CouncilMembership } from './council-membership.entity';

/** Whether a current member attended a meeting (the register the secretary keeps). */
@Entity('council_meeting_attendance')
export class MeetingAttendance {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => CouncilMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_council_attendance_meeting' })
  meeting?: CouncilMeeting;

  @PrimaryColumn({ type: 'uuid' })
  membershipId: string;

  @ManyToOne(() => CouncilMembership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id', foreignKeyConstraintName: 'fk_council_attendance_membership' })
  membership?: CouncilMembership;

  @Column({ type: 'boolean' })
  present: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
