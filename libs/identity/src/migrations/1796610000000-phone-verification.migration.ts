import { MigrationInterface, QueryRunner } from 'typeorm';

/** Phone verification by SMS code: the codes (hashed, expiring, counted attempts) and each account's verified phone (one account per number). */
export class PhoneVerification1796610000000 implements MigrationInterface {
  name = 'PhoneVerification1796610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "phone_verification_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "phone" text NOT NULL, "code_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" smallint NOT NULL DEFAULT '0', "spent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b279f888c7b835cd371d69d95fa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_phone_verification_codes_account" ON "phone_verification_codes" ("account_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "verified_phones" ("account_id" uuid NOT NULL, "phone" text NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9bc61d11a62d18b456588e78034" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_verified_phones_phone" ON "verified_phones" ("phone") `);
    await queryRunner.query(`ALTER TABLE "phone_verification_codes" ADD CONSTRAINT "fk_phone_verification_codes_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "verified_phones" ADD CONSTRAINT "fk_verified_phones_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "verified_phones" DROP CONSTRAINT "fk_verified_phones_account"`);
    await queryRunner.query(`ALTER TABLE "phone_verification_codes" DROP CONSTRAINT "fk_phone_verification_codes_account"`);
    await queryRunner.query(`DROP INDEX "public"."uq_verified_phones_phone"`);
    await queryRunner.query(`DROP TABLE "verified_phones"`);
    await queryRunner.query(`DROP INDEX "public"."idx_phone_verification_codes_account"`);
    await queryRunner.query(`DROP TABLE "phone_verification_codes"`);
  }
}
