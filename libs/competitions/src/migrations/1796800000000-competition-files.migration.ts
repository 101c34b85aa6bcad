import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files behind FILE fields of applications (`cmp_files`): bytes in PostgreSQL, as budgets' receipts. */
export class CompetitionFiles1796800000000 implements MigrationInterface {
  name = 'CompetitionFiles1796800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "cmp_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "stage_number" smallint NOT NULL, "field_key" character varying(40) NOT NULL, "file_name" text NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "content" bytea NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_cmp_files_size" CHECK ("size_bytes" > 0 AND "size_bytes" <= 10485760), CONSTRAINT "PK_21dfc3f28737d2f6c1e0ed7fdcb" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_cmp_files_application" ON "cmp_files" ("application_id", "field_key") `);
    await q.query(`ALTER TABLE "cmp_files" ADD CONSTRAINT "fk_cmp_files_application" FOREIGN KEY ("application_id") REFERENCES "cmp_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "cmp_files" DROP CONSTRAINT "fk_cmp_files_application"`);
    await q.query(`DROP INDEX "public"."idx_cmp_files_application"`);
    await q.query(`DROP TABLE "cmp_files"`);
  }
}
