import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Field surveys (issue 14): surveys, immutable form versions, quota cells, interviewer assignments and
 * answer sets under the phone's instance id. Generated from the entities, then reviewed; the triggers are
 * added by hand: a published form version and an answer set's content never change (an edit is a new
 * set naming the old one, which only gets `superseded_by`).
 */
export class Surveys1796900000000 implements MigrationInterface {
  name = 'Surveys1796900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "srv_surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "community_id" uuid NOT NULL, "title" jsonb NOT NULL, "consent" jsonb NOT NULL, "suppression_threshold" smallint NOT NULL DEFAULT '5', "anonymous" boolean NOT NULL DEFAULT true, "age_groups" jsonb NOT NULL DEFAULT '[]', "created_by" uuid NOT NULL, CONSTRAINT "ck_srv_surveys_threshold" CHECK ("suppression_threshold" BETWEEN 1 AND 1000), CONSTRAINT "PK_07b08ec4dc01359bc8cde98bf34" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_srv_surveys_community" ON "srv_surveys" ("community_id") `);
    await q.query(`CREATE TABLE "srv_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "survey_id" uuid NOT NULL, "account_id" uuid NOT NULL, "village_ids" jsonb NOT NULL, "quota_share" smallint, "assigned_by" uuid NOT NULL, CONSTRAINT "uq_srv_assignments_account" UNIQUE ("survey_id", "account_id"), CONSTRAINT "ck_srv_assignments_share" CHECK ("quota_share" IS NULL OR "quota_share" BETWEEN 1 AND 100), CONSTRAINT "PK_55a511434ba1066c0ddc1131904" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "srv_form_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "number" integer NOT NULL, "form" jsonb NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_srv_form_versions_number" UNIQUE ("survey_id", "number"), CONSTRAINT "PK_c9e1f16545f5ba3f8d41cd02348" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "srv_answer_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "instance_id" uuid NOT NULL, "survey_id" uuid NOT NULL, "form_version_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, "interviewer_account_id" uuid NOT NULL, "village_id" uuid NOT NULL, "gender" character varying(8) NOT NULL, "age" smallint, "age_group" character varying(40) NOT NULL, "answers" jsonb NOT NULL, "consent_given" boolean NOT NULL, "consent_language" character varying(2) NOT NULL, "consent_text" text NOT NULL, "resident_account_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "request_hash" character varying(64) NOT NULL, "over_quota" boolean NOT NULL DEFAULT false, "replaces_instance_id" uuid, "superseded_by" uuid, CONSTRAINT "uq_srv_answer_sets_instance" UNIQUE ("instance_id"), CONSTRAINT "ck_srv_answer_sets_age" CHECK ("age" IS NULL OR "age" BETWEEN 0 AND 130), CONSTRAINT "ck_srv_answer_sets_language" CHECK ("consent_language" IN ('ky', 'ru', 'kk', 'en')), CONSTRAINT "ck_srv_answer_sets_gender" CHECK ("gender" IN ('FEMALE', 'MALE')), CONSTRAINT "ck_srv_answer_sets_consent" CHECK ("consent_given" = true), CONSTRAINT "PK_eb05292b66a8ac13ae2c5eb4c64" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_srv_answer_sets_cell" ON "srv_answer_sets" ("survey_id", "village_id", "gender", "age_group") `);
    await q.query(`CREATE TABLE "srv_quota_cells" ("survey_id" uuid NOT NULL, "village_id" uuid NOT NULL, "gender" character varying(8) NOT NULL, "age_group" character varying(40) NOT NULL, "target" integer NOT NULL, CONSTRAINT "ck_srv_quota_cells_target" CHECK ("target" >= 0), CONSTRAINT "ck_srv_quota_cells_gender" CHECK ("gender" IN ('FEMALE', 'MALE')), CONSTRAINT "PK_38fcce0e4860b0f170e3ef89c1a" PRIMARY KEY ("survey_id", "village_id", "gender", "age_group"))`);
    await q.query(`ALTER TABLE "srv_surveys" ADD CONSTRAINT "fk_srv_surveys_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "srv_assignments" ADD CONSTRAINT "fk_srv_assignments_survey" FOREIGN KEY ("survey_id") REFERENCES "srv_surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "srv_form_versions" ADD CONSTRAINT "fk_srv_form_versions_survey" FOREIGN KEY ("survey_id") REFERENCES "srv_surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "srv_answer_sets" ADD CONSTRAINT "fk_srv_answer_sets_survey" FOREIGN KEY ("survey_id") REFERENCES "srv_surveys"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "srv_answer_sets" ADD CONSTRAINT "fk_srv_answer_sets_version" FOREIGN KEY ("form_version_id") REFERENCES "srv_form_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "srv_answer_sets" ADD CONSTRAINT "fk_srv_answer_sets_assignment" FOREIGN KEY ("assignment_id") REFERENCES "srv_assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "srv_quota_cells" ADD CONSTRAINT "fk_srv_quota_cells_survey" FOREIGN KEY ("survey_id") REFERENCES "srv_surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "srv_quota_cells" ADD CONSTRAINT "fk_srv_quota_cells_village" FOREIGN KEY ("village_id") REFERENCES "territorial_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`CREATE FUNCTION srv_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'check_violation'; END $$`);
    await q.query(`CREATE TRIGGER srv_form_versions_immutable BEFORE UPDATE ON "srv_form_versions" FOR EACH ROW EXECUTE FUNCTION srv_refuse_change()`);
    await q.query(`CREATE TRIGGER srv_answer_sets_content_immutable BEFORE UPDATE OF "instance_id", "survey_id", "form_version_id", "assignment_id", "interviewer_account_id", "village_id", "gender", "age", "age_group", "answers", "consent_given", "consent_language", "consent_text", "request_hash", "over_quota", "replaces_instance_id" ON "srv_answer_sets" FOR EACH ROW EXECUTE FUNCTION srv_refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER srv_answer_sets_content_immutable ON "srv_answer_sets"`);
    await q.query(`DROP TRIGGER srv_form_versions_immutable ON "srv_form_versions"`);
    await q.query(`DROP FUNCTION srv_refuse_change()`);
    await q.query(`ALTER TABLE "srv_quota_cells" DROP CONSTRAINT "fk_srv_quota_cells_village"`);
    await q.query(`ALTER TABLE "srv_quota_cells" DROP CONSTRAINT "fk_srv_quota_cells_survey"`);
    await q.query(`ALTER TABLE "srv_answer_sets" DROP CONSTRAINT "fk_srv_answer_sets_assignment"`);
    await q.query(`ALTER TABLE "srv_answer_sets" DROP CONSTRAINT "fk_srv_answer_sets_version"`);
    await q.query(`ALTER TABLE "srv_answer_sets" DROP CONSTRAINT "fk_srv_answer_sets_survey"`);
    await q.query(`ALTER TABLE "srv_form_versions" DROP CONSTRAINT "fk_srv_form_versions_survey"`);
    await q.query(`ALTER TABLE "srv_assignments" DROP CONSTRAINT "fk_srv_assignments_survey"`);
    await q.query(`ALTER TABLE "srv_surveys" DROP CONSTRAINT "fk_srv_surveys_community"`);
    await q.query(`DROP TABLE "srv_quota_cells"`);
    await q.query(`DROP INDEX "public"."idx_srv_answer_sets_cell"`);
    await q.query(`DROP TABLE "srv_answer_sets"`);
    await q.query(`DROP TABLE "srv_form_versions"`);
    await q.query(`DROP TABLE "srv_assignments"`);
    await q.query(`DROP INDEX "public"."idx_srv_surveys_community"`);
    await q.query(`DROP TABLE "srv_surveys"`);
  }
}
