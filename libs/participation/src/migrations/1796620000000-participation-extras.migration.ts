import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11's extras: districts (with their own envelopes) and categories per process, merged
 * duplicates (status MERGED with a link), photos, and implementation tracking (projects, their
 * updates and subscribers); the outcome gains the count per district.
 */
export class ParticipationExtras1796620000000 implements MigrationInterface {
  name = 'ParticipationExtras1796620000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pb_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "process_id" uuid NOT NULL, "name" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ad23f0ad3cf470fedd36b3a2aca" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_pb_categories_process" ON "pb_categories" ("process_id")`);
    await q.query(`CREATE TABLE "pb_districts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "process_id" uuid NOT NULL, "name" jsonb NOT NULL, "envelope" bigint, "unit_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_districts_envelope" CHECK ("envelope" IS NULL OR "envelope" > 0), CONSTRAINT "PK_4987dd204b5701060db9b230737" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_pb_districts_process" ON "pb_districts" ("process_id")`);
    await q.query(`CREATE TABLE "pb_projects" ("proposal_id" uuid NOT NULL, "process_id" uuid NOT NULL, "stage" character varying(16) NOT NULL DEFAULT 'PLANNED', "progress" smallint NOT NULL DEFAULT '0', "budget_id" uuid, "line_key" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_projects_line" CHECK (("budget_id" IS NULL) = ("line_key" IS NULL)), CONSTRAINT "ck_pb_projects_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "ck_pb_projects_stage" CHECK ("stage" IN ('PLANNED', 'PROCUREMENT', 'IN_PROGRESS', 'DONE')), CONSTRAINT "PK_d11d1ae28f3ded61259adf92cde" PRIMARY KEY ("proposal_id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_pb_projects_budget_line" ON "pb_projects" ("budget_id", "line_key") WHERE "budget_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "idx_pb_projects_process" ON "pb_projects" ("process_id")`);
    await q.query(`CREATE TABLE "pb_project_subscriptions" ("proposal_id" uuid NOT NULL, "account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_72114805e73d0cfcde1a160ad01" PRIMARY KEY ("proposal_id", "account_id"))`);
    await q.query(`CREATE TABLE "pb_project_updates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "stage" character varying(16) NOT NULL, "progress" smallint NOT NULL, "body" text NOT NULL, "author_account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_project_updates_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "ck_pb_project_updates_stage" CHECK ("stage" IN ('PLANNED', 'PROCUREMENT', 'IN_PROGRESS', 'DONE')), CONSTRAINT "PK_d472d7e7d6a24fce83fa75c3abc" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_pb_project_updates_project" ON "pb_project_updates" ("proposal_id", "created_at")`);
    await q.query(`CREATE TABLE "pb_photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "update_id" uuid, "file_name" text NOT NULL, "content_type" character varying(40) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character varying(64) NOT NULL, "content" bytea NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_photos_type" CHECK ("content_type" IN ('image/jpeg', 'image/png')), CONSTRAINT "ck_pb_photos_size" CHECK ("size_bytes" > 0 AND "size_bytes" <= 5242880), CONSTRAINT "PK_bcde39c5928d4930a2ff4fc827c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_pb_photos_same" ON "pb_photos" ("proposal_id", "sha256")`);
    await q.query(`CREATE INDEX "idx_pb_photos_proposal" ON "pb_photos" ("proposal_id")`);
    await q.query(`ALTER TABLE "pb_outcomes" ADD "districts" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "pb_proposals" ADD "district_id" uuid`);
    await q.query(`ALTER TABLE "pb_proposals" ADD "category_id" uuid`);
    await q.query(`ALTER TABLE "pb_proposals" ADD "merged_into_id" uuid`);
    await q.query(`ALTER TABLE "pb_proposals" DROP CONSTRAINT "ck_pb_proposals_status"`);
    await q.query(`ALTER TABLE "pb_proposals" ADD CONSTRAINT "ck_pb_proposals_status" CHECK ("status" IN ('SUBMITTED', 'FEASIBLE', 'REJECTED', 'MERGED'))`);
    await q.query(`ALTER TABLE "pb_proposals" ADD CONSTRAINT "ck_pb_proposals_merged" CHECK (("status" = 'MERGED') = ("merged_into_id" IS NOT NULL))`);
    await q.query(`ALTER TABLE "pb_categories" ADD CONSTRAINT "fk_pb_categories_process" FOREIGN KEY ("process_id") REFERENCES "pb_processes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_districts" ADD CONSTRAINT "fk_pb_districts_process" FOREIGN KEY ("process_id") REFERENCES "pb_processes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_proposals" ADD CONSTRAINT "fk_pb_proposals_district" FOREIGN KEY ("district_id") REFERENCES "pb_districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_proposals" ADD CONSTRAINT "fk_pb_proposals_category" FOREIGN KEY ("category_id") REFERENCES "pb_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_proposals" ADD CONSTRAINT "fk_pb_proposals_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "pb_proposals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_projects" ADD CONSTRAINT "fk_pb_projects_proposal" FOREIGN KEY ("proposal_id") REFERENCES "pb_proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_project_subscriptions" ADD CONSTRAINT "fk_pb_project_subscriptions_project" FOREIGN KEY ("proposal_id") REFERENCES "pb_projects"("proposal_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_project_updates" ADD CONSTRAINT "fk_pb_project_updates_project" FOREIGN KEY ("proposal_id") REFERENCES "pb_projects"("proposal_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_photos" ADD CONSTRAINT "fk_pb_photos_proposal" FOREIGN KEY ("proposal_id") REFERENCES "pb_proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "pb_photos"`);
    await q.query(`DROP TABLE "pb_project_updates"`);
    await q.query(`DROP TABLE "pb_project_subscriptions"`);
    await q.query(`DROP TABLE "pb_projects"`);
    await q.query(`ALTER TABLE "pb_proposals" DROP CONSTRAINT "fk_pb_proposals_merged_into"`);
    await q.query(`ALTER TABLE "pb_proposals" DROP CONSTRAINT "fk_pb_proposals_category"`);
    await q.query(`ALTER TABLE "pb_proposals" DROP CONSTRAINT "fk_pb_proposals_district"`);
    await q.query(`ALTER TABLE "pb_proposals" DROP CONSTRAINT "ck_pb_proposals_merged"`);
    await q.query(`UPDATE "pb_proposals" SET "status" = 'REJECTED', "rejection_reason" = coalesce("rejection_reason", 'merged') WHERE "status" = 'MERGED'`);
    await q.query(`ALTER TABLE "pb_proposals" DROP CONSTRAINT "ck_pb_proposals_status"`);
    await q.query(`ALTER TABLE "pb_proposals" ADD CONSTRAINT "ck_pb_proposals_status" CHECK ("status" IN ('SUBMITTED', 'FEASIBLE', 'REJECTED'))`);
    await q.query(`ALTER TABLE "pb_proposals" DROP COLUMN "merged_into_id"`);
    await q.query(`ALTER TABLE "pb_proposals" DROP COLUMN "category_id"`);
    await q.query(`ALTER TABLE "pb_proposals" DROP COLUMN "district_id"`);
    await q.query(`ALTER TABLE "pb_outcomes" DROP COLUMN "districts"`);
    await q.query(`DROP TABLE "pb_districts"`);
    await q.query(`DROP TABLE "pb_categories"`);
  }
}
