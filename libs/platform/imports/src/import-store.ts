import type { Transaction } from '@ashar/database';
import type { RowError } from './pure/row-error';
import type { SkippedRow } from './pure/row-schema';
import type { ImportFormat } from './pure/sniff';

/**
 * QUEUED (stored, job enqueued) → RUNNING (a job claimed it) → DONE (every row written, in the same
 * transaction as this status) or FAILED (final: the file is refused, the job gave up, or the run went
 * silent for longer than the stale timeout). A rerun of a DONE import does nothing; a FAILED one is
 * never resurrected (the user uploads again, which makes a new import).
 */
export type ImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** The fields of an import record the pipeline reads; a context's record may hold more (its target, mapping...). */
export interface ImportRecord {
  id: string;
  kind: string;
  format: ImportFormat;
  fileName: string;
  fileSha256: string;
  status: ImportStatus;
  progress: number;
  totalRows: number | null;
  importedRows: number | null;
  errors: RowError[] | null;
  createdBy: string;
  /** The language the import was started in (the error report's fallback). */
  locale: string | null;
  updatedAt: Date;
}

/** The same file for the same target and kind is one import (while not FAILED). */
export interface ImportKey {
  targetId: string;
  kind: string;
  fileSha256: string;
}

export interface NewImport extends ImportKey {
  format: ImportFormat;
  fileName: string;
  content: Buffer;
  createdBy: string;
  locale: string | null;
}

/**
 * Where a context keeps its import records. The pipeline calls nothing else: a context implements
 * the first four over its own table and inherits the rest from `SqlImportStore` (repositories/).
 * `X` is what the context stores besides the pipeline's fields (budgets: community, version, mapping).
 */
export interface ImportStore<T extends ImportRecord, X = unknown> {
  byId(id: string, tx?: Transaction): Promise<T | null>;
  /** The uploaded bytes (kept off `byId`, which every status poll calls). */
  contentOf(id: string): Promise<Buffer | null>;
  /** A QUEUED, RUNNING or DONE import of the same file. */
  findLive(tx: Transaction, key: ImportKey): Promise<T | null>;
  /** Inserts unless a live import of the same file exists (unique index): null when another insert won. */
  insertIfAbsent(tx: Transaction, row: NewImport, extra: X): Promise<T | null>;

  /** QUEUED or RUNNING → RUNNING (progress 1); false when the import is DONE or FAILED. */
  claim(id: string): Promise<boolean>;
  /** Written outside the import's transaction, so that pollers see it while rows are being written. */
  setProgress(id: string, pct: number): Promise<void>;
  /** RUNNING → FAILED with the file's errors. */
  fail(id: string, errors: RowError[], totalRows: number | null): Promise<void>;
  /** QUEUED or RUNNING → FAILED (the job will not run again); true when the row changed. */
  abandon(id: string, errors: RowError[]): Promise<boolean>;
  /** RUNNING imports matching `where` and silent for `staleMs` → FAILED. */
  expireStale(tx: Transaction | undefined, where: { id: string } | ImportKey, errors: RowError[], staleMs: number): Promise<void>;
  /** A transaction-scoped advisory lock on the import's target: one import writes into one target at a time. */
  lockTarget(tx: Transaction, key: string): Promise<void>;
  /** The status as this transaction sees it (after the lock). */
  statusIn(tx: Transaction, id: string): Promise<ImportStatus | undefined>;
  /** → DONE, in the transaction that wrote the rows; `report` (rows skipped, how the file was read) kept when the table has a report column. */
  markDone(tx: Transaction, id: string, rows: number, report?: ImportReport): Promise<void>;
}

/** What a done import says about its file besides the rows: rows left out and why, how it was read. */
export interface ImportReport {
  skipped: SkippedRow[];
  encoding: string | null;
  separator: string | null;
  headerLine: number;
  info?: Record<string, unknown>;
}
