import { MigrationInterface, QueryRunner } from 'typeorm';

/** Residents who asked for a process's notices by SMS or email (opt-in per process). */
export class MessageUpdates1796705300100 implements MigrationInterface {
  name = 'MessageUpdates1796705300100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pb_message_updates" ("process_id" uuid NOT NULL, "account_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d76dc6bf70ba7c3df71e24c384c" PRIMARY KEY ("process_id", "account_id"))`);
    await q.query(`ALTER TABLE "pb_message_updates" ADD CONSTRAINT "fk_pb_message_updates_process" FOREIGN KEY ("process_id") REFERENCES "pb_processes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "pb_message_updates"`);
  }
}
