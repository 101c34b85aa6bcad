import { insertDemoRow } from '@ashar/database';
import { DataSource, EntityManager } from 'typeorm';

/** The connection a demo seed runs on (the cli's); the seed issues no SQL itself. */
export type DemoSeedDataSource = DataSource;

/** Statements of councils' demo seed. */
export const demoCouncils = {
  inTransaction: <T>(ds: DemoSeedDataSource, work: (m: EntityManager) => Promise<T>) => ds.transaction(work),

  async stateBodyNamed(m: EntityManager, ru: string): Promise<string | null> {
    return (await m.query(`SELECT id FROM state_bodies WHERE name->>'ru' = $1`, [ru]))[0]?.id ?? null;
  },

  /** One row of one of councils' tables (camelCase keys → columns; objects as JSON). */
  insert: insertDemoRow,
};
