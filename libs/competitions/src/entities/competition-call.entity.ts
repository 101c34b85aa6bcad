import { TimestampedEntity } from '@ashar/database';
import { Community } from '@ashar/territory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

export type CallStatus = 'DRAFT' | 'OPEN' | 'RESULTS_PUBLISHED';
export type ApplicantKind = 'NGO' | 'PUBLIC_FOUNDATION' | 'INITIATIVE_GROUP' | 'SCHOOL' | 'BUSINESS' | 'INDIVIDUAL' | 'PUBLIC_COUNCIL' | 'LOCAL_GOVERNMENT';
export type LocalizedText = Partial<Record<'ky' | 'ru' | 'en' | 'kk', string | null>>;
export interface CallDirection {
  key: string;
  name: LocalizedText;
}
export interface CallCriterion {
  key: string;
  name: LocalizedText;
  weight: number;
  min: number;
  max: number;
}

/**
 * A call for proposals run by a community (a foundation, a public council, a local government: the
 * organiser), with its directions, eligibility, cap, published criteria and time zone.
 */
@Entity('cmp_calls')
@Index('idx_cmp_calls_community', ['communityId'])
@Check('ck_cmp_calls_status', `"status" IN ('DRAFT', 'OPEN', 'RESULTS_PUBLISHED')`)
@Check('ck_cmp_calls_cap', '"grant_cap" > 0')
@Check('ck_cmp_calls_duration', '"max_duration_months" > 0')
@Check('ck_cmp_calls_currency', `"currency" IN ('KGS', 'KZT', 'USD', 'EUR')`)
export class CompetitionCall extends TimestampedEntity {
  @Column({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_cmp_calls_community' })
  community?: Community;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  summary: LocalizedText;

  @Column({ type: 'varchar', length: 20, default: 'DRAFT' })
  status: CallStatus;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  /** Minor units (cents, tyiyn); bigint arrives from pg as a string. */
  @Column({ type: 'bigint' })
  grantCap: string;

  @Column({ type: 'smallint' })
  maxDurationMonths: number;

  /** IANA zone the deadlines are stated in, e.g. Asia/Bishkek. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'jsonb' })
  languages: string[];

  @Column({ type: 'jsonb' })
  applicantKinds: ApplicantKind[];

  @Column({ type: 'jsonb' })
  directions: CallDirection[];

  @Column({ type: 'jsonb' })
  criteria: CallCriterion[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  requiredDocuments: LocalizedText[];

  /** Experts see applications without the applicant's name (the organisers still see it). */
  @Column({ type: 'boolean', default: false })
  anonymousReview: boolean;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  resultsPublishedAt: Date | null;
}
