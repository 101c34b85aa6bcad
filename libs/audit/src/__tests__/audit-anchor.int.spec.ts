import { asTransaction, buildDataSourceOptions } from '@ashar/database';
import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { AppConfig } from '@ashar/kernel';
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import pino from 'pino';
import { Writable } from 'stream';
import { DataSource, EntityManager } from 'typeorm';
import { anchorSignatureValid, AuditAnchor, parseAnchorLines } from '../audit-anchor';
import { AuditEvent } from '../audit-event.entity';
import { GENESIS_HASH, hashAuditRecord } from '../audit-hash';
import { AuditAnchorService } from '../services/audit-anchor.service';
import { AuditEventsRepository } from '../repositories/audit-events.repository';
import { AuditService } from '../services/audit.service';
import { verifyAuditChain } from '../services/audit-verifier';

const KEY = 'anchor-key-for-tests-0123456789abcdef';
const ROOT = join(__dirname, '../../../..');

/** A superuser who can disable the trigger and recompute hashes: only an anchor kept elsewhere shows it. */
describe('audit anchors: the tail of the chain (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource; // superuser: the attacker of these tests
  let dir: string;
  let logLines: string[];
  let anchors: AuditAnchorService;
  let anchorFile: string;

  async function append(n: number) {
    for (let i = 0; i < n; i++) {
      await ds.transaction((m) => new AuditService().record(asTransaction(m), { accountId: null }, { action: 'line.update', entityType: 'BudgetLine', entityId: `l${i}`, after: { amount: String(i) } }));
    }
  }

  /** Rewrites the row's content and recomputes its hash, and the chain of every row after it. */
  async function rewriteFrom(m: EntityManager, seq: number) {
    await m.query(`UPDATE audit_events SET after = '{"amount":"999999"}' WHERE seq = $1`, [seq]);
    const rows = await m.query(`SELECT * FROM audit_events WHERE seq >= $1 ORDER BY seq`, [seq]);
    let [prev] = await m.query(`SELECT hash FROM audit_events WHERE seq = $1`, [seq - 1]);
    for (const r of rows) {
      const prevHash = prev?.hash ?? GENESIS_HASH;
      const hash = hashAuditRecord({
        seq: r.seq, occurredAt: new Date(r.occurred_at).toISOString(), actorAccountId: r.actor_account_id, onBehalfOfAccountId: r.on_behalf_of_account_id,
        reason: r.reason, communityId: r.community_id, action: r.action, entityType: r.entity_type, entityId: r.entity_id, before: r.before, after: r.after, prevHash,
      });
      await m.query(`UPDATE audit_events SET prev_hash = $2, hash = $3 WHERE seq = $1`, [r.seq, prevHash, hash]);
      prev = { hash };
    }
  }

  const tamper = (fn: (m: EntityManager) => Promise<void>) =>
    ds.transaction(async (m) => {
      await m.query('ALTER TABLE audit_events DISABLE TRIGGER ALL');
      await fn(m);
      await m.query('ALTER TABLE audit_events ENABLE TRIGGER ALL');
    });

  function cli(args: string[], env: Record<string, string> = {}): { code: number; out: string } {
    try {
      const out = execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'audit-verify', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: db.appUrl, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
        encoding: 'utf8',
      });
      return { code: 0, out };
    } catch (e) {
      return { code: (e as { status: number }).status, out: (e as { stdout: string }).stdout };
    }
  }

  beforeEach(async () => {
    db = await createTestDatabase('anchor');
    ds = new DataSource(buildDataSourceOptions(db.url, [AuditEvent]));
    await ds.initialize();
    dir = mkdtempSync(join(tmpdir(), 'ashar-anchor-'));
    anchorFile = join(dir, 'anchors.jsonl');
    logLines = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(...String(chunk).trim().split('\n')), done()) });
    const config = { auditAnchorKey: KEY, auditAnchorFile: anchorFile, auditAnchorIntervalMinutes: 0 } as AppConfig;
    anchors = new AuditAnchorService(new AuditEventsRepository(ds), config, pino({ level: 'info' }, sink));
    await append(5);
  });
  afterEach(async () => {
    await ds?.destroy();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the head as a signed log line and an appended file line, and skips an unchanged head', async () => {
    const first = (await anchors.publish(true))!;
    expect(first).toMatchObject({ seq: '5', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await anchors.publish(false)).toBeNull(); // head unchanged
    await append(1);
    const second = (await anchors.publish(false))!;
    expect(second.seq).toBe('6');

    const logged = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'audit anchor');
    expect(logged.map((l) => l.seq)).toEqual(['5', '6']);
    const filed = parseAnchorLines(readFileSync(anchorFile, 'utf8'));
    expect(filed).toEqual([
      { seq: '5', hash: first.hash, at: first.at, signature: first.signature },
      { seq: '6', hash: second.hash, at: second.at, signature: second.signature },
    ]);
    expect(filed.every((a) => anchorSignatureValid(a, KEY))).toBe(true);
    expect(anchorSignatureValid({ ...filed[0], hash: second.hash }, KEY)).toBe(false);
  });

  // Found when anchors went onto public files: the head was read ordered by seq as text, so from the tenth
  // event on the anchor named event 9, and the tail after it went unprotected.
  it('anchors the newest event past nine (seq ordered as a number, not as text)', async () => {
    await append(7); // 12 events
    const a = await anchors.current();
    expect(a.seq).toBe('12');
    const [row] = await ds.query(`SELECT hash FROM audit_events WHERE seq = 12`);
    expect(a.hash).toBe(row.hash);
  });

  it('an untouched log passes with its anchors', async () => {
    const a3 = await ds.query(`SELECT seq::text, hash FROM audit_events WHERE seq = 3`);
    const head = (await anchors.publish(true)) as AuditAnchor;
    expect(await verifyAuditChain(ds, { anchors: [a3[0], head] })).toEqual({ ok: true, checked: 5 });
  });

  it('deleting the newest row verifies clean on its own, and is reported against the earlier anchor', async () => {
    const head = (await anchors.publish(true))!;
    await tamper((m) => m.query('DELETE FROM audit_events WHERE seq = 5'));

    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 4 }); // the gap the anchor closes
    expect(await verifyAuditChain(ds, { anchors: [head] })).toEqual({
      ok: false,
      checked: 4,
      firstBroken: { seq: '5', problem: 'tail-missing', detail: 'the log ends at seq 4 but an anchor names seq 5' },
    });

    // The CLI, connected as the application's login, with the anchor file the API wrote.
    const r = cli(['--anchor-file', anchorFile], { AUDIT_ANCHOR_KEY: KEY });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at seq 5 \(tail-missing: the log ends at seq 4 but an anchor names seq 5\)/);
  });

  it('rewriting the newest row and recomputing its hash is reported as an anchor mismatch', async () => {
    const head = (await anchors.publish(true))!;
    await tamper((m) => rewriteFrom(m, 5));

    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 5 });
    const result = await verifyAuditChain(ds, { anchors: [head] });
    expect(result).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: '5', problem: 'anchor-mismatch' } });

    const r = cli(['--anchor', `${head.seq}:${head.hash}`]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at seq 5 \(anchor-mismatch: an anchor names hash [0-9a-f]{12}… at seq 5/);
  });

  it('rewriting an older row and the whole chain after it is caught by the older anchor', async () => {
    const [a2] = await ds.query(`SELECT seq::text AS seq, hash FROM audit_events WHERE seq = 2`);
    await tamper((m) => rewriteFrom(m, 2));
    expect(await verifyAuditChain(ds, { anchors: [a2] })).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: '2', problem: 'anchor-mismatch' } });
  });

  it('the CLI passes an intact log with its anchor file and refuses a forged anchor file', async () => {
    await anchors.publish(true);
    expect(cli(['--anchor-file', anchorFile], { AUDIT_ANCHOR_KEY: KEY })).toEqual({ code: 0, out: 'audit chain intact: 5 events; 1 anchors found in the chain\n' });

    const forged = join(dir, 'forged.jsonl');
    const line = JSON.parse(readFileSync(anchorFile, 'utf8').trim());
    writeFileSync(forged, JSON.stringify({ ...line, seq: '4' }) + '\n');
    const r = cli(['--anchor-file', forged], { AUDIT_ANCHOR_KEY: KEY });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/the anchor at seq 4 has no valid signature/);
  });
});
