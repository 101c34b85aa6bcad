import { parseCsv } from '@ashar/kernel';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { DataSource, EntityManager } from 'typeorm';

const FILES = [
  { file: 'kg_budget_classification.csv', source: 'libs/budgets/src/seed/data/kg_budget_classification.csv (GFSM-2001 pattern of the KR Ministry of Finance; see README)' },
  { file: 'kz_budget_classification.csv', source: 'libs/budgets/src/seed/data/kz_budget_classification.csv' },
];

export interface ClassificationRow {
  country: string;
  scheme: 'ECONOMIC' | 'FUNCTIONAL';
  code: string;
  parentCode: string | null;
  direction: 'REVENUE' | 'EXPENDITURE' | null;
  names: { ky: string; ru: string; en: string };
  source: string;
}

export function readClassificationFiles(dir = join(__dirname, 'data')): ClassificationRow[] {
  const out: ClassificationRow[] = [];
  for (const { file, source } of FILES) {
    const p = join(dir, file);
    if (!existsSync(p)) continue;
    const [header, ...rows] = parseCsv(readFileSync(p, 'utf8'));
    const col = (name: string) => header.cells.indexOf(name);
    for (const r of rows) {
      const c = (name: string) => (r.cells[col(name)] ?? '').trim();
      out.push({
        country: c('country'),
        scheme: c('scheme') as ClassificationRow['scheme'],
        code: c('code'),
        parentCode: c('parent_code') || null,
        direction: (c('direction') || null) as ClassificationRow['direction'],
        names: { ky: c('name_ky'), ru: c('name_ru'), en: c('name_en') },
        source,
      });
    }
  }
  return out;
}

/** Inserts codes that are missing; never overwrites (a platform admin may have edited a name). Idempotent. */
export async function seedBudgetClassification(db: DataSource | EntityManager): Promise<number> {
  const rows = readClassificationFiles();
  if (!rows.length) return 0;
  const res: { n: number }[] = await db.query(
    `WITH ins AS (
       INSERT INTO budget_classifications (country, scheme, code, parent_code, direction, names, source)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::text[])
       ON CONFLICT (country, scheme, code) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [
      rows.map((r) => r.country),
      rows.map((r) => r.scheme),
      rows.map((r) => r.code),
      rows.map((r) => r.parentCode),
      rows.map((r) => r.direction),
      rows.map((r) => JSON.stringify(r.names)),
      rows.map((r) => r.source),
    ],
  );
  return res[0]?.n ?? 0;
}
