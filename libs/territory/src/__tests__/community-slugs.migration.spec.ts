import type { QueryRunner } from 'typeorm';
import { CommunitySlugs1796310000000 } from '../migrations/1796310000000-community-slugs.migration';

/** The backfill of existing communities: oldest first keeps the plain slug, namesakes are numbered, then the unique index. */
test('the slug migration gives existing communities unique slugs, oldest first, before the unique index', async () => {
  const statements: { sql: string; params?: unknown[] }[] = [];
  const rows = [
    { id: 'a', names: { ky: 'Ак-Дөбө бюджеттик тобу' } },
    { id: 'b', names: { ru: 'Ак-Дөбө бюджеттик тобу' } },
    { id: 'c', names: { en: 'Kyzyl-Suu Council', ru: 'Кызыл-Суу' } },
    { id: 'd', names: {} },
  ];
  const runner = {
    query: async (sql: string, params?: unknown[]) => {
      statements.push({ sql, params });
      return sql.startsWith('SELECT') ? rows : [];
    },
  } as unknown as QueryRunner;
  await new CommunitySlugs1796310000000().up(runner);
  expect(statements[1].sql).toContain('ORDER BY created_at, id');
  const updates = statements.filter((s) => s.sql.startsWith('UPDATE')).map((s) => s.params);
  expect(updates).toEqual([
    ['a', 'ak-dobo-byudzhettik-tobu'],
    ['b', 'ak-dobo-byudzhettik-tobu-2'],
    ['c', 'kyzyl-suu-council'],
    ['d', 'community'],
  ]);
  expect(statements[statements.length - 1].sql).toContain('CREATE UNIQUE INDEX');
});
