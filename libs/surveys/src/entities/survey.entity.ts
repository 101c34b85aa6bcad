import { TimestampedEntity } from '@ashar/database';
import type { AgeGroup, Localized } from '@ashar/survey-forms';
import { Community } from '@ashar/territory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/** A community's field survey: its title and consent text (ky/ru/kk/en), age groups, suppression threshold. */
@Entity('srv_surveys')
@Index('idx_srv_surveys_community', ['communityId'])
@Check('ck_srv_surveys_threshold', '"suppression_threshold" BETWEEN 1 AND 1000')
export class Survey extends TimestampedEntity {
  @Column({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_srv_surveys_community' })
  community?: Community;

  @Column({ type: 'jsonb' })
  title: Localized;

  /** Read to the respondent before the first question; the language read is recorded per answer set. */
  @Column({ type: 'jsonb' })
  consent: Localized;

  /** Results cells under this many people are suppressed (issue 14: default 5). */
  @Column({ type: 'smallint', default: 5 })
  suppressionThreshold: number;

  /** true: answer sets never name a resident; false: an answer set may link a resident's account. */
  @Column({ type: 'boolean', default: true })
  anonymous: boolean;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  ageGroups: AgeGroup[];

  @Column({ type: 'uuid' })
  createdBy: string;
}
