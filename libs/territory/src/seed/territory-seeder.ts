import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseCsv } from '@ashar/kernel';
import { currentUnitIds, insertUnits, SeedConnection } from '../repositories/territory-seed.repository';
import { ClassifierUnit, parseKatoCsv, parseSoateCsv, searchKeyOf } from '../domain/classifier-rows';

export const TERRITORY_SEED_DIR = join(__dirname, 'data');

/** Loads the bundled classifiers (see seed/data/README.md). Pure file reading, no database. */
export function loadBundledClassifiers(dir = TERRITORY_SEED_DIR): ClassifierUnit[] {
  const soate = parseSoateCsv(readFileSync(join(dir, 'kg_soate_2021_pre_reform.csv'), 'utf8'), null);
  const kato = parseKatoCsv(readFileSync(join(dir, 'kz_kato_2022-10-17_ru.csv'), 'utf8'), null);
  const overrides = parseCsv(readFileSync(join(dir, 'name-overrides.csv'), 'utf8')).slice(1);
  const byKey = new Map<string, ClassifierUnit>();
  for (const u of [...soate, ...kato]) byKey.set(`${u.country}:${u.code}`, u);
  for (const { cells } of overrides) {
    const [country, code, ky, en, kk] = cells;
    const unit = byKey.get(`${country}:${code}`);
    if (!unit) throw new Error(`name-overrides.csv: unknown unit ${country} ${code}`);
    if (ky) unit.names.ky = ky;
    if (en) unit.names.en = en;
    if (kk) unit.names.kk = kk;
  }
  return [...byKey.values()];
}

/**
 * Inserts units whose code is not yet present (idempotent: running twice adds nothing), parents
 * before children, in multi-row batches.
 */
export async function seedTerritory(db: SeedConnection, units = loadBundledClassifiers()): Promise<number> {
  const ids = await currentUnitIds(db);
  const fresh = units.filter((u) => !ids.has(`${u.country}:${u.code}`));
  for (const u of fresh) ids.set(`${u.country}:${u.code}`, randomUUID());
  const index = new Map(units.map((x) => [`${x.country}:${x.code}`, x]));
  const depth = (u: ClassifierUnit): number => {
    let d = 0;
    let p = u.parentCode;
    const seen = new Set<string>();
    while (p && !seen.has(p) && d < 10) {
      seen.add(p);
      d++;
      p = index.get(`${u.country}:${p}`)?.parentCode ?? null;
    }
    return d;
  };
  const ordered = fresh.map((u) => ({ u, d: depth(u) })).sort((a, b) => a.d - b.d).map((x) => x.u);
  const BATCH = 1000;
  for (let i = 0; i < ordered.length; i += BATCH) {
    await insertUnits(
      db,
      ordered.slice(i, i + BATCH).map((u) => ({
        id: ids.get(`${u.country}:${u.code}`)!,
        country: u.country,
        code: u.code,
        level: u.level,
        kind: u.kind,
        parentId: u.parentCode ? ids.get(`${u.country}:${u.parentCode}`) ?? null : null,
        names: u.names as Record<string, string>,
        searchKey: searchKeyOf(u.names),
        validFrom: u.validFrom,
      })),
    );
  }
  return ordered.length;
}
