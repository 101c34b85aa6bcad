import { DataSource, EntityManager } from 'typeorm';

/**
 * What the CLI and tests hand to a seed: a connection or a transaction's manager. Seeds pass it on to
 * the statements below and never issue SQL themselves.
 */
export type SeedConnection = DataSource | EntityManager;

export interface UnitSeedRow {
  id: string;
  country: string;
  code: string;
  level: string;
  kind: string;
  parentId: string | null;
  names: Record<string, string>;
  searchKey: string;
  validFrom: string | null;
}

/** Ids of the current units by "country:code". */
export async function currentUnitIds(db: SeedConnection): Promise<Map<string, string>> {
  const existing: { country: string; code: string; id: string }[] = await db.query('SELECT country, code, id FROM territorial_units WHERE valid_to IS NULL');
  return new Map(existing.map((r) => [`${r.country}:${r.code}`, r.id]));
}

/** One multi-row INSERT (the caller batches: parents before children). */
export async function insertUnits(db: SeedConnection, rows: readonly UnitSeedRow[]): Promise<void> {
  if (!rows.length) return;
  const params: unknown[] = [];
  const values = rows.map((u) => {
    const base = params.length;
    params.push(u.id, u.country, u.code, u.level, u.kind, u.parentId, JSON.stringify(u.names), u.searchKey, u.validFrom);
    return `(${Array.from({ length: 9 }, (_, k) => `$${base + k + 1}`).join(',')})`;
  });
  await db.query(
    `INSERT INTO territorial_units (id, country, code, level, kind, parent_id, names, search_key, valid_from)
       VALUES ${values.join(',')}`,
    params,
  );
}
