import { MigrationInterface, QueryRunner } from 'typeorm';

/** Phases that begin by themselves at a planned instant (the organiser's schedule). */
export class PhaseSchedule1796650000000 implements MigrationInterface {
  name = 'PhaseSchedule1796650000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pb_process_phase_starts" ("process_id" uuid NOT NULL, "phase" character varying(16) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_process_phase_starts_phase" CHECK ("phase" IN ('IDEAS', 'REVIEW', 'VOTING', 'RESULTS', 'IMPLEMENTATION')), CONSTRAINT "PK_a61bebc8eff3b6a7932ea993f85" PRIMARY KEY ("process_id", "phase"))`);
    await q.query(`CREATE INDEX "idx_pb_process_phase_starts_due" ON "pb_process_phase_starts" ("starts_at") `);
    await q.query(`ALTER TABLE "pb_process_phase_starts" ADD CONSTRAINT "fk_pb_process_phase_starts_process" FOREIGN KEY ("process_id") REFERENCES "pb_processes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "pb_process_phase_starts"`);
  }
}
