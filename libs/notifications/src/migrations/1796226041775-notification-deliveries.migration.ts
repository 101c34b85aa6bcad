import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications get their own library: delivery records gain a status, attempts, the provider's
 * message id and the last error, and in-app messages an owner and a read mark. Rows written before
 * were logged by the old worker: they become SENT; rows of invitations without a recipient (channel
 * "log") recorded that nothing was sent, so they go (the invitation and its audit event keep the facts).
 */
export class NotificationDeliveries1796226041775 implements MigrationInterface {
  name = 'NotificationDeliveries1796226041775';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "account_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "locale" character varying(8) NOT NULL DEFAULT 'ky'`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "status" character varying(16) NOT NULL DEFAULT 'PENDING'`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "attempts" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "provider" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "provider_message_id" text`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "last_error" text`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "claim_id" uuid`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "claimed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "read_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`DELETE FROM "notification_deliveries" WHERE "channel" = 'log'`);
    await queryRunner.query(`UPDATE "notification_deliveries" SET "status" = 'SENT', "attempts" = 1, "provider" = 'log', "sent_at" = "created_at"`);
    await queryRunner.query(`CREATE INDEX "ix_notification_deliveries_inbox" ON "notification_deliveries" ("account_id", "created_at") WHERE channel = 'in_app'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_notification_deliveries_inbox"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "read_at"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "sent_at"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "claimed_at"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "claim_id"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "last_error"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "provider_message_id"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "provider"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "attempts"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "locale"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "account_id"`);
  }
}
