import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795430736556 implements MigrationInterface {
  name = 'Foundation1795430736556';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_events" ("seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_account_id" uuid, "on_behalf_of_account_id" uuid, "reason" text, "community_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "before" jsonb, "after" jsonb, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq"))`);
    await queryRunner.query(`CREATE INDEX "idx_audit_events_community" ON "audit_events" ("community_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "territorial_units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "country" character varying(2) NOT NULL, "code" character varying(20) NOT NULL, "level" character varying(16) NOT NULL, "kind" character varying(32) NOT NULL, "parent_id" uuid, "names" jsonb NOT NULL, "search_key" text NOT NULL, "population" integer, "valid_from" date, "valid_to" date, "successor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05c8128a99a2e9a3c360b69cb66" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_territorial_units_parent" ON "territorial_units" ("parent_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_territorial_units_current_code" ON "territorial_units" ("country", "code") WHERE "valid_to" IS NULL`);
    await queryRunner.query(`CREATE TABLE "communities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "unit_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "names" jsonb NOT NULL, CONSTRAINT "PK_fea1fe83c86ccde9d0a089e7ea2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_communities_unit" ON "communities" ("unit_id") `);
    await queryRunner.query(`CREATE TABLE "rate_limit_counters" ("key" text NOT NULL, "count" integer NOT NULL, "window_ends" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ad665f1998311a7bd0e8265365d" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text, "phone" text, "password_hash" text, "display_name" text NOT NULL, "locale" character varying(5) NOT NULL DEFAULT 'ky', "platform_admin" boolean NOT NULL DEFAULT false, "kind" character varying(16) NOT NULL DEFAULT 'registered', CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_accounts_phone" ON "accounts" ("phone") WHERE "phone" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_accounts_email" ON "accounts" ("email") WHERE "email" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "resident_profiles" ("account_id" uuid NOT NULL, "village_unit_id" uuid, "birth_year" smallint, "gender" character varying(8), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_resident_profiles_birth_year" CHECK ("birth_year" IS NULL OR ("birth_year" BETWEEN 1900 AND 2100)), CONSTRAINT "PK_fad118292d345cac01c580c9a4d" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_refresh_tokens_family" ON "refresh_tokens" ("family_id") `);
    await queryRunner.query(`CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" uuid NOT NULL, "community_id" uuid NOT NULL, "role" character varying(32) NOT NULL, CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_memberships_community" ON "memberships" ("community_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_memberships_account_community_role" ON "memberships" ("account_id", "community_id", "role") `);
    await queryRunner.query(`CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "community_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "token_hash" text NOT NULL, "recipient" text, "invited_by" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_by" uuid, "accepted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_872ac94a64b3d44fc4b554780cd" UNIQUE ("token_hash"), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" text NOT NULL, "channel" character varying(16) NOT NULL, "recipient" text NOT NULL, "template_key" text NOT NULL, "params" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_20f404a2419c03e1288f869a8e1" UNIQUE ("job_id"), CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue" text NOT NULL, "name" text NOT NULL, "payload" jsonb NOT NULL, "job_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_5e3c6847b2040e5a21ce3c180f6" UNIQUE ("job_id"), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_pending" ON "outbox_messages" ("created_at") WHERE "dispatched_at" IS NULL`);
    await queryRunner.query(`ALTER TABLE "territorial_units" ADD CONSTRAINT "fk_territorial_units_parent" FOREIGN KEY ("parent_id") REFERENCES "territorial_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "territorial_units" ADD CONSTRAINT "fk_territorial_units_successor" FOREIGN KEY ("successor_id") REFERENCES "territorial_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "communities" ADD CONSTRAINT "fk_communities_unit" FOREIGN KEY ("unit_id") REFERENCES "territorial_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "resident_profiles" ADD CONSTRAINT "fk_resident_profiles_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "resident_profiles" ADD CONSTRAINT "fk_resident_profiles_village" FOREIGN KEY ("village_unit_id") REFERENCES "territorial_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD CONSTRAINT "fk_refresh_tokens_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "fk_invitations_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The audit log is append-only: the database itself refuses to change or remove a row.
    await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER trg_audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_audit_events_append_only ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "fk_invitations_community"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_community"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_account"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_account"`);
    await queryRunner.query(`ALTER TABLE "resident_profiles" DROP CONSTRAINT "fk_resident_profiles_village"`);
    await queryRunner.query(`ALTER TABLE "resident_profiles" DROP CONSTRAINT "fk_resident_profiles_account"`);
    await queryRunner.query(`ALTER TABLE "communities" DROP CONSTRAINT "fk_communities_unit"`);
    await queryRunner.query(`ALTER TABLE "territorial_units" DROP CONSTRAINT "fk_territorial_units_successor"`);
    await queryRunner.query(`ALTER TABLE "territorial_units" DROP CONSTRAINT "fk_territorial_units_parent"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_memberships_account_community_role"`);
    await queryRunner.query(`DROP INDEX "public"."idx_memberships_community"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."idx_refresh_tokens_family"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "resident_profiles"`);
    await queryRunner.query(`DROP INDEX "public"."uq_accounts_email"`);
    await queryRunner.query(`DROP INDEX "public"."uq_accounts_phone"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`DROP TABLE "rate_limit_counters"`);
    await queryRunner.query(`DROP INDEX "public"."idx_communities_unit"`);
    await queryRunner.query(`DROP TABLE "communities"`);
    await queryRunner.query(`DROP INDEX "public"."uq_territorial_units_current_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_territorial_units_parent"`);
    await queryRunner.query(`DROP TABLE "territorial_units"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_events_community"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
