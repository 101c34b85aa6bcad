import { translate } from '@ashar/i18n';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { person, platformAdmin, village } from '../../../budgets/src/__tests__/support';
import { ANSWER, ASSESS, ATTENDANCE, CLOSE, council, Council, DECIDE, END_MEMBER, ADD_MEMBER, item, meeting, must, PUBLISH, ROLL_CALL, SEND, STATE_BODY } from './support';
import { pdfText } from '@ashar/pdf/testing';

/**
 * The annual report of a body on the real database, as JSON (open data) and as PDF: members and their
 * changes, meetings held and attendance (register, else roll call), decisions with outcomes (a closed
 * meeting's only once published), recommendations by state per addressee, action-plan status, in the
 * requested language. The figures are hand counts of what the set-up wrote, and equal what the tables hold.
 */
const PLAN = `mutation($input: ActionPlanInput!) { createActionPlan(input: $input) { id } }`;
const ITEM = `mutation($input: ActionItemInput!) { addActionItem(input: $input) { id } }`;
const STATUS = `mutation($input: ActionItemStatusInput!) { setActionItemStatus(input: $input) { id } }`;

let api: RunningApi;
let c: Council;
let newTerm: string;
let closedMeeting: string;
let ministryX: string;
let ministryY: string;
const YEAR = new Date().getUTCFullYear();

const get = async (p: string) => fetch(`${api.baseUrl}${p}`);
const json = async (p: string) => {
  const r = await get(p);
  return { status: r.status, body: (await r.json()) as Record<string, any> };
};
const vote = (agendaItemId: string, votes: Array<[string, string]>) => must(api, c.secretary, ROLL_CALL, { input: { agendaItemId, votes: votes.map(([membershipId, choice]) => ({ membershipId, choice })) } });

