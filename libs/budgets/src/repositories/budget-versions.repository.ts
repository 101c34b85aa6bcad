import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetVersionEdit } from '../entities/budget-version-edit.entity';
import { BudgetVersion } from '../entities/budget-version.entity';

/** The version aggregate: `budget_versions`, their `budget_lines` and `budget_version_edits`. */
@Injectable()
export class BudgetVersionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: Transaction) {
    return managerOf(tx, this.db);
  }

  findById(id: string): Promise<BudgetVersion | null> {
    return this.m().getRepository(BudgetVersion).findOneBy({ id });
  }

  findByNumber(budgetId: string, number: number): Promise<BudgetVersion | null> {
    return this.m().getRepository(BudgetVersion).findOneBy({ budgetId, number });
  }

  /** Every version of these budgets, by number. */
  ofBudgets(budgetIds: readonly string[]): Promise<BudgetVersion[]> {
    return this.m().getRepository(BudgetVersion).createQueryBuilder('v').where('v.budget_id = ANY(:ids)', { ids: [...budgetIds] }).orderBy('v.number', 'ASC').getMany();
  }

  latestOf(tx: Transaction, budgetId: string): Promise<BudgetVersion | null> {
    return this.m(tx).findOne(BudgetVersion, { where: { budgetId }, order: { number: 'DESC' } });
  }

  /** The version row, locked for the rest of the transaction. */
  lock(tx: Transaction, id: string): Promise<BudgetVersion | null> {
    return this.m(tx).findOne(BudgetVersion, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  editsOf(tx: Transaction, versionId: string): Promise<BudgetVersionEdit[]> {
    return this.m(tx).find(BudgetVersionEdit, { where: { versionId }, order: { revision: 'ASC' } });
  }

  async insert(tx: Transaction, values: Partial<BudgetVersion>): Promise<BudgetVersion> {
    const v = this.m(tx).create(BudgetVersion, values);
    await this.m(tx).insert(BudgetVersion, v);
    return v;
  }

  async update(tx: Transaction, id: string, patch: Partial<BudgetVersion>): Promise<void> {
    await this.m(tx).update(BudgetVersion, { id }, patch as never);
  }

  async maxNumber(tx: Transaction, budgetId: string): Promise<number> {
    const last: { n: number }[] = await this.m(tx).query('SELECT max(number) AS n FROM budget_versions WHERE budget_id = $1', [budgetId]);
    return last[0].n;
  }

  /** The versions an approved amendment replaces. */
  async supersedeOthers(tx: Transaction, budgetId: string, keepId: string): Promise<void> {
    await this.m(tx).query(`UPDATE budget_versions SET status = 'SUPERSEDED', updated_at = now() WHERE budget_id = $1 AND status IN ('APPROVED', 'PUBLISHED') AND id <> $2`, [budgetId, keepId]);
  }

  /** Whether the budget has a version of this kind (any status). */
  async hasKind(tx: Transaction, budgetId: string, kind: string): Promise<boolean> {
    const r: unknown[] = await this.m(tx).query('SELECT 1 FROM budget_versions WHERE budget_id = $1 AND kind = $2 LIMIT 1', [budgetId, kind]);
    return r.length > 0;
  }

  async insertEdit(tx: Transaction, values: Partial<BudgetVersionEdit>): Promise<void> {
    await this.m(tx).insert(BudgetVersionEdit, values as never);
  }

  /**
   * Copies every line of one version into another; `newKeys` gives them new identities (a copy from last
   * year). Special funds travel with the amount; an amendment keeps the forecasts, a copy from last year
   * moves them one year on (last year's year + 2 is this year's year + 1).
   */
  async copyLines(tx: Transaction, fromVersionId: string, toVersionId: string, newKeys: boolean): Promise<number> {
    const res: unknown[] = await this.m(tx).query(
      `INSERT INTO budget_lines (version_id, line_key, direction, economic_code, functional_code, names, amount, special_funds, forecast_year1, forecast_year2, position)
       SELECT $2, ${newKeys ? 'gen_random_uuid()' : 'line_key'}, direction, economic_code, functional_code, names, amount, special_funds,
              ${newKeys ? 'forecast_year2, NULL' : 'forecast_year1, forecast_year2'}, position
         FROM budget_lines WHERE version_id = $1 RETURNING 1`,
      [fromVersionId, toVersionId],
    );
    return res.length;
  }

  linesByKeys(tx: Transaction, versionId: string, lineKeys: readonly string[]): Promise<BudgetLine[]> {
    return this.m(tx).find(BudgetLine, { where: { versionId, lineKey: In([...lineKeys]) } });
  }

  async maxPosition(tx: Transaction, versionId: string): Promise<number | null> {
    const maxPos: { p: number | null }[] = await this.m(tx).query('SELECT max(position) AS p FROM budget_lines WHERE version_id = $1', [versionId]);
    return maxPos[0]?.p ?? null;
  }

  async countLines(tx: Transaction, versionId: string): Promise<number> {
    const n: { n: number }[] = await this.m(tx).query('SELECT count(*)::int AS n FROM budget_lines WHERE version_id = $1', [versionId]);
    return n[0].n;
  }

  async updateLine(tx: Transaction, id: string, patch: Partial<BudgetLine>): Promise<void> {
    await this.m(tx).update(BudgetLine, { id }, patch as never);
  }

  async insertLines(tx: Transaction, lines: Partial<BudgetLine>[]): Promise<void> {
    await this.m(tx).insert(BudgetLine, lines as BudgetLine[]);
  }

  async deleteLine(tx: Transaction, id: string): Promise<void> {
    await this.m(tx).delete(BudgetLine, { id });
  }

  /** The side of a line in the latest version of the budget that has it, or null. */
  async lineDirection(budgetId: string, lineKey: string): Promise<string | null> {
    const line: { direction: string }[] = await this.m().query(
      `SELECT l.direction FROM budget_lines l JOIN budget_versions v ON v.id = l.version_id WHERE v.budget_id = $1 AND l.line_key = $2 ORDER BY v.number DESC LIMIT 1`,
      [budgetId, lineKey],
    );
    return line[0]?.direction ?? null;
  }
}
