import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, ok } from '../../../../test/support/graphql-client';
import { count, person, Person, platformAdmin, village, Village } from '../../../budgets/src/__tests__/support';
import { MarkOverdueJob } from '../jobs/mark-overdue.job';
import {
  ADD_MEMBER, ANSWER, ASSESS, ATTENDANCE, call, CLOSE, council, DECIDE, END_MEMBER, IMPLEMENTED, item, meeting, MEETING, MINUTES, must, PUBLISH, rollCall, SEARCH, SEND, SIMPLE_RULES, STATE_BODY, TRACKER, VOTE,
} from './support';

/**
 * Councils on the real database: decisions by the body's rule, minutes approval, who may vote and
 * edit, closed meetings hidden until published, recommendations followed up and marked overdue by the
 * job, decision search in Russian and Kyrgyz. Every refusal stores nothing.
 */
let api: RunningApi;
let platform: Person;
let v: Village;
let other: Village;

beforeAll(async () => {
  api = await startApi({ label: 'councils', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
  other = await village(api, platform, '41707220843000', 'Орок');
});
afterAll(() => api?.stop());

const people = (n: number, prefix = 'Мүчө') => Promise.all(Array.from({ length: n }, (_, i) => person(api, `${prefix}${i}`)));
const code = (r: Awaited<ReturnType<typeof call>>) => firstError(r)?.extensions?.code;
const key = (r: Awaited<ReturnType<typeof call>>) => firstError(r)?.extensions?.messageKey;

describe('decisions by the body’s rule', () => {
  test('simple majority of those present: abstentions count against, a tie fails, missing votes are absent, and no quorum is CONFLICT', async () => {
    const c = await council(api, v, await people(6));
    const m = await meeting(api, c);
    // 6 members: FOR 3, AGAINST 1, ABSTAIN 1, one without a vote (absent) → 3 of 5 present: adopted.
    const a = await item(api, c, m, 'Жол оңдоо');
    await rollCall(api, c, a, ['FOR', 'FOR', 'FOR', 'AGAINST', 'ABSTAIN']);
    const d1 = (await must(api, c.secretary, DECIDE, { input: { agendaItemId: a, text: 'Жолду оңдоо жактырылсын' } })).decideAgendaItem;
    expect(d1).toMatchObject({ outcome: 'ADOPTED', votesFor: 3, votesAgainst: 1, abstentions: 1, absent: 1, present: 5, members: 6 });
    // FOR 2, AGAINST 1, ABSTAIN 1: 2 of 4 present is a tie → FAILS.
    const b = await item(api, c, m, 'Көпүрө');
    await rollCall(api, c, b, ['FOR', 'FOR', 'AGAINST', 'ABSTAIN', 'ABSENT', 'ABSENT']);
    const d2 = (await must(api, c.secretary, DECIDE, { input: { agendaItemId: b, text: 'Көпүрө' } })).decideAgendaItem;
    expect(d2.outcome).toBe('REJECTED');
    expect(JSON.parse(d2.explanation)).toMatchObject({ tie: true, tieSettledBy: 'FAILS', quorumNeeded: 3 });
    // Two present of six: no quorum → CONFLICT, no decision stored.
    const q = await item(api, c, m, 'Кворумсуз');
    await rollCall(api, c, q, ['FOR', 'FOR']);
    const r = await call(api, c.secretary, DECIDE, { input: { agendaItemId: q, text: 'Кворумсуз' } });
    expect(code(r)).toBe('CONFLICT');
    expect(key(r)).toBe('errors.councils.noQuorum');
    expect(await count(api, 'council_decisions', `agenda_item_id = '${q}'`)).toBe(0);
  });

  test('the chair breaks a tie when the rule says so; all-members and qualified bases', async () => {
    const c = await council(api, v, await people(4), { ...SIMPLE_RULES, tie: 'CHAIR_DECIDES' });
    const m = await meeting(api, c);
    const a = await item(api, c, m, 'Тең добуш');
    await rollCall(api, c, a, ['FOR', 'AGAINST', 'FOR', 'AGAINST']);
    expect((await must(api, c.secretary, DECIDE, { input: { agendaItemId: a, text: 'Төрага чечти' } })).decideAgendaItem.outcome).toBe('ADOPTED');

    const all = await council(api, v, await people(5), { ...SIMPLE_RULES, base: 'ALL_MEMBERS' });
    const m2 = await meeting(api, all);
    const b = await item(api, all, m2, 'Баардык мүчөлөрдөн');
    await rollCall(api, all, b, ['FOR', 'FOR', 'AGAINST']); // 2 of 5 members: not a majority of all
    expect((await must(api, all.secretary, DECIDE, { input: { agendaItemId: b, text: 'x' } })).decideAgendaItem.outcome).toBe('REJECTED');

    const qual = await council(api, v, await people(6), { ...SIMPLE_RULES, majority: 'QUALIFIED', qualified: { numerator: 2, denominator: 3 } });
    const m3 = await meeting(api, qual);
    const c1 = await item(api, qual, m3, 'Үчтөн эки');
    await rollCall(api, qual, c1, ['FOR', 'FOR', 'FOR', 'FOR', 'AGAINST', 'AGAINST']); // 4 of 6 = 2/3
    expect((await must(api, qual.secretary, DECIDE, { input: { agendaItemId: c1, text: 'x' } })).decideAgendaItem.outcome).toBe('ADOPTED');
    const c2 = await item(api, qual, m3, 'Жетпеди');
    await rollCall(api, qual, c2, ['FOR', 'FOR', 'FOR', 'AGAINST', 'AGAINST', 'ABSTAIN']); // 3 of 6 < 2/3
    expect((await must(api, qual.secretary, DECIDE, { input: { agendaItemId: c2, text: 'x' } })).decideAgendaItem.outcome).toBe('REJECTED');
  });
});

describe('who may vote and edit', () => {
  test('only current members vote: a non-member or former member is refused and nothing is stored; no vote after the meeting is closed', async () => {
    const ppl = await people(4);
    const c = await council(api, v, ppl);
    const m = await meeting(api, c);
    const a = await item(api, c, m, 'Добуш');
    const outsider = await person(api, 'Бөтөн');
    // A former member: the term ended before the meeting day.
    const former = await person(api, 'Мурдагы');
    const t = (await must(api, v.admin, ADD_MEMBER, { input: { bodyId: c.bodyId, accountId: former.id, fullName: 'Мурдагы мүчө', role: 'MEMBER', termFrom: '2026-01-01' } })).addCouncilMember.id;
    expect((await must(api, v.admin, END_MEMBER, { input: { membershipId: t, termTo: '2026-06-30', reason: 'Өз каалоосу' } })).endCouncilMembership.current).toBe(false);
    const votes = () => count(api, 'council_votes', `agenda_item_id = '${a}'`);
    expect(code(await call(api, outsider, VOTE, { id: a, choice: 'FOR' }))).toBe('FORBIDDEN');
    expect(code(await call(api, former, VOTE, { id: a, choice: 'FOR' }))).toBe('FORBIDDEN');
    expect(code(await call(api, platform, VOTE, { id: a, choice: 'FOR' }))).toBe('FORBIDDEN');
    expect(code(await call(api, null, VOTE, { id: a, choice: 'FOR' }))).toBe('UNAUTHENTICATED');
    // The secretary's roll call naming the former member: BAD_USER_INPUT on that line.
    const bad = await call(api, c.secretary, `mutation($input: RollCallInput!) { recordCouncilRollCall(input: $input) { id } }`, { input: { agendaItemId: a, votes: [{ membershipId: c.terms[0], choice: 'FOR' }, { membershipId: t, choice: 'FOR' }] } });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(firstError(bad)?.extensions?.field).toBe('input.votes.1.membershipId');
    expect(await votes()).toBe(0);
    // A member's own vote counts, and can be changed until the decision.
    ok(await call(api, ppl[2], VOTE, { id: a, choice: 'AGAINST' }));
    ok(await call(api, ppl[2], VOTE, { id: a, choice: 'FOR' }));
    expect(await votes()).toBe(1);
    ok(await call(api, c.secretary, CLOSE, { id: m }));
    const late = await call(api, ppl[3], VOTE, { id: a, choice: 'FOR' });
    expect(code(late)).toBe('CONFLICT');
    expect(key(late)).toBe('errors.councils.meetingHeld');
    expect(code(await call(api, c.secretary, DECIDE, { input: { agendaItemId: a, text: 'Кеч' } }))).toBe('CONFLICT');
    expect(await votes()).toBe(1);
    expect(await count(api, 'council_decisions', `agenda_item_id = '${a}'`)).toBe(0);
  });

  test('only the secretary edits minutes; the body approves them by a decision, after which they are frozen; another body’s secretary cannot touch them', async () => {
    const ppl = await people(3);
    const c = await council(api, v, ppl);
    const foreign = await council(api, other, await people(2, 'Орок'));
    const first = await meeting(api, c);
    const draft = 'Протокол: катышкандар 3, күн тартиби 1.';
    for (const who of [ppl[0], ppl[2], v.admin, foreign.secretary]) {
      expect(code(await call(api, who, MINUTES, { input: { meetingId: first, text: 'Башка текст' } }))).toBe('FORBIDDEN');
    }
    expect((await must(api, c.secretary, MINUTES, { input: { meetingId: first, text: draft } })).saveCouncilMinutes.minutesStatus).toBe('DRAFT');
    // Drafts are for the body; the public sees none.
    expect((await must(api, null, MEETING, { id: first })).councilMeeting.minutes).toBeNull();
    expect((await must(api, ppl[2], MEETING, { id: first })).councilMeeting.minutes).toBe(draft);
    // A foreign secretary cannot add items, record votes or decide here.
    expect(code(await call(api, foreign.secretary, `mutation($input: AgendaItemInput!) { addAgendaItem(input: $input) { id } }`, { input: { meetingId: first, title: 'Басып алуу' } }))).toBe('FORBIDDEN');
    const next = await meeting(api, c, 'OPEN', 'Кийинки жыйын', '2026-11-20T09:00:00Z');
    // Minutes of another body's meeting cannot be put on this agenda.
    const otherMeeting = await meeting(api, foreign);
    expect(code(await call(api, c.secretary, `mutation($input: AgendaItemInput!) { addAgendaItem(input: $input) { id } }`, { input: { meetingId: next, title: 'Протокол', linkKind: 'MINUTES', linkId: otherMeeting } }))).toBe('BAD_USER_INPUT');
    const approve = await item(api, c, next, 'Мурунку жыйындын протоколун бекитүү', { linkKind: 'MINUTES', linkId: first });
    expect(code(await call(api, foreign.secretary, DECIDE, { input: { agendaItemId: approve, text: 'x' } }))).toBe('FORBIDDEN');
    await rollCall(api, c, approve, ['FOR', 'FOR', 'ABSTAIN']);
    ok(await call(api, c.secretary, DECIDE, { input: { agendaItemId: approve, text: 'Протокол бекитилсин' } }));
    const approved = (await must(api, null, MEETING, { id: first })).councilMeeting;
    expect(approved).toMatchObject({ minutesStatus: 'APPROVED', minutes: draft });
    const frozen = await call(api, c.secretary, MINUTES, { input: { meetingId: first, text: 'Оңдолгон' } });
    expect(code(frozen)).toBe('CONFLICT');
    expect((await must(api, null, MEETING, { id: first })).councilMeeting.minutes).toBe(draft);
  });

  test('a closed meeting’s items, votes and decisions stay hidden from the public (and from search) until published', async () => {
    const ppl = await people(3);
    const c = await council(api, v, ppl);
    const m = await meeting(api, c, 'CLOSED', 'Жабык жыйын');
    const a = await item(api, c, m, 'Кадрдык маселе');
    await rollCall(api, c, a, ['FOR', 'FOR', 'FOR']);
    ok(await call(api, c.secretary, DECIDE, { input: { agendaItemId: a, text: 'Жашыруун чечим кабыл алынды' } }));
    for (const who of [null, v.citizen, other.admin]) {
      const seen = (await must(api, who, MEETING, { id: m })).councilMeeting;
      expect(seen.agenda).toEqual([]);
    }
    expect((await must(api, ppl[2], MEETING, { id: m })).councilMeeting.agenda[0].decision.outcome).toBe('ADOPTED');
    expect((await must(api, null, SEARCH, { input: { text: 'жашыруун', bodyId: c.bodyId } })).searchCouncilDecisions).toEqual([]);
    expect(code(await call(api, ppl[2], PUBLISH, { id: m }))).toBe('FORBIDDEN');
    ok(await call(api, c.secretary, PUBLISH, { id: m }));
    const published = (await must(api, null, MEETING, { id: m })).councilMeeting;
    expect(published.agenda[0].votes).toHaveLength(3);
    expect(published.agenda[0].decision.text).toBe('Жашыруун чечим кабыл алынды');
    expect((await must(api, null, SEARCH, { input: { text: 'жашыруун', bodyId: c.bodyId } })).searchCouncilDecisions).toHaveLength(1);
  });
});

describe('recommendations', () => {
  test('state machine, bad deadlines, overdue marking by the job with a notification, and the tracker', async () => {
    const ppl = await people(3);
    const c = await council(api, v, ppl);
    const ministry = (await must(api, platform, STATE_BODY, { input: { kind: 'MINISTRY', country: 'KG', name: { ky: 'Финансы министрлиги', ru: 'Министерство финансов' } } })).createStateBody.id;
    const base = { bodyId: c.bodyId, addresseeId: ministry, title: 'Бюджетти ачык жарыялоо', text: 'Ар бир айыл бюджетин жарыяласын' };
    const bad = await call(api, c.secretary, SEND, { input: { ...base, sentOn: '2026-05-10', deadline: '2026-05-09' } });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(firstError(bad)?.extensions?.field).toBe('input.deadline');
    expect(code(await call(api, ppl[2], SEND, { input: { ...base, sentOn: '2026-05-10', deadline: '2026-06-10' } }))).toBe('FORBIDDEN');
    expect(await count(api, 'council_recommendations', `body_id = '${c.bodyId}'`)).toBe(0);

    const late = (await must(api, c.secretary, SEND, { input: { ...base, sentOn: '2026-05-10', deadline: '2026-06-10' } })).sendRecommendation;
    const answered = (await must(api, c.secretary, SEND, { input: { ...base, title: 'Экинчи', sentOn: '2026-05-10', deadline: '2026-06-10' } })).sendRecommendation;
    const future = (await must(api, c.secretary, SEND, { input: { ...base, title: 'Үчүнчү', sentOn: '2026-05-10', deadline: '2027-06-10' } })).sendRecommendation;
    // Assessing before the answer is out of order.
    expect(code(await call(api, c.secretary, ASSESS, { input: { recommendationId: answered.id, assessment: 'ACCEPTED' } }))).toBe('CONFLICT');
    ok(await call(api, c.secretary, ANSWER, { input: { recommendationId: answered.id, answerText: 'Макулбуз', answeredOn: '2026-06-01', documentUrl: 'https://minfin.kg/answer.pdf', documentName: 'Жооп', documentMimeType: 'application/pdf' } }));
    expect((await must(api, c.secretary, ASSESS, { input: { recommendationId: answered.id, assessment: 'PARTLY_ACCEPTED' } })).assessRecommendation.status).toBe('PARTLY_ACCEPTED');
    expect((await must(api, c.secretary, IMPLEMENTED, { id: answered.id, on: '2026-09-01' })).markRecommendationImplemented.status).toBe('IMPLEMENTED');
    expect(code(await call(api, c.secretary, IMPLEMENTED, { id: answered.id, on: '2026-09-02' }))).toBe('CONFLICT');

    // The job, as the scheduler runs it, on 2026-06-11: the first one is overdue, the far one is not.
    const job = api.worker!.get(MarkOverdueJob, { strict: false });
    expect(await job.handle({ now: '2026-06-11T01:00:00Z' })).toMatchObject({ recommendations: 1 });
    expect(await job.handle({ now: '2026-06-11T02:00:00Z' })).toMatchObject({ recommendations: 0 });
    const rows = await api.dataSource.query(`SELECT id, status FROM council_recommendations WHERE body_id = $1 ORDER BY title`, [c.bodyId]);
    expect(Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({ [late.id]: 'OVERDUE', [answered.id]: 'IMPLEMENTED', [future.id]: 'SENT' });
    // The chair and the secretary are told, once each.
    const told = await api.dataSource.query(`SELECT account_id FROM notification_deliveries WHERE template_key = 'councils.notifications.recommendationOverdue' AND params->>'recommendationId' = $1 ORDER BY account_id`, [late.id]);
    expect(told.map((t: { account_id: string }) => t.account_id)).toEqual([ppl[0].id, ppl[1].id].sort());
    // A late answer is still recorded.
    expect((await must(api, c.secretary, ANSWER, { input: { recommendationId: late.id, answerText: 'Кечиктик', answeredOn: '2026-07-01' } })).answerRecommendation.status).toBe('ANSWERED');
    await job.handle({ now: '2026-06-12T01:00:00Z' });
    const row = (await must(api, null, TRACKER, {})).recommendationTracker.find((t: { addressee: { id: string } }) => t.addressee.id === ministry);
    expect(row).toEqual({ addressee: { id: ministry }, total: 3, accepted: 0, partlyAccepted: 0, rejected: 0, implemented: 1, ignored: 1, overdue: 0, answered: 1 });
  });
});

describe('search', () => {
  test('decisions are found in Russian and in Kyrgyz, whatever the case and the Kyrgyz letters typed', async () => {
    const c = await council(api, v, await people(3));
    const m = await meeting(api, c, 'OPEN', 'Жыйын');
    const ru = await item(api, c, m, 'Ремонт дороги');
    await rollCall(api, c, ru, ['FOR', 'FOR', 'FOR']);
    ok(await call(api, c.secretary, DECIDE, { input: { agendaItemId: ru, text: 'Рекомендовать акимату отремонтировать дорогу к школе' } }));
    const ky = await item(api, c, m, 'Көпүрө куруу');
    await rollCall(api, c, ky, ['FOR', 'FOR', 'FOR']);
    ok(await call(api, c.secretary, DECIDE, { input: { agendaItemId: ky, text: 'Өзөн үстүнө жаңы көпүрө курууну сунуштоо' } }));
    const find = async (text: string) => (await must(api, null, SEARCH, { input: { text, bodyId: c.bodyId } })).searchCouncilDecisions.map((d: { text: string }) => d.text);
    expect(await find('ДОРОГУ школе')).toEqual(['Рекомендовать акимату отремонтировать дорогу к школе']);
    expect(await find('көпүрө')).toEqual(['Өзөн үстүнө жаңы көпүрө курууну сунуштоо']);
    expect(await find('копуро озон')).toEqual(['Өзөн үстүнө жаңы көпүрө курууну сунуштоо']);
    expect(await find('сунушт')).toEqual(['Өзөн үстүнө жаңы көпүрө курууну сунуштоо']);
    expect(await find('мектеп')).toEqual([]);
    expect(code(await call(api, null, SEARCH, { input: { from: '2026-12-01', to: '2026-01-01' } }))).toBe('BAD_USER_INPUT');
  });
});

test('attendance shows the quorum from the current members on the meeting day', async () => {
  const c = await council(api, v, await people(4));
  const m = await meeting(api, c);
  const q = (await must(api, c.secretary, ATTENDANCE, { input: { meetingId: m, attendees: [{ membershipId: c.terms[0], present: true }, { membershipId: c.terms[1], present: true }, { membershipId: c.terms[2], present: false }] } })).recordCouncilAttendance.quorum;
  expect(q).toEqual({ members: 4, present: 2, needed: 2, met: true });
  const bad = await call(api, c.secretary, ATTENDANCE, { input: { meetingId: m, attendees: [{ membershipId: '00000000-0000-4000-8000-000000000000', present: true }] } });
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect(firstError(bad)?.extensions?.field).toBe('input.attendees.0.membershipId');
});

test('members: an account’s own name by default, an unknown account refused, overlapping terms refused, history kept, contacts only when published', async () => {
  const c = await council(api, v, await people(2));
  const newcomer = await person(api, 'Жаңы мүчө');
  const added = (await must(api, v.admin, ADD_MEMBER, { input: { bodyId: c.bodyId, accountId: newcomer.id, role: 'MEMBER', termFrom: '2026-01-01', termTo: '2026-03-31' } })).addCouncilMember;
  expect(added).toMatchObject({ fullName: 'Жаңы мүчө', hasAccount: true, current: false });
  const unknown = await call(api, v.admin, ADD_MEMBER, { input: { bodyId: c.bodyId, accountId: '00000000-0000-4000-8000-000000000000', role: 'MEMBER', termFrom: '2026-01-01' } });
  expect(code(unknown)).toBe('BAD_USER_INPUT');
  expect(firstError(unknown)?.extensions?.field).toBe('input.accountId');
  expect(code(await call(api, v.admin, ADD_MEMBER, { input: { bodyId: c.bodyId, accountId: newcomer.id, role: 'MEMBER', termFrom: '2026-03-01' } }))).toBe('CONFLICT');
  // A second term after the first is fine; a member without an account with published contacts.
  await must(api, c.secretary, ADD_MEMBER, { input: { bodyId: c.bodyId, accountId: newcomer.id, role: 'DEPUTY', termFrom: '2026-04-01' } });
  await must(api, c.secretary, ADD_MEMBER, { input: { bodyId: c.bodyId, fullName: 'Токтогул Ысаков', role: 'MEMBER', termFrom: '2026-01-01', email: 'toktogul@example.kg', contactsPublic: true } });
  // A citizen of the community cannot appoint.
  expect(code(await call(api, v.citizen, ADD_MEMBER, { input: { bodyId: c.bodyId, fullName: 'Бирөө', role: 'MEMBER', termFrom: '2026-01-01' } }))).toBe('FORBIDDEN');
  const q = `query($id: ID!, $past: Boolean) { councilBody(id: $id) { members(includePast: $past) { fullName role current email phone } } }`;
  const current = (await must(api, null, q, { id: c.bodyId })).councilBody.members;
  expect(current.map((m: { fullName: string; role: string }) => `${m.fullName}:${m.role}`).sort()).toEqual(['Жаңы мүчө:DEPUTY', 'Мүчө 1:CHAIR', 'Мүчө 2:SECRETARY', 'Токтогул Ысаков:MEMBER']);
  expect(current.find((m: { fullName: string }) => m.fullName === 'Токтогул Ысаков').email).toBe('toktogul@example.kg');
  expect(current.filter((m: { email: string | null }) => m.email).length).toBe(1);
  const history = (await must(api, null, q, { id: c.bodyId, past: true })).councilBody.members;
  expect(history.filter((m: { fullName: string }) => m.fullName === 'Жаңы мүчө').map((m: { role: string; current: boolean }) => [m.role, m.current])).toEqual([['MEMBER', false], ['DEPUTY', true]]);
  // A member publishes their own contacts.
  await must(api, newcomer, `mutation($input: MyCouncilContactsInput!) { setMyCouncilContacts(input: $input) }`, { input: { phone: '+996555123456', publish: true } });
  expect((await must(api, null, q, { id: c.bodyId })).councilBody.members.find((m: { fullName: string; role: string }) => m.fullName === 'Жаңы мүчө' && m.role === 'DEPUTY').phone).toBe('+996555123456');
});

test('votes racing the closing of the meeting: every vote stored was written before the meeting was closed, every other one was refused', async () => {
  const ppl = await people(10);
  const c = await council(api, v, ppl);
  const m = await meeting(api, c);
  const a = await item(api, c, m, 'Жарыш');
  const answers = await Promise.all([...ppl.map((p) => call(api, p, VOTE, { id: a, choice: 'FOR' })), call(api, c.secretary, CLOSE, { id: m })]);
  const votes = answers.slice(0, 10);
  expect(votes.every((r) => !r.errors || code(r) === 'CONFLICT')).toBe(true);
  const [row] = await api.dataSource.query(`SELECT held_at FROM council_meetings WHERE id = $1`, [m]);
  const stored = await api.dataSource.query(`SELECT recorded_at FROM council_votes WHERE agenda_item_id = $1`, [a]);
  expect(stored).toHaveLength(votes.filter((r) => !r.errors).length);
  for (const s of stored) expect(new Date(s.recorded_at).getTime()).toBeLessThanOrEqual(new Date(row.held_at).getTime());
});

test('rules change by the secretary (a qualified majority must exceed half); documents of a closed meeting stay hidden until published', async () => {
  const ppl = await people(3);
  const c = await council(api, v, ppl);
  const RULES = `mutation($id: ID!, $rules: BodyRulesInput!) { updateCouncilBodyRules(bodyId: $id, rules: $rules) { rules { quorum { numerator denominator } majority qualified { numerator denominator } base tie } } }`;
  const half = await call(api, c.secretary, RULES, { id: c.bodyId, rules: { ...SIMPLE_RULES, majority: 'QUALIFIED', qualified: { numerator: 1, denominator: 2 } } });
  expect(code(half)).toBe('BAD_USER_INPUT');
  expect(firstError(half)?.extensions?.field).toBe('rules.qualified');
  expect(code(await call(api, ppl[2], RULES, { id: c.bodyId, rules: SIMPLE_RULES }))).toBe('FORBIDDEN');
  const changed = (await must(api, c.secretary, RULES, { id: c.bodyId, rules: { quorum: { numerator: 2, denominator: 3 }, majority: 'QUALIFIED', qualified: { numerator: 3, denominator: 4 }, base: 'ALL_MEMBERS', tie: 'CHAIR_DECIDES' } })).updateCouncilBodyRules.rules;
  expect(changed).toEqual({ quorum: { numerator: 2, denominator: 3 }, majority: 'QUALIFIED', qualified: { numerator: 3, denominator: 4 }, base: 'ALL_MEMBERS', tie: 'CHAIR_DECIDES' });

  const m = await meeting(api, c, 'CLOSED');
  const ATTACH = `mutation($input: CouncilDocumentInput!) { attachCouncilDocument(input: $input) { id name mimeType } }`;
  const doc = { ownerKind: 'MEETING', ownerId: m, name: 'Күн тартиби', url: 'https://example.kg/agenda.pdf', mimeType: 'application/pdf' };
  expect(code(await call(api, ppl[2], ATTACH, { input: doc }))).toBe('FORBIDDEN');
  await must(api, c.secretary, ATTACH, { input: doc });
  const DOCS = `query($id: ID!) { councilMeeting(id: $id) { documents { name url mimeType } } }`;
  expect((await must(api, null, DOCS, { id: m })).councilMeeting.documents).toEqual([]);
  expect((await must(api, ppl[2], DOCS, { id: m })).councilMeeting.documents).toEqual([{ name: 'Күн тартиби', url: 'https://example.kg/agenda.pdf', mimeType: 'application/pdf' }]);
  await must(api, c.secretary, PUBLISH, { id: m });
  expect((await must(api, null, DOCS, { id: m })).councilMeeting.documents).toHaveLength(1);
});

test('a paper attached to one agenda item shows on that item only, hidden with the closed meeting until published; the secretary only', async () => {
  const ppl = await people(3);
  const c = await council(api, v, ppl);
  const m = await meeting(api, c, 'CLOSED');
  const first = await item(api, c, m, 'Бюджеттин долбоору');
  const second = await item(api, c, m, 'Ар кандай');
  const ATTACH = `mutation($input: CouncilDocumentInput!) { attachCouncilDocument(input: $input) { id } }`;
  const doc = { ownerKind: 'AGENDA_ITEM', ownerId: first, name: 'Долбоордун тексти', url: 'https://example.kg/draft.pdf', mimeType: 'application/pdf' };
  expect(code(await call(api, ppl[2], ATTACH, { input: doc }))).toBe('FORBIDDEN');
  expect(code(await call(api, c.secretary, ATTACH, { input: { ...doc, ownerId: '00000000-0000-4000-8000-000000000000' } }))).toBe('NOT_FOUND');
  expect(await count(api, 'council_documents', `owner_id = '${first}'`)).toBe(0);
  await must(api, c.secretary, ATTACH, { input: doc });
  const ITEMS = `query($id: ID!) { councilMeeting(id: $id) { documents { name } agenda { id documents { name url mimeType } } } }`;
  const docsOf = async (who: typeof ppl[number] | null) => (await must(api, who, ITEMS, { id: m })).councilMeeting;
  const member = await docsOf(ppl[2]);
  expect(member.documents).toEqual([]);
  expect(member.agenda.map((i: { id: string; documents: unknown[] }) => [i.id, i.documents])).toEqual([
    [first, [{ name: 'Долбоордун тексти', url: 'https://example.kg/draft.pdf', mimeType: 'application/pdf' }]],
    [second, []],
  ]);
  // The public reads neither the items nor their papers of a closed meeting until it is published.
  const before = await docsOf(null);
  expect(before.agenda.flatMap((i: { documents: unknown[] }) => i.documents)).toEqual([]);
  await must(api, c.secretary, PUBLISH, { id: m });
  expect((await docsOf(null)).agenda.find((i: { id: string }) => i.id === first).documents).toHaveLength(1);
});

test('the national directory filters by kind, region, state body and community; who may create bodies', async () => {
  const agency = (await must(api, platform, STATE_BODY, { input: { kind: 'AGENCY', country: 'KG', regionCode: '41707', name: { ru: 'Агентство по делам самоуправления' } } })).createStateBody.id;
  const input = { kind: 'CUSTOM', customLabel: 'Жаштар кеңеши', name: { ky: 'Жаштар кеңеши' }, stateBodyId: agency, rules: SIMPLE_RULES };
  const CREATE = `mutation($input: CreateCouncilBodyInput!) { createCouncilBody(input: $input) { id regionCode country } }`;
  expect(code(await call(api, v.admin, CREATE, { input }))).toBe('FORBIDDEN'); // a state body's council: platform admins
  const youth = (await must(api, platform, CREATE, { input })).createCouncilBody;
  expect(youth).toMatchObject({ regionCode: '41707', country: 'KG' });
  expect(code(await call(api, other.admin, CREATE, { input: { ...input, stateBodyId: null, communityId: v.communityId } }))).toBe('FORBIDDEN');
  expect(code(await call(api, v.admin, CREATE, { input: { ...input, stateBodyId: agency, communityId: v.communityId } }))).toBe('BAD_USER_INPUT');
  expect(code(await call(api, v.admin, CREATE, { input: { ...input, kind: 'WORKING_GROUP', stateBodyId: null, communityId: v.communityId } }))).toBe('BAD_USER_INPUT'); // a label without CUSTOM
  const local = (await must(api, v.admin, CREATE, { input: { ...input, stateBodyId: null, communityId: v.communityId } })).createCouncilBody;
  expect(local.regionCode).toBe('41707220840000');
  const DIR = `query($f: CouncilDirectoryInput) { councilDirectory(filter: $f) { id } }`;
  const ids = async (f: Record<string, unknown>) => (await must(api, null, DIR, { f })).councilDirectory.map((b: { id: string }) => b.id);
  expect(await ids({ stateBodyId: agency })).toEqual([youth.id]);
  expect(await ids({ kind: 'CUSTOM', regionCode: '41707' })).toEqual([youth.id, local.id]);
  expect(await ids({ kind: 'CUSTOM', regionCode: '417072208' })).toEqual([local.id]);
  expect(await ids({ kind: 'CUSTOM', communityId: other.communityId })).toEqual([]);
  expect(await ids({ kind: 'CUSTOM', country: 'KZ' })).toEqual([]);
});
