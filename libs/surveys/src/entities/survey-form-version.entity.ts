import type { SurveyForm } from '@ashar/survey-forms';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Survey } from './survey.entity';

/** One published questionnaire of a survey, numbered 1, 2, …; never changed (a database trigger refuses updates). */
@Entity('srv_form_versions')
@Unique('uq_srv_form_versions_number', ['surveyId', 'number'])
export class SurveyFormVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_srv_form_versions_survey' })
  survey?: Survey;

  @Column({ type: 'integer' })
  number: number;

  /** The `SurveyForm` of @ashar/survey-forms, as checked by `checkForm` when published. */
  @Column({ type: 'jsonb' })
  form: SurveyForm;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
