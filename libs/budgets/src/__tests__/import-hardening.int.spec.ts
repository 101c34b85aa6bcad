import { getQueueToken } from '@nestjs/bullmq';
import { BUDGET_JOBS } from '../jobs/budget.jobs';
import { Queue } from 'bullmq';
import { createHash, randomUUID } from 'crypto';
import http from 'http';
import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { inlineRow, xlsxWithSheet } from '../../../platform/imports/src/pure/__tests__/zip-fixture';
import { MAX_IMPORT_ROWS } from '../services/file-rows';
import { count, platformAdmin, publishedBudget, RECORD, village, Village } from './support';

const IMPORT_Q = `query($id: ID!) { budgetImport(id: $id) { id status progress totalRows importedRows errors { line column messageKey value } } }`;
const START = `mutation($input: StartBudgetImportInput!) { startBudgetImport(input: $input) { id status } }`;

describe('imports that cannot hurt the worker, say why they failed, and race safely (real PostgreSQL, Redis, worker)', () => {
  let api: RunningApi;
  let v: Village;
  let b: Awaited<ReturnType<typeof publishedBudget>>;

  beforeAll(async () => {
    api = await startApi({ label: 'budgethard', redis: true, worker: true });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    b = await publishedBudget(api, v, 2025, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '2600000' },
    ]);
  });
  afterAll(() => api?.stop());

  const upload = async (kind: string, fileName: string, body: Buffer | string, token = v.a.token) => {
    const res = await fetch(`${api.baseUrl}/api/budgets/${b.budgetId}/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: body as never });
    return { status: res.status, body: (await res.json()) as { id: string; status: string; code?: string } };
  };
  const lookUp = async (id: string) => ok(await gql(api.baseUrl, IMPORT_Q, { id }, { token: v.a.token })).budgetImport;
  const waitImport = async (id: string, onPoll: () => void = () => undefined) => {
    for (let i = 0; i < 400; i++) {
      onPoll();
      const r = await lookUp(id);
      if (r.status === 'DONE' || r.status === 'FAILED') return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('import did not finish');
  };
  const ledger = (tag: string, rows = 1) =>
    ['date,economic_code,functional_code,amount,counterparty', ...Array.from({ length: rows }, (_, i) => `2025-03-${String((i % 28) + 1).padStart(2, '0')},2111,7011,${i + 1},${tag}`)].join('\n');

  describe('limits before and while parsing', () => {
    it('an XLSX of 300,000 tiny rows (1.4 MB zipped) fails at the row limit with bounded memory', async () => {
      let rows = '';
      for (let r = 1; r <= 300_000; r++) rows += `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`;
      const file = xlsxWithSheet(rows);
      rows = '';
      expect(file.length).toBeLessThan(3 * 1024 * 1024);
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      let peak = heap0;
      const started = await upload('LEDGER', 'many-rows.xlsx', file);
      expect(started.status).toBe(202);
      // The worker runs in this process, so its heap is what we sample.
      const r = await waitImport(started.body.id, () => (peak = Math.max(peak, process.memoryUsage().heapUsed)));
      expect(r.status).toBe('FAILED');
      expect(r.errors).toEqual([{ line: MAX_IMPORT_ROWS + 2, column: null, messageKey: 'errors.budgets.import.tooManyRows', value: String(MAX_IMPORT_ROWS) }]);
      // heapUsed counts garbage not yet collected (more of it when the machine is busy and GC runs late):
      // the bound is generous, the defect it guards against took 4.5 GB.
      expect(peak - heap0).toBeLessThan(640 * 1024 * 1024);
      expect(await count(api, 'budget_transactions', `import_id = '${r.id}'`)).toBe(0);
    });

    it('an XLSX whose sheet claims 3 GB unpacked is refused from the ZIP directory, without inflating it', async () => {
      const file = xlsxWithSheet(inlineRow(1, ['date', 'amount']), { claimedSheetSize: 3_000_000_000 });
      const t0 = Date.now();
      const r = await waitImport((await upload('LEDGER', 'bomb.xlsx', file)).body.id);
      expect(r).toMatchObject({ status: 'FAILED', errors: [{ line: 1, column: null, messageKey: 'errors.budgets.import.xlsxTooLarge', value: '100' }] });
      expect(Date.now() - t0).toBeLessThan(10_000);
    });

    it('a highly compressed sheet (a zip bomb) is refused by its compression ratio', async () => {
      const zeros = Buffer.alloc(40 * 1024 * 1024, 0x20);
      const r = await waitImport((await upload('LEDGER', 'zeros.xlsx', xlsxWithSheet(zeros))).body.id);
      expect(r).toMatchObject({ status: 'FAILED', errors: [{ messageKey: 'errors.budgets.import.xlsxSuspicious' }] });
    });

    it('a CSV one row over the limit fails with the limit; a real ledger below it still imports', async () => {
      const over = ledger('over', MAX_IMPORT_ROWS + 1);
      const r = await waitImport((await upload('LEDGER', 'over.csv', over)).body.id);
      expect(r).toMatchObject({ status: 'FAILED', errors: [{ line: MAX_IMPORT_ROWS + 2, messageKey: 'errors.budgets.import.tooManyRows', value: String(MAX_IMPORT_ROWS) }] });
      const fine = await waitImport((await upload('LEDGER', 'fine.csv', ledger('fine', 3))).body.id);
      expect(fine).toMatchObject({ status: 'DONE', importedRows: 3 });
    });
  });

  describe('a failed import says so and can be retried', () => {
    const insertImport = async (content: string, status: string, extra: { kind?: string; versionId?: string | null; ageMinutes?: number } = {}) => {
      const [{ id }] = await api.dataSource.query(
        `INSERT INTO budget_imports (community_id, budget_id, version_id, kind, format, file_name, file_sha256, content, mapping, status, progress, created_by, updated_at)
         VALUES ($1, $2, $3, $4, 'CSV', 'x.csv', $5, $6, '{}', $7, 5, $8, now() - make_interval(mins => $9)) RETURNING id`,
        [v.communityId, b.budgetId, extra.versionId ?? null, extra.kind ?? 'LEDGER', createHash('sha256').update(content).digest('hex'), Buffer.from(content), status, v.a.id, extra.ageMinutes ?? 0],
      );
      return id as string;
    };

    it('a job whose last attempt fails marks its import FAILED with errors.budgets.import.failed (not RUNNING forever)', async () => {
      // A BUDGET import aimed at a published version: every attempt throws ("no longer a draft").
      const csv = 'direction,economic_code,amount\nREVENUE,11111,10';
      const id = await insertImport(csv, 'QUEUED', { kind: 'BUDGET', versionId: b.versionId });
      const queue = api.app.get<Queue>(getQueueToken(BUDGET_JOBS.import.queue), { strict: false });
      await queue.add(BUDGET_JOBS.import.name, { importId: id }, { jobId: `final-${id}`, attempts: 2, backoff: { type: 'fixed', delay: 20 } });
      const r = await waitImport(id);
      expect(r).toMatchObject({ status: 'FAILED', errors: [{ line: 1, column: null, messageKey: 'errors.budgets.import.failed', value: null }] });
      const job = await queue.getJob(`final-${id}`);
      expect(job?.attemptsMade).toBe(2);
      expect(await job?.getState()).toBe('failed');
    });

    it('a RUNNING import silent for longer than the stale timeout is FAILED when looked up', async () => {
      const id = await insertImport(ledger('stale-lookup'), 'RUNNING', { ageMinutes: 60 });
      const fresh = await insertImport(ledger('fresh-running'), 'RUNNING', { ageMinutes: 0 });
      expect(await lookUp(id)).toMatchObject({ status: 'FAILED', errors: [{ messageKey: 'errors.budgets.import.failed' }] });
      expect((await lookUp(fresh)).status).toBe('RUNNING');
    });

    it('uploading the same file again after a stuck run makes a new import instead of returning the stuck one', async () => {
      const csv = ledger('stuck');
      const stuck = await insertImport(csv, 'RUNNING', { ageMinutes: 60 });
      const again = await upload('LEDGER', 'stuck-again.csv', csv);
      expect(again.status).toBe(202);
      expect(again.body.id).not.toBe(stuck);
      expect(await waitImport(again.body.id)).toMatchObject({ status: 'DONE', importedRows: 1 });
      expect((await api.dataSource.query('SELECT status FROM budget_imports WHERE id = $1', [stuck]))[0].status).toBe('FAILED');
      // And after a FAILED import of the same file: a new attempt too.
      const failedCsv = ledger('failed-before');
      const failed = await insertImport(failedCsv, 'FAILED');
      const retry = await upload('LEDGER', 'retry.csv', failedCsv);
      expect(retry.body.id).not.toBe(failed);
      expect(await waitImport(retry.body.id)).toMatchObject({ status: 'DONE' });
    });
  });

  describe('identical imports at once', () => {
    const sameFileAtOnce = async (n: number, tag: string, via: 'graphql' | 'http') => {
      const csv = ledger(tag, 2);
      const sha = createHash('sha256').update(csv).digest('hex');
      const results = await Promise.all(
        Array.from({ length: n }, async () => {
          if (via === 'http') {
            const r = await upload('LEDGER', `${tag}.csv`, csv);
            return { ok: r.status === 202, id: r.body.id, detail: JSON.stringify(r.body) };
          }
          const r = await gql(api.baseUrl, START, { input: { budgetId: b.budgetId, kind: 'LEDGER', fileName: `${tag}.csv`, contentBase64: Buffer.from(csv).toString('base64') } }, { token: v.a.token });
          return { ok: !r.errors, id: r.data?.startBudgetImport?.id as string, detail: JSON.stringify(r.errors ?? null) };
        }),
      );
      expect(results.filter((r) => !r.ok).map((r) => r.detail)).toEqual([]);
      const ids = new Set(results.map((r) => r.id));
      expect(ids.size).toBe(1);
      const [id] = [...ids];
      expect(await count(api, 'budget_imports', `file_sha256 = '${sha}'`)).toBe(1);
      expect(await count(api, 'audit_events', `action = 'budget.import.start' AND entity_id = '${id}'`)).toBe(1);
      expect(await count(api, 'outbox_messages', `job_id = 'budget-import.${id}'`)).toBe(1);
      expect(await waitImport(id)).toMatchObject({ status: 'DONE', importedRows: 2 });
    };

    it('20 identical startBudgetImport calls in parallel all answer with the one import', () => sameFileAtOnce(20, 'race-20', 'graphql'));

    it('200 identical HTTP uploads in parallel all answer with the one import', () => sameFileAtOnce(200, 'race-200', 'http'), 120_000);
  });

  describe('HTTP file routes', () => {
    /**
     * Sends the headers of a 20 MB upload and 256 KB of its body, then waits: an answer that arrives
     * now was given without the body.
     */
    const earlyAnswer = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
        const total = 20 * 1024 * 1024;
        const url = new URL(path, api.baseUrl);
        const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-length': String(total), ...headers } });
        const chunk = Buffer.alloc(256 * 1024, 0x41);
        const timer = setTimeout(() => reject(new Error('no answer before the body was sent')), 5000);
        req.on('response', (res) => {
          clearTimeout(timer);
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body, sent: chunk.length });
            req.destroy();
          });
        });
        req.on('error', () => undefined);
        req.write(chunk);
      });

    it('refuses an anonymous, a bad-token and a not-allowed upload before reading its body', async () => {
      const path = `/api/budgets/${b.budgetId}/imports?kind=LEDGER&fileName=big.csv`;
      const anon = await earlyAnswer(path, {});
      expect(anon.status).toBe(401);
      expect(JSON.parse(anon.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect((await earlyAnswer(path, { authorization: 'Bearer not.a.token' })).status).toBe(401);
      expect((await earlyAnswer(path, { authorization: `Bearer ${v.citizen.token}` })).status).toBe(403);
      expect((await earlyAnswer(`/api/budgets/${randomUUID()}/imports?kind=LEDGER`, { authorization: `Bearer ${v.a.token}` })).status).toBe(404);
      expect((await earlyAnswer(`/api/budget-transactions/${randomUUID()}/documents?fileName=a.pdf`, {})).status).toBe(401);
      // A declared size over the limit is refused before reading, too.
      const big = await earlyAnswer(path, { authorization: `Bearer ${v.a.token}`, 'content-length': String(31 * 1024 * 1024) });
      expect(big.status).toBe(400);
      expect(JSON.parse(big.body)).toMatchObject({ messageKey: 'errors.budgets.import.tooLarge', field: 'file' });
      // An ordinary client (fetch) still reads the refusal of a whole 20 MB body, not a reset connection.
      const res = await fetch(`${api.baseUrl}${path}`, { method: 'POST', body: Buffer.alloc(20 * 1024 * 1024) as never });
      expect(res.status).toBe(401);
      expect(await count(api, 'budget_imports', `file_name = 'big.csv'`)).toBe(0);
    });

    it('serves receipts as sandboxed downloads, typed by their bytes, and never says whether an id exists', async () => {
      const tx = ok(await gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2025-05-01', amount: '100', attachments: [] } }, { token: v.a.token })).recordBudgetTransaction.id as string;
      // A PDF that is also an HTML page.
      const polyglot = Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF');
      const name = 'чек\u202Efdp.exe"/..\\\r\nSet-Cookie: x.pdf';
      const up = await fetch(`${api.baseUrl}/api/budget-transactions/${tx}/documents?fileName=${encodeURIComponent(name)}`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'text/html' }, body: polyglot as never });
      expect(up.status).toBe(201);
      const { url } = (await up.json()) as { url: string };
      const get = (path: string, token?: string) => fetch(`${api.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const res = await get(url, v.b.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toBe(`attachment; filename="___fdp.exe..Set-Cookie x.pdf"; filename*=UTF-8''${encodeURIComponent('чекfdp.exe..Set-Cookie x.pdf')}`);
      expect(Buffer.from(await res.arrayBuffer()).equals(polyglot)).toBe(true);

      const missing = `/api/budget-documents/${randomUUID()}`;
      const [anonThere, anonMissing] = await Promise.all([get(url), get(missing)]);
      expect([anonThere.status, anonMissing.status]).toEqual([401, 401]);
      expect(await anonThere.json()).toEqual(await anonMissing.json());
      const [citizenThere, citizenMissing] = await Promise.all([get(url, v.citizen.token), get(missing, v.citizen.token)]);
      expect([citizenThere.status, citizenMissing.status]).toEqual([404, 404]);
      expect(await citizenThere.json()).toEqual(await citizenMissing.json());
    });
  });
});
