import { territoryServicesOn } from '@ashar/territory';
import { demoSurveys, DemoSeedDataSource } from '../repositories/demo-surveys.repository';
import { DEMO_AGE_GROUPS, DEMO_CONSENT, DEMO_FORM, DEMO_TITLE } from './demo-form';

/**
 * A demo survey for `npm start` (ILLUSTRATIVE): Ak-Dobo's digital-skills survey in Kyrgyz and Russian,
 * its first form version and a sample plan of 5 per village × gender × age group. No interviewer is
 * assigned (the demo accounts hold no INTERVIEWER role): an admin assigns one. Idempotent.
 */
export async function seedDemoSurveys(ds: DemoSeedDataSource, communities: Record<string, string>, createdBy?: string): Promise<{ surveys?: number }> {
  const communityId = communities.akDobo;
  if (!communityId) return {};
  // The villages come from territory's services (the units directly under the community's unit).
  const { territory, communities: communityService } = territoryServicesOn(ds);
  const community = await communityService.byId(communityId);
  const villages = (await territory.childrenOf([community.unitId])).filter((u) => !u.validTo).slice(0, 3).map((u) => u.id);
  return demoSurveys.inTransaction(ds, async (m) => {
    if (await demoSurveys.surveyTitled(m, communityId, DEMO_TITLE.ky)) return {};
    const by = createdBy ?? '00000000-0000-4000-8000-000000000000';
    const id = await demoSurveys.insertSurvey(m, { communityId, title: DEMO_TITLE, consent: DEMO_CONSENT, ageGroups: DEMO_AGE_GROUPS, createdBy: by });
    await demoSurveys.insertVersion(m, id, DEMO_FORM, by);
    for (const village of villages) for (const gender of ['FEMALE', 'MALE']) for (const g of DEMO_AGE_GROUPS) await demoSurveys.insertCell(m, id, village, gender, g.key, 5);
    return { surveys: 1 };
  });
}
