import type { Gender } from '@ashar/survey-forms';
import { TerritorialUnit } from '@ashar/territory';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Survey } from './survey.entity';

/** The sample plan: a target of answer sets per village × gender × age group. */
@Entity('srv_quota_cells')
@Check('ck_srv_quota_cells_gender', `"gender" IN ('FEMALE', 'MALE')`)
@Check('ck_srv_quota_cells_target', '"target" >= 0')
export class SurveyQuotaCell {
  @PrimaryColumn({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_srv_quota_cells_survey' })
  survey?: Survey;

  @PrimaryColumn({ type: 'uuid' })
  villageId: string;

  @ManyToOne(() => TerritorialUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'fk_srv_quota_cells_village' })
  village?: TerritorialUnit;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  gender: Gender;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ageGroup: string;

  @Column({ type: 'integer' })
  target: number;
}
