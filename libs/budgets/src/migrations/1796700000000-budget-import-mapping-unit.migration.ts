import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit saved with a community's column mapping (`budget_import_mappings.unit`: their files are in
 * thousands of som) and the unit an import found saved when it started (`budget_imports.saved_unit`, read
 * when the file names none). Existing rows: NULL (som unless the file says otherwise, as before).
 */
export class BudgetImportMappingUnit1796700000000 implements MigrationInterface {
  name = 'BudgetImportMappingUnit1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_import_mappings" ADD "unit" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "budget_import_mappings" ADD CONSTRAINT "ck_budget_import_mappings_unit" CHECK ("unit" IS NULL OR "unit" IN ('ONE', 'THOUSAND'))`);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD "saved_unit" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD CONSTRAINT "ck_budget_imports_saved_unit" CHECK ("saved_unit" IS NULL OR "saved_unit" IN ('ONE', 'THOUSAND'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP CONSTRAINT "ck_budget_imports_saved_unit"`);
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP COLUMN "saved_unit"`);
    await queryRunner.query(`ALTER TABLE "budget_import_mappings" DROP CONSTRAINT "ck_budget_import_mappings_unit"`);
    await queryRunner.query(`ALTER TABLE "budget_import_mappings" DROP COLUMN "unit"`);
  }
}
