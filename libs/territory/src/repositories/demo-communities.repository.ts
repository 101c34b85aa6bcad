import { DataSource, EntityManager } from 'typeorm';
import { communitySlugBase, uniqueSlug } from '../domain/slug';

/** The connection a demo seed runs on (the cli's); seeds pass it here and issue no SQL themselves. */
export type DemoSeedDataSource = DataSource;

/** Statements of territory's demo seed (communities of real units, found again by unit and kind). */
export const demoCommunities = {
  inTransaction: <T>(ds: DemoSeedDataSource, work: (m: EntityManager) => Promise<T>) => ds.transaction(work),

  async find(m: EntityManager, unitCode: string, kind: string): Promise<string | null> {
    const found: { id: string }[] = await m.query(
      `SELECT c.id FROM communities c JOIN territorial_units u ON u.id = c.unit_id WHERE u.code = $1 AND c.kind = $2`,
      [unitCode, kind],
    );
    return found[0]?.id ?? null;
  },

  async insert(m: EntityManager, unitCode: string, kind: string, names: Record<string, string>): Promise<string> {
    const base = communitySlugBase(names);
    const taken = new Set(((await m.query(`SELECT slug FROM communities WHERE slug LIKE $1`, [`${base.slice(0, 50)}%`])) as { slug: string }[]).map((r) => r.slug));
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO communities (unit_id, kind, names, slug)
       SELECT id, $2, $3, $4 FROM territorial_units WHERE code = $1 AND valid_to IS NULL RETURNING id`,
      [unitCode, kind, JSON.stringify(names), uniqueSlug(base, (s) => taken.has(s))],
    );
    return row.id;
  },
};
