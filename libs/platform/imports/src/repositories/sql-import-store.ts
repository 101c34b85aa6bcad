import { managerOf, Transaction } from '@ashar/database';
import { DataSource } from 'typeorm';
import type { ImportKey, ImportRecord, ImportReport, ImportStatus, ImportStore, NewImport } from '../import-store';
import type { RowError } from '../pure/row-error';

/** The columns the pipeline needs in a context's import table (snake_case, as TypeORM names them). */
export interface ImportTable {
  /** e.g. `budget_imports` */
  name: string;
  /** The column holding the import's target (`budget_id`). */
  targetColumn: string;
  /** Namespace of the advisory locks (a constant per context, so contexts never block each other). */
  lockNamespace: number;
  /** A jsonb column for the done import's report (rows skipped, encoding...), when the table has one. */
  reportColumn?: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * The status machine's SQL, the same for every context: a context's repository extends this with
 * its table and implements the reads and the insert over its entity. Every transition is one
 * conditional UPDATE, so concurrent runs and late retries cannot move a row backwards.
 * (UPDATE inside a CTE: a bare UPDATE ... RETURNING comes back from TypeORM as [rows, count].)
 */
export abstract class SqlImportStore<T extends ImportRecord, X = unknown> implements ImportStore<T, X> {
  protected constructor(protected readonly db: DataSource, protected readonly table: ImportTable) {
    if (!IDENT.test(table.name) || !IDENT.test(table.targetColumn) || (table.reportColumn && !IDENT.test(table.reportColumn))) throw new Error(`bad import table ${table.name}.${table.targetColumn}`);
  }

  abstract byId(id: string, tx?: Transaction): Promise<T | null>;
  abstract findLive(tx: Transaction, key: ImportKey): Promise<T | null>;
  abstract insertIfAbsent(tx: Transaction, row: NewImport, extra: X): Promise<T | null>;

  async contentOf(id: string): Promise<Buffer | null> {
    const r: { content: Buffer }[] = await this.db.query(`SELECT content FROM ${this.table.name} WHERE id = $1`, [id]);
    return r[0]?.content ?? null;
  }

  async claim(id: string): Promise<boolean> {
    const r: unknown[] = await this.db.query(
      `WITH u AS (UPDATE ${this.table.name} SET status = 'RUNNING', progress = 1, updated_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id) SELECT id FROM u`,
      [id],
    );
    return r.length > 0;
  }

  async setProgress(id: string, pct: number): Promise<void> {
    await this.db.query(`UPDATE ${this.table.name} SET progress = $2, updated_at = now() WHERE id = $1 AND status <> 'DONE'`, [id, pct]);
  }

  async fail(id: string, errors: RowError[], totalRows: number | null): Promise<void> {
    await this.db.query(
      `UPDATE ${this.table.name} SET status = 'FAILED', errors = $2, total_rows = $3, progress = 100, finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'RUNNING'`,
      [id, JSON.stringify(errors), totalRows],
    );
  }

  async abandon(id: string, errors: RowError[]): Promise<boolean> {
    const r: unknown[] = await this.db.query(
      `WITH u AS (UPDATE ${this.table.name} SET status = 'FAILED', errors = $2, progress = 100, finished_at = now(), updated_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id) SELECT id FROM u`,
      [id, JSON.stringify(errors)],
    );
    return r.length > 0;
  }

  async expireStale(tx: Transaction | undefined, where: { id: string } | ImportKey, errors: RowError[], staleMs: number): Promise<void> {
    const [cond, params] = 'id' in where ? ['id = $1', [where.id]] : [`${this.table.targetColumn} = $1 AND kind = $2 AND file_sha256 = $3`, [where.targetId, where.kind, where.fileSha256]];
    const n = params.length;
    await managerOf(tx, this.db).query(
      `UPDATE ${this.table.name} SET status = 'FAILED', errors = $${n + 1}, progress = 100, finished_at = now(), updated_at = now()
        WHERE ${cond} AND status = 'RUNNING' AND updated_at < now() - make_interval(secs => $${n + 2})`,
      [...params, JSON.stringify(errors), staleMs / 1000],
    );
  }

  async lockTarget(tx: Transaction, key: string): Promise<void> {
    // An advisory lock (not a row lock: progress is written to the row from outside this transaction).
    await managerOf(tx).query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [this.table.lockNamespace, key]);
  }

  async statusIn(tx: Transaction, id: string): Promise<ImportStatus | undefined> {
    const r: { status: ImportStatus }[] = await managerOf(tx).query(`SELECT status FROM ${this.table.name} WHERE id = $1`, [id]);
    return r[0]?.status;
  }

  async markDone(tx: Transaction, id: string, rows: number, report?: ImportReport): Promise<void> {
    const col = this.table.reportColumn;
    await managerOf(tx).query(
      `UPDATE ${this.table.name} SET status = 'DONE', progress = 100, total_rows = $2, imported_rows = $2, errors = NULL, finished_at = now(), updated_at = now()${col ? `, ${col} = $3` : ''} WHERE id = $1`,
      col ? [id, rows, report ? JSON.stringify(report) : null] : [id, rows],
    );
  }
}
