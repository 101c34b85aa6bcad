import { territoryServicesOn } from '@ashar/territory';
import { DEMO_RECORDER, DemoSeedDataSource, demoIndicators } from '../repositories/demo-indicators.repository';

/**
 * Demo observations for `npm start` (ILLUSTRATIVE figures, not a survey): five aiyl aimaks of Bakai-Ata
 * raion (Talas oblast, 41707220000000), Ak-Dobo with an older and a newer observation (history), the
 * rest with one; Oro and four more aimaks of the raion stay unobserved. Idempotent: nothing is added
 * once any observation exists.
 */
export async function seedDemoMunicipalIndicators(ds: DemoSeedDataSource, platformAdminId?: string): Promise<{ municipalObservations?: number }> {
  const territory = territoryServicesOn(ds).territory;
  return demoIndicators.inTransaction(ds, async (m) => {
    if (await demoIndicators.anyObservation(m)) return {};
    const by = platformAdminId ?? DEMO_RECORDER;
    const rows: Array<Record<string, unknown> & { code: string }> = [
      { code: '41707220840000', observedOn: '2026-03-10', websiteUrl: 'https://ak-dobo.example.kg', websiteAnswered: false, tunduk: 'IN_PROGRESS', tundukSince: '2026-02-01', eServices: ['CERTIFICATES'], contactPhone: '+996 3422 5 12 34', contactAnswered: false, contactCheckedOn: '2026-03-10' },
      {
        code: '41707220840000', observedOn: '2026-10-20', websiteUrl: 'https://ak-dobo.example.kg', websiteAnswered: true, tunduk: 'YES', tundukSince: '2026-06-15', eServices: ['CERTIFICATES', 'HOUSEHOLD_BOOK', 'CITIZEN_APPEALS'],
        socialAccounts: [{ platform: 'FACEBOOK', url: 'https://facebook.com/akdobo.ao', lastPostOn: '2026-10-12', postsLast30Days: 6 }, { platform: 'TELEGRAM', url: 'https://t.me/akdobo_ao', lastPostOn: '2026-08-01', postsLast30Days: 0 }],
        contactPhone: '+996 3422 5 12 34', contactEmail: 'akdobo.ao@example.kg', contactAnswered: true, contactCheckedOn: '2026-10-20',
      },
      { code: '41707220808000', observedOn: '2026-10-18', websiteUrl: null, tunduk: 'NO', eServices: [], socialAccounts: [{ platform: 'WHATSAPP', url: 'https://wa.me/996700000111', lastPostOn: '2026-10-01', postsLast30Days: 3 }], contactPhone: '+996 700 000 111', contactAnswered: true, contactCheckedOn: '2026-10-18' },
      { code: '41707220823000', observedOn: '2026-10-19', websiteUrl: 'https://boo-terek.example.kg', websiteAnswered: true, tunduk: 'YES', tundukSince: '2025-11-01', eServices: ['CERTIFICATES', 'APPOINTMENTS', 'LOCAL_FEES_PAYMENT', 'OTHER'], eServicesOther: 'Жайыт билеттери', socialAccounts: [{ platform: 'INSTAGRAM', url: 'https://instagram.com/booterek_ao', lastPostOn: '2026-05-02', postsLast30Days: 0 }], contactEmail: 'booterek@example.kg', contactAnswered: false, contactCheckedOn: '2026-10-19' },
      { code: '41707220826000', observedOn: '2026-10-21', websiteUrl: 'http://aknazarov.example.kg', websiteAnswered: false, tunduk: 'IN_PROGRESS', eServices: ['SOCIAL_SUPPORT'], contactPhone: '+996 3422 6 20 00', contactAnswered: true, contactCheckedOn: '2026-10-21' },
      { code: '41707220830000', observedOn: '2026-10-22', tunduk: 'NO', eServices: [] },
    ];
    let n = 0;
    for (const r of rows) {
      const unit = await territory.currentUnitByCode(r.code);
      if (!unit) continue;
      await demoIndicators.insert(m, { ...r, unitId: unit.id, recordedBy: by });
      n++;
    }
    return { municipalObservations: n };
  });
}
