import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { member, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { DEMO_FORM } from '../seed/demo-form';
import { answerSet, ASSIGN, CREATE, MINE, PUBLISH, QUOTAS, SUBMIT, SUBMIT_MANY, SURVEY, surveyWorld, SurveyWorld } from './support';

const A = '41707220840000';
const B = '41707220843000';
let api: RunningApi;
let platform: Person;
let v: Village;
let w: SurveyWorld;

const submit = (who: Person, input: Record<string, unknown>) => gql(api.baseUrl, SUBMIT, { input }, { token: who.token });
const rows = (surveyId: string) => api.dataSource.query(`SELECT instance_id, over_quota, superseded_by, form_version_id, age_group, answers, consent_text FROM srv_answer_sets WHERE survey_id = $1 ORDER BY received_at, instance_id`, [surveyId]);
const audits = (instanceId: string) => api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'SurveyAnswerSet' AND after->>'instanceId' = $1`, [instanceId]).then((r) => r[0].n as number);
const progress = async (surveyId: string, gender = 'FEMALE', ageGroup = '16-29') =>
  ok(await gql(api.baseUrl, SURVEY, { id: surveyId }, { token: v.admin.token })).survey.quotaProgress.find((c: { villageId: string; gender: string; ageGroup: string }) => c.villageId === w.villages[0] && c.gender === gender && c.ageGroup === ageGroup);

beforeAll(async () => {
  api = await startApi({ label: 'surveys' });
  platform = await platformAdmin(api);
  v = await village(api, platform, A, 'Ак-Дөбө');
  w = await surveyWorld(api, v.admin, platform, v.communityId, A, 2);
});
afterAll(() => api?.stop());

describe('organisers', () => {
  test('a form with problems is refused with checkForm’s paths; versions are numbered and answer sets keep theirs', async () => {
    const bad = { ...DEMO_FORM, questions: [...DEMO_FORM.questions, { name: 'x', type: 'select_one', listName: 'nope', label: { ky: 'X' } }] };
    const r = await gql(api.baseUrl, PUBLISH, { id: w.surveyId, form: bad }, { token: v.admin.token });
    expect(firstError(r)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(r)?.extensions?.field).toBe(`form.questions.${DEMO_FORM.questions.length}.listName`);
    expect((await gql(api.baseUrl, PUBLISH, { id: w.surveyId, form: 'not json' }, { token: v.admin.token })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // A citizen, an interviewer and the other community's admin cannot publish or read.
    const other = await village(api, platform, B, 'Башка');
    for (const who of [v.citizen, w.interviewer, other.admin]) {
      const denied = await gql(api.baseUrl, PUBLISH, { id: w.surveyId, form: DEMO_FORM }, { token: who.token });
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(denied.errors?.[0].extensions?.code);
      expect((await gql(api.baseUrl, SURVEY, { id: w.surveyId }, { token: who.token })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const created = await gql(api.baseUrl, CREATE, { input: { communityId: v.communityId, title: { ky: 'X' }, consent: { ky: 'Макул' } } }, { token: v.a.token });
    expect(created.errors?.[0].extensions?.code).toBe('FORBIDDEN'); // budget-group members do not organise surveys
  });

  test('an interviewer must hold INTERVIEWER in the community and villages must be the community’s', async () => {
    const r1 = await gql(api.baseUrl, ASSIGN, { input: { surveyId: w.surveyId, accountId: v.citizen.id, villageIds: [w.villages[0]] } }, { token: v.admin.token });
    expect([r1.errors?.[0].extensions?.code, r1.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.accountId']);
    const foreignVillage = (await api.dataSource.query(`SELECT u.id FROM territorial_units u JOIN territorial_units p ON u.parent_id = p.id WHERE p.code = $1 LIMIT 1`, [B]))[0].id;
    const r2 = await gql(api.baseUrl, ASSIGN, { input: { surveyId: w.surveyId, accountId: w.interviewer.id, villageIds: [w.villages[0], foreignVillage] } }, { token: v.admin.token });
    expect([r2.errors?.[0].extensions?.code, r2.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.villageIds.1']);
    const r3 = await gql(api.baseUrl, QUOTAS, { input: { surveyId: w.surveyId, cells: [{ villageId: w.villages[0], gender: 'FEMALE', ageGroup: '99-100', target: 1 }] } }, { token: v.admin.token });
    expect([r3.errors?.[0].extensions?.code, r3.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.cells.0.ageGroup']);
  });
});

describe('the interviewer’s phone', () => {
  test('mySurveyAssignments carries the form, age groups, villages and quota cells, localized and in every language', async () => {
    const mine = ok(await gql(api.baseUrl, MINE, {}, { token: w.interviewer.token, headers: { 'accept-language': 'ru' } })).mySurveyAssignments;
    expect(mine).toHaveLength(1);
    expect(mine[0].survey.title).toBe('Цифровые');
    expect(mine[0].survey.consents.ky).toMatch(/^Бул сурамжылоо/);
    expect(mine[0].formVersion.form.formId).toBe('digital_skills');
    expect(mine[0].villages.map((x: { id: string }) => x.id)).toEqual(w.villages.slice(0, 2));
    expect(mine[0].quotaCells).toHaveLength(6);
    expect(mine[0].quotaCells.every((c: { target: number; accepted: number }) => c.target === 2 && c.accepted === 0)).toBe(true);
    expect(ok(await gql(api.baseUrl, MINE, {}, { token: v.citizen.token })).mySurveyAssignments).toEqual([]);
  });

  test('20 identical sends at once give one row, one audit event and the same receipt', async () => {
    const input = answerSet(w);
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(w.interviewer, input)));
    const receipts = results.map((r) => ok(r).submitSurveyAnswerSet);
    expect(receipts.filter((r) => r.status === 'ACCEPTED')).toHaveLength(1);
    expect(receipts.filter((r) => r.status === 'ALREADY_RECEIVED')).toHaveLength(19);
    receipts.forEach((r) => expect(r).toMatchObject({ instanceId: input.instanceId, overQuota: false, replacedInstanceId: null }));
    expect((await rows(w.surveyId)).filter((r: { instance_id: string }) => r.instance_id === input.instanceId)).toHaveLength(1);
    expect(await audits(input.instanceId)).toBe(1);
    // Keys in another order are the same content.
    const reordered = { ...input, answers: Object.fromEntries(Object.entries(input.answers).reverse()) };
    expect(ok(await submit(w.interviewer, reordered)).submitSurveyAnswerSet.status).toBe('ALREADY_RECEIVED');
    // The same id with other content: CONFLICT, nothing changed.
    const changed = await submit(w.interviewer, { ...input, answers: { ...input.answers, trust: 1 } });
    expect(changed.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await rows(w.surveyId)).find((r: { instance_id: string }) => r.instance_id === input.instanceId).answers.trust).toBe(4);
    expect(await audits(input.instanceId)).toBe(1);
  });

  test('quota arithmetic: the cell fills, a set for a full cell is kept and flagged over quota, counts show it', async () => {
    const cell = { gender: 'MALE', age: 35 };
    const first = ok(await submit(w.interviewer, answerSet(w, cell))).submitSurveyAnswerSet;
    const second = ok(await submit(w.interviewer, answerSet(w, cell))).submitSurveyAnswerSet;
    const third = ok(await submit(w.interviewer, answerSet(w, cell))).submitSurveyAnswerSet;
    expect([first.overQuota, second.overQuota, third.overQuota]).toEqual([false, false, true]);
    expect(await progress(w.surveyId, 'MALE', '30-49')).toMatchObject({ target: 2, accepted: 2, overQuota: 1 });
    const stored = (await rows(w.surveyId)).find((r: { instance_id: string }) => r.instance_id === third.instanceId);
    expect(stored).toMatchObject({ over_quota: true, age_group: '30-49' });
    // The phone sees the cell full.
    const mine = ok(await gql(api.baseUrl, MINE, {}, { token: w.interviewer.token })).mySurveyAssignments[0];
    expect(mine.quotaCells.find((c: { gender: string; ageGroup: string }) => c.gender === 'MALE' && c.ageGroup === '30-49')).toMatchObject({ target: 2, accepted: 2 });
    // A village without a quota has no limit.
    expect(ok(await submit(w.interviewer, answerSet(w, { villageId: w.villages[1] }))).submitSurveyAnswerSet.overQuota).toBe(false);
  });

  test('the last place of a cell taken by 6 different sets at once: exactly one counts, five are kept over quota', async () => {
    const cell = { gender: 'MALE', age: 20 };
    ok(await submit(w.interviewer, answerSet(w, cell)));
    const sets = Array.from({ length: 6 }, () => answerSet(w, cell));
    const receipts = (await Promise.all(sets.map((x) => submit(w.interviewer, x)))).map((r) => ok(r).submitSurveyAnswerSet);
    expect(receipts.filter((r) => !r.overQuota)).toHaveLength(1);
    expect(await progress(w.surveyId, 'MALE', '16-29')).toMatchObject({ target: 2, accepted: 2, overQuota: 5 });
  });

  test('a quota share scales the phone’s targets; a withdrawn INTERVIEWER role hides the assignment and refuses sends', async () => {
    const second = await member(api, platform, v.communityId, 'INTERVIEWER', 'Экинчи');
    const a = ok(await gql(api.baseUrl, ASSIGN, { input: { surveyId: w.surveyId, accountId: second.id, villageIds: [w.villages[0]], quotaShare: 50 } }, { token: v.admin.token })).assignInterviewer;
    expect(a.quotaShare).toBe(50);
    const mine = ok(await gql(api.baseUrl, MINE, {}, { token: second.token })).mySurveyAssignments;
    expect(mine[0].quotaCells.every((c: { target: number }) => c.target === 1)).toBe(true); // ceil(2 × 50 %)
    await api.dataSource.query(`DELETE FROM memberships WHERE account_id = $1 AND role = 'INTERVIEWER'`, [second.id]);
    expect(ok(await gql(api.baseUrl, MINE, {}, { token: second.token })).mySurveyAssignments).toEqual([]);
    const r = await submit(second, answerSet({ ...w, assignmentId: a.id }));
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('an edit names the set it replaces: the old one is kept, superseded, and stops counting', async () => {
    const cell = { gender: 'FEMALE', age: 60 };
    const original = answerSet(w, cell);
    ok(await submit(w.interviewer, original));
    expect(await progress(w.surveyId, 'FEMALE', '50+')).toMatchObject({ accepted: 1, overQuota: 0 });
    const edit = answerSet(w, { ...cell, answers: { has_phone: 'no', trust: 2 }, replacesInstanceId: original.instanceId });
    const receipt = ok(await submit(w.interviewer, edit)).submitSurveyAnswerSet;
    expect(receipt).toMatchObject({ status: 'ACCEPTED', replacedInstanceId: original.instanceId, overQuota: false });
    expect(await progress(w.surveyId, 'FEMALE', '50+')).toMatchObject({ accepted: 1, overQuota: 0 });
    const all = await rows(w.surveyId);
    expect(all.find((r: { instance_id: string }) => r.instance_id === original.instanceId).superseded_by).toBe(edit.instanceId);
    // Replacing it a second time (another edit of the same original) is a conflict; the edit itself can be edited.
    const again = await submit(w.interviewer, answerSet(w, { ...cell, replacesInstanceId: original.instanceId }));
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const unknown = await submit(w.interviewer, answerSet(w, { replacesInstanceId: '11111111-1111-4111-8111-111111111111' }));
    expect([unknown.errors?.[0].extensions?.code, unknown.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.replacesInstanceId']);
  });

  test('no consent is refused; answers are judged by checkAnswers of the version with answers.<name> paths', async () => {
    const before = (await rows(w.surveyId)).length;
    const noConsent = await submit(w.interviewer, answerSet(w, { consentGiven: false }));
    expect([noConsent.errors?.[0].extensions?.code, noConsent.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.consentGiven']);
    const noKazakh = await submit(w.interviewer, answerSet(w, { consentLanguage: 'kk' }));
    expect(noKazakh.errors?.[0].extensions?.field).toBe('input.consentLanguage');
    const constraint = await submit(w.interviewer, answerSet(w, { answers: { has_phone: 'yes', phone_kind: 'smart', hours: 30, trust: 3 }, consentLanguage: 'ru' }));
    expect(constraint.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.hours' });
    expect(constraint.errors?.[0].message).toBe('Введите число от 0 до 24');
    const required = await submit(w.interviewer, answerSet(w, { answers: { has_phone: 'yes' } }));
    expect(required.errors?.[0].extensions?.field).toBe('answers.phone_kind');
    const ageless = await submit(w.interviewer, answerSet(w, { age: 10 }));
    expect(ageless.errors?.[0].extensions?.field).toBe('input.age');
    expect((await rows(w.surveyId)).length).toBe(before);
    // Skipped questions are dropped: no phone, so the phone group's answers are not stored.
    const skipped = answerSet(w, { answers: { has_phone: 'no', phone_kind: 'smart', trust: 5 }, villageId: w.villages[1] });
    ok(await submit(w.interviewer, skipped));
    const stored = (await rows(w.surveyId)).find((r: { instance_id: string }) => r.instance_id === skipped.instanceId);
    expect(stored.answers).toEqual({ has_phone: 'no', trust: 5 });
    expect(stored.consent_text).toMatch(/^Бул сурамжылоо/);
  });

  test('a new version leaves earlier answer sets on theirs; sets may still arrive on the old one', async () => {
    const old = answerSet(w, { villageId: w.villages[1] });
    ok(await submit(w.interviewer, old));
    const v2 = ok(await gql(api.baseUrl, PUBLISH, { id: w.surveyId, form: { ...DEMO_FORM, version: '2027-01' } }, { token: v.admin.token })).publishSurveyFormVersion;
    expect(v2.number).toBe(2);
    const all = await rows(w.surveyId);
    expect(all.every((r: { form_version_id: string }) => r.form_version_id === w.versionId)).toBe(true);
    const late = answerSet(w, { villageId: w.villages[1] });
    ok(await submit(w.interviewer, late));
    expect((await rows(w.surveyId)).find((r: { instance_id: string }) => r.instance_id === late.instanceId).form_version_id).toBe(w.versionId);
    expect(ok(await gql(api.baseUrl, MINE, {}, { token: w.interviewer.token })).mySurveyAssignments[0].formVersion.number).toBe(2);
    // The database keeps a published version as it was.
    await expect(api.dataSource.query(`UPDATE srv_form_versions SET form = '{}' WHERE id = $1`, [w.versionId])).rejects.toThrow(/immutable/);
  });

  test('permissions: another community’s interviewer, an unassigned village, a citizen cannot submit', async () => {
    const before = (await rows(w.surveyId)).length;
    const other = await village(api, platform, B, 'Башка айыл');
    const stranger = await member(api, platform, other.communityId, 'INTERVIEWER', 'Бөтөн');
    const r1 = await submit(stranger, answerSet(w));
    expect(r1.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const r2 = await submit(w.interviewer, answerSet(w, { villageId: w.villages[2] }));
    expect(r2.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const r3 = await submit(v.citizen, answerSet(w));
    expect(r3.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const r4 = await gql(api.baseUrl, SUBMIT, { input: answerSet(w) });
    expect(r4.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await rows(w.surveyId)).length).toBe(before);
  });

  test('an offline batch sent three times counts once; each item gets its receipt or its error', async () => {
    const batch = [answerSet(w, { villageId: w.villages[1] }), answerSet(w, { villageId: w.villages[1], gender: 'MALE', age: 70 }), answerSet(w, { consentGiven: false }), { ...answerSet(w), instanceId: 'not-a-uuid' }];
    const before = (await rows(w.surveyId)).length;
    const sends = [];
    for (let i = 0; i < 3; i++) sends.push(ok(await gql(api.baseUrl, SUBMIT_MANY, { input: batch }, { token: w.interviewer.token })).submitSurveyAnswerSets);
    expect(sends[0].map((r: { receipt: { status: string } | null }) => r.receipt?.status ?? null)).toEqual(['ACCEPTED', 'ACCEPTED', null, null]);
    expect(sends[1].map((r: { receipt: { status: string } | null }) => r.receipt?.status ?? null)).toEqual(['ALREADY_RECEIVED', 'ALREADY_RECEIVED', null, null]);
    expect(sends[2]).toEqual(sends[1]);
    expect(sends[0][2].error).toEqual({ code: 'BAD_USER_INPUT', messageKey: 'errors.surveys.consentRequired', field: 'input.2.consentGiven' });
    expect(sends[0][3].error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.3.instanceId' });
    expect((await rows(w.surveyId)).length).toBe(before + 2);
    for (const item of batch.slice(0, 2)) expect(await audits(item.instanceId)).toBe(1);
  });
});
