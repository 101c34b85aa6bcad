import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Municipality indicators: one immutable row per dated observation of an aiyl okrug or a city. The checks
 * repeat the input rules (http/https addresses, dates in range, the fixed e-service codes, SURVEY ⇔ an
 * answer-set id); a trigger refuses UPDATE and DELETE, and the application's login is not granted them.
 */
export class MunicipalIndicators1796910000000 implements MigrationInterface {
  name = 'MunicipalIndicators1796910000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "municipality_observations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "observed_on" date NOT NULL, "website_url" text, "website_answered" boolean, "social_accounts" jsonb NOT NULL DEFAULT '[]', "e_services" character varying(24) array NOT NULL DEFAULT '{}', "e_services_other" character varying(300), "tunduk" character varying(12) NOT NULL, "tunduk_since" date, "contact_phone" character varying(20), "contact_email" character varying(200), "contact_answered" boolean, "contact_checked_on" date, "source" character varying(8) NOT NULL, "survey_answer_set_id" character varying(100), "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_municipality_observations_source" CHECK ("source" IN ('MANUAL', 'SURVEY') AND (("source" = 'SURVEY') = ("survey_answer_set_id" IS NOT NULL))), CONSTRAINT "ck_municipality_observations_contact" CHECK (("contact_answered" IS NULL AND "contact_checked_on" IS NULL) OR "contact_phone" IS NOT NULL OR "contact_email" IS NOT NULL), CONSTRAINT "ck_municipality_observations_tunduk" CHECK ("tunduk" IN ('YES', 'NO', 'IN_PROGRESS') AND ("tunduk_since" IS NULL OR ("tunduk" <> 'NO' AND "tunduk_since" <= "observed_on"))), CONSTRAINT "ck_municipality_observations_e_services" CHECK ("e_services" <@ ARRAY['CERTIFICATES', 'HOUSEHOLD_BOOK', 'CITIZEN_APPEALS', 'APPOINTMENTS', 'LAND_AND_PROPERTY', 'LOCAL_FEES_PAYMENT', 'SOCIAL_SUPPORT', 'PERMITS', 'OTHER']::varchar[] AND ("e_services_other" IS NULL OR 'OTHER' = ANY("e_services"))), CONSTRAINT "ck_municipality_observations_socials" CHECK (jsonb_typeof("social_accounts") = 'array' AND jsonb_array_length("social_accounts") <= 10), CONSTRAINT "ck_municipality_observations_website" CHECK (("website_url" IS NULL OR ("website_url" ~ '^https?://[^[:space:]/?#]+' AND length("website_url") <= 500)) AND ("website_answered" IS NULL OR "website_url" IS NOT NULL)), CONSTRAINT "ck_municipality_observations_observed_on" CHECK ("observed_on" >= DATE '2000-01-01' AND "observed_on" <= CURRENT_DATE + 1), CONSTRAINT "PK_cf5dc5729461c5b935487238cff" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_municipality_observations_answer_set" ON "municipality_observations" ("survey_answer_set_id") WHERE "survey_answer_set_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "idx_municipality_observations_unit" ON "municipality_observations" ("unit_id", "observed_on", "created_at")`);
    await q.query(`ALTER TABLE "municipality_observations" ADD CONSTRAINT "fk_municipality_observations_unit" FOREIGN KEY ("unit_id") REFERENCES "territorial_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // History is immutable: a correction is a newer observation.
    await q.query(`CREATE FUNCTION municipality_observations_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'municipality_observations is append-only'; END $$`);
    await q.query(`CREATE TRIGGER trg_municipality_observations_immutable BEFORE UPDATE OR DELETE ON municipality_observations
      FOR EACH ROW EXECUTE FUNCTION municipality_observations_immutable()`);
    await q.query(`DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ashar_app') THEN REVOKE UPDATE, DELETE ON municipality_observations FROM ashar_app; END IF; END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_municipality_observations_immutable ON municipality_observations`);
    await q.query(`DROP FUNCTION municipality_observations_immutable()`);
    await q.query(`DROP TABLE "municipality_observations"`);
  }
}
