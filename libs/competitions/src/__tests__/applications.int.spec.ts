import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { count, person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { APPLICATION, clockOf, DECIDE, goodAnswers, openCall, save, start, submit, submitted, uploadFile } from './support';

/**
 * Calls and applications on the real database: deadlines to the second in the call's zone, eligibility,
 * the cap, file types, frozen versioned stages, stage 2 for the shortlisted, the amendment window,
 * exclusion and the published results. Every refusal stores nothing.
 */
let api: RunningApi;
let platform: Person;
let v: Village;

beforeAll(async () => {
  api = await startApi({ label: 'cmpapps' });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterEach(() => clockOf(api).set(null));
afterAll(() => api?.stop());

const at = (iso: string, deltaSeconds = 0) => clockOf(api).set(new Date(new Date(iso).getTime() + deltaSeconds * 1000));
const submissions = (id: string) => count(api, 'cmp_submissions', `application_id = '${id}'`);

test('a call states its deadlines in its zone: the API answers the UTC instant, the zone and the local time', async () => {
  const bishkek = await openCall(api, v.admin, v.communityId);
  expect(bishkek.stages[0]).toEqual({ number: 1, deadlineAt: '2027-03-01T12:00:00.000Z', timeZone: 'Asia/Bishkek', deadlineLocal: '2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)', shortlistedOnly: false });
  expect(bishkek.stages[1].shortlistedOnly).toBe(true);
  const almaty = await openCall(api, v.admin, v.communityId, { timeZone: 'Asia/Almaty' });
  expect(almaty.stages[0].deadlineAt).toBe('2027-03-01T13:00:00.000Z');
  // A bad zone or a malformed form is refused with its field path, and nothing is stored.
  const before = await count(api, 'cmp_calls');
  const zone = firstError(await gql(api.baseUrl, `mutation($input: CreateCallInput!) { createCompetitionCall(input: $input) { id } }`, { input: { ...(await import('./support')).callInput(v.communityId, { timeZone: 'Asia/Nowhere' }) } }, { token: v.admin.token }));
  expect(zone.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timeZone' });
  const input = (await import('./support')).callInput(v.communityId);
  input.stages[0].form = JSON.stringify({ fields: [{ key: 'f', type: 'FILE', allowedTypes: [] }] });
  const form = firstError(await gql(api.baseUrl, `mutation($input: CreateCallInput!) { createCompetitionCall(input: $input) { id } }`, { input }, { token: v.admin.token }));
  expect(form.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stages.0.form.fields.0.allowedTypes' });
  expect(await count(api, 'cmp_calls')).toBe(before);
  // Only the organisers create calls.
  expect(firstError(await gql(api.baseUrl, `mutation($input: CreateCallInput!) { createCompetitionCall(input: $input) { id } }`, { input: (await import('./support')).callInput(v.communityId) }, { token: v.citizen.token })).extensions.code).toBe('FORBIDDEN');
});

test('deadline to the second: one second before is accepted; at and after it is refused naming the deadline and zone; another zone has its own instant', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const applicant = await person(api, 'Айзада');
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = ok(await start(api, applicant, call.id)).startApplication.id;
    ok(await save(api, applicant, id, 1, goodAnswers()));
    ids.push(id);
  }
  at('2027-03-01T12:00:00Z', -1);
  expect(ok(await submit(api, applicant, ids[0])).submitApplicationStage).toMatchObject({ stageNumber: 1, version: 1 });
  for (const [id, delta] of [[ids[1], 0], [ids[2], 1]] as const) {
    at('2027-03-01T12:00:00Z', delta);
    const e = firstError(await submit(api, applicant, id));
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.competitions.deadlinePassed', params: { deadline: '2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)', timeZone: 'Asia/Bishkek' } });
    expect(e.message).toContain('2027-03-01 18:00 (Asia/Bishkek');
    expect(await submissions(id)).toBe(0);
  }
  // Starting after the deadline is refused too; nothing stored.
  const n = await count(api, 'cmp_applications');
  expect(firstError(await start(api, applicant, call.id)).extensions.code).toBe('CONFLICT');
  expect(await count(api, 'cmp_applications')).toBe(n);

  // The same local time in Almaty (UTC+5) is an hour later: 12:30Z is still on time there.
  const almaty = await openCall(api, v.admin, v.communityId, { timeZone: 'Asia/Almaty' });
  clockOf(api).set(null);
  const late = ok(await start(api, applicant, almaty.id)).startApplication.id;
  ok(await save(api, applicant, late, 1, goodAnswers()));
  at('2027-03-01T12:30:00Z');
  ok(await submit(api, applicant, late));
  clockOf(api).set(null);
  const other = ok(await start(api, applicant, almaty.id)).startApplication.id;
  ok(await save(api, applicant, other, 1, goodAnswers()));
  at('2027-03-01T13:00:00Z');
  expect(firstError(await submit(api, applicant, other)).extensions).toMatchObject({ code: 'CONFLICT', params: { deadline: '2027-03-01 18:00 (Asia/Almaty, UTC+05:00)' } });
});

test('eligibility, the cap and file answers without this application\'s upload are refused with field paths and store nothing', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const applicant = await person(api, 'Бизнес');
  const n = await count(api, 'cmp_applications');
  const kind = firstError(await start(api, applicant, call.id, { applicantKind: 'BUSINESS' }));
  expect(kind.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.applicantKind', messageKey: 'errors.competitions.notEligible' });
  expect(firstError(await start(api, applicant, call.id, { directionKey: 'space' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.directionKey' });
  // The call accepts Kyrgyz and Russian, and projects of at most 12 months.
  expect(firstError(await start(api, applicant, call.id, { language: 'kk' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.language', messageKey: 'errors.competitions.languageNotAccepted' });
  expect(firstError(await start(api, applicant, call.id, { durationMonths: 13 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationMonths', params: { max: 12 } });
  expect(await count(api, 'cmp_applications')).toBe(n);

  const id = ok(await start(api, applicant, call.id)).startApplication.id;
  // A file answer that names no uploaded file (only a name and a declared type) is refused on the draft
  // already, as is a file uploaded to another application; the draft is unchanged.
  const declared = firstError(await save(api, applicant, id, 1, { ...goodAnswers(), letter: { name: 'virus.exe', contentType: 'application/pdf' } }));
  expect(declared.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers.letter', messageKey: 'errors.competitions.answers.notFile' });
  const elsewhere = ok(await start(api, applicant, call.id)).startApplication.id as string;
  const foreign = await uploadFile(api, applicant.token, elsewhere);
  expect(foreign.status).toBe(201);
  const foreignId = ((await foreign.json()) as { fileId: string }).fileId;
  const stolen = firstError(await save(api, applicant, id, 1, { ...goodAnswers(), letter: { fileId: foreignId } }));
  expect(stolen.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers.letter', messageKey: 'errors.competitions.answers.notFile' });
  expect((await api.dataSource.query(`SELECT drafts FROM cmp_applications WHERE id = $1`, [id]))[0].drafts).toEqual({});
  // A draft written before uploads were required (a name, no id) cannot be submitted either.
  await api.dataSource.query(`UPDATE cmp_applications SET drafts = $2 WHERE id = $1`, [id, { '1': { ...goodAnswers(), letter: { name: 'кат.pdf', contentType: 'application/pdf' } } }]);
  expect(firstError(await submit(api, applicant, id)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.letter', messageKey: 'errors.competitions.answers.notFile' });
  await api.dataSource.query(`UPDATE cmp_applications SET drafts = $2 WHERE id = $1`, [id, { '1': { ...goodAnswers(), letter: { fileId: foreignId, name: 'кат.pdf', contentType: 'application/pdf' } } }]);
  expect(firstError(await submit(api, applicant, id)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.letter', messageKey: 'errors.competitions.answers.notFile' });
  expect(await submissions(id)).toBe(0);
  // Over the cap (20 000.00 USD): 2 × 1 000 000.01 → refused on submit naming the budget total.
  ok(await save(api, applicant, id, 1, goodAnswers('1000001')));
  const cap = firstError(await submit(api, applicant, id));
  expect(cap.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.budget.total', messageKey: 'errors.competitions.answers.overCap', params: { total: '2000002', cap: '2000000' } });
  // A required field missing.
  ok(await save(api, applicant, id, 1, { ...goodAnswers(), letter: null }));
  expect(firstError(await submit(api, applicant, id)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.letter', messageKey: 'errors.competitions.answers.required' });
  expect(await submissions(id)).toBe(0);
  expect((await api.dataSource.query(`SELECT status FROM cmp_applications WHERE id = $1`, [id]))[0].status).toBe('DRAFT');
  // Exactly at the cap is fine.
  ok(await save(api, applicant, id, 1, goodAnswers('1000000')));
  ok(await submit(api, applicant, id));
  expect(ok(await gql(api.baseUrl, APPLICATION, { id }, { token: applicant.token })).competitionApplication).toMatchObject({ status: 'SUBMITTED', requestedAmount: '2000000' });
});

test('several editors, one submits; a submitted stage is frozen; stage 2 opens only for the shortlisted', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const lead = await person(api, 'Лидер');
  const colleague = await person(api, 'Кесиптеш');
  const stranger = await person(api, 'Бөтөн');
  const id = ok(await start(api, lead, call.id)).startApplication.id;
  expect(firstError(await gql(api.baseUrl, APPLICATION, { id }, { token: colleague.token })).extensions.code).toBe('NOT_FOUND');
  ok(await gql(api.baseUrl, `mutation($a: ID!, $p: ID!) { addApplicationEditor(applicationId: $a, accountId: $p) }`, { a: id, p: colleague.id }, { token: lead.token }));
  ok(await save(api, colleague, id, 1, goodAnswers()));
  expect(firstError(await submit(api, stranger, id)).extensions.code).toBe('NOT_FOUND');
  expect(ok(await submit(api, colleague, id)).submitApplicationStage.version).toBe(1);
  // Frozen: neither a new draft of stage 1 nor a second submission.
  expect(firstError(await save(api, lead, id, 1, goodAnswers('1'))).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.competitions.stageFrozen' });
  expect(firstError(await submit(api, lead, id)).extensions.messageKey).toBe('errors.competitions.stageFrozen');
  // Stage 2 before the shortlist: refused.
  expect(firstError(await save(api, lead, id, 2, { plan: 'Толук план даяр болду' })).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.competitions.shortlistedOnly' });
  ok(await gql(api.baseUrl, DECIDE, { input: { applicationId: id, decision: 'SHORTLISTED', reason: 'Күчтүү концепция' } }, { token: v.admin.token }));
  ok(await save(api, lead, id, 2, { plan: 'Толук план даяр болду' }));
  expect(ok(await submit(api, lead, id, 2)).submitApplicationStage).toMatchObject({ stageNumber: 2, version: 1 });
  const app = ok(await gql(api.baseUrl, APPLICATION, { id }, { token: lead.token })).competitionApplication;
  expect(app.editors.sort()).toEqual([lead.id, colleague.id].sort());
  expect(app.submissions.map((s: { stageNumber: number }) => s.stageNumber)).toEqual([1, 2]);
  // Another applicant who was not shortlisted cannot open stage 2.
  const other = await submitted(api, stranger, call.id);
  expect(firstError(await save(api, stranger, other, 2, { plan: 'Менин планым дагы бар' })).extensions.messageKey).toBe('errors.competitions.shortlistedOnly');
});

test('amendment window after an interview: the amended package is a new version with a diff, and the window closes on time', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const lead = await person(api, 'Өзгөртүүчү');
  const id = await submitted(api, lead, call.id);
  const interview = `mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }`;
  const window = `mutation($id: ID!, $days: Int!) { openAmendmentWindow(applicationId: $id, days: $days) { amendmentUntil } }`;
  // No interview held yet: refused.
  expect(firstError(await gql(api.baseUrl, window, { id, days: 3 }, { token: v.admin.token })).extensions.messageKey).toBe('errors.competitions.interviewFirst');
  at('2027-03-05T05:00:00Z');
  const slot = ok(await gql(api.baseUrl, interview, { input: { applicationId: id, startsAt: '2027-03-05T04:00:00Z' } }, { token: v.admin.token })).scheduleInterview.id;
  ok(await gql(api.baseUrl, `mutation($id: ID!, $notes: String!) { recordInterviewNotes(interviewId: $id, notes: $notes) { id } }`, { id: slot, notes: 'Бюджетти тактоо' }, { token: v.admin.token }));
  // The committee's notes are the organisers' (and the assigned experts'); the applicant sees the slot only.
  const INTERVIEWS = `query($id: ID!) { competitionApplication(id: $id) { interviews { startsAt notes } } }`;
  expect(ok(await gql(api.baseUrl, INTERVIEWS, { id }, { token: lead.token })).competitionApplication.interviews).toEqual([{ startsAt: '2027-03-05T04:00:00.000Z', notes: '' }]);
  expect(ok(await gql(api.baseUrl, `query($id: ID!) { callApplications(callId: $id) { id interviews { notes } } }`, { id: call.id }, { token: v.admin.token })).callApplications.find((x: { id: string }) => x.id === id).interviews).toEqual([{ notes: 'Бюджетти тактоо' }]);
  const until = ok(await gql(api.baseUrl, window, { id, days: 3 }, { token: v.admin.token })).openAmendmentWindow.amendmentUntil;
  expect(until).toBe('2027-03-08T05:00:00.000Z');
  // Inside the window (after the stage's deadline): a new version with its diff.
  at('2027-03-08T05:00:00Z', -1);
  ok(await save(api, lead, id, 1, goodAnswers('400000')));
  const v2 = ok(await submit(api, lead, id)).submitApplicationStage;
  expect(v2.version).toBe(2);
  expect(JSON.parse(v2.diff)).toEqual([{ field: 'budget', change: 'CHANGED', before: goodAnswers().budget, after: goodAnswers('400000').budget }]);
  // At the window's end: closed.
  at('2027-03-08T05:00:00Z');
  expect(firstError(await save(api, lead, id, 1, goodAnswers('300000'))).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.competitions.amendmentClosed' });
  expect(firstError(await submit(api, lead, id)).extensions.messageKey).toBe('errors.competitions.amendmentClosed');
  expect(await submissions(id)).toBe(2);
});

test('decisions and a later exclusion are audited; the published results count per direction and stage, the selected and totals', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const applicants = await Promise.all(['A', 'B', 'C', 'D'].map((n) => person(api, `Өтүнмө ${n}`)));
  const ids = [
    await submitted(api, applicants[0], call.id, { title: 'Ачык айыл', partnerName: 'Мектеп №1' }),
    await submitted(api, applicants[1], call.id, { title: 'Таза суу', directionKey: 'ecology', targetRegion: 'Ош' }),
    await submitted(api, applicants[2], call.id, { title: 'Жаштар борбору' }),
  ];
  ok(await start(api, applicants[3], call.id)); // a draft never submitted: not counted
  expect(firstError(await gql(api.baseUrl, `query($id: ID!) { competitionResults(callId: $id) { applied } }`, { id: call.id })).extensions.code).toBe('NOT_FOUND');
  // Selecting needs an amount within the cap; nothing stored on refusal.
  expect(firstError(await gql(api.baseUrl, DECIDE, { input: { applicationId: ids[0], decision: 'SELECTED', reason: 'Жакшы', awardedAmount: '2000001' } }, { token: v.admin.token })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.awardedAmount' });
  ok(await gql(api.baseUrl, DECIDE, { input: { applicationId: ids[0], decision: 'SELECTED', reason: 'Эң жогорку балл', awardedAmount: '1500000' } }, { token: v.admin.token }));
  ok(await gql(api.baseUrl, DECIDE, { input: { applicationId: ids[1], decision: 'SELECTED', reason: 'Экология', awardedAmount: '1000000' } }, { token: v.admin.token }));
  ok(await gql(api.baseUrl, DECIDE, { input: { applicationId: ids[2], decision: 'REJECTED', reason: 'Бюджет негизсиз' } }, { token: v.admin.token }));
  expect(firstError(await gql(api.baseUrl, DECIDE, { input: { applicationId: ids[2], decision: 'SELECTED', reason: 'x', awardedAmount: '1' } }, { token: v.citizen.token })).extensions.code).toBe('FORBIDDEN');
  ok(await gql(api.baseUrl, `mutation($id: ID!) { publishCompetitionResults(callId: $id) { status } }`, { id: call.id }, { token: v.admin.token }));
  const excluded = ok(await gql(api.baseUrl, `mutation($id: ID!, $r: String!) { excludeApplication(applicationId: $id, reason: $r) { status exclusionReason } }`, { id: ids[1], r: 'Программанын тапшырмаларын аткарган жок' }, { token: v.admin.token })).excludeApplication;
  expect(excluded).toEqual({ status: 'EXCLUDED', exclusionReason: 'Программанын тапшырмаларын аткарган жок' });
  expect(firstError(await gql(api.baseUrl, `mutation($id: ID!, $r: String!) { excludeApplication(applicationId: $id, reason: $r) { status } }`, { id: ids[2], r: 'x' }, { token: v.admin.token })).extensions.code).toBe('CONFLICT');

  const r = ok(await gql(api.baseUrl, `query($id: ID!) { competitionResults(callId: $id) { applied counts { directionKey stageNumber applications } selectedCount totalAwarded currency selected { title targetRegion organisationName partnerName summary amount exclusionReason } } }`, { id: call.id })).competitionResults;
  expect(r).toMatchObject({ applied: 3, selectedCount: 1, totalAwarded: '1500000', currency: 'USD' });
  expect(r.counts).toEqual([{ directionKey: 'ecology', stageNumber: 1, applications: 1 }, { directionKey: 'youth', stageNumber: 1, applications: 2 }]);
  expect(r.selected).toEqual([
    { title: 'Ачык айыл', targetRegion: 'Ак-Дөбө', organisationName: 'Жаштар демилгеси', partnerName: 'Мектеп №1', summary: 'Кыскача', amount: '1500000', exclusionReason: null },
    { title: 'Таза суу', targetRegion: 'Ош', organisationName: 'Жаштар демилгеси', partnerName: null, summary: 'Кыскача', amount: '1000000', exclusionReason: 'Программанын тапшырмаларын аткарган жок' },
  ]);
  const audit = await api.dataSource.query(`SELECT action, after FROM audit_events WHERE entity_id = ANY($1) AND action IN ('competitions.application.decide', 'competitions.application.exclude') ORDER BY seq`, [ids]);
  expect(audit.map((a: { action: string }) => a.action)).toEqual(['competitions.application.decide', 'competitions.application.decide', 'competitions.application.decide', 'competitions.application.exclude']);
  expect(audit[3].after).toEqual({ status: 'EXCLUDED', reason: 'Программанын тапшырмаларын аткарган жок' });
  // Each applicant learned in the app, once per decision (a refused decision told nobody).
  const told = await api.dataSource.query(`SELECT account_id, template_key, params FROM notification_deliveries WHERE template_key LIKE 'notifications.competitions.%' AND account_id = ANY($1) ORDER BY created_at`, [applicants.map((p) => p.id)]);
  expect(told.map((t: { account_id: string; template_key: string }) => [applicants.findIndex((p) => p.id === t.account_id), t.template_key])).toEqual([
    [0, 'notifications.competitions.decision.SELECTED'],
    [1, 'notifications.competitions.decision.SELECTED'],
    [2, 'notifications.competitions.decision.REJECTED'],
    [1, 'notifications.competitions.excluded'],
  ]);
  expect(told[3].params).toMatchObject({ title: 'Таза суу', reason: 'Программанын тапшырмаларын аткарган жок', call: { text: { ky: 'Жарандык технологиялар гранты' } } });
});

test('20 parallel submissions of one stage leave one frozen version; the rest are CONFLICT', async () => {
  const call = await openCall(api, v.admin, v.communityId);
  const lead = await person(api, 'Шашылыш');
  const id = ok(await start(api, lead, call.id)).startApplication.id;
  ok(await save(api, lead, id, 1, goodAnswers()));
  const answers = await Promise.all(Array.from({ length: 20 }, () => submit(api, lead, id)));
  expect(answers.filter((a) => !a.errors)).toHaveLength(1);
  expect(answers.filter((a) => a.errors).every((a) => a.errors![0].extensions.messageKey === 'errors.competitions.stageFrozen')).toBe(true);
  expect(await submissions(id)).toBe(1);
});

test('a draft call is changed whole (stages replaced); once open it no longer changes; applicants list their own applications', async () => {
  const { callInput } = await import('./support');
  const created = ok(await gql(api.baseUrl, `mutation($input: CreateCallInput!) { createCompetitionCall(input: $input) { id } }`, { input: callInput(v.communityId) }, { token: v.admin.token })).createCompetitionCall;
  // A draft is the organisers' own.
  expect(firstError(await gql(api.baseUrl, `query($id: ID!) { competitionCall(id: $id) { id } }`, { id: created.id }, { token: v.citizen.token })).extensions.code).toBe('NOT_FOUND');
  const { communityId, ...definition } = callInput(v.communityId, { deadline1: '2027-05-01T09:30', deadline2: '2027-06-01T18:00' });
  void communityId;
  const UPDATE = `mutation($input: UpdateCallInput!) { updateCompetitionCall(input: $input) { id stages { number deadlineLocal } } }`;
  const updated = ok(await gql(api.baseUrl, UPDATE, { input: { ...definition, callId: created.id, stages: definition.stages.slice(0, 1) } }, { token: v.admin.token })).updateCompetitionCall;
  expect(updated.stages).toEqual([{ number: 1, deadlineLocal: '2027-05-01 09:30 (Asia/Bishkek, UTC+06:00)' }]);
  ok(await gql(api.baseUrl, `mutation($id: ID!) { openCompetitionCall(callId: $id) { id } }`, { id: created.id }, { token: v.admin.token }));
  const e = firstError(await gql(api.baseUrl, UPDATE, { input: { ...definition, callId: created.id } }, { token: v.admin.token }));
  expect(e.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.competitions.callNotDraft' });
  expect(await count(api, 'cmp_stages', `call_id = '${created.id}'`)).toBe(1);
  // Open: public, and the applicant finds their applications.
  ok(await gql(api.baseUrl, `query($id: ID!) { competitionCall(id: $id) { id } }`, { id: created.id }));
  const lead = await person(api, 'Менин');
  const id = ok(await start(api, lead, created.id)).startApplication.id;
  expect(ok(await gql(api.baseUrl, `{ myCompetitionApplications { id status } }`, {}, { token: lead.token })).myCompetitionApplications).toEqual([{ id, status: 'DRAFT' }]);
  expect(ok(await gql(api.baseUrl, `{ myCompetitionApplications { id } }`, {}, { token: v.citizen.token })).myCompetitionApplications).toEqual([]);
});