beforeAll(async () => {
  api = await startApi({ label: 'councilsreport' });
  const platform = await platformAdmin(api);
  const v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
  c = await council(api, v, await Promise.all(['Айгүл', 'Бакыт', 'Нурлан'].map((n) => person(api, n))));
  const [chair, secretary, third] = c.terms;
  // The third member leaves on 30 June; a person without an account joins on 1 July.
  await must(api, v.admin, END_MEMBER, { input: { membershipId: third, termTo: `${YEAR}-06-30`, reason: 'Өз арызы боюнча' } });
  newTerm = (await must(api, v.admin, ADD_MEMBER, { input: { bodyId: c.bodyId, fullName: 'Гүлнара Асанова', role: 'MEMBER', termFrom: `${YEAR}-07-01` } })).addCouncilMember.id;

  // Meeting A (open, 10 Nov): register 2 of 3 present; one decision adopted, one rejected; held.
  const a = await meeting(api, c, 'OPEN', 'Күзгү жыйын', `${YEAR}-11-10T04:00:00Z`);
  await must(api, c.secretary, ATTENDANCE, { input: { meetingId: a, attendees: [[chair, true], [secretary, true], [newTerm, false]].map(([membershipId, present]) => ({ membershipId, present })) } });
  const a1 = await item(api, c, a, 'Көпүрөнү оңдоо');
  await vote(a1, [[chair, 'FOR'], [secretary, 'FOR'], [newTerm, 'ABSENT']]);
  const adopted = (await must(api, c.secretary, DECIDE, { input: { agendaItemId: a1, text: 'Көпүрө 2027-жылы оңдолсун' } })).decideAgendaItem;
  const a2 = await item(api, c, a, 'Жаңы жол');
  await vote(a2, [[chair, 'AGAINST'], [secretary, 'ABSTAIN'], [newTerm, 'FOR']]);
  await must(api, c.secretary, DECIDE, { input: { agendaItemId: a2, text: 'Жол салынбасын' } });
  await must(api, c.secretary, CLOSE, { id: a });

  // Meeting B (closed, 20 Nov): no register, all three vote; held, not published yet.
  closedMeeting = await meeting(api, c, 'CLOSED', 'Жабык жыйын', `${YEAR}-11-20T04:00:00Z`);
  const b1 = await item(api, c, closedMeeting, 'Жабык маселе');
  await vote(b1, [[chair, 'FOR'], [secretary, 'FOR'], [newTerm, 'FOR']]);
  const secret = (await must(api, c.secretary, DECIDE, { input: { agendaItemId: b1, text: 'Купуя чечим' } })).decideAgendaItem;
  await must(api, c.secretary, CLOSE, { id: closedMeeting });

  // Scheduled, not held: one on 20 Dec, one at 01:30 on 1 January in Bishkek (still 31 December in UTC).
  await meeting(api, c, 'OPEN', 'Кышкы жыйын', `${YEAR}-12-20T04:00:00Z`);
  await meeting(api, c, 'OPEN', 'Жаңы жылдык жыйын', `${YEAR - 1}-12-31T19:30:00Z`);

  // Recommendations: X gets one unanswered and one accepted; Y one rejected and one from the closed meeting's decision.
  ministryX = (await must(api, platform, STATE_BODY, { input: { kind: 'MINISTRY', country: 'KG', name: { ky: 'Финансы министрлиги', ru: 'Министерство финансов', kk: 'Қаржы министрлігі' } } })).createStateBody.id;
  ministryY = (await must(api, platform, STATE_BODY, { input: { kind: 'AGENCY', country: 'KG', name: { ky: 'Жол агенттиги', ru: 'Дорожное агентство' } } })).createStateBody.id;
  const send = async (addresseeId: string, title: string, decisionId?: string) =>
    (await must(api, c.secretary, SEND, { input: { bodyId: c.bodyId, addresseeId, decisionId, title, text: title, sentOn: `${YEAR}-11-11`, deadline: `${YEAR}-12-31` } })).sendRecommendation.id;
  await send(ministryX, 'Биринчи', adopted.id);
  const accepted = await send(ministryX, 'Экинчи');
  const rejected = await send(ministryY, 'Үчүнчү');
  await send(ministryY, 'Купуя сунуш', secret.id);
  for (const [id, assessment] of [[accepted, 'ACCEPTED'], [rejected, 'REJECTED']]) {
    await must(api, c.secretary, ANSWER, { input: { recommendationId: id, answerText: 'Жооп', answeredOn: `${YEAR}-11-20` } });
    await must(api, c.secretary, ASSESS, { input: { recommendationId: id, assessment } });
  }

  // An action plan: one item past its deadline and not started, one done.
  const plan = (await must(api, c.secretary, PLAN, { input: { bodyId: c.bodyId, title: 'Базар планы' } })).createActionPlan.id;
  await must(api, c.secretary, ITEM, { input: { planId: plan, title: 'Таразалар', responsible: 'Базар', deadline: `${YEAR}-03-01` } });
  const done = (await must(api, c.secretary, ITEM, { input: { planId: plan, title: 'Жарык', responsible: 'Айыл өкмөтү', deadline: `${YEAR + 1}-03-01` } })).addActionItem.id;
  await must(api, c.secretary, STATUS, { input: { itemId: done, status: 'DONE', evidence: 'https://example.kg/act.pdf' } });
});
afterAll(() => api?.stop());

