import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { member, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { ASSIGN, CREATE, PUBLISH, SUBMIT } from '../../../surveys/src/__tests__/support';
import { MUNICIPALITY_SURVEY_FORM } from '../domain/survey-mapping';

/**
 * "Filled by a survey of municipalities" (issue 14), on the real database: a raion runs the standard questionnaire
 * in its aiyl okrugs; its answer sets become observations with source SURVEY of the okrug each was given for; a
 * second run records nothing twice; an answer set the registry refuses is skipped with its reason, the others kept.
 */
const RAION = '41707220000000';
const AK_DOBO = '41707220840000';
const ORO = '41707220843000';
const FROM_SURVEY = `mutation($id: ID!) { recordMunicipalityObservationsFromSurvey(surveyId: $id) { recorded unchanged skipped { instanceId code messageKey field } } }`;
const INDICATORS = `query($id: ID!) { municipalityIndicators(unitId: $id) { current { observedOn source surveyAnswerSetId tunduk eServices websiteUrl score { total } } } }`;

let api: RunningApi;
let platform: Person;
let raion: Village;
let n = 0;
const id = () => `00000000-0000-4000-9000-${String(++n).padStart(8, '0')}${String(process.pid % 10000).padStart(4, '0')}`;
const unitId = async (code: string) => (await api.dataSource.query(`SELECT id FROM territorial_units WHERE code = $1 AND valid_to IS NULL`, [code]))[0].id as string;

beforeAll(async () => {
  api = await startApi({ label: 'mifromsrv' });
  platform = await platformAdmin(api);
  raion = await village(api, platform, RAION, 'Ысык-Ата району');
});
afterAll(() => api?.stop());

test('a raion’s survey of its aiyl okrugs fills the registry, once, and reports what it could not record', async () => {
  const [akDobo, oro] = [await unitId(AK_DOBO), await unitId(ORO)];
  const surveyId = ok(await gql(api.baseUrl, CREATE, { input: { communityId: raion.communityId, title: { ky: 'Муниципалитеттердин санарип кызматтары' }, consent: { ky: 'Макулмун', ru: 'Согласен' }, ageGroups: [{ key: '18-99', min: 18, max: 99 }] } }, { token: raion.admin.token })).createSurvey.id;
  const versionId = ok(await gql(api.baseUrl, PUBLISH, { id: surveyId, form: MUNICIPALITY_SURVEY_FORM }, { token: raion.admin.token })).publishSurveyFormVersion.id;
  const interviewer = await member(api, platform, raion.communityId, 'INTERVIEWER', 'Сурамжылоочу');
  const assignmentId = ok(await gql(api.baseUrl, ASSIGN, { input: { surveyId, accountId: interviewer.id, villageIds: [akDobo, oro] } }, { token: raion.admin.token })).assignInterviewer.id;
  const send = (villageId: string, answers: Record<string, unknown>) =>
    gql(api.baseUrl, SUBMIT, { input: { instanceId: id(), assignmentId, formVersionId: versionId, villageId, gender: 'FEMALE', age: 40, answers, consentGiven: true, consentLanguage: 'ky', startedAt: new Date(Date.now() - 3600_000).toISOString(), completedAt: new Date().toISOString() } }, { token: interviewer.token });
  const observedOn = new Date(Date.now() - 2 * 86400_000).toISOString().slice(0, 10);
  ok(await send(akDobo, { observed_on: observedOn, website_url: 'https://ak-dobo.example.kg', website_answered: 'yes', e_services: ['CERTIFICATES'], tunduk: 'YES', tunduk_since: '2025-03-01', contact_phone: '+996 700 123 456', contact_answered: 'yes', contact_checked_on: observedOn }));
  ok(await send(oro, { observed_on: observedOn, tunduk: 'NO' }));

  // Organisers only: to anyone else the survey does not exist.
  expect((await gql(api.baseUrl, FROM_SURVEY, { id: surveyId }, { token: raion.citizen.token })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const first = ok(await gql(api.baseUrl, FROM_SURVEY, { id: surveyId }, { token: raion.admin.token })).recordMunicipalityObservationsFromSurvey;
  expect(first).toEqual({ recorded: 2, unchanged: 0, skipped: [] });
  const ak = ok(await gql(api.baseUrl, INDICATORS, { id: akDobo })).municipalityIndicators.current;
  expect(ak).toMatchObject({ observedOn, source: 'SURVEY', tunduk: 'YES', eServices: ['CERTIFICATES'], websiteUrl: 'https://ak-dobo.example.kg' });
  expect(ak.score.total).toBe(4); // one e-service, a website that answered, Tunduk, a contact that answered
  expect(ok(await gql(api.baseUrl, INDICATORS, { id: oro })).municipalityIndicators.current).toMatchObject({ source: 'SURVEY', tunduk: 'NO' });

  // Again: nothing recorded twice, no new audit event.
  const events = async () => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'municipalIndicators.observation.record'`))[0].n);
  const before = await events();
  expect(ok(await gql(api.baseUrl, FROM_SURVEY, { id: surveyId }, { token: raion.admin.token })).recordMunicipalityObservationsFromSurvey).toEqual({ recorded: 0, unchanged: 2, skipped: [] });
  expect(await events()).toBe(before);
  expect(Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM municipality_observations WHERE source = 'SURVEY' AND unit_id = ANY($1)`, [[akDobo, oro]]))[0].n)).toBe(2);

  // A set the registry refuses (a future observation date slips past the questionnaire, which has no today()): skipped with its reason.
  const future = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
  ok(await send(oro, { observed_on: future, tunduk: 'NO' }));
  const third = ok(await gql(api.baseUrl, FROM_SURVEY, { id: surveyId }, { token: raion.admin.token })).recordMunicipalityObservationsFromSurvey;
  expect(third.recorded).toBe(0);
  expect(third.unchanged).toBe(2);
  expect(third.skipped).toHaveLength(1);
  expect(third.skipped[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
});
