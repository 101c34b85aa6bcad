import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets, issue 10 item 6 (the real budget model). budget_lines: each line's special funds (атайын каражаттар / специальные
 * средства), the part of its amount that is not budget funds, and its amounts for the two forecast years
 * (fiscal year + 1, + 2). Existing rows keep their amount as budget funds (special funds 0, no
 * forecast): the constant default needs no row rewrite, so the frozen-lines trigger is not involved.
 * Checks: special funds between 0 and the amount, forecasts non-negative when given.
 * budget_versions: the kind of a version in the cycle: ORIGINAL (number 1, as first approved), FINAL (the
 * final budget approved at year end, after the republican budget law), AMENDMENT (during the year);
 * existing versions after the first become amendments (what they were labelled before).
 */
export class BudgetRealModel1796500000300 implements MigrationInterface {
  name = 'BudgetRealModel1796500000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD "special_funds" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD "forecast_year1" bigint`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD "forecast_year2" bigint`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD CONSTRAINT "ck_budget_lines_special_funds" CHECK ("special_funds" >= 0 AND "special_funds" <= "amount")`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD CONSTRAINT "ck_budget_lines_forecast_year1" CHECK ("forecast_year1" IS NULL OR "forecast_year1" >= 0)`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD CONSTRAINT "ck_budget_lines_forecast_year2" CHECK ("forecast_year2" IS NULL OR "forecast_year2" >= 0)`);
    await queryRunner.query(`ALTER TABLE "budget_versions" ADD "kind" character varying(16) NOT NULL DEFAULT 'ORIGINAL'`);
    await queryRunner.query(`UPDATE "budget_versions" SET "kind" = 'AMENDMENT' WHERE "number" > 1`);
    await queryRunner.query(`ALTER TABLE "budget_versions" ADD CONSTRAINT "ck_budget_versions_kind" CHECK ("kind" IN ('ORIGINAL', 'FINAL', 'AMENDMENT') AND (("number" = 1) = ("kind" = 'ORIGINAL')))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_versions" DROP CONSTRAINT "ck_budget_versions_kind"`);
    await queryRunner.query(`ALTER TABLE "budget_versions" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP CONSTRAINT "ck_budget_lines_forecast_year2"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP CONSTRAINT "ck_budget_lines_forecast_year1"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP CONSTRAINT "ck_budget_lines_special_funds"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP COLUMN "forecast_year2"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP COLUMN "forecast_year1"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP COLUMN "special_funds"`);
  }
}
