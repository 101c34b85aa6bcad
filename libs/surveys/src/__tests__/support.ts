import { RunningApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { member, Person } from '../../../budgets/src/__tests__/support';
import { DEMO_AGE_GROUPS, DEMO_CONSENT, DEMO_FORM } from '../seed/demo-form';

export const CREATE = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id title consent suppressionThreshold anonymous ageGroups { key min max } } }`;
export const PUBLISH = `mutation($id: ID!, $form: JSON!) { publishSurveyFormVersion(surveyId: $id, form: $form) { id number form } }`;
export const QUOTAS = `mutation($input: SetSurveyQuotasInput!) { setSurveyQuotas(input: $input) { id quotaProgress { villageId gender ageGroup target accepted overQuota } } }`;
export const ASSIGN = `mutation($input: AssignInterviewerInput!) { assignInterviewer(input: $input) { id villages { id name } quotaShare } }`;
export const SURVEY = `query($id: ID!) { survey(id: $id) { id answerSets versions { id number } quotaProgress { villageId gender ageGroup target accepted overQuota } assignments { id accountId } } }`;
export const MINE = `query { mySurveyAssignments { id survey { id title consent titles consents } formVersion { id number form } ageGroups { key min max } villages { id name } quotaCells { villageId gender ageGroup target accepted } quotaShare } }`;
export const SUBMIT = `mutation($input: SubmitSurveyAnswerSetInput!) { submitSurveyAnswerSet(input: $input) { instanceId status overQuota replacedInstanceId } }`;
export const SUBMIT_MANY = `mutation($input: [SubmitSurveyAnswerSetInput!]!) { submitSurveyAnswerSets(input: $input) { instanceId receipt { instanceId status overQuota replacedInstanceId } error { code messageKey field } } }`;

/** The villages directly under a unit (by its code), in code order. */
export async function villagesUnder(api: RunningApi, unitCode: string): Promise<string[]> {
  const rows = await api.dataSource.query(`SELECT u.id FROM territorial_units u JOIN territorial_units p ON u.parent_id = p.id WHERE p.code = $1 AND p.valid_to IS NULL AND u.valid_to IS NULL ORDER BY u.code`, [unitCode]);
  return rows.map((r: { id: string }) => r.id);
}

export interface SurveyWorld {
  surveyId: string;
  versionId: string;
  assignmentId: string;
  interviewer: Person;
  villages: string[];
}

/** A survey with the demo form, age groups, a quota of `target` per cell in the first village, and an interviewer sent to the first two villages. */
export async function surveyWorld(api: RunningApi, admin: Person, platform: Person, communityId: string, unitCode: string, target = 2): Promise<SurveyWorld> {
  const villages = await villagesUnder(api, unitCode);
  const surveyId = ok(await gql(api.baseUrl, CREATE, { input: { communityId, title: { ky: 'Санарип', ru: 'Цифровые' }, consent: DEMO_CONSENT, ageGroups: DEMO_AGE_GROUPS } }, { token: admin.token })).createSurvey.id;
  const versionId = ok(await gql(api.baseUrl, PUBLISH, { id: surveyId, form: DEMO_FORM }, { token: admin.token })).publishSurveyFormVersion.id;
  const cells = ['FEMALE', 'MALE'].flatMap((gender) => DEMO_AGE_GROUPS.map((g) => ({ villageId: villages[0], gender, ageGroup: g.key, target })));
  ok(await gql(api.baseUrl, QUOTAS, { input: { surveyId, cells } }, { token: admin.token }));
  const interviewer = await member(api, platform, communityId, 'INTERVIEWER', 'Сурамжылоочу');
  const assignmentId = ok(await gql(api.baseUrl, ASSIGN, { input: { surveyId, accountId: interviewer.id, villageIds: villages.slice(0, 2) } }, { token: admin.token })).assignInterviewer.id;
  return { surveyId, versionId, assignmentId, interviewer, villages };
}

let n = 0;
/** A valid answer set for the demo form (a young woman with a smartphone in the first village). */
export function answerSet(w: SurveyWorld, over: Record<string, unknown> = {}) {
  const id = `00000000-0000-4000-8000-${String(++n).padStart(8, '0')}${String(process.pid % 10000).padStart(4, '0')}`;
  return {
    instanceId: id,
    assignmentId: w.assignmentId,
    formVersionId: w.versionId,
    villageId: w.villages[0],
    gender: 'FEMALE',
    age: 22,
    answers: { has_phone: 'yes', phone_kind: 'smart', hours: 3, sk_msg: 'alone', uses: ['talk', 'study'], trust: 4 },
    consentGiven: true,
    consentLanguage: 'ky',
    startedAt: '2026-12-01T08:00:00Z',
    completedAt: '2026-12-01T08:12:00Z',
    ...over,
  };
}
