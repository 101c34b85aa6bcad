import { asTransaction } from '@ashar/database';
import { Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import * as argon2 from 'argon2';
import { randomBytes } from 'crypto';
import { demoAccounts, DemoSeedDataSource } from '../repositories/demo-accounts.repository';

export interface DemoLogin {
  login: string;
  password: string;
  role: string;
}

const DEMO_ACCOUNTS = [
  { email: 'admin@demo.ashar.kg', name: 'Платформа администратору', admin: true, roles: [] as Array<[string, Role]> },
  { email: 'budget@demo.ashar.kg', name: 'Айгүл Токтосунова', admin: false, roles: [['akDobo', Role.COMMUNITY_ADMIN], ['akDobo', Role.BUDGET_GROUP_MEMBER]] as Array<[string, Role]> },
  { email: 'member@demo.ashar.kg', name: 'Бакыт Жумабеков', admin: false, roles: [['akDobo', Role.BUDGET_GROUP_MEMBER], ['kazanKuygan', Role.BUDGET_GROUP_MEMBER], ['kazanKuygan', Role.EXPERT]] as Array<[string, Role]> },
  { email: 'citizen@demo.ashar.kg', name: 'Нурлан Асанов', admin: false, roles: [['akDobo', Role.CITIZEN]] as Array<[string, Role]> },
];

/**
 * Demo accounts with roles in the demo communities (ids by key, from territory's demo seed).
 * Idempotent; passwords are random per database and returned to the caller, never stored in the repo.
 */
export async function seedDemoAccounts(ds: DemoSeedDataSource, communities: Record<string, string>): Promise<{ logins: DemoLogin[]; platformAdminId?: string; demoAccountIds: Record<string, string> }> {
  const audit = new AuditService();
  const logins: DemoLogin[] = [];
  const { platformAdminId, demoAccountIds } = await demoAccounts.inTransaction(ds, async (m) => {
    for (const a of DEMO_ACCOUNTS) {
      if (await demoAccounts.exists(m, a.email)) continue;
      const password = `demo-${randomBytes(6).toString('base64url')}`;
      const passwordHash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
      const id = await demoAccounts.insert(m, { email: a.email, passwordHash, displayName: a.name, platformAdmin: a.admin });
      for (const [key, role] of a.roles) await demoAccounts.addMembership(m, id, communities[key], role);
      await audit.record(asTransaction(m), { accountId: null }, { action: 'account.seedDemo', entityType: 'Account', entityId: id, after: { email: a.email, roles: a.roles } });
      logins.push({ login: a.email, password, role: a.admin ? 'platform admin' : a.roles.map(([k, r]) => `${r} (${k})`).join(', ') });
    }
    return { platformAdminId: await demoAccounts.firstPlatformAdmin(m), demoAccountIds: await demoAccounts.idsByEmail(m, DEMO_ACCOUNTS.map((a) => a.email)) };
  });
  // Later contexts' demo seeds record the platform admin as the author of what they create, and use the
  // demo accounts (by e-mail) as the applicants or experts of their demo records.
  return { logins, platformAdminId, demoAccountIds };
}
