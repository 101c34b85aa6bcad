import { MigrationInterface, QueryRunner } from 'typeorm';

/** SMS: parts and cost recorded per delivery; the gateway's delivery report (status, time, raw status). */
export class SmsCostAndReports1796660000000 implements MigrationInterface {
  name = 'SmsCostAndReports1796660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD "sms_parts" integer, ADD "cost_minor" bigint, ADD "cost_currency" character varying(3), ADD "report_status" character varying(16), ADD "report_raw_status" text, ADD "reported_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notification_deliveries_sms_message" ON "notification_deliveries" ("provider_message_id") WHERE channel = 'sms' AND provider_message_id IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_notification_deliveries_sms_message"`);
    await queryRunner.query(`ALTER TABLE "notification_deliveries" DROP COLUMN "reported_at", DROP COLUMN "report_raw_status", DROP COLUMN "report_status", DROP COLUMN "cost_currency", DROP COLUMN "cost_minor", DROP COLUMN "sms_parts"`);
  }
}
