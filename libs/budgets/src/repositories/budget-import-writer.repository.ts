import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BudgetLineRecord, LedgerRecord, LineRef } from '../domain/import-rows';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetVersionEdit } from '../entities/budget-version-edit.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';

/** Ledger rows go in with set-based INSERT ... SELECT FROM unnest(...) in chunks of this many. */
export const LEDGER_CHUNK = 10_000;
const LINES_CHUNK = 1000;

/** What the budgets import writers read and write: SQL only, the rules are in BudgetImportService. */
@Injectable()
export class BudgetImportWriterRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async budgetOf(budgetId: string): Promise<{ fiscalYear: number; communityId: string } | null> {
    const b = await this.db.getRepository(Budget).findOneBy({ id: budgetId });
    return b ? { fiscalYear: b.fiscalYear, communityId: b.communityId } : null;
  }

  /** The open draft of a budget. */
  async draftOf(budgetId: string): Promise<{ id: string } | null> {
    return this.db.getRepository(BudgetVersion).findOne({ where: { budgetId, status: 'DRAFT' }, select: { id: true } });
  }

  /** Lines of the latest version (keys are stable across versions). */
  latestLines(budgetId: string): Promise<LineRef[]> {
    return this.db.query(
      `SELECT l.line_key AS "lineKey", l.direction, l.economic_code AS "economicCode", l.functional_code AS "functionalCode"
         FROM budget_lines l WHERE l.version_id = (SELECT id FROM budget_versions WHERE budget_id = $1 ORDER BY number DESC LIMIT 1)`,
      [budgetId],
    );
  }

  /**
   * What an import's totals are compared with in a preview (a thousandfold unit mistake shows): for
   * budget lines, the last decided version (published, approved or superseded) of the community's
   * latest earlier budget, else of this budget; for a ledger, this budget's latest version. Minor units per side.
   */
  async referenceTotals(budgetId: string, kind: 'LEDGER' | 'BUDGET'): Promise<{ fiscalYear: number; revenue: bigint; expenditure: bigint } | null> {
    const decided = kind === 'LEDGER' ? '' : `AND v.status IN ('PUBLISHED', 'APPROVED', 'SUPERSEDED')`;
    const rows: Array<{ fiscal_year: number; revenue: string; expenditure: string }> = await this.db.query(
      `WITH me AS (SELECT id, community_id, fiscal_year FROM budgets WHERE id = $1),
            candidates AS (
              SELECT b.fiscal_year, v.id AS version_id, CASE WHEN b.id = me.id THEN 1 ELSE 0 END AS own, v.number
                FROM budgets b JOIN me ON b.community_id = me.community_id
                JOIN budget_versions v ON v.budget_id = b.id ${decided}
               WHERE ${kind === 'LEDGER' ? 'b.id = me.id' : '(b.fiscal_year < me.fiscal_year OR b.id = me.id)'}
               ORDER BY own ASC, b.fiscal_year DESC, v.number DESC LIMIT 1)
       SELECT c.fiscal_year,
              COALESCE(sum(l.amount) FILTER (WHERE l.direction = 'REVENUE'), 0)::text AS revenue,
              COALESCE(sum(l.amount) FILTER (WHERE l.direction = 'EXPENDITURE'), 0)::text AS expenditure
         FROM candidates c LEFT JOIN budget_lines l ON l.version_id = c.version_id GROUP BY c.fiscal_year`,
      [budgetId],
    );
    const r = rows[0];
    return r ? { fiscalYear: Number(r.fiscal_year), revenue: BigInt(r.revenue), expenditure: BigInt(r.expenditure) } : null;
  }

  classificationCodes(country: string): Promise<Array<{ code: string; scheme: string; direction: 'REVENUE' | 'EXPENDITURE' | null }>> {
    return this.db.query('SELECT code, scheme, direction FROM budget_classifications WHERE country = $1', [country]);
  }

  async insertLedger(tx: Transaction, budgetId: string, importId: string, createdBy: string, recs: LedgerRecord[], progress: (written: number) => Promise<void>): Promise<void> {
    const m = managerOf(tx);
    for (let i = 0; i < recs.length; i += LEDGER_CHUNK) {
      const chunk = recs.slice(i, i + LEDGER_CHUNK);
      await m.query(
        `INSERT INTO budget_transactions (budget_id, line_key, kind, occurred_on, amount, counterparty, purpose, document_number, import_id, created_by)
         SELECT $1, k, t, d, a, c, p, n, $2, $3 FROM unnest($4::uuid[], $5::varchar[], $6::date[], $7::bigint[], $8::text[], $9::text[], $10::text[]) AS u(k, t, d, a, c, p, n)`,
        [
          budgetId,
          importId,
          createdBy,
          chunk.map((r) => r.lineKey),
          chunk.map((r) => r.kind),
          chunk.map((r) => r.date),
          chunk.map((r) => r.amount.toString()),
          chunk.map((r) => r.counterparty),
          chunk.map((r) => r.purpose),
          chunk.map((r) => r.documentNumber),
        ],
      );
      await progress(Math.min(recs.length, i + LEDGER_CHUNK));
    }
  }

  /** The draft, locked for this transaction. */
  lockVersion(tx: Transaction, versionId: string): Promise<BudgetVersion | null> {
    return managerOf(tx).findOne(BudgetVersion, { where: { id: versionId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The draft's lines, in order: [side|economic|functional] → their keys. */
  async lineKeysByCodes(tx: Transaction, versionId: string): Promise<Map<string, string[]>> {
    const existing = await managerOf(tx).find(BudgetLine, { where: { versionId }, order: { position: 'ASC' } });
    const keysByCodes = new Map<string, string[]>();
    for (const l of existing) {
      const k = lineCodesKey(l);
      const keys = keysByCodes.get(k);
      if (keys) keys.push(l.lineKey);
      else keysByCodes.set(k, [l.lineKey]);
    }
    return keysByCodes;
  }

  /** Replaces every line of the draft and records the edit (revision + 1). */
  async replaceLines(tx: Transaction, v: BudgetVersion, recs: Array<BudgetLineRecord & { lineKey: string }>, actorAccountId: string, importId: string, progress: (written: number) => Promise<void>): Promise<void> {
    const m = managerOf(tx);
    await m.delete(BudgetLine, { versionId: v.id });
    for (let i = 0; i < recs.length; i += LINES_CHUNK) {
      await m.insert(
        BudgetLine,
        recs.slice(i, i + LINES_CHUNK).map((r, j) => ({ versionId: v.id, lineKey: r.lineKey, direction: r.direction, economicCode: r.economicCode, functionalCode: r.functionalCode, names: Object.fromEntries(Object.entries(r.names).filter(([, x]) => x)), amount: r.amount, specialFunds: r.specialFunds ?? 0n, position: i + j + 1 })) as BudgetLine[],
      );
      await progress(Math.min(recs.length, i + LINES_CHUNK));
    }
    await m.update(BudgetVersion, { id: v.id }, { revision: v.revision + 1 });
    await m.insert(BudgetVersionEdit, { versionId: v.id, revision: v.revision + 1, actorAccountId, changes: [{ change: 'REPLACED_BY_IMPORT', importId, lines: recs.length }] as never });
  }
}

/** A line's identity by what the file can say about it: side and codes. */
export function lineCodesKey(r: { direction: string; economicCode: string; functionalCode?: string | null }): string {
  return `${r.direction}|${r.economicCode}|${r.functionalCode ?? ''}`;
}