test('the JSON report counts the year by hand and equals the tables; the closed meeting’s decision only once published', async () => {
  const r = await json(`/api/public/councils/${c.bodyId}/annual-report/${YEAR}.json?lang=ru`);
  expect(r.status).toBe(200);
  const x = r.body;
  expect(x).toMatchObject({ format: 'ashar.council-annual-report/1', year: YEAR, language: 'ru', body: { id: c.bodyId, name: 'Бюджетная группа', kind: 'BUDGET_GROUP' } });
  // Members: three at the end of the year (today), four terms began this year, one ended with its reason.
  expect(x.members.atEnd.map((m: any) => m.fullName).sort()).toEqual(['Гүлнара Асанова', 'Мүчө 1', 'Мүчө 2']);
  expect(x.members.joined).toHaveLength(4);
  expect(x.members.left).toEqual([{ fullName: 'Мүчө 3', role: 'MEMBER', termTo: `${YEAR}-06-30`, reason: 'Өз арызы боюнча' }]);
  // Meetings: two held (the register's 2 of 3; the roll call's 3 of 3), two scheduled (one on 1 January in its own zone).
  expect(x.meetings).toMatchObject({ held: 2, scheduled: 2, attendanceRate: 83.3 });
  const byTitle = Object.fromEntries(x.meetings.list.map((m: any) => [m.title, m]));
  expect(byTitle['Күзгү жыйын']).toMatchObject({ status: 'HELD', members: 3, present: 2, attendanceFrom: 'REGISTER' });
  expect(byTitle['Жабык жыйын']).toMatchObject({ status: 'HELD', members: 3, present: 3, attendanceFrom: 'ROLL_CALL' });
  expect(byTitle['Жаңы жылдык жыйын']).toMatchObject({ status: 'SCHEDULED', date: `${YEAR}-01-01`, present: null, attendanceFrom: 'NONE' });
  // Decisions: the closed meeting's is left out until published.
  expect(x.decisions).toMatchObject({ total: 2, adopted: 1, rejected: 1 });
  expect(x.decisions.list.map((d: any) => [d.item, d.outcome, d.for, d.against, d.abstain, d.absent])).toEqual([
    ['Көпүрөнү оңдоо', 'ADOPTED', 2, 0, 0, 1],
    ['Жаңы жол', 'REJECTED', 1, 1, 1, 0],
  ]);
  // Recommendations by addressee: the one adopted at the closed meeting is left out too.
  expect(x.recommendations.total).toBe(3);
  expect(x.recommendations.byAddressee).toEqual([
    expect.objectContaining({ addresseeId: ministryX, addressee: 'Министерство финансов', total: 2, SENT: 1, ACCEPTED: 1, REJECTED: 0 }),
    expect.objectContaining({ addresseeId: ministryY, addressee: 'Дорожное агентство', total: 1, SENT: 0, REJECTED: 1 }),
  ]);
  expect(x.actionPlans).toEqual([expect.objectContaining({ title: 'Базар планы', items: 2, overdue: 1, PLANNED: 1, DONE: 1, IN_PROGRESS: 0, CANCELLED: 0 })]);

  // The same figures from the tables: votes per decision counted row by row, meetings and recommendations by status.
  const db = api.dataSource;
  const votes = await db.query(
    `SELECT i.title, count(*) FILTER (WHERE v.choice = 'FOR')::int AS f, count(*) FILTER (WHERE v.choice = 'AGAINST')::int AS a, count(*) FILTER (WHERE v.choice = 'ABSTAIN')::int AS ab, count(*) FILTER (WHERE v.choice = 'ABSENT')::int AS ax
       FROM council_votes v JOIN council_agenda_items i ON i.id = v.agenda_item_id JOIN council_meetings m ON m.id = i.meeting_id WHERE m.body_id = $1 AND m.access = 'OPEN' GROUP BY i.title, i.position ORDER BY i.position`,
    [c.bodyId],
  );
  expect(votes.map((v: any) => [v.title, v.f, v.a, v.ab, v.ax])).toEqual(x.decisions.list.map((d: any) => [d.item, d.for, d.against, d.abstain, d.absent]));
  const [held] = await db.query(`SELECT count(*)::int AS n FROM council_meetings WHERE body_id = $1 AND status = 'HELD'`, [c.bodyId]);
  expect(held.n).toBe(x.meetings.held);
  const [present] = await db.query(`SELECT count(*)::int AS n FROM council_meeting_attendance a JOIN council_meetings m ON m.id = a.meeting_id WHERE m.body_id = $1 AND a.present`, [c.bodyId]);
  expect(present.n).toBe(byTitle['Күзгү жыйын'].present);
  const statuses = await db.query(`SELECT addressee_id AS id, status, count(*)::int AS n FROM council_recommendations WHERE body_id = $1 AND decision_id IS DISTINCT FROM (SELECT d.id FROM council_decisions d WHERE d.meeting_id = $2) GROUP BY 1, 2`, [c.bodyId, closedMeeting]);
  for (const s of statuses) expect(x.recommendations.byAddressee.find((a: any) => a.addresseeId === s.id)[s.status]).toBe(s.n);

  // Published, the closed meeting's decision and its recommendation join the report.
  await must(api, c.secretary, PUBLISH, { id: closedMeeting });
  const after = (await json(`/api/public/councils/${c.bodyId}/annual-report/${YEAR}.json?lang=ky`)).body;
  expect(after.language).toBe('ky');
  expect(after.body.name).toBe('Бюджеттик топ');
  expect(after.decisions).toMatchObject({ total: 3, adopted: 2, rejected: 1 });
  expect(after.recommendations.byAddressee.find((a: any) => a.addresseeId === ministryY)).toMatchObject({ total: 2, SENT: 1, REJECTED: 1 });
  // The previous year: nothing happened.
  const before = (await json(`/api/public/councils/${c.bodyId}/annual-report/${YEAR - 1}.json`)).body;
  expect(before).toMatchObject({ language: 'ky', meetings: { held: 0, scheduled: 0, attendanceRate: null }, decisions: { total: 0 }, recommendations: { total: 0 } });
});

