import type { Transaction } from '@ashar/database';
import { ConflictError, InvalidInputError } from '@ashar/kernel';
import { createHash } from 'crypto';
import type { ImportKey, ImportRecord, ImportStore } from './import-store';
import { DEFAULT_IMPORT_LIMITS, DEFAULT_MESSAGE_PREFIX, FileLimitError, ImportLimits, messageKey, PipelineMessage } from './pure/limits';
import { RowError } from './pure/row-error';
import type { CsvSeparator, TextEncodingName } from './pure/csv-text';
import { RowSchema, validateRows, ValidationResult } from './pure/row-schema';
import { sniffFormat } from './pure/sniff';
import { readFile, ReadFile } from './reader/read-rows';

/** Rows are written (and progress reported) in chunks of this many. */
export const IMPORT_CHUNK = 10_000;

/**
 * A RUNNING import whose row has not changed for this long has lost its job (a worker killed again
 * and again, a job that stalled out of the queue): it is marked FAILED when looked up or uploaded
 * again, so it cannot stay RUNNING. A live run writes its progress at least every IMPORT_CHUNK rows.
 */
export const STALE_IMPORT_MS = 10 * 60 * 1000;

/** How the pipeline reports progress of the write: `written` of `total` rows are in. */
export type WriteProgress = (written: number, total: number) => Promise<void>;

/**
 * One kind of file a context imports: its row schema, what the schema needs loaded first, and its
 * writer. The writer runs inside the pipeline's transaction, after the target's lock and the status
 * check; it writes every record (or throws, and nothing is written).
 */
export interface ImportDefinition<T extends ImportRecord, R = unknown, C = unknown> {
  kind: string;
  schema: RowSchema<R, C>;
  /** Loads what the schema checks against (codes, lines, mapping), before the transaction. */
  prepare(record: T): Promise<C>;
  /** The key of the advisory lock: the thing written into (a budget, a ballot box). */
  lockKey(record: T): string;
  write(tx: Transaction, records: R[], record: T, progress: WriteProgress): Promise<void>;
}

export interface TransactionRunnerLike {
  run<V>(work: (tx: Transaction) => Promise<V>): Promise<V>;
}

export interface ImportPipelineOptions<T extends ImportRecord, X> {
  store: ImportStore<T, X>;
  transactions: TransactionRunnerLike;
  definitions: ReadonlyArray<ImportDefinition<T, any, any>>;
  /** Prefix of the pipeline's own message keys (default `errors.imports`). */
  messagePrefix?: string;
  limits?: Partial<ImportLimits>;
  staleMs?: number;
}

/** What `start` does besides storing: the context's own side effects. */
export interface StartHooks<T> {
  /** In the transaction that stores a new import: enqueue its job, write the audit entry. */
  onCreated(tx: Transaction, record: T): Promise<void>;
  /** After that transaction committed (e.g. wake the outbox relay). */
  afterCreated?(): void;
}

export interface StartImport<X> {
  kind: string;
  targetId: string;
  fileName: string;
  content: Buffer;
  createdBy: string;
  locale?: string | null;
  /** What the context stores besides (budgets: community, version, mapping). */
  extra: X;
}

export interface ImportOutcome {
  status: 'DONE' | 'FAILED' | 'SKIPPED';
  imported: number;
  errors: number;
}

/** What `inspect` found: the validated file and how it was read, or why it is refused. */
export type Inspection<R> =
  | { ok: true; result: ValidationResult<R>; encoding: TextEncodingName | null; separator: CsvSeparator | null }
  | { ok: false; errors: RowError[]; rows: number | null; errorCount: number; result?: ValidationResult<R>; encoding?: TextEncodingName | null; separator?: CsvSeparator | null };

/** A name that is safe to show and to put in a header: letters, digits, `._ -`, at most 200 characters. */
export function safeFileName(name: string | null | undefined, fallback = 'upload.csv'): string {
  return (name || fallback).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200);
}

/**
 * The file import pipeline: store (idempotent by file hash) → job → read (CSV/XLSX by content, limits)
 * → validate every row with the context's schema → write everything in ONE transaction together with
 * status DONE, under the target's advisory lock. A bad row, a failed write or a killed process leaves
 * nothing behind; a rerun finds DONE and does nothing. Knows no context: see README.
 */
export class ImportPipeline<T extends ImportRecord, X = unknown> {
  readonly limits: ImportLimits;
  readonly messagePrefix: string;
  readonly staleMs: number;
  private readonly definitions: Map<string, ImportDefinition<T, any, any>>;

