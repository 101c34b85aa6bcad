import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets (budget_exports): the "CSV for Excel" format (`CSV_EXCEL`, longer than the column allowed)
 * and the language an export was requested in (sheet names, headers and words of XLSX and CSV for
 * Excel). Existing rows: NULL (the default language).
 */
export class BudgetExportExcelCsv1796400000000 implements MigrationInterface {
  name = 'BudgetExportExcelCsv1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_exports" DROP CONSTRAINT "ck_budget_exports_format"`);
    await queryRunner.query(`ALTER TABLE "budget_exports" ALTER COLUMN "format" TYPE character varying(16)`);
    await queryRunner.query(`ALTER TABLE "budget_exports" ADD CONSTRAINT "ck_budget_exports_format" CHECK ("format" IN ('CSV', 'CSV_EXCEL', 'XLSX', 'JSON', 'FDP'))`);
    await queryRunner.query(`ALTER TABLE "budget_exports" ADD "locale" character varying(2)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_exports" DROP COLUMN "locale"`);
    await queryRunner.query(`DELETE FROM "budget_exports" WHERE "format" = 'CSV_EXCEL'`);
    await queryRunner.query(`ALTER TABLE "budget_exports" DROP CONSTRAINT "ck_budget_exports_format"`);
    await queryRunner.query(`ALTER TABLE "budget_exports" ALTER COLUMN "format" TYPE character varying(8)`);
    await queryRunner.query(`ALTER TABLE "budget_exports" ADD CONSTRAINT "ck_budget_exports_format" CHECK ("format" IN ('CSV', 'XLSX', 'JSON', 'FDP'))`);
  }
}
