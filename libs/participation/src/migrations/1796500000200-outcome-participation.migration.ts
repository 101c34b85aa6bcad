import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who took part in a counted process (turnout by village, gender, age group; small cells suppressed). */
export class OutcomeParticipation1796500000200 implements MigrationInterface {
  name = 'OutcomeParticipation1796500000200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "pb_outcomes" ADD "participation" jsonb NOT NULL DEFAULT '{}'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "pb_outcomes" DROP COLUMN "participation"`);
  }
}
