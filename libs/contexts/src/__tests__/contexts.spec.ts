import { composeContexts, defineContext, migrationName, migrationTimestamp } from '@ashar/manifest';
import { MigrationInterface } from 'typeorm';
import { CONTEXTS } from '..';

// The history every deployed database has in schema_migrations, in the order it ran. Moving a file
// between libraries must not change a name or this order.
const HISTORIC = [
  'Foundation1795430736556',
  'Budgets1795432094190',
  'BudgetActuals1795433292826',
  'BudgetDocuments1795435238940',
  'AppRole1796215963848',
  'SignInUnlocks1796216010732',
];

describe('the manifest list', () => {
  const composed = composeContexts(CONTEXTS);
  const names = composed.migrations.map(migrationName);

  it('yields the historic migrations first, in their historic order, under their historic names', () => {
    expect(names.slice(0, HISTORIC.length)).toEqual(HISTORIC);
  });

  it('yields every migration of every context once, oldest timestamp first (later additions included)', () => {
    const stamps = composed.migrations.map(migrationTimestamp);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(new Set(names).size).toBe(names.length);
    const listed = CONTEXTS.flatMap((c) => c.migrations ?? []);
    expect(composed.migrations.length).toBe(listed.length);
  });

  it('places a migration a context adds later by its timestamp, not by the context’s place in the list', () => {
    const Late = class implements MigrationInterface {
      name = 'NewContextTable1799000000000';
      async up() {}
      async down() {}
    };
    const Between = class implements MigrationInterface {
      name = 'Backfill1795433000000';
      async up() {}
      async down() {}
    };
    const extra = defineContext({ name: 'newcomer', migrations: [Late, Between] });
    const withExtra = composeContexts([extra, ...CONTEXTS]).migrations.map(migrationName);
    expect(withExtra.indexOf('Backfill1795433000000')).toBe(withExtra.indexOf('Budgets1795432094190') + 1);
    expect(withExtra.indexOf('NewContextTable1799000000000')).toBeGreaterThan(withExtra.indexOf('SignInUnlocks1796216010732'));
  });

  it('names every context once, the platform first, and declares each queue and job once', () => {
    expect(composed.names[0]).toBe('platform');
    expect(composed.names).toEqual(expect.arrayContaining(['platform', 'audit', 'territory', 'identity', 'budgets']));
    expect(composed.queues.map((q) => q.name)).toEqual(expect.arrayContaining(['imports', 'exports', 'notifications']));
    expect(composed.queues.map((q) => q.name)).not.toContain('tallies');
    expect(composed.jobs.map((j) => j.name)).toEqual(expect.arrayContaining(['budget.import', 'budget.export', 'invitation.notify', 'sign-in-unlock.notify']));
  });
});
