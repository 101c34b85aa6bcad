import { Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { seedDemoBudgets } from '@ashar/budgets';
import { seedTerritory } from '@ashar/territory';
import * as argon2 from 'argon2';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';

export interface DemoLogin {
  login: string;
  password: string;
  role: string;
}

const DEMO_COMMUNITIES = [
  { key: 'akDobo', unitCode: '41707220840000', kind: 'BUDGET_GROUP', names: { ky: 'Ак-Дөбө айыл аймагынын бюджеттик тобу', ru: 'Бюджетная группа Ак-Дебенского айылного аймака', en: 'Ak-Dobo budget group' } },
  { key: 'kazanKuygan', unitCode: '41704245825000', kind: 'BUDGET_GROUP', names: { ky: 'Казан-Куйган бюджеттик тобу', ru: 'Бюджетная группа Казан-Куйган', en: 'Kazan-Kuygan budget group' } },
  { key: 'akDoboKenesh', unitCode: '41707220840000', kind: 'LOCAL_KENESH', names: { ky: 'Ак-Дөбө айылдык кеңеши', ru: 'Ак-Дебенский айылный кенеш', en: 'Ak-Dobo aiyl kenesh' } },
];

const DEMO_ACCOUNTS = [
  { email: 'admin@demo.ashar.kg', name: 'Платформа администратору', admin: true, roles: [] as Array<[string, Role]> },
  { email: 'budget@demo.ashar.kg', name: 'Айгүл Токтосунова', admin: false, roles: [['akDobo', Role.COMMUNITY_ADMIN], ['akDobo', Role.BUDGET_GROUP_MEMBER]] as Array<[string, Role]> },
  { email: 'member@demo.ashar.kg', name: 'Бакыт Жумабеков', admin: false, roles: [['akDobo', Role.BUDGET_GROUP_MEMBER], ['kazanKuygan', Role.BUDGET_GROUP_MEMBER]] as Array<[string, Role]> },
  { email: 'citizen@demo.ashar.kg', name: 'Нурлан Асанов', admin: false, roles: [['akDobo', Role.CITIZEN]] as Array<[string, Role]> },
];

/**
 * Demo data for `npm start` (idempotent): territory, a few real aiyl aimaks' communities and demo
 * accounts. Passwords are random per database and returned to the caller, never stored in the repo.
 */
export async function seedDemo(ds: DataSource): Promise<{ territorialUnitsAdded: number; logins: DemoLogin[]; communities: Record<string, string> }> {
  const territorialUnitsAdded = await seedTerritory(ds);
  const audit = new AuditService();
  const logins: DemoLogin[] = [];
  const communities: Record<string, string> = {};
  await ds.transaction(async (manager) => {
    for (const c of DEMO_COMMUNITIES) {
      const found: { id: string }[] = await manager.query(
        `SELECT c.id FROM communities c JOIN territorial_units u ON u.id = c.unit_id WHERE u.code = $1 AND c.kind = $2`,
        [c.unitCode, c.kind],
      );
      if (found.length) {
        communities[c.key] = found[0].id;
        continue;
      }
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO communities (unit_id, kind, names)
         SELECT id, $2, $3 FROM territorial_units WHERE code = $1 AND valid_to IS NULL RETURNING id`,
        [c.unitCode, c.kind, JSON.stringify(c.names)],
      );
      communities[c.key] = row.id;
      await audit.record(manager, { accountId: null }, { action: 'community.create', entityType: 'Community', entityId: row.id, communityId: row.id, after: { demo: true, ...c } });
    }
    for (const a of DEMO_ACCOUNTS) {
      const existing: { id: string }[] = await manager.query('SELECT id FROM accounts WHERE email = $1', [a.email]);
      if (existing.length) continue;
      const password = `demo-${randomBytes(6).toString('base64url')}`;
      const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
      const [acc]: { id: string }[] = await manager.query(
        `INSERT INTO accounts (email, password_hash, display_name, locale, platform_admin, kind) VALUES ($1, $2, $3, 'ky', $4, 'registered') RETURNING id`,
        [a.email, hash, a.name, a.admin],
      );
      for (const [key, role] of a.roles) {
        await manager.query('INSERT INTO memberships (account_id, community_id, role) VALUES ($1, $2, $3)', [acc.id, communities[key], role]);
      }
      await audit.record(manager, { accountId: null }, { action: 'account.seedDemo', entityType: 'Account', entityId: acc.id, after: { email: a.email, roles: a.roles } });
      logins.push({ login: a.email, password, role: a.admin ? 'platform admin' : a.roles.map(([k, r]) => `${r} (${k})`).join(', ') });
    }
  });
  await seedDemoBudgets(ds);
  return { territorialUnitsAdded, logins, communities };
}
