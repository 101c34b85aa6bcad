import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ballots by SMS reply: the registries and the ballots name the channel SMS beside ONLINE and PAPER. */
export class SmsChannel1796705300000 implements MigrationInterface {
  name = 'SmsChannel1796705300000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of [['pb_ballots', 'ck_pb_ballots_channel'], ['pb_voter_registry', 'ck_pb_voter_registry_channel'], ['pb_voter_documents', 'ck_pb_voter_documents_channel']]) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" CHECK ("channel" IN ('ONLINE', 'PAPER', 'SMS'))`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of [['pb_ballots', 'ck_pb_ballots_channel'], ['pb_voter_registry', 'ck_pb_voter_registry_channel'], ['pb_voter_documents', 'ck_pb_voter_documents_channel']]) {
      await q.query(`UPDATE "${table}" SET "channel" = 'ONLINE' WHERE "channel" = 'SMS'`);
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" CHECK ("channel" IN ('ONLINE', 'PAPER'))`);
    }
  }
}
