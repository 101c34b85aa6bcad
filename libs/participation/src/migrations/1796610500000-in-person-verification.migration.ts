import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-person verification (national ID kept only as a keyed hash, one document per account per community)
 * and the voter registry by document, where a paper voter listed by document meets an online voter.
 */
export class InPersonVerification1796610500000 implements MigrationInterface {
  name = 'InPersonVerification1796610500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "pb_in_person_verifications" ("community_id" uuid NOT NULL, "account_id" uuid NOT NULL, "document_kind" character varying(8) NOT NULL, "document_hash" character varying(64) NOT NULL, "birth_date" date, "verified_by" uuid NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_in_person_verifications_kind" CHECK ("document_kind" IN ('KG_PIN', 'KZ_IIN')), CONSTRAINT "PK_6df7fb3d9a5ee6748a75c60e4a5" PRIMARY KEY ("community_id", "account_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_pb_in_person_verifications_document" ON "pb_in_person_verifications" ("community_id", "document_hash") `);
    await queryRunner.query(`CREATE TABLE "pb_voter_documents" ("process_id" uuid NOT NULL, "document_hash" character varying(64) NOT NULL, "channel" character varying(8) NOT NULL, "account_id" uuid, "first_voted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_voter_documents_channel" CHECK ("channel" IN ('ONLINE', 'PAPER')), CONSTRAINT "PK_864c5487a6f3dfef7e180b94b63" PRIMARY KEY ("process_id", "document_hash"))`);
    await queryRunner.query(`ALTER TABLE "pb_in_person_verifications" ADD CONSTRAINT "fk_pb_in_person_verifications_community" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pb_voter_documents" ADD CONSTRAINT "fk_pb_voter_documents_process" FOREIGN KEY ("process_id") REFERENCES "pb_processes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "pb_voter_documents" DROP CONSTRAINT "fk_pb_voter_documents_process"`);
    await queryRunner.query(`ALTER TABLE "pb_in_person_verifications" DROP CONSTRAINT "fk_pb_in_person_verifications_community"`);
    await queryRunner.query(`DROP TABLE "pb_voter_documents"`);
    await queryRunner.query(`DROP INDEX "public"."uq_pb_in_person_verifications_document"`);
    await queryRunner.query(`DROP TABLE "pb_in_person_verifications"`);
  }
}
