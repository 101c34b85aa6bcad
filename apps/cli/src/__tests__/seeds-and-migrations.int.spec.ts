import { buildDataSourceOptions } from '@ashar/database';
import { createTestDatabase, TestDatabase } from '@ashar/database/testing';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../all-entities';
import { migrate } from '../commands/migrate';
import { seed, seedDemo } from '../commands/seed-demo';
import { runCli } from '../main';

describe('cli commands read the manifest list (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('clicontexts');
    ds = await new DataSource(buildDataSourceOptions(db.url, ALL_ENTITIES)).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('migrate finds nothing pending on a database built from the same list', async () => {
    expect(await migrate(db.url)).toEqual([]);
  });

  it('seed-demo runs territory, identity and budgets demo seeds in list order, once', async () => {
    const first = await seedDemo(ds);
    expect(Object.keys(first.communities as object).sort()).toEqual(['akDobo', 'akDoboKenesh', 'kazanKuygan']);
    expect((first.logins as Array<{ login: string }>).map((l) => l.login)).toEqual(['admin@demo.ashar.kg', 'budget@demo.ashar.kg', 'member@demo.ashar.kg', 'citizen@demo.ashar.kg']);
    expect(first.budgets).toBe(2);
    // Municipality indicators: six demo observations of five Bakai-Ata aimaks (Ak-Dobo twice), by the platform admin.
    expect(first.municipalObservations).toBe(6);
    // Competitions' demo call: its applicants and its expert are identity's demo accounts.
    expect(first).toMatchObject({ competitionCalls: 1, competitionApplications: 3 });
    const ids = first.demoAccountIds as Record<string, string>;
    expect((await ds.query(`SELECT account_id FROM cmp_experts`)).map((r: { account_id: string }) => r.account_id)).toEqual([ids['member@demo.ashar.kg']]);
    // Budgets' demo seed records identity's platform admin as the author (handed over in the summary).
    const admin = (await ds.query(`SELECT id FROM accounts WHERE email = 'admin@demo.ashar.kg'`))[0].id;
    expect(first.platformAdminId).toBe(admin);
    expect((await ds.query(`SELECT DISTINCT created_by FROM budgets`)).map((r: { created_by: string }) => r.created_by)).toEqual([admin]);
    // Identity's memberships point at the communities territory's seed returned.
    const akDobo = (first.communities as Record<string, string>).akDobo;
    expect((await ds.query(`SELECT count(*)::int AS n FROM memberships WHERE community_id = $1`, [akDobo]))[0].n).toBe(4);
    // Surveys' demo: one survey in Ak-Dobo with its first form version and 5 per cell in three villages.
    expect(first.surveys).toBe(1);
    expect(await ds.query(`SELECT (SELECT count(*)::int FROM srv_surveys WHERE community_id = $1) AS surveys, (SELECT count(*)::int FROM srv_form_versions) AS versions, (SELECT count(*)::int FROM srv_quota_cells) AS cells`, [akDobo])).toEqual([{ surveys: 1, versions: 1, cells: 18 }]);

    const again = await seedDemo(ds);
    expect(again).toEqual({ territorialUnitsAdded: 0, communities: first.communities, logins: [], platformAdminId: admin, demoAccountIds: first.demoAccountIds, budgets: 0 });
    expect(await seed(ds)).toEqual({ territorialUnitsAdded: 0 });
  });

  it('migration-generate wants a context of the list and a PascalCase name', async () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['migration-generate', 'nosuchcontext', 'AddThing'])).toBe(2);
      expect(String(err.mock.calls[0][0])).toMatch(/migration-generate needs a context of the list \(platform, .*budgets.*\)/);
      expect(await runCli(['migration-generate', 'budgets', 'not-pascal'])).toBe(2);
      expect(String(err.mock.calls[1][0])).toContain('PascalCase');
    } finally {
      err.mockRestore();
    }
  });
});
