import { MigrationInterface, QueryRunner } from 'typeorm';

/** Budgets (budget_imports.locale; here with budgets' other migrations until each context lists its own): the language an import was started in (its error report's fallback). Existing rows: NULL (the default language). */
export class BudgetImportLocale1796226587204 implements MigrationInterface {
  name = 'BudgetImportLocale1796226587204';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD "locale" character varying(2)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP COLUMN "locale"`);
  }
}
