import { withAdminClient, databaseUrlFor } from '@ashar/database/testing';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { startApi, RunningApi } from '../support/api-harness';
import { gql, ok } from '../support/graphql-client';
import { platformAdmin, publishedBudget, RECORD, village } from '../../libs/budgets/src/__tests__/support';

const ROOT = join(__dirname, '../..');
const SCRIPT = join(ROOT, 'infra/backup/backup.mjs');

function runScript(command: 'backup' | 'restore', file: string, databaseUrl: string) {
  return spawnSync(process.execPath, [SCRIPT, command, file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, BACKUP_DATABASE_URL: databaseUrl, MIGRATION_DATABASE_URL: databaseUrl }, encoding: 'utf8' });
}

async function snapshot(url: string): Promise<{ counts: Record<string, number>; head: { seq: string; hash: string }; documents: string[] }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows.map((r) => r.table_name as string);
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = Number((await c.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n);
    const head = (await c.query('SELECT seq::text AS seq, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1')).rows[0];
    const documents = (await c.query(`SELECT encode(sha256(content), 'hex') AS h FROM budget_documents ORDER BY id`)).rows.map((r) => r.h as string);
    return { counts, head, documents };
  } finally {
    await c.end();
  }
}

describe('backup and restore (infra/backup/backup.mjs)', () => {
  let api: RunningApi;
  const target = `ashar_restore_${process.pid}_${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), 'ashar-backup-'));
  const file = join(dir, 'ashar.dump');

  beforeAll(async () => {
    api = await startApi({ label: 'backup' });
    // Real content: accounts, a community with members, a published budget, a spending record with a scanned receipt.
    const platform = await platformAdmin(api);
    const v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    const b = await publishedBudget(api, v, 2025, [
      { direction: 'REVENUE', economicCode: '11111', amount: '100000' },
      { direction: 'EXPENDITURE', economicCode: '2215', functionalCode: '7011', amount: '50000' },
    ]);
    const tx = ok(await gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: b.keys['2215'], occurredOn: '2025-03-04', amount: '1200.50', counterparty: 'ОсОО Курулуш' } }, { token: v.a.token })).recordBudgetTransaction;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR receipt scan')]);
    const up = await fetch(`${api.baseUrl}/api/budget-transactions/${tx.id}/documents?fileName=${encodeURIComponent('чек.png')}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${v.a.token}` }, body: png as never });
    expect(up.status).toBeLessThan(300);
  });

  afterAll(async () => {
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`));
    await api?.stop();
  });

  it('restores into a fresh database with every row, every stored document and a verified audit chain', async () => {
    const before = await snapshot(api.db.url);
    expect(Number(before.head.seq)).toBeGreaterThan(5);
    expect(before.documents).toHaveLength(1);

    const b = runScript('backup', file, api.db.url);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    const anchor = JSON.parse(readFileSync(`${file}.anchor.json`, 'utf8'));
    expect(anchor).toMatchObject({ seq: before.head.seq, hash: before.head.hash });

    await withAdminClient((c) => c.query(`CREATE DATABASE "${target}"`));
    const r = runScript('restore', file, databaseUrlFor(target));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`holds the backup's head (seq ${before.head.seq})`);

    const after = await snapshot(databaseUrlFor(target));
    expect(after.counts).toEqual(before.counts);
    expect(after.head).toEqual(before.head);
    expect(after.documents).toEqual(before.documents);

    // Restoring over a database that has content is refused, and changes nothing there.
    const again = runScript('restore', file, databaseUrlFor(target));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not empty');
    expect((await snapshot(databaseUrlFor(target))).counts).toEqual(before.counts);
  });

  it('refuses a backup whose audit chain was cut after it was taken', async () => {
    // The anchor says the chain reached seq N; a dump that ends earlier (its tail removed) is refused.
    const forged = JSON.parse(readFileSync(`${file}.anchor.json`, 'utf8'));
    writeFileSync(`${file}.anchor.json`, JSON.stringify({ ...forged, seq: String(Number(forged.seq) + 1), hash: 'f'.repeat(64) }));
    const fresh = `${target}_b`;
    await withAdminClient((c) => c.query(`CREATE DATABASE "${fresh}"`));
    try {
      const r = runScript('restore', file, databaseUrlFor(fresh));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('does not hold the head');
    } finally {
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS "${fresh}" WITH (FORCE)`));
    }
  });
});
