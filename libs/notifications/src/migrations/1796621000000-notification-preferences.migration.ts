import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-person opt-out per kind of notice (no row: sent). */
export class NotificationPreferences1796621000000 implements MigrationInterface {
  name = 'NotificationPreferences1796621000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_preferences" ("account_id" uuid NOT NULL, "kind" character varying(80) NOT NULL, "enabled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_notification_preferences" PRIMARY KEY ("account_id", "kind"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
  }
}
