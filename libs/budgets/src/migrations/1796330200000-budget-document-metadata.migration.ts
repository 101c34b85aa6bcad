import { MigrationInterface, QueryRunner } from 'typeorm';

/** Uploaded documents keep a little metadata sent by the phone: `takenAt`, when the photo was taken (issue 9). */
export class BudgetDocumentMetadata1796330200000 implements MigrationInterface {
  name = 'BudgetDocumentMetadata1796330200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_documents" ADD "metadata" jsonb NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_documents" DROP COLUMN "metadata"`);
  }
}