test('the PDF: DejaVu embedded, the text in the requested language with the same figures', async () => {
  for (const lang of ['kk', 'ru'] as const) {
    const r = await get(`/api/public/councils/${c.bodyId}/annual-report/${YEAR}.pdf?lang=${lang}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await r.arrayBuffer());
    expect(pdf.toString('latin1', 0, 5)).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    const report = (await json(`/api/public/councils/${c.bodyId}/annual-report/${YEAR}.json?lang=${lang}`)).body;
    const { lines, fonts } = pdfText(pdf);
    expect(fonts.some((f) => f.endsWith('+DejaVuSans'))).toBe(true);
    expect(fonts.some((f) => f.endsWith('+DejaVuSans-Bold'))).toBe(true);
    // A wrapped line ends in the space it broke at: joined with one space, the text reads as printed.
    const text = lines.map((l) => l.trimEnd()).join(' ');
    const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
    expect(lines[0].trimEnd()).toBe(t('councils.report.title', { name: report.body.name, year: YEAR }));
    expect(text).toContain(t('councils.report.membersAtEnd', { count: 3 }));
    expect(text).toContain(t('councils.report.left', { count: 1 }));
    expect(text).toContain(t('councils.report.meetingsHeld', { held: 2, scheduled: 2 }));
    expect(text).toContain(t('councils.report.attendanceRate', { rate: '83.3' }));
    expect(text).toContain(t('councils.report.decisionsCount', { total: report.decisions.total, adopted: report.decisions.adopted, rejected: report.decisions.rejected }));
    expect(text).toContain(t('councils.report.votes', { for: 2, against: 0, abstain: 0, absent: 1 }));
    expect(text).toContain(t('councils.report.recommendationsCount', { total: report.recommendations.total }));
    const x = report.recommendations.byAddressee[0];
    expect(text).toContain(`• ${x.addressee}: ${x.total} (`);
    expect(text).toContain(t('councils.report.planItems', { items: 2, overdue: 1 }));
    // Kyrgyz names print as written (ү, ө, ң survive the round trip).
    expect(text).toContain('Көпүрөнү оңдоо');
    expect(text).toContain('Гүлнара Асанова');
  }
  // Kazakh letters of the addressee's Kazakh name.
  const kk = pdfText(Buffer.from(await (await get(`/api/public/councils/${c.bodyId}/annual-report/${YEAR}.pdf?lang=kk`)).arrayBuffer()));
  expect(kk.lines.join('\n')).toContain('Қаржы министрлігі');
});

test('bad year, language or body: clear codes, never a server error', async () => {
  for (const [p, status, code, field] of [
    [`${YEAR}x.json`, 400, 'BAD_USER_INPUT', 'year'],
    [`abcd.json`, 400, 'BAD_USER_INPUT', 'year'],
    [`1999.json`, 400, 'BAD_USER_INPUT', 'year'],
    [`${YEAR + 2}.pdf`, 400, 'BAD_USER_INPUT', 'year'],
    [`${YEAR}.pdf?lang=de`, 400, 'BAD_USER_INPUT', 'lang'],
  ] as const) {
    const r = await get(`/api/public/councils/${c.bodyId}/annual-report/${p}`);
    expect([p, r.status]).toEqual([p, status]);
    if (code) expect(await r.json()).toMatchObject({ code, field });
  }
  expect((await get(`/api/public/councils/00000000-0000-4000-8000-000000000000/annual-report/${YEAR}.json`)).status).toBe(404);
  expect((await get(`/api/public/councils/not-a-uuid/annual-report/${YEAR}.pdf`)).status).toBe(404);
});
