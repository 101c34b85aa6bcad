import { EntityManager } from 'typeorm';

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * For a context's demo seed (its own tables only): inserts one row, camelCase keys → snake_case columns, objects
 * and arrays stored as JSON, and answers its id ('' for a table without one).
 */
export async function insertDemoRow(m: EntityManager, table: string, row: Record<string, unknown>): Promise<string> {
  const keys = Object.keys(row);
  const values = keys.map((k) => (row[k] !== null && typeof row[k] === 'object' && !(row[k] instanceof Date) ? JSON.stringify(row[k]) : row[k]));
  const [r]: Array<{ id?: string }> = await m.query(
    `INSERT INTO "${table}" (${keys.map((k) => `"${snake(k)}"`).join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    values,
  );
  return r.id ?? '';
}
