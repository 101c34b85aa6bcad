import { insertDemoRow } from '@ashar/database';
import { DataSource, EntityManager } from 'typeorm';

/** The connection a demo seed runs on (the cli's); the seed issues no SQL itself. */
export type DemoSeedDataSource = DataSource;

/** Statements of competitions' demo seed. */
export const demoCompetitions = {
  inTransaction: <T>(ds: DemoSeedDataSource, work: (m: EntityManager) => Promise<T>) => ds.transaction(work),

  async callTitled(m: EntityManager, ru: string): Promise<string | null> {
    return (await m.query(`SELECT id FROM cmp_calls WHERE title->>'ru' = $1`, [ru]))[0]?.id ?? null;
  },

  /** One row of one of competitions' tables (camelCase keys → columns; objects as JSON). */
  insert: insertDemoRow,
};
