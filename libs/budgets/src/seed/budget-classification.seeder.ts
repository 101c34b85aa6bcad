import { parseCsv } from '@ashar/kernel';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { ClassificationSeedRow, insertMissingClassifications, SeedConnection } from '../repositories/budget-classifications.repository';

/** How far a row's code and names were checked (see data/README.md). */
export const CLASSIFICATION_STATUSES = ['verified', 'from-source', 'illustrative'] as const;
export type ClassificationStatus = (typeof CLASSIFICATION_STATUSES)[number];

/** The `source` column's keys: where a row's code and names come from (full provenance in data/README.md). */
export const CLASSIFICATION_SOURCES: Record<string, string> = {
  'kg-subset-2026': 'Ashar working subset (2026) for aiyl-aimak budgets: codes not found in a public list',
  'okmot-portal': 'budget.okmot.kg expense tree (item 2212 with its sub-items), as read by a public portal scraper',
  'gfsm-2001': 'IMF GFSM 2001 economic classification (revenue 1, expense 2, non-financial assets 3), the pattern of the KR Ministry of Finance classification',
  'cofog-1999': 'UN COFOG (1999) divisions and groups, coded 701-710 / 7011-7109 as in IMF GFSM 2001',
  'kz-ebk-order-403': 'Order of the Minister of Finance of the Republic of Kazakhstan of 18 Sep 2014 No. 403 (reg. 9756) and its amending orders, adilet.zan.kz',
  'kz-okrug-decisions': 'Rural okrug budget decisions of district maslikhats, adilet.zan.kz (revenue categories)',
  'kz-kbk-public-files': 'Public payment code lists (KBK) in open-source repositories, checked against each other',
  'kz-func-groups-public-file': 'List of the 15 functional groups (codes 01-15) in an open-source repository',
  'kz-ebk-recalled': 'Structure of the unified budget classification, not checked against the consolidated order',
};

const FILES = ['kg_budget_classification.csv', 'kz_budget_classification.csv'];
const LOCALES = ['ky', 'kk', 'ru', 'en'] as const;

/** A row of a classification file, with its check status and source key kept apart from the stored text. */
export interface ClassificationRow extends ClassificationSeedRow {
  status: ClassificationStatus;
  sourceKey: string;
  file: string;
}

export function readClassificationFiles(dir = join(__dirname, 'data')): ClassificationRow[] {
  const out: ClassificationRow[] = [];
  for (const file of FILES) {
    const p = join(dir, file);
    if (!existsSync(p)) continue;
    const [header, ...rows] = parseCsv(readFileSync(p, 'utf8'));
    const col = (name: string) => header.cells.indexOf(name);
    for (const r of rows) {
      const c = (name: string) => (col(name) < 0 ? '' : (r.cells[col(name)] ?? '').trim());
      if (!c('code')) continue;
      const status = (c('status') || 'illustrative') as ClassificationStatus;
      const sourceKey = c('source');
      const names: ClassificationSeedRow['names'] = {};
      for (const l of LOCALES) if (c(`name_${l}`)) names[l] = c(`name_${l}`);
      out.push({
        country: c('country'),
        scheme: c('scheme') as ClassificationRow['scheme'],
        code: c('code'),
        parentCode: c('parent_code') || null,
        direction: (c('direction') || null) as ClassificationRow['direction'],
        names,
        source: `libs/budgets/src/seed/data/${file} · ${status} · ${CLASSIFICATION_SOURCES[sourceKey] ?? sourceKey}`,
        status,
        sourceKey,
        file,
      });
    }
  }
  return out;
}

/** The languages every row of a country's classification names itself in. */
export const CLASSIFICATION_LANGUAGES: Record<string, readonly ('ky' | 'kk' | 'ru')[]> = { KG: ['ky', 'ru'], KZ: ['kk', 'ru'] };

/**
 * The side an economic code belongs to, read from the code itself. Kyrgyzstan: revenues 1…, expense 2…, non-financial
 * assets 3…. Kazakhstan: the receipts classification is category (1 digit), class (01–09), subclass, specific (1, 3, 4
 * or 6 digits, the class always starting with 0); the economic classification of expenditure is subclass and specific
 * (2 or 3 digits, never with a 0 second).
 */
export function directionOfCode(country: string, code: string): 'REVENUE' | 'EXPENDITURE' | null {
  if (country === 'KG') return /^1\d*$/.test(code) ? 'REVENUE' : /^[23]\d*$/.test(code) ? 'EXPENDITURE' : null;
  if (country === 'KZ') return /^[1-5](0[1-9](\d(\d\d)?)?)?$/.test(code) ? 'REVENUE' : /^[1-9][1-9]\d?$/.test(code) ? 'EXPENDITURE' : null;
  return null;
}

/** What is wrong with the rows as a classification (empty when nothing): each problem names its row. */
export function classificationProblems(rows: readonly ClassificationRow[]): string[] {
  const problems: string[] = [];
  const key = (r: Pick<ClassificationRow, 'country' | 'scheme' | 'code'>) => `${r.country}/${r.scheme}/${r.code}`;
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(key(r))) problems.push(`${key(r)}: duplicate`);
    seen.add(key(r));
  }
  for (const r of rows) {
    const at = key(r);
    if (!['KG', 'KZ'].includes(r.country)) problems.push(`${at}: unknown country`);
    if (r.scheme !== 'ECONOMIC' && r.scheme !== 'FUNCTIONAL') problems.push(`${at}: unknown scheme`);
    if (!/^\d{1,20}$/.test(r.code)) problems.push(`${at}: code is not digits`);
    if (r.parentCode && !seen.has(key({ ...r, code: r.parentCode }))) problems.push(`${at}: parent ${r.parentCode} missing`);
    if (r.parentCode && !r.code.startsWith(r.parentCode)) problems.push(`${at}: does not start with its parent ${r.parentCode}`);
    if (r.scheme === 'ECONOMIC' && r.direction !== directionOfCode(r.country, r.code)) problems.push(`${at}: direction ${r.direction} does not match the code`);
    if (r.scheme === 'FUNCTIONAL' && r.direction) problems.push(`${at}: a functional code has no direction`);
    for (const l of CLASSIFICATION_LANGUAGES[r.country] ?? []) if (!r.names[l]) problems.push(`${at}: no name_${l}`);
    if (!CLASSIFICATION_STATUSES.includes(r.status)) problems.push(`${at}: unknown status ${r.status}`);
    if (!CLASSIFICATION_SOURCES[r.sourceKey]) problems.push(`${at}: unknown source ${r.sourceKey}`);
  }
  return problems;
}

/** Inserts codes that are missing; never overwrites (a platform admin may have edited a name). Idempotent. */
export async function seedBudgetClassification(db: SeedConnection): Promise<number> {
  const rows = readClassificationFiles();
  if (!rows.length) return 0;
  return insertMissingClassifications(db, rows);
}
