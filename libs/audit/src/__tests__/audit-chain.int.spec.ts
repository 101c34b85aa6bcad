import { asTransaction, buildDataSourceOptions } from '@ashar/database';
import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { execFileSync } from 'child_process';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit-event.entity';
import { AuditService } from '../services/audit.service';
import { verifyAuditChain } from '../services/audit-verifier';

describe('audit hash chain (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const audit = new AuditService();

  beforeAll(async () => {
    db = await createTestDatabase('audit');
    ds = new DataSource(buildDataSourceOptions(db.url, [AuditEvent]));
    await ds.initialize();
    const actor = '11111111-1111-4111-8111-111111111111';
    for (let i = 0; i < 5; i++) {
      await ds.transaction((m) =>
        audit.record(asTransaction(m), { accountId: actor, onBehalfOf: i === 2 ? { accountId: '22222222-2222-4222-8222-222222222222', reason: 'кагаз бюллетень' } : null }, {
          action: 'budgetLine.update',
          entityType: 'BudgetLine',
          entityId: `line-${i}`,
          before: { amount: String(1000 * i), names: { ky: 'Жер салыгы', ru: 'Земельный налог' } },
          after: { amount: String(1000 * i + 1), nested: { b: 2, a: [1, 'x'] } },
        }),
      );
    }
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('passes on a clean log and counts every row', async () => {
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 5 });
  });

  it('rolls the audit row back with the write it describes', async () => {
    await expect(
      ds.transaction(async (m) => {
        await audit.record(asTransaction(m), { accountId: null }, { action: 'x', entityType: 'Y' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await ds.getRepository(AuditEvent).count()).toBe(5);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(ds.query(`UPDATE audit_events SET action = 'forged' WHERE seq = 3`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_events WHERE seq = 3`)).rejects.toThrow(/append-only/);
  });

  it('names the altered row when one row is changed behind the trigger, and the CLI exits 1', async () => {
    // A superuser can bypass triggers; the chain still gives the tampering away.
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE audit_events SET after = jsonb_set(after, '{amount}', '"999999"') WHERE seq = 3`);
    });
    expect(await verifyAuditChain(ds)).toEqual({ ok: false, checked: 2, firstBroken: { seq: '3', problem: 'content-altered' } });

    const root = join(__dirname, '../../../..');
    let out = '';
    let code = 0;
    try {
      out = execFileSync(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'audit-verify'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: db.url, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
        encoding: 'utf8',
      });
    } catch (e) {
      code = (e as { status: number }).status;
      out = (e as { stdout: string }).stdout;
    }
    expect(code).toBe(1);
    expect(out).toMatch(/BROKEN at seq 3 \(content-altered\)/);
  });
});
