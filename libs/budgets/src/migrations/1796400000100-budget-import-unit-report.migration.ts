import { MigrationInterface, QueryRunner } from 'typeorm';

/** budget_imports.unit (the unit the user chose: ONE or THOUSAND; NULL: read from the file) and .report (a done import's skipped rows, encoding, separator, header line, columns). Existing rows: NULL. */
export class BudgetImportUnitReport1796400000100 implements MigrationInterface {
  name = 'BudgetImportUnitReport1796400000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD "unit" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD "report" jsonb`);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD CONSTRAINT "ck_budget_imports_unit" CHECK ("unit" IS NULL OR "unit" IN ('ONE', 'THOUSAND'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP CONSTRAINT "ck_budget_imports_unit"`);
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP COLUMN "report"`);
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP COLUMN "unit"`);
  }
}
