import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * budget_import_uploads (a file uploaded once to be previewed, then imported from there on confirm) and
 * the side rule of an import and of a community's saved mapping (`side`: where revenue/expenditure comes
 * from, the file's words for it). Existing rows: NULL (the side column if any, else the code, as before).
 */
export class BudgetImportUploadsSide1796400000200 implements MigrationInterface {
  name = 'BudgetImportUploadsSide1796400000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "budget_import_uploads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "community_id" uuid NOT NULL, "budget_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "file_name" text NOT NULL, "file_sha256" text NOT NULL, "bytes" integer NOT NULL, "content" bytea NOT NULL, "created_by" uuid NOT NULL, "locale" character varying(2), CONSTRAINT "ck_budget_import_uploads_kind" CHECK ("kind" IN ('LEDGER', 'BUDGET')), CONSTRAINT "PK_74c402e2080318eb049d10fb5b2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_budget_import_uploads_budget" ON "budget_import_uploads" ("budget_id", "created_by", "created_at") `);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD "side" jsonb`);
    await queryRunner.query(`ALTER TABLE "budget_import_mappings" ADD "side" jsonb`);
    await queryRunner.query(`ALTER TABLE "budget_import_uploads" ADD CONSTRAINT "fk_budget_import_uploads_budget" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_import_uploads" DROP CONSTRAINT "fk_budget_import_uploads_budget"`);
    await queryRunner.query(`ALTER TABLE "budget_import_mappings" DROP COLUMN "side"`);
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP COLUMN "side"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_import_uploads_budget"`);
    await queryRunner.query(`DROP TABLE "budget_import_uploads"`);
  }
}
