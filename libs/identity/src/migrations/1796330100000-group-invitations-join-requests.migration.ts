import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group invitation links (issue 9): `invitations` gains a use limit, a use count and a revocation time;
 * every use (personal or group link) is a row in `invitation_uses`. Join requests of non-members in
 * `membership_requests` (one pending request per account and community).
 */
export class GroupInvitationsJoinRequests1796330100000 implements MigrationInterface {
  name = 'GroupInvitationsJoinRequests1796330100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" ADD "max_uses" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "uses" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "is_group" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "revoked_by" uuid`);
    await queryRunner.query(`UPDATE "invitations" SET "uses" = 1 WHERE "accepted_at" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "chk_invitations_uses" CHECK ("uses" >= 0 AND "uses" <= "max_uses")`);
    await queryRunner.query(`CREATE INDEX "idx_invitations_community_group" ON "invitations" ("community_id") WHERE "is_group"`);
    await queryRunner.query(`CREATE TABLE "invitation_uses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "invitation_id" uuid NOT NULL, "account_id" uuid NOT NULL, "membership_id" uuid NOT NULL, CONSTRAINT "uq_invitation_uses_invitation_account" UNIQUE ("invitation_id", "account_id"), CONSTRAINT "PK_invitation_uses" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "invitation_uses" ADD CONSTRAINT "fk_invitation_uses_invitation" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitation_uses" ADD CONSTRAINT "fk_invitation_uses_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "membership_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "community_id" uuid NOT NULL, "account_id" uuid NOT NULL, "message" text, "status" character varying(16) NOT NULL DEFAULT 'PENDING', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_membership_requests" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_membership_requests_pending" ON "membership_requests" ("community_id", "account_id") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`ALTER TABLE "membership_requests" ADD CONSTRAINT "fk_membership_requests_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "membership_requests" ADD CONSTRAINT "fk_membership_requests_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "membership_requests"`);
    await queryRunner.query(`DROP TABLE "invitation_uses"`);
    await queryRunner.query(`DROP INDEX "idx_invitations_community_group"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "chk_invitations_uses"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "revoked_by"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "is_group"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "uses"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "max_uses"`);
  }
}
