import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetActuals1795433292826 implements MigrationInterface {
  name = 'BudgetActuals1795433292826';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "budget_actuals_monthly" ("budget_id" uuid NOT NULL, "line_key" uuid NOT NULL, "month" smallint NOT NULL, "amount" bigint NOT NULL, "records" integer NOT NULL, CONSTRAINT "PK_b30af004e1a67c86546f351064c" PRIMARY KEY ("budget_id", "line_key", "month"))`);
    await queryRunner.query(`ALTER TABLE "budget_actuals_monthly" ADD CONSTRAINT "fk_budget_actuals_monthly_budget" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
      // Kept by statement-level triggers with transition tables: one aggregate per INSERT/UPDATE/DELETE
    // statement (a 10,000-row import chunk costs one GROUP BY), committed or rolled back with the records.
    await queryRunner.query(`CREATE FUNCTION budget_actuals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE budget_actuals_monthly a SET amount = a.amount - o.amount, records = a.records - o.records
            FROM (SELECT budget_id, line_key, extract(month FROM occurred_on)::smallint AS month, sum(amount) AS amount, count(*)::int AS records
                    FROM old_rows GROUP BY 1, 2, 3) o
           WHERE a.budget_id = o.budget_id AND a.line_key = o.line_key AND a.month = o.month;
          DELETE FROM budget_actuals_monthly WHERE records = 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO budget_actuals_monthly (budget_id, line_key, month, amount, records)
          SELECT budget_id, line_key, extract(month FROM occurred_on)::smallint, sum(amount), count(*)::int FROM new_rows GROUP BY 1, 2, 3
          ON CONFLICT (budget_id, line_key, month) DO UPDATE
            SET amount = budget_actuals_monthly.amount + EXCLUDED.amount, records = budget_actuals_monthly.records + EXCLUDED.records;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER trg_budget_actuals_insert AFTER INSERT ON budget_transactions
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION budget_actuals_apply()`);
    await queryRunner.query(`CREATE TRIGGER trg_budget_actuals_update AFTER UPDATE ON budget_transactions
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION budget_actuals_apply()`);
    await queryRunner.query(`CREATE TRIGGER trg_budget_actuals_delete AFTER DELETE ON budget_transactions
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION budget_actuals_apply()`);
    await queryRunner.query(`INSERT INTO budget_actuals_monthly (budget_id, line_key, month, amount, records)
      SELECT budget_id, line_key, extract(month FROM occurred_on)::smallint, sum(amount), count(*)::int FROM budget_transactions GROUP BY 1, 2, 3`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_budget_actuals_delete ON budget_transactions`);
    await queryRunner.query(`DROP TRIGGER trg_budget_actuals_update ON budget_transactions`);
    await queryRunner.query(`DROP TRIGGER trg_budget_actuals_insert ON budget_transactions`);
    await queryRunner.query(`DROP FUNCTION budget_actuals_apply()`);
    await queryRunner.query(`ALTER TABLE "budget_actuals_monthly" DROP CONSTRAINT "fk_budget_actuals_monthly_budget"`);
    await queryRunner.query(`DROP TABLE "budget_actuals_monthly"`);
  }
}
