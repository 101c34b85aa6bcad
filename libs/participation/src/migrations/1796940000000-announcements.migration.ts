import { MigrationInterface, QueryRunner } from 'typeorm';

/** An organiser's announcements to a process's participants, and when the closing reminder was queued. */
export class Announcements1796940000000 implements MigrationInterface {
  name = 'Announcements1796940000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pb_announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "process_id" uuid NOT NULL, "text" jsonb NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_announcements_text" CHECK (jsonb_typeof("text") = 'object' AND "text" <> '{}'::jsonb), CONSTRAINT "PK_pb_announcements" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_pb_announcements_process" ON "pb_announcements" ("process_id", "created_at") `);
    await q.query(`ALTER TABLE "pb_announcements" ADD CONSTRAINT "fk_pb_announcements_process" FOREIGN KEY ("process_id") REFERENCES "pb_processes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_processes" ADD "reminder_queued_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "pb_processes" DROP COLUMN "reminder_queued_at"`);
    await q.query(`DROP TABLE "pb_announcements"`);
  }
}
