import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetDocuments1795435238940 implements MigrationInterface {
  name = 'BudgetDocuments1795435238940';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "budget_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "transaction_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" character varying(40) NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "content" bytea NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_budget_documents_type" CHECK ("content_type" IN ('application/pdf', 'image/jpeg', 'image/png')), CONSTRAINT "ck_budget_documents_size" CHECK ("size_bytes" > 0 AND "size_bytes" <= 5242880), CONSTRAINT "PK_7b67890a1f19f49f7d5a772b13a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_budget_documents_transaction" ON "budget_documents" ("transaction_id") `);
    await queryRunner.query(`ALTER TABLE "budget_documents" ADD CONSTRAINT "fk_budget_documents_transaction" FOREIGN KEY ("transaction_id") REFERENCES "budget_transactions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_documents" DROP CONSTRAINT "fk_budget_documents_transaction"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_documents_transaction"`);
    await queryRunner.query(`DROP TABLE "budget_documents"`);
  }
}
