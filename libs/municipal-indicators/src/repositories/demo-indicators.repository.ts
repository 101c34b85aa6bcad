import { DataSource, EntityManager } from 'typeorm';

/** The connection a demo seed runs on (the cli's); the seed issues no SQL itself. */
export type DemoSeedDataSource = DataSource;

/** Statements of the demo seed (on the cli's connection). */
export const demoIndicators = {
  inTransaction: <T>(ds: DemoSeedDataSource, work: (m: EntityManager) => Promise<T>) => ds.transaction(work),

  async anyObservation(m: EntityManager): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM municipality_observations LIMIT 1`))[0] !== undefined;
  },

  async insert(m: EntityManager, row: Record<string, unknown>): Promise<void> {
    await m.query(
      `INSERT INTO municipality_observations (unit_id, observed_on, website_url, website_answered, social_accounts, e_services, e_services_other, tunduk, tunduk_since, contact_phone, contact_email, contact_answered, contact_checked_on, source, recorded_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::varchar[], $7, $8, $9, $10, $11, $12, $13, 'MANUAL', $14)`,
      [row.unitId, row.observedOn, row.websiteUrl ?? null, row.websiteAnswered ?? null, JSON.stringify(row.socialAccounts ?? []), row.eServices ?? [], row.eServicesOther ?? null, row.tunduk, row.tundukSince ?? null, row.contactPhone ?? null, row.contactEmail ?? null, row.contactAnswered ?? null, row.contactCheckedOn ?? null, row.recordedBy],
    );
  },
};

/** Who the demo rows name as recorder when no platform admin was seeded (a fixed, recognisable id). */
export const DEMO_RECORDER = '00000000-0000-4000-8000-00000000de00';