  constructor(private readonly opts: ImportPipelineOptions<T, X>) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...opts.limits };
    this.messagePrefix = opts.messagePrefix ?? DEFAULT_MESSAGE_PREFIX;
    this.staleMs = opts.staleMs ?? STALE_IMPORT_MS;
    this.definitions = new Map(opts.definitions.map((d) => [d.kind, d]));
  }

  key(m: PipelineMessage): string {
    return messageKey(this.messagePrefix, m);
  }

  /** The one error of an import whose job failed for good or whose run went silent. */
  get failedError(): RowError {
    return { line: 1, column: null, messageKey: this.key('failed') };
  }

  /**
   * Stores the file and (through `hooks.onCreated`) enqueues its job in one transaction. The same file for the
   * same target and kind is one import: uploading it again, even at the same moment, returns the
   * existing import. The caller has checked the permission.
   */
  async start(input: StartImport<X>, hooks: StartHooks<T>): Promise<T> {
    if (!this.definitions.has(input.kind)) throw new InvalidInputError('kind', 'errors.validation.invalid');
    if (!input.content.length) throw new InvalidInputError('file', this.key('empty'));
    if (input.content.length > this.limits.maxBytes) throw new InvalidInputError('file', this.key('tooLarge'), undefined, { max: Math.round(this.limits.maxBytes / 1024 / 1024) });
    const key: ImportKey = { targetId: input.targetId, kind: input.kind, fileSha256: createHash('sha256').update(input.content).digest('hex') };
    const { store } = this.opts;
    const rec = await this.opts.transactions.run(async (tx) => {
      await store.expireStale(tx, key, [this.failedError], this.staleMs);
      const existing = await store.findLive(tx, key);
      if (existing) return { rec: existing, created: false };
      // The same file uploaded several times at once: the partial unique index lets one insert win; the
      // others wait for it (ON CONFLICT DO NOTHING), then read and return the winner's row.
      const row = await store.insertIfAbsent(tx, { ...key, format: sniffFormat(input.content), fileName: safeFileName(input.fileName), content: input.content, createdBy: input.createdBy, locale: input.locale ?? null }, input.extra);
      if (!row) {
        const winner = await store.findLive(tx, key);
        if (!winner) throw new ConflictError(this.key('retry'));
        return { rec: winner, created: false };
      }
      await hooks.onCreated(tx, row);
      return { rec: row, created: true };
    });
    if (rec.created) hooks.afterCreated?.();
    return rec.rec;
  }

  /** The import; a RUNNING one silent for longer than the stale timeout is FAILED first. */
  async get(id: string): Promise<T | null> {
    const rec = await this.opts.store.byId(id);
    if (rec && rec.status === 'RUNNING' && Date.now() - rec.updatedAt.getTime() > this.staleMs) {
      await this.opts.store.expireStale(undefined, { id }, [this.failedError], this.staleMs);
      return this.opts.store.byId(id);
    }
    return rec;
  }

  /** The job: runs the import once (see the class comment). Throws on a failed write, so that the job retries. */
  async run(id: string, onProgress: (pct: number) => Promise<void> = async () => undefined): Promise<ImportOutcome> {
    const { store } = this.opts;
    const rec = await store.byId(id);
    if (!rec) throw new Error(`import ${id} not found`);
    if (rec.status === 'DONE') return { status: 'SKIPPED', imported: rec.importedRows ?? 0, errors: 0 };
    const def = this.definitions.get(rec.kind);
    if (!def) throw new Error(`no import definition for kind ${rec.kind}`);
    if (!(await store.claim(id))) return { status: 'SKIPPED', imported: rec.importedRows ?? 0, errors: 0 };
    const progress = async (pct: number) => {
      await store.setProgress(id, pct);
      await onProgress(pct);
    };
    const fail = async (errors: RowError[], totalRows: number | null, count = errors.length): Promise<ImportOutcome> => {
      await store.fail(id, errors, totalRows);
      return { status: 'FAILED', imported: 0, errors: count };
    };
    const content = await store.contentOf(id);
    const seen = await this.inspect(rec, content, def, () => progress(10));
    if (!seen.ok) return fail(seen.errors, seen.rows, seen.errorCount);
    const result = seen.result;
    await progress(20);
    const records = result.records;
    const wrote = await this.opts.transactions.run(async (tx) => {
      await store.lockTarget(tx, def.lockKey(rec));
      // Another run of the same import (a retry racing a stalled job) finished while we waited.
      if ((await store.statusIn(tx, id)) !== 'RUNNING') return false;
      await def.write(tx, records, rec, (written, total) => progress(20 + Math.floor((75 * Math.min(total, written)) / Math.max(1, total))));
      await store.markDone(tx, id, records.length, { skipped: result.skipped, encoding: seen.encoding, separator: seen.separator, headerLine: result.headerLine, info: result.info });
      return true;
    });
    if (!wrote) return { status: 'SKIPPED', imported: 0, errors: 0 };
    return { status: 'DONE', imported: records.length, errors: 0 };
  }

  /**
   * Read + prepare + validate, writing nothing: what `run` does before its transaction, and what a
   * preview shows (the same code, so the preview's figures are what the run stores). `rec` needs only
   * what the definition's `prepare` reads (a context passes an unsaved record for a preview).
   */
  async inspect<R = unknown>(rec: T, content: Buffer | null, def: ImportDefinition<T, R, any> | undefined = this.definitions.get(rec.kind), afterRead?: () => Promise<void>): Promise<Inspection<R>> {
    if (!def) throw new Error(`no import definition for kind ${rec.kind}`);
    let file: ReadFile;
    try {
      if (!content) throw new Error('the file is gone');
      file = await readFile(rec.format ?? sniffFormat(content), content, { limits: this.limits, messagePrefix: this.messagePrefix });
    } catch (e) {
      if (e instanceof FileLimitError) return { ok: false, errors: [e.rowError], rows: null, errorCount: 1 };
      return { ok: false, errors: [{ line: 1, column: null, messageKey: this.key('unreadable'), value: String((e as Error).message).slice(0, 80) }], rows: null, errorCount: 1 };
    }
    const ctx = await def.prepare(rec);
    await afterRead?.();
    const result = validateRows(file.rows, def.schema, ctx, { maxLineChars: this.limits.maxLineChars, emptyKey: this.key('empty'), lineTooLongKey: this.key('lineTooLong') });
    if (result.errors.length) return { ok: false, errors: result.errors, rows: result.rows, errorCount: result.errorCount, result, encoding: file.encoding, separator: file.separator };
    return { ok: true, result, encoding: file.encoding, separator: file.separator };
  }

  /** Marks an unfinished import FAILED (its job will not run again); a DONE one stays DONE. */
  abandon(id: string): Promise<boolean> {
    return this.opts.store.abandon(id, [this.failedError]);
  }
}
