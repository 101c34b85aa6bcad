import { DataSource, EntityManager } from 'typeorm';

/** The connection a demo seed runs on (the cli's); the seed issues no SQL itself. */
export type DemoSeedDataSource = DataSource;

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Statements of competitions' demo seed. */
export const demoCompetitions = {
  inTransaction: <T>(ds: DemoSeedDataSource, work: (m: EntityManager) => Promise<T>) => ds.transaction(work),

  async callTitled(m: EntityManager, ru: string): Promise<string | null> {
    return (await m.query(`SELECT id FROM cmp_calls WHERE title->>'ru' = $1`, [ru]))[0]?.id ?? null;
  },

  /** Inserts one row of one of competitions' tables (camelCase keys → columns); objects and arrays are stored as JSON. */
  async insert(m: EntityManager, table: string, row: Record<string, unknown>): Promise<string> {
    const keys = Object.keys(row);
    const values = keys.map((k) => (row[k] !== null && typeof row[k] === 'object' && !(row[k] instanceof Date) ? JSON.stringify(row[k]) : row[k]));
    const [r]: Array<{ id?: string }> = await m.query(
      `INSERT INTO "${table}" (${keys.map((k) => `"${snake(k)}"`).join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
      values,
    );
    return r.id ?? '';
  },
};
