import { MigrationInterface, QueryRunner } from 'typeorm';

export class Budgets1795432094190 implements MigrationInterface {
  name = 'Budgets1795432094190';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "budget_classifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "country" character varying(2) NOT NULL, "scheme" character varying(16) NOT NULL, "code" character varying(20) NOT NULL, "parent_code" character varying(20), "direction" character varying(16), "names" jsonb NOT NULL, "source" text NOT NULL, CONSTRAINT "ck_budget_classifications_scheme" CHECK ("scheme" IN ('ECONOMIC', 'FUNCTIONAL')), CONSTRAINT "PK_9af85ee4247bdaed559725cc217" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_classifications_code" ON "budget_classifications" ("country", "scheme", "code") `);
    await queryRunner.query(`CREATE TABLE "budgets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "community_id" uuid NOT NULL, "fiscal_year" smallint NOT NULL, "currency" character varying(3) NOT NULL, "population" integer, "title" jsonb NOT NULL, "created_by" uuid NOT NULL, CONSTRAINT "ck_budgets_population" CHECK ("population" IS NULL OR "population" > 0), CONSTRAINT "ck_budgets_currency" CHECK ("currency" IN ('KGS', 'KZT')), CONSTRAINT "ck_budgets_fiscal_year" CHECK ("fiscal_year" BETWEEN 2000 AND 2100), CONSTRAINT "PK_9c8a51748f82387644b773da482" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budgets_community_year" ON "budgets" ("community_id", "fiscal_year") `);
    await queryRunner.query(`CREATE TABLE "budget_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "budget_id" uuid NOT NULL, "number" integer NOT NULL, "status" character varying(16) NOT NULL, "revision" integer NOT NULL DEFAULT '1', "reason" text, "based_on_version_id" uuid, "created_by" uuid NOT NULL, "submitted_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "comments_until" date, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "decision_date" date, "decision_number" text, "decision_file_url" text, CONSTRAINT "ck_budget_versions_amendment_reason" CHECK ("number" = 1 OR "reason" IS NOT NULL), CONSTRAINT "ck_budget_versions_status" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'APPROVED', 'SUPERSEDED')), CONSTRAINT "PK_979013af7db2ad45a36bac27e83" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_versions_one_open" ON "budget_versions" ("budget_id") WHERE "status" IN ('DRAFT', 'SUBMITTED')`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_versions_number" ON "budget_versions" ("budget_id", "number") `);
    await queryRunner.query(`CREATE TABLE "budget_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "line_key" uuid, "author_account_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec7f865be335335b70b0395cd56" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_budget_comments_version" ON "budget_comments" ("version_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "budget_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version_id" uuid NOT NULL, "community_id" uuid NOT NULL, "format" character varying(8) NOT NULL, "status" character varying(16) NOT NULL, "progress" smallint NOT NULL DEFAULT '0', "content_type" text, "content" bytea, "created_by" uuid NOT NULL, CONSTRAINT "ck_budget_exports_status" CHECK ("status" IN ('QUEUED', 'DONE', 'FAILED')), CONSTRAINT "ck_budget_exports_format" CHECK ("format" IN ('CSV', 'XLSX', 'JSON', 'FDP')), CONSTRAINT "PK_f75f8a715a0287ecce76e53345a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_budget_exports_version" ON "budget_exports" ("version_id", "format") `);
    await queryRunner.query(`CREATE TABLE "budget_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "community_id" uuid NOT NULL, "budget_id" uuid NOT NULL, "version_id" uuid, "kind" character varying(8) NOT NULL, "format" character varying(8) NOT NULL, "file_name" text NOT NULL, "file_sha256" text NOT NULL, "content" bytea NOT NULL, "mapping" jsonb NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL, "progress" smallint NOT NULL DEFAULT '0', "total_rows" integer, "imported_rows" integer, "errors" jsonb, "created_by" uuid NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_budget_imports_status" CHECK ("status" IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')), CONSTRAINT "ck_budget_imports_kind" CHECK ("kind" IN ('LEDGER', 'BUDGET')), CONSTRAINT "PK_84a2dfb877409a0add93b882c9f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_imports_file" ON "budget_imports" ("budget_id", "kind", "file_sha256") WHERE "status" <> 'FAILED'`);
    await queryRunner.query(`CREATE TABLE "budget_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "line_key" uuid NOT NULL, "direction" character varying(16) NOT NULL, "economic_code" character varying(20) NOT NULL, "functional_code" character varying(20), "names" jsonb NOT NULL DEFAULT '{}', "amount" bigint NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_budget_lines_direction" CHECK ("direction" IN ('REVENUE', 'EXPENDITURE')), CONSTRAINT "ck_budget_lines_amount" CHECK ("amount" >= 0), CONSTRAINT "PK_4eabf9c9d7c8edc9ad302270c94" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_lines_key" ON "budget_lines" ("version_id", "line_key") `);
    await queryRunner.query(`CREATE TABLE "budget_transactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "budget_id" uuid NOT NULL, "line_key" uuid NOT NULL, "kind" character varying(16) NOT NULL, "occurred_on" date NOT NULL, "amount" bigint NOT NULL, "counterparty" text, "purpose" text, "document_number" text, "attachments" jsonb NOT NULL DEFAULT '[]', "import_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_budget_transactions_kind" CHECK ("kind" IN ('SPENDING', 'RECEIPT')), CONSTRAINT "ck_budget_transactions_amount" CHECK ("amount" > 0), CONSTRAINT "PK_31ac84aae9de19608a7d00b9bc5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_budget_transactions_import" ON "budget_transactions" ("import_id") `);
    await queryRunner.query(`CREATE INDEX "idx_budget_transactions_line" ON "budget_transactions" ("budget_id", "line_key", "occurred_on") `);
    await queryRunner.query(`CREATE TABLE "budget_version_edits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "revision" integer NOT NULL, "actor_account_id" uuid NOT NULL, "changes" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4768a8a0da6b017bee490d763f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_version_edits_revision" ON "budget_version_edits" ("version_id", "revision") `);
    await queryRunner.query(`CREATE TABLE "budget_import_mappings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "community_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "mapping" jsonb NOT NULL, CONSTRAINT "PK_953c45d37820190faebe78aa674" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_budget_import_mappings" ON "budget_import_mappings" ("community_id", "kind") `);
    await queryRunner.query(`CREATE TABLE "monitoring_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "budget_id" uuid NOT NULL, "line_key" uuid, "transaction_id" uuid, "status" character varying(24) NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "author_account_id" uuid NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_monitoring_notes_target" CHECK ("line_key" IS NOT NULL OR "transaction_id" IS NOT NULL), CONSTRAINT "ck_monitoring_notes_status" CHECK ("status" IN ('QUESTION', 'CONCERN', 'CONFIRMED_ISSUE', 'RESOLVED')), CONSTRAINT "PK_b5abdbba57c0d29152327089803" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_monitoring_notes_budget" ON "monitoring_notes" ("budget_id", "status") `);
    await queryRunner.query(`CREATE TABLE "monitoring_note_replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "note_id" uuid NOT NULL, "author_account_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c3d15a9422f5ecc897b8121600" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_monitoring_note_replies_note" ON "monitoring_note_replies" ("note_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "budgets" ADD CONSTRAINT "fk_budgets_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_versions" ADD CONSTRAINT "fk_budget_versions_budget" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_versions" ADD CONSTRAINT "fk_budget_versions_based_on" FOREIGN KEY ("based_on_version_id") REFERENCES "budget_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_comments" ADD CONSTRAINT "fk_budget_comments_version" FOREIGN KEY ("version_id") REFERENCES "budget_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_exports" ADD CONSTRAINT "fk_budget_exports_version" FOREIGN KEY ("version_id") REFERENCES "budget_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_imports" ADD CONSTRAINT "fk_budget_imports_budget" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_lines" ADD CONSTRAINT "fk_budget_lines_version" FOREIGN KEY ("version_id") REFERENCES "budget_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_transactions" ADD CONSTRAINT "fk_budget_transactions_budget" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_transactions" ADD CONSTRAINT "fk_budget_transactions_import" FOREIGN KEY ("import_id") REFERENCES "budget_imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_version_edits" ADD CONSTRAINT "fk_budget_version_edits_version" FOREIGN KEY ("version_id") REFERENCES "budget_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "budget_import_mappings" ADD CONSTRAINT "fk_budget_import_mappings_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "monitoring_notes" ADD CONSTRAINT "fk_monitoring_notes_budget" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "monitoring_notes" ADD CONSTRAINT "fk_monitoring_notes_transaction" FOREIGN KEY ("transaction_id") REFERENCES "budget_transactions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "monitoring_note_replies" ADD CONSTRAINT "fk_monitoring_note_replies_note" FOREIGN KEY ("note_id") REFERENCES "monitoring_notes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
      // Defence in depth: the lines of a version past DRAFT cannot change, whatever the application does.
    await queryRunner.query(`CREATE FUNCTION budget_lines_frozen_after_draft() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE st text;
      BEGIN
        SELECT status INTO st FROM budget_versions WHERE id = COALESCE(NEW.version_id, OLD.version_id);
        IF st IS NOT NULL AND st <> 'DRAFT' THEN
          RAISE EXCEPTION 'budget version is % and its lines are immutable', st USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_budget_lines_frozen';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await queryRunner.query(`CREATE TRIGGER trg_budget_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON budget_lines
      FOR EACH ROW EXECUTE FUNCTION budget_lines_frozen_after_draft()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_budget_lines_frozen ON budget_lines`);
    await queryRunner.query(`DROP FUNCTION budget_lines_frozen_after_draft()`);
    await queryRunner.query(`ALTER TABLE "monitoring_note_replies" DROP CONSTRAINT "fk_monitoring_note_replies_note"`);
    await queryRunner.query(`ALTER TABLE "monitoring_notes" DROP CONSTRAINT "fk_monitoring_notes_transaction"`);
    await queryRunner.query(`ALTER TABLE "monitoring_notes" DROP CONSTRAINT "fk_monitoring_notes_budget"`);
    await queryRunner.query(`ALTER TABLE "budget_import_mappings" DROP CONSTRAINT "fk_budget_import_mappings_community"`);
    await queryRunner.query(`ALTER TABLE "budget_version_edits" DROP CONSTRAINT "fk_budget_version_edits_version"`);
    await queryRunner.query(`ALTER TABLE "budget_transactions" DROP CONSTRAINT "fk_budget_transactions_import"`);
    await queryRunner.query(`ALTER TABLE "budget_transactions" DROP CONSTRAINT "fk_budget_transactions_budget"`);
    await queryRunner.query(`ALTER TABLE "budget_lines" DROP CONSTRAINT "fk_budget_lines_version"`);
    await queryRunner.query(`ALTER TABLE "budget_imports" DROP CONSTRAINT "fk_budget_imports_budget"`);
    await queryRunner.query(`ALTER TABLE "budget_exports" DROP CONSTRAINT "fk_budget_exports_version"`);
    await queryRunner.query(`ALTER TABLE "budget_comments" DROP CONSTRAINT "fk_budget_comments_version"`);
    await queryRunner.query(`ALTER TABLE "budget_versions" DROP CONSTRAINT "fk_budget_versions_based_on"`);
    await queryRunner.query(`ALTER TABLE "budget_versions" DROP CONSTRAINT "fk_budget_versions_budget"`);
    await queryRunner.query(`ALTER TABLE "budgets" DROP CONSTRAINT "fk_budgets_community"`);
    await queryRunner.query(`DROP INDEX "public"."idx_monitoring_note_replies_note"`);
    await queryRunner.query(`DROP TABLE "monitoring_note_replies"`);
    await queryRunner.query(`DROP INDEX "public"."idx_monitoring_notes_budget"`);
    await queryRunner.query(`DROP TABLE "monitoring_notes"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_import_mappings"`);
    await queryRunner.query(`DROP TABLE "budget_import_mappings"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_version_edits_revision"`);
    await queryRunner.query(`DROP TABLE "budget_version_edits"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_transactions_line"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_transactions_import"`);
    await queryRunner.query(`DROP TABLE "budget_transactions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_lines_key"`);
    await queryRunner.query(`DROP TABLE "budget_lines"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_imports_file"`);
    await queryRunner.query(`DROP TABLE "budget_imports"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_exports_version"`);
    await queryRunner.query(`DROP TABLE "budget_exports"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_comments_version"`);
    await queryRunner.query(`DROP TABLE "budget_comments"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_versions_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_versions_one_open"`);
    await queryRunner.query(`DROP TABLE "budget_versions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budgets_community_year"`);
    await queryRunner.query(`DROP TABLE "budgets"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_classifications_code"`);
    await queryRunner.query(`DROP TABLE "budget_classifications"`);
  }
}
