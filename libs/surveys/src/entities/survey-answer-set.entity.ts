import type { Answers, Gender } from '@ashar/survey-forms';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SurveyAssignment } from './survey-assignment.entity';
import { SurveyFormVersion } from './survey-form-version.entity';
import { Survey } from './survey.entity';

/**
 * One filled questionnaire, under the instance id the phone made (unique: a re-send is the same row).
 * It keeps the form version it was given on; an edit is a new set naming the one it replaces, which
 * stays, marked superseded, and stops counting. A set for a full cell is kept with `over_quota`.
 */
@Entity('srv_answer_sets')
@Unique('uq_srv_answer_sets_instance', ['instanceId'])
@Index('idx_srv_answer_sets_cell', ['surveyId', 'villageId', 'gender', 'ageGroup'])
@Check('ck_srv_answer_sets_consent', '"consent_given" = true')
@Check('ck_srv_answer_sets_gender', `"gender" IN ('FEMALE', 'MALE')`)
@Check('ck_srv_answer_sets_language', `"consent_language" IN ('ky', 'ru', 'kk', 'en')`)
@Check('ck_srv_answer_sets_age', '"age" IS NULL OR "age" BETWEEN 0 AND 130')
export class SurveyAnswerSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  instanceId: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_srv_answer_sets_survey' })
  survey?: Survey;

  @Column({ type: 'uuid' })
  formVersionId: string;

  @ManyToOne(() => SurveyFormVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'form_version_id', foreignKeyConstraintName: 'fk_srv_answer_sets_version' })
  formVersion?: SurveyFormVersion;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => SurveyAssignment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'fk_srv_answer_sets_assignment' })
  assignment?: SurveyAssignment;

  @Column({ type: 'uuid' })
  interviewerAccountId: string;

  @Column({ type: 'uuid' })
  villageId: string;

  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  @Column({ type: 'smallint', nullable: true })
  age: number | null;

  @Column({ type: 'varchar', length: 40 })
  ageGroup: string;

  /** Only the relevant answers, as `checkAnswers` stored them. */
  @Column({ type: 'jsonb' })
  answers: Answers;

  @Column({ type: 'boolean' })
  consentGiven: boolean;

  @Column({ type: 'varchar', length: 2 })
  consentLanguage: string;

  /** The consent text as read to the respondent (the survey's text may change later). */
  @Column({ type: 'text' })
  consentText: string;

  /** A resident's account, only for a survey that is not anonymous. */
  @Column({ type: 'uuid', nullable: true })
  residentAccountId: string | null;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  completedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  /** SHA-256 of the request as first understood (a re-send is compared with it). */
  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'boolean', default: false })
  overQuota: boolean;

  @Column({ type: 'uuid', nullable: true })
  replacesInstanceId: string | null;

  /** The instance id of the edit that replaced this set; a superseded set no longer counts. */
  @Column({ type: 'uuid', nullable: true })
  supersededBy: string | null;
}
