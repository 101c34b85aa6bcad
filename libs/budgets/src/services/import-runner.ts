import { AuditService } from '@ashar/audit';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { LineRef, validateBudgetRows, validateLedgerRows, RowError } from '../domain/import-rows';
import { BudgetImport } from '../entities/budget-import.entity';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetVersionEdit } from '../entities/budget-version-edit.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import { FileLimitError, readRows } from './file-rows';

export const IMPORT_CHUNK = 10_000;

export interface ImportOutcome {
  status: 'DONE' | 'FAILED' | 'SKIPPED';
  imported: number;
  errors: number;
}

/**
 * Runs one import: parse, validate everything, then write everything in ONE transaction together
 * with status DONE. A failure or a killed process rolls the whole transaction back, so nothing is
 * left behind; a second run finds DONE (under a row lock) and does nothing. Rows go in with
 * set-based INSERT ... SELECT FROM unnest(...) in chunks, not row by row.
 */
export async function runImport(db: DataSource, audit: AuditService, importId: string, onProgress: (pct: number) => Promise<void> = async () => undefined): Promise<ImportOutcome> {
  const imp = await db.getRepository(BudgetImport).createQueryBuilder('i').addSelect('i.content').where('i.id = :id', { id: importId }).getOne();
  if (!imp) throw new Error(`import ${importId} not found`);
  if (imp.status === 'DONE') return { status: 'SKIPPED', imported: imp.importedRows ?? 0, errors: 0 };
  const progress = async (pct: number) => {
    await db.query('UPDATE budget_imports SET progress = $2, updated_at = now() WHERE id = $1 AND status <> $3', [importId, pct, 'DONE']);
    await onProgress(pct);
  };
  // Only a queued or interrupted run goes (back) to RUNNING: a FAILED import is final (the user
  // uploads again, which makes a new import), so a late retry cannot resurrect it.
  // (UPDATE inside a CTE: a bare UPDATE ... RETURNING comes back from TypeORM as [rows, count].)
  const started: unknown[] = await db.query(`WITH u AS (UPDATE budget_imports SET status = 'RUNNING', progress = 1, updated_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id) SELECT id FROM u`, [importId]);
  if (!started.length) return { status: 'SKIPPED', imported: imp.importedRows ?? 0, errors: 0 };
  const fail = async (errors: RowError[], totalRows: number | null) => {
    await db.query(`UPDATE budget_imports SET status = 'FAILED', errors = $2, total_rows = $3, progress = 100, finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'RUNNING'`, [importId, JSON.stringify(errors), totalRows]);
    return { status: 'FAILED' as const, imported: 0, errors: errors.length };
  };
  let rows;
  try {
    rows = await readRows(imp.format, imp.content);
  } catch (e) {
    if (e instanceof FileLimitError) return fail([e.rowError], null);
    return fail([{ line: 1, column: null, messageKey: 'errors.budgets.import.unreadable', value: String((e as Error).message).slice(0, 80) }], null);
  }
  const budget: { fiscal_year: number; country: string }[] = await db.query(
    'SELECT b.fiscal_year, u.country FROM budgets b JOIN communities c ON c.id = b.community_id JOIN territorial_units u ON u.id = c.unit_id WHERE b.id = $1',
    [imp.budgetId],
  );
  await progress(10);
  const actor = { accountId: imp.createdBy, onBehalfOf: null };
  if (imp.kind === 'LEDGER') {
    // Lines of the latest version (keys are stable across versions).
    const lines: LineRef[] = (
      await db.query(
        `SELECT l.line_key AS "lineKey", l.direction, l.economic_code AS "economicCode", l.functional_code AS "functionalCode"
           FROM budget_lines l WHERE l.version_id = (SELECT id FROM budget_versions WHERE budget_id = $1 ORDER BY number DESC LIMIT 1)`,
        [imp.budgetId],
      )
    ).map((r: LineRef) => r);
    const result = validateLedgerRows(rows, { fiscalYear: budget[0].fiscal_year, lines, mapping: imp.mapping });
    if (result.errors.length) return fail(result.errors, result.rows);
    await progress(20);
    const recs = result.records;
    await db.transaction(async (m) => {
      // An advisory lock (not a row lock: progress is written to the row from outside this transaction).
      await m.query('SELECT pg_advisory_xact_lock(7241003, hashtext($1))', [importId]);
      const locked: { status: string }[] = await m.query('SELECT status FROM budget_imports WHERE id = $1', [importId]);
      if (locked[0]?.status !== 'RUNNING') return;
      for (let i = 0; i < recs.length; i += IMPORT_CHUNK) {
        const chunk = recs.slice(i, i + IMPORT_CHUNK);
        await m.query(
          `INSERT INTO budget_transactions (budget_id, line_key, kind, occurred_on, amount, counterparty, purpose, document_number, import_id, created_by)
           SELECT $1, k, t, d, a, c, p, n, $2, $3 FROM unnest($4::uuid[], $5::varchar[], $6::date[], $7::bigint[], $8::text[], $9::text[], $10::text[]) AS u(k, t, d, a, c, p, n)`,
          [
            imp.budgetId,
            importId,
            imp.createdBy,
            chunk.map((r) => r.lineKey),
            chunk.map((r) => r.kind),
            chunk.map((r) => r.date),
            chunk.map((r) => r.amount.toString()),
            chunk.map((r) => r.counterparty),
            chunk.map((r) => r.purpose),
            chunk.map((r) => r.documentNumber),
          ],
        );
        await progress(20 + Math.floor((75 * Math.min(recs.length, i + IMPORT_CHUNK)) / Math.max(1, recs.length)));
      }
      await m.query(`UPDATE budget_imports SET status = 'DONE', progress = 100, total_rows = $2, imported_rows = $2, errors = NULL, finished_at = now(), updated_at = now() WHERE id = $1`, [importId, recs.length]);
      await audit.record(m, actor, { action: 'budget.import.ledger', entityType: 'BudgetImport', entityId: importId, communityId: imp.communityId, after: { rows: recs.length, fileSha256: imp.fileSha256 } });
    });
    return { status: 'DONE', imported: recs.length, errors: 0 };
  }
  // BUDGET: the plan, into the open draft.
  const codes: { code: string; scheme: string }[] = await db.query('SELECT code, scheme FROM budget_classifications WHERE country = $1', [budget[0].country]);
  const result = validateBudgetRows(rows, {
    economicCodes: new Set(codes.filter((c) => c.scheme === 'ECONOMIC').map((c) => c.code)),
    functionalCodes: new Set(codes.filter((c) => c.scheme === 'FUNCTIONAL').map((c) => c.code)),
    mapping: imp.mapping,
  });
  if (result.errors.length) return fail(result.errors, result.rows);
  await db.transaction(async (m) => {
      // An advisory lock (not a row lock: progress is written to the row from outside this transaction).
      await m.query('SELECT pg_advisory_xact_lock(7241003, hashtext($1))', [importId]);
      const locked: { status: string }[] = await m.query('SELECT status FROM budget_imports WHERE id = $1', [importId]);
    if (locked[0]?.status !== 'RUNNING') return;
    const v = await m.findOne(BudgetVersion, { where: { id: imp.versionId! }, lock: { mode: 'pessimistic_write' } });
    if (!v || v.status !== 'DRAFT') throw new Error('the target version is no longer a draft');
    // A line keeps its identity (lineKey, to which execution records and notes attach) when the file
    // has a line with the same side and codes: an amendment re-imported from a spreadsheet must not
    // orphan the spending already recorded. Each existing key is reused at most once, in order.
    const existing = await m.find(BudgetLine, { where: { versionId: v.id }, order: { position: 'ASC' } });
    const keysByCodes = new Map<string, string[]>();
    for (const l of existing) {
      const k = `${l.direction}|${l.economicCode}|${l.functionalCode ?? ''}`;
      const keys = keysByCodes.get(k);
      if (keys) keys.push(l.lineKey);
      else keysByCodes.set(k, [l.lineKey]);
    }
    const keyFor = (r: { direction: string; economicCode: string; functionalCode?: string | null }) =>
      keysByCodes.get(`${r.direction}|${r.economicCode}|${r.functionalCode ?? ''}`)?.shift() ?? randomUUID();
    await m.delete(BudgetLine, { versionId: v.id });
    const recs = result.records;
    for (let i = 0; i < recs.length; i += 1000) {
      await m.insert(BudgetLine, recs.slice(i, i + 1000).map((r, j) => ({ versionId: v.id, lineKey: keyFor(r), direction: r.direction, economicCode: r.economicCode, functionalCode: r.functionalCode, names: Object.fromEntries(Object.entries(r.names).filter(([, x]) => x)), amount: r.amount, position: i + j + 1 })) as BudgetLine[]);
    }
    await m.update(BudgetVersion, { id: v.id }, { revision: v.revision + 1 });
    await m.insert(BudgetVersionEdit, { versionId: v.id, revision: v.revision + 1, actorAccountId: imp.createdBy, changes: [{ change: 'REPLACED_BY_IMPORT', importId, lines: recs.length }] as never });
    await m.query(`UPDATE budget_imports SET status = 'DONE', progress = 100, total_rows = $2, imported_rows = $2, errors = NULL, finished_at = now(), updated_at = now() WHERE id = $1`, [importId, recs.length]);
    await audit.record(m, actor, { action: 'budget.import.lines', entityType: 'BudgetImport', entityId: importId, communityId: imp.communityId, after: { versionId: v.id, lines: recs.length } });
  });
  return { status: 'DONE', imported: result.records.length, errors: 0 };
}

/** The one error of an import whose job failed for good or whose run went silent (see STALE_IMPORT_MS). */
export const IMPORT_FAILED_ERROR: RowError = { line: 1, column: null, messageKey: 'errors.budgets.import.failed' };

/**
 * Marks an unfinished import FAILED (its job will not run again). Only QUEUED/RUNNING rows change:
 * a DONE import stays DONE. Returns whether the row changed.
 */
export async function markImportFailed(db: DataSource, importId: string): Promise<boolean> {
  const r: unknown[] = await db.query(
    `WITH u AS (UPDATE budget_imports SET status = 'FAILED', errors = $2, progress = 100, finished_at = now(), updated_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id) SELECT id FROM u`,
    [importId, JSON.stringify([IMPORT_FAILED_ERROR])],
  );
  return r.length > 0;
}
