import { MigrationInterface, QueryRunner } from 'typeorm';

/** Paper ballots from village meetings: anonymous sheets, each counted once two members entered it alike. */
export class PaperBallots1796500000100 implements MigrationInterface {
  name = 'PaperBallots1796500000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pb_paper_sheets" ("process_id" uuid NOT NULL, "sheet_code" character varying(40) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'PENDING', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_paper_sheets_status" CHECK ("status" IN ('PENDING', 'COUNTED', 'MISMATCH')), CONSTRAINT "PK_485ca2beb6b4590585bde2afdf2" PRIMARY KEY ("process_id", "sheet_code"))`);
    await q.query(`CREATE TABLE "pb_paper_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "process_id" uuid NOT NULL, "sheet_code" character varying(40) NOT NULL, "entered_by" uuid NOT NULL, "choices" jsonb NOT NULL, "points" jsonb, "client_request_id" uuid, "client_request_hash" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pb_paper_entries_choices" CHECK (jsonb_typeof("choices") = 'array'), CONSTRAINT "PK_5b4e13ec51af2783ce5e511c0b5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_pb_paper_entries_client_request" ON "pb_paper_entries" ("process_id", "client_request_id") WHERE "client_request_id" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_pb_paper_entries_member" ON "pb_paper_entries" ("process_id", "sheet_code", "entered_by") `);
    await q.query(`ALTER TABLE "pb_paper_sheets" ADD CONSTRAINT "fk_pb_paper_sheets_process" FOREIGN KEY ("process_id") REFERENCES "pb_processes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "pb_paper_entries" ADD CONSTRAINT "fk_pb_paper_entries_sheet" FOREIGN KEY ("process_id", "sheet_code") REFERENCES "pb_paper_sheets"("process_id","sheet_code") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "pb_paper_entries"`);
    await q.query(`DROP TABLE "pb_paper_sheets"`);
  }
}
