import { asTransaction, buildDataSourceOptions, PLATFORM_MIGRATIONS } from '@ashar/database';
import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit-event.entity';
import { AuditService } from '../services/audit.service';
import { verifyAuditChain } from '../services/audit-verifier';
import pino from 'pino';
import { Writable } from 'stream';
import { excessPrivileges, LeastPrivilegeCheck } from '../services/least-privilege.check';
import { DatabaseRoleQueries } from '../repositories/database-role.queries';

/** The application's login (a member of ashar_app, as in a deployment) can read and append, nothing more. */
describe('audit log under the least-privileged application role (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: DataSource;
  let owner: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('auditrole');
    app = new DataSource(buildDataSourceOptions(db.appUrl, [AuditEvent]));
    owner = new DataSource(buildDataSourceOptions(db.url, [AuditEvent]));
    await Promise.all([app.initialize(), owner.initialize()]);
    const [who] = await app.query('SELECT current_user AS u');
    expect(who.u).toBe('ashar_app_test');
  });
  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await db?.drop();
  });

  it('appends and reads the chain', async () => {
    await app.transaction((m) => new AuditService().record(asTransaction(m), { accountId: null }, { action: 'x.create', entityType: 'X', after: { a: 1 } }));
    await app.transaction((m) => new AuditService().record(asTransaction(m), { accountId: null }, { action: 'x.update', entityType: 'X', after: { a: 2 } }));
    expect(await verifyAuditChain(app)).toEqual({ ok: true, checked: 2 });
  });

  it.each([
    ['ALTER TABLE audit_events DISABLE TRIGGER ALL', /must be owner/],
    ['ALTER TABLE audit_events DISABLE TRIGGER trg_audit_events_append_only', /must be owner/],
    ['DELETE FROM audit_events', /permission denied/],
    [`UPDATE audit_events SET action = 'forged' WHERE seq = 1`, /permission denied/],
    ['TRUNCATE audit_events', /permission denied/],
    ['DROP TABLE audit_events', /must be owner/],
    ['SET session_replication_role = replica', /permission denied/],
  ])('refuses %s with a permission error', async (sql, message) => {
    const err = await app.query(sql).then(
      () => null,
      (e: { code?: string; message: string }) => e,
    );
    expect(err).not.toBeNull();
    expect(err!.code).toBe('42501'); // insufficient_privilege: refused by the grants, not by the trigger
    expect(err!.message).toMatch(message);
    expect(await owner.getRepository(AuditEvent).count()).toBe(2);
  });

  it('the migration is idempotent: a second database (the cluster-wide role already there) runs it again cleanly', async () => {
    const AppRole = PLATFORM_MIGRATIONS.find((m) => m.name.startsWith('AppRole')) as new () => { up(r: unknown): Promise<void> };
    const runner = owner.createQueryRunner();
    try {
      await new AppRole().up(runner);
    } finally {
      await runner.release();
    }
    await expect(app.query('DELETE FROM audit_events')).rejects.toMatchObject({ code: '42501' });
  });

  it('keeps ordinary read and write rights on the other tables', async () => {
    const [row] = await app.query(`SELECT has_table_privilege('outbox_messages', 'INSERT, UPDATE, DELETE') AS dml, has_table_privilege('audit_events', 'INSERT') AS append`);
    expect(row).toEqual({ dml: true, append: true });
  });

  it('reports the superuser connection as over-privileged and the app role as fine', async () => {
    expect(await excessPrivileges(app)).toEqual([]);
    expect(await excessPrivileges(owner)).toEqual([expect.stringMatching(/is a superuser/)]);
  });

  it('warns at start when the login could bypass the trigger, and is silent for the app role', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
    await new LeastPrivilegeCheck(new DatabaseRoleQueries(app), log).onApplicationBootstrap();
    expect(lines).toEqual([]);
    await new LeastPrivilegeCheck(new DatabaseRoleQueries(owner), log).onApplicationBootstrap();
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringMatching(/MIGRATION_DATABASE_URL/), problems: [expect.stringMatching(/superuser/)] }),
    ]);
  });
});
