import { managerOf, Transaction, TransactionRunner } from '@ashar/database';
import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { DomainError } from '@ashar/kernel';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ImportKey, ImportRecord, NewImport } from '../import-store';
import { ImportDefinition, ImportPipeline } from '../import-pipeline';
import { errorReportRows } from '../pure/error-report';
import { RowSchema } from '../pure/row-schema';
import { SqlImportStore } from '../repositories/sql-import-store';

/**
 * The pipeline on its own, with a throwaway context: a table of imports, a table of items, a row schema
 * (`name,qty`) and a writer. Real PostgreSQL; nothing of budgets.
 */
interface Rec extends ImportRecord {
  targetId: string;
}
interface Item {
  name: string;
  qty: number;
}

const DDL = `
  CREATE TABLE test_imports (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), target_id text NOT NULL, kind varchar(8) NOT NULL, format varchar(8) NOT NULL,
    file_name text NOT NULL, file_sha256 text NOT NULL, content bytea NOT NULL, status varchar(16) NOT NULL, progress smallint NOT NULL DEFAULT 0,
    total_rows integer, imported_rows integer, errors jsonb, created_by uuid NOT NULL, locale varchar(2),
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz);
  CREATE UNIQUE INDEX uq_test_imports_file ON test_imports (target_id, kind, file_sha256) WHERE status <> 'FAILED';
  CREATE TABLE test_items (import_id uuid NOT NULL, target_id text NOT NULL, name text NOT NULL, qty integer NOT NULL CHECK (qty > 0));`;

const COLS = `id, target_id AS "targetId", kind, format, file_name AS "fileName", file_sha256 AS "fileSha256", status, progress, total_rows AS "totalRows",
  imported_rows AS "importedRows", errors, created_by AS "createdBy", locale, updated_at AS "updatedAt"`;

class TestStore extends SqlImportStore<Rec> {
  constructor(db: DataSource) {
    super(db, { name: 'test_imports', targetColumn: 'target_id', lockNamespace: 990001 });
  }
  async byId(id: string, tx?: Transaction): Promise<Rec | null> {
    return (await managerOf(tx, this.db).query(`SELECT ${COLS} FROM test_imports WHERE id = $1`, [id]))[0] ?? null;
  }
  async findLive(tx: Transaction, k: ImportKey): Promise<Rec | null> {
    return (await managerOf(tx).query(`SELECT ${COLS} FROM test_imports WHERE target_id = $1 AND kind = $2 AND file_sha256 = $3 AND status <> 'FAILED'`, [k.targetId, k.kind, k.fileSha256]))[0] ?? null;
  }
  async insertIfAbsent(tx: Transaction, r: NewImport): Promise<Rec | null> {
    const rows = await managerOf(tx).query(
      `INSERT INTO test_imports (target_id, kind, format, file_name, file_sha256, content, status, created_by, locale) VALUES ($1, $2, $3, $4, $5, $6, 'QUEUED', $7, $8)
       ON CONFLICT (target_id, kind, file_sha256) WHERE status <> 'FAILED' DO NOTHING RETURNING id`,
      [r.targetId, r.kind, r.format, r.fileName, r.fileSha256, r.content, r.createdBy, r.locale],
    );
    return rows[0] ? this.byId(rows[0].id, tx) : null;
  }
}

const SCHEMA: RowSchema<Item> = {
  bind(header) {
    const name = header.findIndex((h) => h.trim().toLowerCase() === 'name');
    const qty = header.findIndex((h) => h.trim().toLowerCase() === 'qty');
    const missing = [...(name < 0 ? ['name'] : []), ...(qty < 0 ? ['qty'] : [])];
    if (missing.length) return { ok: false, errors: missing.map((c) => ({ line: 1, column: c, messageKey: 'errors.validation.required' })) };
    return {
      ok: true,
      parse: (r) => {
        const errors = [];
        const n = (r.cells[name] ?? '').trim();
        const q = (r.cells[qty] ?? '').trim();
        if (!n) errors.push({ column: header[name], messageKey: 'errors.validation.required' });
        else if (n.length > 10) errors.push({ column: header[name], messageKey: 'errors.validation.tooLong', params: { max: 10 }, value: n });
        if (!/^[1-9]\d{0,5}$/.test(q)) errors.push({ column: header[qty], messageKey: 'errors.validation.invalid', value: q });
        return errors.length ? { ok: false, errors } : { ok: true, row: { name: n, qty: Number(q) } };
      },
    };
  },
};

const ACCOUNT = '00000000-0000-4000-8000-000000000001';

