import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets: the id a phone gives a write it may send more than once (offline outbox). One row per
 * (budget, client id), enforced by a unique index so that two simultaneous sends store one row; the
 * hash of the request's content tells a re-send (same content) from a clash (other content).
 * Existing rows: NULL (they came from no outbox).
 */
export class ClientRequestIds1796300000000 implements MigrationInterface {
  name = 'ClientRequestIds1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_transactions" ADD "client_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "budget_transactions" ADD "client_request_hash" character varying(64)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_transactions_client_request" ON "budget_transactions" ("budget_id", "client_request_id") WHERE "client_request_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "monitoring_notes" ADD "client_request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "monitoring_notes" ADD "client_request_hash" character varying(64)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_monitoring_notes_client_request" ON "monitoring_notes" ("budget_id", "client_request_id") WHERE "client_request_id" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_monitoring_notes_client_request"`);
    await queryRunner.query(`ALTER TABLE "monitoring_notes" DROP COLUMN "client_request_hash"`);
    await queryRunner.query(`ALTER TABLE "monitoring_notes" DROP COLUMN "client_request_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_transactions_client_request"`);
    await queryRunner.query(`ALTER TABLE "budget_transactions" DROP COLUMN "client_request_hash"`);
    await queryRunner.query(`ALTER TABLE "budget_transactions" DROP COLUMN "client_request_id"`);
  }
}
