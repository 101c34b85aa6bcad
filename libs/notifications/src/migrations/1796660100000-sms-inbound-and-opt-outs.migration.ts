import { MigrationInterface, QueryRunner } from 'typeorm';

/** Inbound SMS (deduplicated by the gateway's id) and the phones that answered STOP. */
export class SmsInboundAndOptOuts1796660100000 implements MigrationInterface {
  name = 'SmsInboundAndOptOuts1796660100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sms_inbound_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gateway_message_id" text NOT NULL, "from_phone" text NOT NULL, "text" text NOT NULL, "action" character varying(16), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_sms_inbound_messages_gateway_message_id" UNIQUE ("gateway_message_id"), CONSTRAINT "PK_sms_inbound_messages" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sms_inbound_messages_from" ON "sms_inbound_messages" ("from_phone", "received_at")`);
    await queryRunner.query(`CREATE TABLE "sms_opt_outs" ("phone" text NOT NULL, "inbound_message_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_sms_opt_outs" PRIMARY KEY ("phone"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sms_opt_outs"`);
    await queryRunner.query(`DROP TABLE "sms_inbound_messages"`);
  }
}
