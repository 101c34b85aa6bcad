import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInUnlocks1796216010732 implements MigrationInterface {
  name = 'SignInUnlocks1796216010732';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_unlocks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c343f2207713fe0dcbc36b02a32" UNIQUE ("token_hash"), CONSTRAINT "PK_38d73a1a777d066038c663a68a7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "sign_in_unlocks" ADD CONSTRAINT "fk_sign_in_unlocks_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sign_in_unlocks" DROP CONSTRAINT "fk_sign_in_unlocks_account"`);
    await queryRunner.query(`DROP TABLE "sign_in_unlocks"`);
  }
}
