import { parseCsv } from '@ashar/kernel';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { ClassificationSeedRow, insertMissingClassifications, SeedConnection } from '../repositories/budget-classifications.repository';

const FILES = [
  { file: 'kg_budget_classification.csv', source: 'libs/budgets/src/seed/data/kg_budget_classification.csv (GFSM-2001 pattern of the KR Ministry of Finance; see README)' },
  { file: 'kz_budget_classification.csv', source: 'libs/budgets/src/seed/data/kz_budget_classification.csv' },
];

export type ClassificationRow = ClassificationSeedRow;

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
export async function seedBudgetClassification(db: SeedConnection): Promise<number> {
  const rows = readClassificationFiles();
  if (!rows.length) return 0;
  return insertMissingClassifications(db, rows);
}
