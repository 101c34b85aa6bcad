import { AuditService } from '@ashar/audit';
import { DataSource } from 'typeorm';

/** A few real aiyl aimaks' communities for `npm start`; `key` is how the other demo seeds refer to them. */
export const DEMO_COMMUNITIES = [
  { key: 'akDobo', unitCode: '41707220840000', kind: 'BUDGET_GROUP', names: { ky: 'Ак-Дөбө айыл аймагынын бюджеттик тобу', ru: 'Бюджетная группа Ак-Дебенского айылного аймака', en: 'Ak-Dobo budget group' } },
  { key: 'kazanKuygan', unitCode: '41704245825000', kind: 'BUDGET_GROUP', names: { ky: 'Казан-Куйган бюджеттик тобу', ru: 'Бюджетная группа Казан-Куйган', en: 'Kazan-Kuygan budget group' } },
  { key: 'akDoboKenesh', unitCode: '41707220840000', kind: 'LOCAL_KENESH', names: { ky: 'Ак-Дөбө айылдык кеңеши', ru: 'Ак-Дебенский айылный кенеш', en: 'Ak-Dobo aiyl kenesh' } },
];

/** Demo communities (idempotent: found by unit and kind). Returns their ids by key. */
export async function seedDemoCommunities(ds: DataSource): Promise<{ communities: Record<string, string> }> {
  const audit = new AuditService();
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
  });
  return { communities };
}
