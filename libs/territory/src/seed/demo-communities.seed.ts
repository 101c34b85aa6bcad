import { asTransaction } from '@ashar/database';
import { AuditService } from '@ashar/audit';
import { demoCommunities, DemoSeedDataSource } from '../repositories/demo-communities.repository';

/** A few real aiyl aimaks' communities for `npm start`; `key` is how the other demo seeds refer to them. */
export const DEMO_COMMUNITIES = [
  { key: 'akDobo', unitCode: '41707220840000', kind: 'BUDGET_GROUP', names: { ky: 'Ак-Дөбө айыл аймагынын бюджеттик тобу', ru: 'Бюджетная группа Ак-Дебенского айылного аймака', en: 'Ak-Dobo budget group' } },
  { key: 'kazanKuygan', unitCode: '41704245825000', kind: 'BUDGET_GROUP', names: { ky: 'Казан-Куйган бюджеттик тобу', ru: 'Бюджетная группа Казан-Куйган', en: 'Kazan-Kuygan budget group' } },
  { key: 'akDoboKenesh', unitCode: '41707220840000', kind: 'LOCAL_KENESH', names: { ky: 'Ак-Дөбө айылдык кеңеши', ru: 'Ак-Дебенский айылный кенеш', en: 'Ak-Dobo aiyl kenesh' } },
];

/** Demo communities (idempotent: found again by unit and kind), each new one audited. Returns their ids by key. */
export async function seedDemoCommunities(ds: DemoSeedDataSource): Promise<{ communities: Record<string, string> }> {
  const audit = new AuditService();
  const communities: Record<string, string> = {};
  await demoCommunities.inTransaction(ds, async (m) => {
    for (const c of DEMO_COMMUNITIES) {
      const found = await demoCommunities.find(m, c.unitCode, c.kind);
      if (found) {
        communities[c.key] = found;
        continue;
      }
      const id = await demoCommunities.insert(m, c.unitCode, c.kind, c.names);
      communities[c.key] = id;
      await audit.record(asTransaction(m), { accountId: null }, { action: 'community.create', entityType: 'Community', entityId: id, communityId: id, after: { demo: true, ...c } });
    }
  });
  return { communities };
}
