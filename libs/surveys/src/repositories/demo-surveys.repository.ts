import { DataSource, EntityManager } from 'typeorm';

/** The connection a demo seed runs on (the cli's); the seed issues no SQL itself. */
export type DemoSeedDataSource = DataSource;

/** Statements of surveys' demo seed (the cli's connection). */
export const demoSurveys = {
  inTransaction: <T>(ds: DataSource, work: (m: EntityManager) => Promise<T>) => ds.transaction(work),

  async surveyTitled(m: EntityManager, communityId: string, ky: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM srv_surveys WHERE community_id = $1 AND title->>'ky' = $2`, [communityId, ky])).length > 0;
  },

  async insertSurvey(m: EntityManager, row: { communityId: string; title: object; consent: object; ageGroups: object; createdBy: string }): Promise<string> {
    const [r] = await m.query(`INSERT INTO srv_surveys (community_id, title, consent, age_groups, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [row.communityId, JSON.stringify(row.title), JSON.stringify(row.consent), JSON.stringify(row.ageGroups), row.createdBy]);
    return r.id;
  },

  async insertVersion(m: EntityManager, surveyId: string, form: object, createdBy: string): Promise<void> {
    await m.query(`INSERT INTO srv_form_versions (survey_id, number, form, created_by) VALUES ($1, 1, $2, $3)`, [surveyId, JSON.stringify(form), createdBy]);
  },

  async insertCell(m: EntityManager, surveyId: string, villageId: string, gender: string, ageGroup: string, target: number): Promise<void> {
    await m.query(`INSERT INTO srv_quota_cells (survey_id, village_id, gender, age_group, target) VALUES ($1, $2, $3, $4, $5)`, [surveyId, villageId, gender, ageGroup, target]);
  },
};
