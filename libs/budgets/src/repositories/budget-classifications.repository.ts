import { managerOf, Transaction } from '@ashar/database';
import type { LocalizedText } from '@ashar/i18n';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BudgetClassification } from '../entities/budget-classification.entity';

/** What the CLI and tests hand to the classification seed: a connection or a transaction's manager. */
export type SeedConnection = DataSource | EntityManager;

/** What the CLI hands to the demo seed: its connection, passed on to repositories and TransactionRunner only. */
export type SeedDataSource = DataSource;

export interface ClassificationSeedRow {
  country: string;
  scheme: 'ECONOMIC' | 'FUNCTIONAL';
  code: string;
  parentCode: string | null;
  direction: 'REVENUE' | 'EXPENDITURE' | null;
  /** Names by language: ky and ru for Kyrgyzstan, kk and ru for Kazakhstan, en where known. */
  names: Partial<Record<'ky' | 'kk' | 'ru' | 'en', string>>;
  source: string;
}

/** Inserts the codes that are missing, never overwriting one; returns how many were added. */
export async function insertMissingClassifications(db: SeedConnection, rows: readonly ClassificationSeedRow[]): Promise<number> {
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

/** Every statement on `budget_classifications`. */
@Injectable()
export class BudgetClassificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(BudgetClassification);
  }

  list(country: string, scheme?: 'ECONOMIC' | 'FUNCTIONAL'): Promise<BudgetClassification[]> {
    return this.repo().find({ where: { country, ...(scheme ? { scheme } : {}) }, order: { scheme: 'ASC', code: 'ASC' } });
  }

  /** Code, scheme and direction of every code of a country (for validating lines). */
  codesOf(country: string): Promise<Pick<BudgetClassification, 'code' | 'scheme' | 'direction'>[]> {
    return this.repo().find({ where: { country }, select: { code: true, scheme: true, direction: true } });
  }

  /** Names of these codes in these countries, in one small statement (a join per line makes the planner loop). */
  namesOf(countries: readonly string[], codes: readonly string[]): Promise<{ country: string; scheme: string; code: string; names: LocalizedText }[]> {
    return this.db.query('SELECT country, scheme, code, names FROM budget_classifications WHERE country = ANY($1) AND code = ANY($2)', [[...countries], [...codes]]);
  }

  find(tx: Transaction, country: string, scheme: 'ECONOMIC' | 'FUNCTIONAL', code: string): Promise<BudgetClassification | null> {
    return this.repo(tx).findOneBy({ country, scheme, code });
  }

  async update(tx: Transaction, id: string, values: Partial<BudgetClassification>): Promise<void> {
    await this.repo(tx).update({ id }, values as never);
  }

  async insert(tx: Transaction, values: Partial<BudgetClassification>): Promise<BudgetClassification> {
    const row = this.repo(tx).create(values);
    await this.repo(tx).insert(row);
    return row;
  }

  /** Start-up seed through the pool. */
  seed(rows: readonly ClassificationSeedRow[]): Promise<number> {
    return insertMissingClassifications(this.db, rows);
  }
}
