import { MigrationInterface, QueryRunner } from 'typeorm';

/** The threads tables: one thread per subject of a context, its messages (with one level of replies) and their moderation. */
export class Threads1796226302026 implements MigrationInterface {
  name = 'Threads1796226302026';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "threads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "context" character varying(40) NOT NULL, "subject_type" character varying(40) NOT NULL, "subject_id" uuid NOT NULL, "community_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d8a74804c34fc3900502cd27275" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_threads_community" ON "threads" ("community_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_threads_subject" ON "threads" ("context", "subject_type", "subject_id") `);
    await queryRunner.query(`CREATE TABLE "thread_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "parent_id" uuid, "anchor" character varying(100), "author_account_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_by" uuid, "hidden_reason" text, CONSTRAINT "ck_thread_messages_hidden" CHECK (("hidden_at" IS NULL AND "hidden_by" IS NULL AND "hidden_reason" IS NULL) OR ("hidden_at" IS NOT NULL AND "hidden_by" IS NOT NULL AND "hidden_reason" IS NOT NULL)), CONSTRAINT "PK_362f852009f5fceefddab0fbe81" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_thread_messages_parent" ON "thread_messages" ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "idx_thread_messages_thread" ON "thread_messages" ("thread_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "thread_messages" ADD CONSTRAINT "fk_thread_messages_thread" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "thread_messages" ADD CONSTRAINT "fk_thread_messages_parent" FOREIGN KEY ("parent_id") REFERENCES "thread_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "thread_messages" DROP CONSTRAINT "fk_thread_messages_parent"`);
    await queryRunner.query(`ALTER TABLE "thread_messages" DROP CONSTRAINT "fk_thread_messages_thread"`);
    await queryRunner.query(`DROP INDEX "public"."idx_thread_messages_thread"`);
    await queryRunner.query(`DROP INDEX "public"."idx_thread_messages_parent"`);
    await queryRunner.query(`DROP TABLE "thread_messages"`);
    await queryRunner.query(`DROP INDEX "public"."uq_threads_subject"`);
    await queryRunner.query(`DROP INDEX "public"."idx_threads_community"`);
    await queryRunner.query(`DROP TABLE "threads"`);
  }
}
