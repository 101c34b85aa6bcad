import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Survey } from './survey.entity';

/** An interviewer (an account with INTERVIEWER in the survey's community) sent to some villages. */
@Entity('srv_assignments')
@Unique('uq_srv_assignments_account', ['surveyId', 'accountId'])
@Check('ck_srv_assignments_share', '"quota_share" IS NULL OR "quota_share" BETWEEN 1 AND 100')
export class SurveyAssignment extends TimestampedEntity {
  @Column({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_srv_assignments_survey' })
  survey?: Survey;

  @Column({ type: 'uuid' })
  accountId: string;

  /** Territorial unit ids of the villages this interviewer works in. */
  @Column({ type: 'jsonb' })
  villageIds: string[];

  /** Per cent of each cell's target this phone is given (the phone refuses past it); null: the whole cell. */
  @Column({ type: 'smallint', nullable: true })
  quotaShare: number | null;

  @Column({ type: 'uuid' })
  assignedBy: string;
}