describe('the file import pipeline with a throwaway context (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pipeline: ImportPipeline<Rec>;
  let created: string[];
  /** Set by a test to make the writer fail after its first chunk. */
  let failWrite = false;
  /** Slows the writer down so that two runs overlap. */
  let writeDelayMs = 0;

  const items = async (importId?: string) => Number((await ds.query(`SELECT count(*)::int AS n FROM test_items${importId ? ' WHERE import_id = $1' : ''}`, importId ? [importId] : []))[0].n);
  const start = (content: string | Buffer, targetId = 't1', fileName = 'items.csv', locale: string | null = null) =>
    pipeline.start({ kind: 'ITEMS', targetId, fileName, content: Buffer.isBuffer(content) ? content : Buffer.from(content), createdBy: ACCOUNT, locale, extra: undefined }, { onCreated: async (_tx, r) => void created.push(r.id) });

  beforeAll(async () => {
    db = await createTestDatabase('imports_pipeline');
    ds = new DataSource({ type: 'postgres', url: db.url });
    await ds.initialize();
    await ds.query(DDL);
    const def: ImportDefinition<Rec, Item> = {
      kind: 'ITEMS',
      schema: SCHEMA,
      prepare: async () => undefined,
      lockKey: (r) => `test:${r.targetId}`,
      write: async (tx, recs, r, progress) => {
        for (let i = 0; i < recs.length; i += 2) {
          const chunk = recs.slice(i, i + 2);
          await managerOf(tx).query(`INSERT INTO test_items (import_id, target_id, name, qty) SELECT $1, $2, n, q FROM unnest($3::text[], $4::int[]) AS u(n, q)`, [r.id, r.targetId, chunk.map((x) => x.name), chunk.map((x) => x.qty)]);
          if (writeDelayMs) await new Promise((res) => setTimeout(res, writeDelayMs));
          if (failWrite) throw new Error('disk full');
          await progress(i + chunk.length, recs.length);
        }
      },
    };
    pipeline = new ImportPipeline<Rec>({ store: new TestStore(ds), transactions: new TransactionRunner(ds), definitions: [def], limits: { maxRows: 50, maxBytes: 1024 * 1024 } });
  });
  beforeEach(() => {
    created = [];
    failWrite = false;
    writeDelayMs = 0;
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('imports a good file in one go, reporting progress up to 100', async () => {
    const imp = await start('name,qty\nnails,10\nboards,4\nglue,1\n');
    expect(imp).toMatchObject({ status: 'QUEUED', format: 'CSV', kind: 'ITEMS' });
    expect(created).toEqual([imp.id]);
    const seen: number[] = [];
    expect(await pipeline.run(imp.id, async (p) => void seen.push(p))).toEqual({ status: 'DONE', imported: 3, errors: 0 });
    // read, validated, then one step per written chunk of 2 rows (2 of 3, 3 of 3)
    expect(seen).toEqual([10, 20, 70, 95]);
    expect(await pipeline.get(imp.id)).toMatchObject({ status: 'DONE', progress: 100, totalRows: 3, importedRows: 3, errors: null });
    expect(await items(imp.id)).toBe(3);
    // A rerun (a retried job) does nothing.
    expect(await pipeline.run(imp.id)).toMatchObject({ status: 'SKIPPED' });
    expect(await items(imp.id)).toBe(3);
  });

  it('one bad row: nothing is written, and every bad cell is reported with its row and column', async () => {
    const before = await items();
    const imp = await start('Name;Qty\nnails;10\n;x\nwayTooLongName;3\nok;0\n', 't2');
    expect(await pipeline.run(imp.id)).toEqual({ status: 'FAILED', imported: 0, errors: 4 });
    const r = (await pipeline.get(imp.id))!;
    expect(r).toMatchObject({ status: 'FAILED', progress: 100, totalRows: 4, importedRows: null });
    expect(r.errors).toEqual([
      { line: 3, column: 'Name', messageKey: 'errors.validation.required' },
      { line: 3, column: 'Qty', messageKey: 'errors.validation.invalid', value: 'x' },
      { line: 4, column: 'Name', messageKey: 'errors.validation.tooLong', params: { max: 10 }, value: 'wayTooLongName' },
      { line: 5, column: 'Qty', messageKey: 'errors.validation.invalid', value: '0' },
    ]);
    expect(await items()).toBe(before);
    // A missing column is a header error on line 1.
    const noQty = await start('name\nnails\n', 't2');
    await pipeline.run(noQty.id);
    expect((await pipeline.get(noQty.id))!.errors).toEqual([{ line: 1, column: 'qty', messageKey: 'errors.validation.required' }]);
  });

  it('the error report is in the reader\'s language, parameters filled in (ru, ky)', async () => {
    const imp = await start('name,qty\nwayTooLongName,3\n', 't3');
    await pipeline.run(imp.id);
    const errors = (await pipeline.get(imp.id))!.errors!;
    expect(errorReportRows(errors, 'ru')).toEqual([
      ['Строка', 'Столбец', 'Значение', 'Ошибка', 'Код'],
      ['2', 'name', 'wayTooLongName', 'Слишком длинный текст (не более 10 символов).', 'errors.validation.tooLong'],
    ]);
    expect(errorReportRows(errors, 'ky')[1]).toEqual(['2', 'name', 'wayTooLongName', 'Текст өтө узун (10 белгиден ашпашы керек).', 'errors.validation.tooLong']);
    // The pipeline's own errors too: a file over the row limit.
    const big = await start('name,qty\n' + 'a,1\n'.repeat(51), 't3');
    expect(await pipeline.run(big.id)).toMatchObject({ status: 'FAILED' });
    const over = (await pipeline.get(big.id))!.errors!;
    expect(over).toEqual([{ line: 52, column: null, messageKey: 'errors.imports.tooManyRows', value: '50', params: { max: 50 } }]);
    expect(errorReportRows(over, 'ky')[1][3]).toBe('Бир импорт үчүн саптар өтө көп: файлды бөлүңүз (эң көп 50 сап).');
    expect(errorReportRows(over, 'ru')[1][3]).toBe('Слишком много строк для одного импорта: разделите файл (не более 50 строк).');
  });

  it('is idempotent by file hash: the same bytes under another name are the same import; after FAILED a new one', async () => {
    const a = await start('name,qty\nx,1\n', 't4', 'a.csv');
    const b = await start('name,qty\nx,1\n', 't4', 'other-name.csv');
    expect(b.id).toBe(a.id);
    expect(created).toEqual([a.id]);
    // Another target is another import.
    expect((await start('name,qty\nx,1\n', 't5')).id).not.toBe(a.id);
    await pipeline.run(a.id);
    expect((await start('name,qty\nx,1\n', 't4')).id).toBe(a.id);
    const bad = await start('name,qty\ny,0\n', 't4');
    await pipeline.run(bad.id);
    const again = await start('name,qty\ny,0\n', 't4');
    expect(again.id).not.toBe(bad.id);
    expect(again.status).toBe('QUEUED');
  });

  it('two parallel starts of one file make one import; two parallel runs of it write once (the lock)', async () => {
    const [a, b] = await Promise.all([start('name,qty\np,1\nq,2\nr,3\n', 't6'), start('name,qty\np,1\nq,2\nr,3\n', 't6')]);
    expect(a.id).toBe(b.id);
    expect(created).toHaveLength(1);
    expect(Number((await ds.query(`SELECT count(*)::int AS n FROM test_imports WHERE target_id = 't6'`))[0].n)).toBe(1);
    writeDelayMs = 150;
    const outcomes = await Promise.all([pipeline.run(a.id), pipeline.run(a.id)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['DONE', 'SKIPPED']);
    expect(await items(a.id)).toBe(3);
  });

  it('a failed write changes nothing; the job retries; when it gives up the import is FAILED, never DONE', async () => {
    const imp = await start('name,qty\na,1\nb,2\nc,3\n', 't7');
    failWrite = true;
    await expect(pipeline.run(imp.id)).rejects.toThrow('disk full');
    expect(await items(imp.id)).toBe(0);
    expect((await pipeline.get(imp.id))!.status).toBe('RUNNING');
    expect(await pipeline.abandon(imp.id)).toBe(true);
    expect(await pipeline.get(imp.id)).toMatchObject({ status: 'FAILED', errors: [{ line: 1, column: null, messageKey: 'errors.imports.failed' }] });
    // FAILED is final: a late retry does not resurrect it, abandoning again changes nothing.
    failWrite = false;
    expect(await pipeline.run(imp.id)).toMatchObject({ status: 'SKIPPED' });
    expect(await pipeline.abandon(imp.id)).toBe(false);
    expect(await items(imp.id)).toBe(0);
  });

  it('a RUNNING import silent for longer than the stale timeout is FAILED when looked up', async () => {
    const imp = await start('name,qty\na,1\n', 't8');
    await ds.query(`UPDATE test_imports SET status = 'RUNNING', updated_at = now() - interval '11 minutes' WHERE id = $1`, [imp.id]);
    expect(await pipeline.get(imp.id)).toMatchObject({ status: 'FAILED', errors: [{ messageKey: 'errors.imports.failed' }] });
  });

  it('sniffs the format from the content, not the name; refuses an empty or oversized upload with a stable code', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['name', 'qty']);
    ws.addRow(['cell', 7]);
    const xlsx = await start(Buffer.from(await wb.xlsx.writeBuffer()), 't9', 'really-a-spreadsheet.csv');
    expect(xlsx.format).toBe('XLSX');
    expect(await pipeline.run(xlsx.id)).toMatchObject({ status: 'DONE', imported: 1 });
    const csv = await start('name,qty\nz,1\n', 't9', 'looks-like.xlsx');
    expect(csv.format).toBe('CSV');
    expect(await pipeline.run(csv.id)).toMatchObject({ status: 'DONE', imported: 1 });
    const refused = async (content: string) => {
      try {
        await start(content, 't9');
      } catch (e) {
        return e instanceof DomainError ? { code: e.code, messageKey: e.messageKey, details: e.details } : e;
      }
      return null;
    };
    expect(await refused('')).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.imports.empty' });
    expect(await refused('x'.repeat(1024 * 1024 + 1))).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.imports.tooLarge', details: { field: 'file', params: { max: 1 } } });
    // A damaged spreadsheet fails as unreadable, with nothing written.
    const broken = await start(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]), 't9');
    expect(await pipeline.run(broken.id)).toMatchObject({ status: 'FAILED' });
    expect((await pipeline.get(broken.id))!.errors![0]).toMatchObject({ line: 1, column: null, messageKey: 'errors.imports.unreadable' });
  });
});
