import { DataSource, EntityManager } from 'typeorm';

/** The connection a demo seed runs on (the cli's); seeds pass it here and issue no SQL themselves. */
export type DemoSeedDataSource = DataSource;

/** Statements of identity's demo seed: accounts found again by e-mail, their memberships. */
export const demoAccounts = {
  inTransaction: <T>(ds: DemoSeedDataSource, work: (m: EntityManager) => Promise<T>) => ds.transaction(work),

  async exists(m: EntityManager, email: string): Promise<boolean> {
    return (await m.query('SELECT 1 FROM accounts WHERE email = $1', [email])).length > 0;
  },

  async insert(m: EntityManager, a: { email: string; passwordHash: string; displayName: string; platformAdmin: boolean }): Promise<string> {
    const [acc]: { id: string }[] = await m.query(
      `INSERT INTO accounts (email, password_hash, display_name, locale, platform_admin, kind) VALUES ($1, $2, $3, 'ky', $4, 'registered') RETURNING id`,
      [a.email, a.passwordHash, a.displayName, a.platformAdmin],
    );
    return acc.id;
  },

  /** The oldest platform admin: who the other contexts' demo records are made by. */
  async firstPlatformAdmin(m: EntityManager): Promise<string | undefined> {
    return (await m.query('SELECT id FROM accounts WHERE platform_admin ORDER BY created_at LIMIT 1'))[0]?.id;
  },

  /** The ids of the accounts with these e-mails (those that exist), by e-mail. */
  async idsByEmail(m: EntityManager, emails: string[]): Promise<Record<string, string>> {
    const rows: Array<{ id: string; email: string }> = await m.query('SELECT id, email FROM accounts WHERE email = ANY($1)', [emails]);
    return Object.fromEntries(rows.map((r) => [r.email, r.id]));
  },

  async addMembership(m: EntityManager, accountId: string, communityId: string, role: string): Promise<void> {
    await m.query('INSERT INTO memberships (account_id, community_id, role) VALUES ($1, $2, $3)', [accountId, communityId, role]);
  },
};
