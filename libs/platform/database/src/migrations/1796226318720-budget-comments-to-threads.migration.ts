import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budget hearing comments and monitoring-note replies move onto threads (libs/threads): one thread per
 * budget version with comments ("budgets"/"budget-version") and per monitoring note with replies
 * ("budgets"/"monitoring-note"), each message keeping its id, author, text, time and line key, so ids
 * clients hold and audit entries naming them stay valid. The old tables are dropped in the same
 * transaction once every row is proven copied (a second copy would only drift from the first); `down`
 * rebuilds them and copies the messages back (moderation state has no place there and is lost).
 */
export class BudgetCommentsToThreads1796226318720 implements MigrationInterface {
  name = 'BudgetCommentsToThreads1796226318720';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO threads (context, subject_type, subject_id, community_id, created_at)
      SELECT 'budgets', 'budget-version', v.id, b.community_id, min(c.created_at)
        FROM budget_comments c JOIN budget_versions v ON v.id = c.version_id JOIN budgets b ON b.id = v.budget_id
       GROUP BY v.id, b.community_id
      ON CONFLICT (context, subject_type, subject_id) DO NOTHING`);
    await queryRunner.query(`INSERT INTO thread_messages (id, thread_id, parent_id, anchor, author_account_id, body, created_at)
      SELECT c.id, t.id, NULL, c.line_key::text, c.author_account_id, c.body, c.created_at
        FROM budget_comments c JOIN threads t ON t.context = 'budgets' AND t.subject_type = 'budget-version' AND t.subject_id = c.version_id`);
    await queryRunner.query(`INSERT INTO threads (context, subject_type, subject_id, community_id, created_at)
      SELECT 'budgets', 'monitoring-note', n.id, b.community_id, min(r.created_at)
        FROM monitoring_note_replies r JOIN monitoring_notes n ON n.id = r.note_id JOIN budgets b ON b.id = n.budget_id
       GROUP BY n.id, b.community_id
      ON CONFLICT (context, subject_type, subject_id) DO NOTHING`);
    await queryRunner.query(`INSERT INTO thread_messages (id, thread_id, parent_id, anchor, author_account_id, body, created_at)
      SELECT r.id, t.id, NULL, NULL, r.author_account_id, r.body, r.created_at
        FROM monitoring_note_replies r JOIN threads t ON t.context = 'budgets' AND t.subject_type = 'monitoring-note' AND t.subject_id = r.note_id`);
    // Nothing is dropped unless every old row is in its new place, byte for byte.
    const missing: Array<{ n: number }> = await queryRunner.query(`SELECT
        (SELECT count(*) FROM budget_comments c WHERE NOT EXISTS (SELECT 1 FROM thread_messages m JOIN threads t ON t.id = m.thread_id
          WHERE m.id = c.id AND t.subject_id = c.version_id AND t.subject_type = 'budget-version' AND m.body = c.body AND m.author_account_id = c.author_account_id
            AND m.created_at = c.created_at AND m.anchor IS NOT DISTINCT FROM c.line_key::text))
      + (SELECT count(*) FROM monitoring_note_replies r WHERE NOT EXISTS (SELECT 1 FROM thread_messages m JOIN threads t ON t.id = m.thread_id
          WHERE m.id = r.id AND t.subject_id = r.note_id AND t.subject_type = 'monitoring-note' AND m.body = r.body AND m.author_account_id = r.author_account_id
            AND m.created_at = r.created_at)) AS n`);
    if (Number(missing[0].n) !== 0) throw new Error(`budget comments to threads: ${missing[0].n} rows were not copied; nothing is dropped`);
    await queryRunner.query(`ALTER TABLE "monitoring_note_replies" DROP CONSTRAINT "fk_monitoring_note_replies_note"`);
    await queryRunner.query(`ALTER TABLE "budget_comments" DROP CONSTRAINT "fk_budget_comments_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_monitoring_note_replies_note"`);
    await queryRunner.query(`DROP TABLE "monitoring_note_replies"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_comments_version"`);
    await queryRunner.query(`DROP TABLE "budget_comments"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "budget_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "line_key" uuid, "author_account_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec7f865be335335b70b0395cd56" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_budget_comments_version" ON "budget_comments" ("version_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "monitoring_note_replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "note_id" uuid NOT NULL, "author_account_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c3d15a9422f5ecc897b8121600" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_monitoring_note_replies_note" ON "monitoring_note_replies" ("note_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "budget_comments" ADD CONSTRAINT "fk_budget_comments_version" FOREIGN KEY ("version_id") REFERENCES "budget_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "monitoring_note_replies" ADD CONSTRAINT "fk_monitoring_note_replies_note" FOREIGN KEY ("note_id") REFERENCES "monitoring_notes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`INSERT INTO budget_comments (id, version_id, line_key, author_account_id, body, created_at)
      SELECT m.id, t.subject_id, m.anchor::uuid, m.author_account_id, m.body, m.created_at
        FROM thread_messages m JOIN threads t ON t.id = m.thread_id
       WHERE t.context = 'budgets' AND t.subject_type = 'budget-version' AND m.parent_id IS NULL
         AND EXISTS (SELECT 1 FROM budget_versions v WHERE v.id = t.subject_id)`);
    await queryRunner.query(`INSERT INTO monitoring_note_replies (id, note_id, author_account_id, body, created_at)
      SELECT m.id, t.subject_id, m.author_account_id, m.body, m.created_at
        FROM thread_messages m JOIN threads t ON t.id = m.thread_id
       WHERE t.context = 'budgets' AND t.subject_type = 'monitoring-note' AND m.parent_id IS NULL
         AND EXISTS (SELECT 1 FROM monitoring_notes n WHERE n.id = t.subject_id)`);
    await queryRunner.query(`DELETE FROM threads WHERE context = 'budgets' AND subject_type IN ('budget-version', 'monitoring-note')`);
  }
}
