import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ApplicantKind, CompetitionCall } from './competition-call.entity';

export type ApplicationStatus = 'DRAFT' | 'SUBMITTED' | 'SHORTLISTED' | 'REJECTED' | 'SELECTED' | 'EXCLUDED';

/** An application to a call by an organisation or group; its editors are in `cmp_application_editors`. */
@Entity('cmp_applications')
@Index('idx_cmp_applications_call', ['callId', 'status'])
@Check('ck_cmp_applications_status', `"status" IN ('DRAFT', 'SUBMITTED', 'SHORTLISTED', 'REJECTED', 'SELECTED', 'EXCLUDED')`)
@Check('ck_cmp_applications_decision', `("status" NOT IN ('REJECTED', 'SELECTED', 'SHORTLISTED') OR "decision_reason" IS NOT NULL) AND ("status" <> 'EXCLUDED' OR "exclusion_reason" IS NOT NULL) AND ("status" <> 'SELECTED' OR "awarded_amount" IS NOT NULL)`)
@Check('ck_cmp_applications_duration', '"duration_months" > 0')
@Check('ck_cmp_applications_amounts', '"requested_amount" >= 0 AND ("awarded_amount" IS NULL OR "awarded_amount" > 0)')
export class Application extends TimestampedEntity {
  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => CompetitionCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'fk_cmp_applications_call' })
  call?: CompetitionCall;

  @Column({ type: 'varchar', length: 40 })
  directionKey: string;

  @Column({ type: 'varchar', length: 24 })
  applicantKind: ApplicantKind;

  @Column({ type: 'text' })
  organisationName: string;

  @Column({ type: 'text', nullable: true })
  partnerName: string | null;

  @Column({ type: 'text' })
  targetRegion: string;

  @Column({ type: 'text' })
  title: string;

  /** The language the application is written in (one the call accepts). */
  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'smallint' })
  durationMonths: number;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'varchar', length: 12, default: 'DRAFT' })
  status: ApplicationStatus;

  /** Draft answers per stage number: `{ "1": { ... } }`. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  drafts: Record<string, Record<string, unknown>>;

  /** Accounts the applicant asks not to be reviewed by (also conflicts). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  doNotReview: string[];

  /** Largest budget-table total of the latest submission, minor units. */
  @Column({ type: 'bigint', default: 0 })
  requestedAmount: string;

  @Column({ type: 'bigint', nullable: true })
  awardedAmount: string | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'text', nullable: true })
  exclusionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  excludedAt: Date | null;

  /** After an interview: the applicant may resubmit their latest stage until then. */
  @Column({ type: 'timestamptz', nullable: true })
  amendmentUntil: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;
}
