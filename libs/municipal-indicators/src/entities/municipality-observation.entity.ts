import { TerritorialUnit } from '@ashar/territory';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EServiceCode, ObservationSource, SocialAccount, TundukStatus } from '../domain/indicators';

/**
 * One dated observation of a municipality's digital presence. Immutable (a trigger refuses UPDATE and
 * DELETE): a correction is a newer observation, and the latest (observed_on, then created_at) is current.
 */
@Entity('municipality_observations')
@Index('idx_municipality_observations_unit', ['unitId', 'observedOn', 'createdAt'])
@Index('uq_municipality_observations_answer_set', ['surveyAnswerSetId'], { unique: true, where: '"survey_answer_set_id" IS NOT NULL' })
@Check('ck_municipality_observations_observed_on', `"observed_on" >= DATE '2000-01-01' AND "observed_on" <= CURRENT_DATE + 1`)
@Check('ck_municipality_observations_website', `("website_url" IS NULL OR ("website_url" ~ '^https?://[^[:space:]/?#]+' AND length("website_url") <= 500)) AND ("website_answered" IS NULL OR "website_url" IS NOT NULL)`)
@Check('ck_municipality_observations_socials', `jsonb_typeof("social_accounts") = 'array' AND jsonb_array_length("social_accounts") <= 10`)
@Check('ck_municipality_observations_e_services', `"e_services" <@ ARRAY['CERTIFICATES', 'HOUSEHOLD_BOOK', 'CITIZEN_APPEALS', 'APPOINTMENTS', 'LAND_AND_PROPERTY', 'LOCAL_FEES_PAYMENT', 'SOCIAL_SUPPORT', 'PERMITS', 'OTHER']::varchar[] AND ("e_services_other" IS NULL OR 'OTHER' = ANY("e_services"))`)
@Check('ck_municipality_observations_tunduk', `"tunduk" IN ('YES', 'NO', 'IN_PROGRESS') AND ("tunduk_since" IS NULL OR ("tunduk" <> 'NO' AND "tunduk_since" <= "observed_on"))`)
@Check('ck_municipality_observations_contact', `("contact_answered" IS NULL AND "contact_checked_on" IS NULL) OR "contact_phone" IS NOT NULL OR "contact_email" IS NOT NULL`)
@Check('ck_municipality_observations_source', `"source" IN ('MANUAL', 'SURVEY') AND (("source" = 'SURVEY') = ("survey_answer_set_id" IS NOT NULL))`)
export class MunicipalityObservation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => TerritorialUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_municipality_observations_unit' })
  unit?: TerritorialUnit;

  @Column({ type: 'date' })
  observedOn: string;

  @Column({ type: 'text', nullable: true })
  websiteUrl: string | null;

  /** Whether the site answered when it was checked on observedOn; null = not checked. */
  @Column({ type: 'boolean', nullable: true })
  websiteAnswered: boolean | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  socialAccounts: SocialAccount[];

  @Column({ type: 'varchar', length: 24, array: true, default: () => "'{}'" })
  eServices: EServiceCode[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  eServicesOther: string | null;

  @Column({ type: 'varchar', length: 12 })
  tunduk: TundukStatus;

  @Column({ type: 'date', nullable: true })
  tundukSince: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'boolean', nullable: true })
  contactAnswered: boolean | null;

  @Column({ type: 'date', nullable: true })
  contactCheckedOn: string | null;

  @Column({ type: 'varchar', length: 8 })
  source: ObservationSource;

  /** The surveys server's answer-set id, opaque here; one observation per answer set. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  surveyAnswerSetId: string | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
