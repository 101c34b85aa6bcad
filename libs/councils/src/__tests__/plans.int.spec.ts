import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError } from '../../../../test/support/graphql-client';
import { count, person, Person, platformAdmin, village, Village } from '../../../budgets/src/__tests__/support';
import { MarkOverdueJob } from '../jobs/mark-overdue.job';
import { seedDemoCouncils } from '../seed/demo-councils.seed';
import { call, council, meeting, must } from './support';

/** Action plans monitored by another body, seat apportionment by the tally engine, residents' questions. */
let api: RunningApi;
let platform: Person;
let v: Village;

beforeAll(async () => {
  api = await startApi({ label: 'councilplans', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const people = (n: number) => Promise.all(Array.from({ length: n }, (_, i) => person(api, `Адам${i}`)));
const code = (r: Awaited<ReturnType<typeof call>>) => firstError(r)?.extensions?.code;
const PLAN = `mutation($input: ActionPlanInput!) { createActionPlan(input: $input) { id } }`;
const ITEM = `mutation($input: ActionItemInput!) { addActionItem(input: $input) { id position status } }`;
const STATUS = `mutation($input: ActionItemStatusInput!) { setActionItemStatus(input: $input) { id status evidence } }`;
const CHECK = `mutation($input: ActionCheckInput!) { recordActionCheck(input: $input) { id statusFound } }`;
const PLANS = `query($id: ID!) { councilBody(id: $id) { actionPlans { id title items { id title deadline status overdue overdueAt checks { finding statusFound } } } } }`;
const APPORTION = `mutation($input: ApportionSeatsInput!) { apportionCouncilSeats(input: $input) { id allocation { id name seats } explanation publishedAt } }`;
const PUBLISH_SEATS = `mutation($id: ID!) { publishSeatApportionment(id: $id) { id publishedAt } }`;
const SEATS = `query($id: ID!) { councilBody(id: $id) { apportionments { id allocation { name seats } } } }`;
const ASK = `mutation($input: AskCouncilInput!) { askCouncil(input: $input) { id status } }`;
const ANSWER_Q = `mutation($input: AnswerQuestionInput!) { answerCouncilQuestion(input: $input) { id status answerText } }`;
const ON_AGENDA = `mutation($q: ID!, $m: ID!) { putQuestionOnAgenda(questionId: $q, meetingId: $m) { id status agendaItemId } }`;
const QUESTIONS = `query($id: ID!) { councilBody(id: $id) { questions { id status } } }`;

test('a working group’s plan: items flagged overdue by the job, checks recorded by the monitoring body’s secretary only', async () => {
  const wg = await council(api, v, await people(3), undefined, 'WORKING_GROUP');
  const advisory = await council(api, v, await people(2), undefined, 'ADVISORY_GROUP');
  expect(code(await call(api, wg.secretary, PLAN, { input: { bodyId: wg.bodyId, monitoringBodyId: wg.bodyId, title: 'Өзү' } }))).toBe('BAD_USER_INPUT');
  const planId = (await must(api, wg.secretary, PLAN, { input: { bodyId: wg.bodyId, monitoringBodyId: advisory.bodyId, title: 'Базарды оңдоо планы' } })).createActionPlan.id;
  const late = (await must(api, wg.secretary, ITEM, { input: { planId, title: 'Суу түтүгү', responsible: 'Айыл өкмөтү', deadline: '2026-03-01' } })).addActionItem;
  const done = (await must(api, wg.secretary, ITEM, { input: { planId, title: 'Жарык', responsible: 'Базар башкармасы', deadline: '2026-03-01' } })).addActionItem;
  const later = (await must(api, wg.secretary, ITEM, { input: { planId, title: 'Таштанды', responsible: 'Айыл өкмөтү', deadline: '2099-03-01' } })).addActionItem;
  expect([late.position, done.position, later.position]).toEqual([1, 2, 3]);
  expect(code(await call(api, wg.secretary, STATUS, { input: { itemId: done.id, status: 'DONE' } }))).toBe('BAD_USER_INPUT');
  await must(api, wg.secretary, STATUS, { input: { itemId: done.id, status: 'DONE', evidence: 'https://example.kg/photo.jpg' } });
  // The job flags the unfinished item past its deadline, once.
  const job = api.worker!.get(MarkOverdueJob, { strict: false });
  expect(await job.handle({ now: '2026-03-02T01:00:00Z' })).toMatchObject({ actionItems: 1 });
  expect(await job.handle({ now: '2026-03-03T01:00:00Z' })).toMatchObject({ actionItems: 0 });
  // The advisory group's secretary checks; the working group's own secretary and a member of the advisory group may not.
  expect(code(await call(api, wg.secretary, CHECK, { input: { itemId: late.id, checkedOn: '2026-03-05', statusFound: 'PLANNED', finding: 'Башталган жок' } }))).toBe('FORBIDDEN');
  expect(code(await call(api, advisory.people[0], CHECK, { input: { itemId: late.id, checkedOn: '2026-03-05', statusFound: 'PLANNED', finding: 'Башталган жок' } }))).toBe('FORBIDDEN');
  expect(code(await call(api, advisory.secretary, CHECK, { input: { itemId: late.id, checkedOn: '2099-03-05', statusFound: 'PLANNED', finding: 'Келечек' } }))).toBe('BAD_USER_INPUT');
  expect(await count(api, 'council_action_checks')).toBe(0);
  await must(api, advisory.secretary, CHECK, { input: { itemId: late.id, checkedOn: '2026-03-05', statusFound: 'PLANNED', finding: 'Башталган жок' } });
  // The plan's own secretary attaches a paper to one item (the monitoring body's may not); everyone reads it.
  const ATTACH = `mutation($input: CouncilDocumentInput!) { attachCouncilDocument(input: $input) { id } }`;
  const act = { ownerKind: 'ACTION_ITEM', ownerId: done.id, name: 'Кабыл алуу акты', url: 'https://example.kg/act.pdf', mimeType: 'application/pdf' };
  expect(code(await call(api, advisory.secretary, ATTACH, { input: act }))).toBe('FORBIDDEN');
  expect(code(await call(api, wg.people[2], ATTACH, { input: act }))).toBe('FORBIDDEN');
  expect(code(await call(api, wg.secretary, ATTACH, { input: { ...act, ownerId: '00000000-0000-4000-8000-000000000000' } }))).toBe('NOT_FOUND');
  await must(api, wg.secretary, ATTACH, { input: act });
  const ITEM_DOCS = `query($id: ID!) { councilBody(id: $id) { actionPlans { items { title documents { name url } } } } }`;
  const items = (await must(api, null, ITEM_DOCS, { id: advisory.bodyId })).councilBody.actionPlans[0].items;
  expect(items.map((i: { title: string; documents: unknown[] }) => [i.title, i.documents])).toEqual([
    ['Суу түтүгү', []],
    ['Жарык', [{ name: 'Кабыл алуу акты', url: 'https://example.kg/act.pdf' }]],
    ['Таштанды', []],
  ]);
  // Both bodies show the plan; the flags read the same from either.
  for (const bodyId of [wg.bodyId, advisory.bodyId]) {
    const [plan] = (await must(api, null, PLANS, { id: bodyId })).councilBody.actionPlans;
    const byTitle = Object.fromEntries(plan.items.map((i: { title: string }) => [i.title, i]));
    expect(byTitle['Суу түтүгү']).toMatchObject({ overdue: true, checks: [{ finding: 'Башталган жок', statusFound: 'PLANNED' }] });
    expect(byTitle['Суу түтүгү'].overdueAt).not.toBeNull();
    expect(byTitle['Жарык']).toMatchObject({ overdue: false, overdueAt: null, status: 'DONE' });
    expect(byTitle['Таштанды']).toMatchObject({ overdue: false, overdueAt: null });
  }
});

test('seats by contribution: each method equals the hand count, drafts stay with the secretary until published', async () => {
  const ig = await council(api, v, await people(2), undefined, 'INITIATIVE_GROUP');
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  // Revenue contribution (minor units) of three villages, 7 seats, each with where it comes from (budgets records no revenue by village).
  const SOURCE = 'Салык кызматынын 2025-жылдык отчету, 15.01.2026';
  const figures = [
    { id: id(1), name: 'Ак-Дөбө', weight: '5300000', source: SOURCE },
    { id: id(2), name: 'Кызыл-Жар', weight: '3100000', source: SOURCE },
    { id: id(3), name: 'Орок', weight: '1600000', source: SOURCE },
  ];
  // A revenue figure without its source is refused (the line named), and nothing is stored.
  const noSource = await call(api, ig.secretary, APPORTION, { input: { bodyId: ig.bodyId, basis: 'REVENUE', method: 'DHONDT', seats: 7, figures: [figures[0], { ...figures[1], source: null }, figures[2]] } });
  expect(code(noSource)).toBe('BAD_USER_INPUT');
  expect(JSON.stringify(noSource.errors)).toContain('input.figures.1.source');
  const seatsOf = (r: { allocation: Array<{ name: string; seats: number }> }) => Object.fromEntries(r.allocation.map((a) => [a.name, a.seats]));
  // D'Hondt: quotients 53,26.5,17.67,13.25 | 31,15.5,10.33 | 16,8 → 53,31,26.5,17.67,16,15.5,13.25: 4/2/1.
  const dh = (await must(api, ig.secretary, APPORTION, { input: { bodyId: ig.bodyId, basis: 'REVENUE', method: 'DHONDT', seats: 7, figures } })).apportionCouncilSeats;
  expect(seatsOf(dh)).toEqual({ 'Ак-Дөбө': 4, 'Кызыл-Жар': 2, 'Орок': 1 });
  expect(JSON.parse(dh.explanation).awards).toHaveLength(7);
  // Sainte-Laguë (divisors 1,3,5,7): 53,17.67,10.6,7.57 | 31,10.33,6.2 | 16,5.33 → the 7 largest: 53,31,17.67,16,10.6,10.33,7.57: 4/2/1.
  const sl = (await must(api, ig.secretary, APPORTION, { input: { bodyId: ig.bodyId, basis: 'REVENUE', method: 'SAINTE_LAGUE', seats: 7, figures } })).apportionCouncilSeats;
  expect(seatsOf(sl)).toEqual({ 'Ак-Дөбө': 4, 'Кызыл-Жар': 2, 'Орок': 1 });
  // Largest remainder, Hare quota 10 000 000 / 7: ideal 3.71, 2.17, 1.12 → 3+2+1 = 6, the seventh to the largest remainder (0.71): 4/2/1.
  // With 5 seats: ideal 2.65, 1.55, 0.80 → 2+1+0 = 3, remainders 0.80 (Орок), 0.65 (Ак-Дөбө): 3/1/1.
  const lr = (await must(api, ig.secretary, APPORTION, { input: { bodyId: ig.bodyId, basis: 'REVENUE', method: 'LARGEST_REMAINDER', seats: 5, figures } })).apportionCouncilSeats;
  expect(seatsOf(lr)).toEqual({ 'Ак-Дөбө': 3, 'Кызыл-Жар': 1, 'Орок': 1 });
  // A tie: equal populations, the third seat's quotients are equal (500 = 500): the smaller id wins, and it is reported.
  const tie = (await must(api, ig.secretary, APPORTION, { input: { bodyId: ig.bodyId, basis: 'POPULATION', method: 'DHONDT', seats: 3, figures: [{ id: id(2), name: 'Б', weight: '1000' }, { id: id(1), name: 'А', weight: '1000' }] } })).apportionCouncilSeats;
  expect(seatsOf(tie)).toEqual({ 'А': 2, 'Б': 1 });
  expect(JSON.parse(tie.explanation).awards[2]).toMatchObject({ party: id(1), tieBreak: 'SMALLER_ID' });
  expect(code(await call(api, ig.secretary, APPORTION, { input: { bodyId: ig.bodyId, basis: 'VOTERS', method: 'DHONDT', seats: 3, figures: [{ id: id(1), name: 'А', weight: '0' }] } }))).toBe('BAD_USER_INPUT');
  expect(code(await call(api, ig.people[0], APPORTION, { input: { bodyId: ig.bodyId, basis: 'VOTERS', method: 'DHONDT', seats: 3, figures } }))).toBe('FORBIDDEN');
  expect((await must(api, null, SEATS, { id: ig.bodyId })).councilBody.apportionments).toEqual([]);
  expect((await must(api, ig.secretary, SEATS, { id: ig.bodyId })).councilBody.apportionments).toHaveLength(4);
  await must(api, ig.secretary, PUBLISH_SEATS, { id: dh.id });
  expect(code(await call(api, ig.secretary, PUBLISH_SEATS, { id: dh.id }))).toBe('CONFLICT');
  expect((await must(api, null, SEATS, { id: ig.bodyId })).councilBody.apportionments).toEqual([{ id: dh.id, allocation: [{ name: 'Ак-Дөбө', seats: 4 }, { name: 'Кызыл-Жар', seats: 2 }, { name: 'Орок', seats: 1 }] }]);
});

test('a resident’s question is answered or put on an agenda, and the sender is told', async () => {
  const c = await council(api, v, await people(2));
  const m = await meeting(api, c);
  const resident = await person(api, 'Тургун');
  const neighbour = await person(api, 'Коңшу');
  expect(code(await call(api, null, ASK, { input: { bodyId: c.bodyId, text: 'Суроо' } }))).toBe('UNAUTHENTICATED');
  const q1 = (await must(api, resident, ASK, { input: { bodyId: c.bodyId, text: 'Мектепке жол качан оңдолот?' } })).askCouncil.id;
  const q2 = (await must(api, resident, ASK, { input: { bodyId: c.bodyId, text: 'Суу түтүгү жөнүндө' } })).askCouncil.id;
  await must(api, neighbour, ASK, { input: { bodyId: c.bodyId, text: 'Башка суроо' } });
  expect((await must(api, resident, QUESTIONS, { id: c.bodyId })).councilBody.questions).toHaveLength(2);
  expect((await must(api, null, QUESTIONS, { id: c.bodyId })).councilBody.questions).toEqual([]);
  expect((await must(api, c.secretary, QUESTIONS, { id: c.bodyId })).councilBody.questions).toHaveLength(3);
  expect(code(await call(api, c.people[0], ANSWER_Q, { input: { questionId: q1, answer: 'Жайында' } }))).toBe('FORBIDDEN');
  expect((await must(api, c.secretary, ANSWER_Q, { input: { questionId: q1, answer: 'Жайында' } })).answerCouncilQuestion).toMatchObject({ status: 'ANSWERED', answerText: 'Жайында' });
  expect(code(await call(api, c.secretary, ON_AGENDA, { q: q1, m }))).toBe('CONFLICT');
  const onAgenda = (await must(api, c.secretary, ON_AGENDA, { q: q2, m })).putQuestionOnAgenda;
  expect(onAgenda.status).toBe('ON_AGENDA');
  expect(await count(api, 'council_agenda_items', `id = '${onAgenda.agendaItemId}' AND link_kind = 'QUESTION' AND link_id = '${q2}'`)).toBe(1);
  const told = await api.dataSource.query(`SELECT template_key FROM notification_deliveries WHERE account_id = $1 ORDER BY template_key`, [resident.id]);
  expect(told.map((t: { template_key: string }) => t.template_key)).toEqual(['councils.notifications.questionAnswered', 'councils.notifications.questionOnAgenda']);
});

test('the demo seed: a ministry council with a published meeting, two decisions and their votes; a budget group; a monitored plan; once', async () => {
  const kazan = await village(api, platform, '41704245825000', 'Казан-Куйган');
  expect(await seedDemoCouncils(api.dataSource, { akDobo: v.communityId, kazanKuygan: kazan.communityId })).toEqual({ councils: 4, councilDecisions: 2 });
  expect(await seedDemoCouncils(api.dataSource, { akDobo: v.communityId, kazanKuygan: kazan.communityId })).toEqual({});
  const dir = (await must(api, null, `query { councilDirectory(filter: { kind: PUBLIC_COUNCIL }) { id stateBody { name { ru } } meetings { id } } }`, {})).councilDirectory;
  const pc = dir.find((b: { stateBody: { name: { ru: string } } | null }) => b.stateBody?.name.ru === 'Министерство финансов Кыргызской Республики');
  const m = (await must(api, null, `query($id: ID!) { councilMeeting(id: $id) { status agenda { decision { outcome votesFor votesAgainst abstentions absent } votes { choice } } } }`, { id: pc.meetings[0].id })).councilMeeting;
  expect(m.status).toBe('HELD');
  expect(m.agenda.map((i: { decision: unknown }) => i.decision)).toEqual([
    { outcome: 'ADOPTED', votesFor: 3, votesAgainst: 1, abstentions: 0, absent: 1 },
    { outcome: 'REJECTED', votesFor: 1, votesAgainst: 2, abstentions: 1, absent: 1 },
  ]);
  expect(m.agenda[0].votes).toHaveLength(5);
  expect((await must(api, null, `query($input: DecisionSearchInput!) { searchCouncilDecisions(input: $input) { id } }`, { input: { text: 'жарандар учун бюджет' } })).searchCouncilDecisions).toHaveLength(1);
  const wg = (await must(api, null, `query($c: ID!) { councilDirectory(filter: { communityId: $c, kind: WORKING_GROUP }) { actionPlans { monitoringBodyId items { title status } } } }`, { c: kazan.communityId })).councilDirectory;
  expect(wg[0].actionPlans[0].items.map((i: { status: string }) => i.status)).toEqual(['DONE', 'IN_PROGRESS', 'PLANNED']);
  expect(wg[0].actionPlans[0].monitoringBodyId).not.toBeNull();
});
