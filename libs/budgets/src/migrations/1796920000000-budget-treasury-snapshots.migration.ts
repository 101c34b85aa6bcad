import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Execution as the treasury reports it (issue 10 item 6): an import kind TREASURY (budget_imports and
 * budget_import_uploads admit it; budget_imports.as_of keeps the as-of date chosen at upload) and its dated
 * snapshots beside the payment-by-payment records, never mixed with them: budget_treasury_snapshots (one
 * per budget and as-of date; a later import for the same date replaces it) and budget_treasury_lines (one
 * per classification code: approved plan, revised plan, cumulative actual; is_group marks a code that is
 * the prefix of another code of the same report, left out of the totals so groups are not counted twice).
 */
export class BudgetTreasurySnapshots1796920000000 implements MigrationInterface {
  name = 'BudgetTreasurySnapshots1796920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP CONSTRAINT "ck_budget_imports_kind"`);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD CONSTRAINT "ck_budget_imports_kind" CHECK ("kind" IN ('LEDGER', 'BUDGET', 'TREASURY'))`);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD "as_of" date`);
    await queryRunner.query(`ALTER TABLE "budget_import_uploads" DROP CONSTRAINT "ck_budget_import_uploads_kind"`);
    await queryRunner.query(`ALTER TABLE "budget_import_uploads" ADD CONSTRAINT "ck_budget_import_uploads_kind" CHECK ("kind" IN ('LEDGER', 'BUDGET', 'TREASURY'))`);
    await queryRunner.query(
      `CREATE TABLE "budget_treasury_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "budget_id" uuid NOT NULL, "import_id" uuid, "as_of" date NOT NULL, "line_count" integer NOT NULL, "created_by" uuid NOT NULL, CONSTRAINT "pk_budget_treasury_snapshots" PRIMARY KEY ("id"), CONSTRAINT "fk_budget_treasury_snapshots_budget" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE, CONSTRAINT "fk_budget_treasury_snapshots_import" FOREIGN KEY ("import_id") REFERENCES "budget_imports"("id") ON DELETE SET NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_treasury_snapshots_date" ON "budget_treasury_snapshots" ("budget_id", "as_of")`);
    await queryRunner.query(
      `CREATE TABLE "budget_treasury_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "snapshot_id" uuid NOT NULL, "position" integer NOT NULL, "line_key" uuid, "direction" character varying(16) NOT NULL, "economic_code" character varying(20) NOT NULL, "functional_code" character varying(20), "names" jsonb NOT NULL DEFAULT '{}', "approved_plan" bigint, "revised_plan" bigint, "cumulative_actual" bigint NOT NULL, "is_group" boolean NOT NULL, CONSTRAINT "pk_budget_treasury_lines" PRIMARY KEY ("id"), CONSTRAINT "ck_budget_treasury_lines_direction" CHECK ("direction" IN ('REVENUE', 'EXPENDITURE')), CONSTRAINT "ck_budget_treasury_lines_amounts" CHECK ("cumulative_actual" >= 0 AND ("approved_plan" IS NULL OR "approved_plan" >= 0) AND ("revised_plan" IS NULL OR "revised_plan" >= 0)), CONSTRAINT "fk_budget_treasury_lines_snapshot" FOREIGN KEY ("snapshot_id") REFERENCES "budget_treasury_snapshots"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_treasury_lines_code" ON "budget_treasury_lines" ("snapshot_id", "economic_code", (COALESCE("functional_code", '')))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "budget_treasury_lines"`);
    await queryRunner.query(`DROP TABLE "budget_treasury_snapshots"`);
    await queryRunner.query(`DELETE FROM "budget_import_uploads" WHERE "kind" = 'TREASURY'`);
    await queryRunner.query(`ALTER TABLE "budget_import_uploads" DROP CONSTRAINT "ck_budget_import_uploads_kind"`);
    await queryRunner.query(`ALTER TABLE "budget_import_uploads" ADD CONSTRAINT "ck_budget_import_uploads_kind" CHECK ("kind" IN ('LEDGER', 'BUDGET'))`);
    await queryRunner.query(`DELETE FROM "budget_imports" WHERE "kind" = 'TREASURY'`);
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP COLUMN "as_of"`);
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP CONSTRAINT "ck_budget_imports_kind"`);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD CONSTRAINT "ck_budget_imports_kind" CHECK ("kind" IN ('LEDGER', 'BUDGET'))`);
  }
}
