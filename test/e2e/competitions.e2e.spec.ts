/**
 * A grant call on a phone (issue 13), 360×740 Chromium in Kyrgyz:
 * - set-up through GraphQL: a village community whose admin runs an open call (two directions, two
 *   weighted criteria, a concept stage with a text and a short budget table), one expert on its committee,
 *   three other applications already in;
 * - an initiative group, in the web: finds the call in the public list, reads its deadline in the call's
 *   zone, starts an application in Kyrgyz, fills the concept and a budget too large for the cap (refused at
 *   the budget table, translated), then a short one (totals exact), saves the draft, is refused at the
 *   deadline's very second (the message names the deadline and zone), and submits on time: the stage freezes;
 * - the organiser assigns experts in the web; the expert sees "0 of 4 scored", scores the concept blind per
 *   criterion with comments, then sees the committee's mean and progress "1 of 4";
 * - the organiser reads the ranking (weighted mean), selects the concept with an amount and a reason,
 *   publishes; a visitor without an account reads "4 applied, 2 selected" with the selected projects and
 *   the total.
 * Basic checks and axe (serious findings) on the application form, the expert's sheet and the results.
 * Screenshots in test-artifacts/e2e (cmp-*.png).
 */
import { translate } from '@ashar/i18n';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { PASSWORD, member, person, Person, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { ADD_EXPERT, callInput, clockOf, CREATE_CALL, DECIDE, OPEN_CALL, score, submitted } from '../../libs/competitions/src/__tests__/support';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>) => translate('ky', key, params);
const CALL_TITLE = 'Жарандык технологиялар гранты';
const TITLE = 'Айыл үчүн ачык маалымат';
const DEADLINE = '2027-03-01 18:00 (Asia/Bishkek, UTC+06:00)';
const FORM = {
  fields: [
    { key: 'concept', type: 'TEXT', required: true, minLength: 10, maxLength: 2000, label: { ky: 'Долбоордун концепциясы', ru: 'Концепция проекта' } },
    { key: 'budget', type: 'BUDGET', required: true, maxLines: 5, label: { ky: 'Кыскача бюджет', ru: 'Краткий бюджет' } },
  ],
};
const answers = (cost: string) => ({ concept: 'Жаштар үчүн санарип сабактар', budget: { lines: [{ item: 'Ноутбук', quantity: 1, unitCost: cost }] } });
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

const web = webOnApi('e2ecmp');
let api: RunningApi;
let v: Village;
let expert: Person;
let callId: string;
let others: string[];

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
  expert = await member(api, platform, v.communityId, 'EXPERT', 'Эксперт Асель');
  const input = callInput(v.communityId);
  input.stages = input.stages.map((s, i) => (i === 0 ? { ...s, form: JSON.stringify(FORM) } : s));
  callId = ok(await gql(api.baseUrl, CREATE_CALL, { input }, { token: v.admin.token })).createCompetitionCall.id;
  ok(await gql(api.baseUrl, OPEN_CALL, { id: callId }, { token: v.admin.token }));
  ok(await gql(api.baseUrl, ADD_EXPERT, { input: { callId, accountId: expert.id } }, { token: v.admin.token }));
  const other = await person(api, 'Башка өтүнүүчү');
  others = [];
  for (const [title, direction, cost] of [['Таза суу', 'ecology', '800000'], ['Жаштар борбору', 'youth', '1200000'], ['Токой отургузуу', 'ecology', '300000']] as const) {
    others.push(await submitted(api, other, callId, { title, directionKey: direction, organisationName: 'Жашыл айыл', targetRegion: 'Талас' }, answers(cost) as unknown as Parameters<typeof submitted>[4]));
  }
});
afterEach(() => clockOf(api).set(null));

test('an initiative group submits a concept in Kyrgyz with a short budget; an expert scores it; the organiser publishes the results', async () => {
  const applicant = await person(api, 'Айгүл');
  const page = await web.open(`${api.baseUrl}/competitions`, { login: applicant.email, password: PASSWORD }, PHONE);

  // The public list, then the call: its deadline in the call's zone, named; the criteria with their weights.
  await page.getByRole('link', { name: new RegExp(CALL_TITLE) }).click();
  await page.getByRole('heading', { level: 1, name: CALL_TITLE }).waitFor();
  const callText = nbsp(await page.locator('main').innerText());
  expect(callText).toContain(tr('competitions.web.call.deadline', { deadline: DEADLINE }));
  expect(callText).toContain('Актуалдуулук');
  expect(callText).toContain(nbsp(tr('competitions.web.money', { amount: '20\u00a0000', currency: tr('competitions.web.currency.USD') })));
  await page.screenshot({ path: artifact('cmp-01-call-ky.png'), fullPage: true });

  // Start in Kyrgyz as an initiative group.
  await page.getByLabel(tr('competitions.web.apply.fieldTitle'), { exact: true }).fill(TITLE);
  await page.getByLabel(tr('competitions.web.apply.kind'), { exact: true }).selectOption('INITIATIVE_GROUP');
  await page.getByLabel(tr('competitions.web.apply.organisation'), { exact: true }).fill('Ак-Дөбө жаштар демилгеси');
  await page.getByLabel(tr('competitions.web.apply.partner'), { exact: true }).fill('Айыл китепканасы');
  await page.getByLabel(tr('competitions.web.apply.region'), { exact: true }).fill('Ак-Дөбө, Талас облусу');
  await page.getByLabel(tr('competitions.web.apply.direction'), { exact: true }).selectOption('youth');
  await page.getByLabel(tr('competitions.web.apply.language'), { exact: true }).selectOption('ky');
  await page.getByLabel(tr('competitions.web.apply.months'), { exact: true }).fill('6');
  await page.getByLabel(tr('competitions.web.apply.summary'), { exact: true }).fill('Айылдын жаштарына санарип сабаттуулук');
  await page.getByRole('button', { name: tr('competitions.web.apply.start') }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  const applicationId = new URL(page.url()).pathname.split('/').pop()!;

  // The concept and a budget over the 20 000 USD cap: the server refuses it at the budget table.
  await page.getByLabel('Долбоордун концепциясы', { exact: true }).fill('Айылдын жаштары үчүн ачык маалымат жана санарип сабактар');
  const addLine = page.getByRole('button', { name: tr('competitions.web.budget.add') });
  const line = (n: number) => page.getByRole('group', { name: tr('competitions.web.budget.line', { n }), exact: true });
  const unitCost = tr('competitions.web.budget.unitCost', { currency: tr('competitions.web.currency.USD') });
  await addLine.click();
  await line(1).getByLabel(tr('competitions.web.budget.item'), { exact: true }).fill('Ноутбук');
  await line(1).getByLabel(tr('competitions.web.budget.quantity'), { exact: true }).fill('2');
  await line(1).getByLabel(unitCost, { exact: true }).fill('15 000');
  await page.getByRole('button', { name: tr('competitions.web.application.submit') }).click();
  await page.getByText(tr('errors.competitions.answers.overCap'), { exact: true }).waitFor();
  expect(await page.locator('.cmp-budget').getAttribute('class')).toContain('field--error');
  expect(await page.locator('.cmp-budget').getByText(tr('errors.competitions.answers.overCap')).count()).toBe(1);
  expect(ok(await gql(api.baseUrl, `query($id: ID!) { competitionApplication(id: $id) { status submissions { version } } }`, { id: applicationId }, { token: applicant.token })).competitionApplication).toEqual({ status: 'DRAFT', submissions: [] });

  // A short budget: 2 × 4 500 + 12 × 50 = 9 600 USD, totals exact.
  await line(1).getByLabel(unitCost, { exact: true }).fill('4 500');
  await addLine.click();
  await line(2).getByLabel(tr('competitions.web.budget.item'), { exact: true }).fill('Интернет, 12 ай');
  await line(2).getByLabel(tr('competitions.web.budget.quantity'), { exact: true }).fill('12');
  await line(2).getByLabel(unitCost, { exact: true }).fill('50');
  const usd = (amount: string) => tr('competitions.web.money', { amount, currency: tr('competitions.web.currency.USD') });
  expect(nbsp(await page.locator('.cmp-total').innerText())).toBe(nbsp(tr('competitions.web.budget.total', { amount: usd('9\u00a0600') })));
  await page.getByRole('button', { name: tr('competitions.web.application.saveDraft') }).click();
  await page.getByText(tr('competitions.web.application.saved'), { exact: true }).waitFor();
  const drafts = JSON.parse(ok(await gql(api.baseUrl, `query($id: ID!) { competitionApplication(id: $id) { drafts } }`, { id: applicationId }, { token: applicant.token })).competitionApplication.drafts);
  expect(drafts['1'].budget).toEqual({ lines: [{ item: 'Ноутбук', quantity: 2, unitCost: '450000' }, { item: 'Интернет, 12 ай', quantity: 12, unitCost: '5000' }] });

  // At the deadline's very second it is late: the message names the deadline and its zone.
  clockOf(api).set(new Date('2027-03-01T12:00:00Z'));
  await page.getByRole('button', { name: tr('competitions.web.application.submit') }).click();
  await page.getByText(tr('errors.competitions.deadlinePassed', { deadline: DEADLINE }), { exact: true }).waitFor();
  await page.screenshot({ path: artifact('cmp-02-deadline-refused-ky.png'), fullPage: true });
  clockOf(api).set(new Date('2027-03-01T11:59:59Z'));
  await page.getByRole('button', { name: tr('competitions.web.application.submit') }).click();
  await page.getByText(tr('competitions.web.application.frozen', { version: 1 }), { exact: true }).waitFor();
  clockOf(api).set(null);
  expect(await page.getByRole('button', { name: tr('competitions.web.application.submit') }).count()).toBe(0);
  expect(nbsp(await page.locator('main').innerText())).toContain(nbsp(tr('competitions.web.application.requested', { amount: usd('9\u00a0600') })));
  expect(await a11yProblems(page)).toEqual([]);
  expect(await axeSeriousViolations(page)).toEqual([]);
  await page.screenshot({ path: artifact('cmp-03-application-submitted-ky.png'), fullPage: true });

  // The organiser assigns one expert per application in the web.
  const organiser = await web.open(`${api.baseUrl}/competitions/${callId}/manage`, { login: v.admin.email, password: PASSWORD }, PHONE);
  await organiser.getByRole('heading', { level: 1, name: tr('competitions.web.manage.title') }).waitFor();
  await organiser.getByLabel(tr('competitions.web.assign.perApplication'), { exact: true }).fill('1');
  await organiser.getByRole('button', { name: tr('competitions.web.assign.submit') }).click();
  await organiser.getByText(tr('competitions.web.assign.done', { created: 4, short: 0 }), { exact: true }).waitFor();

  // The expert: progress, then the concept, scored blind per criterion with comments.
  const ex = await web.open(`${api.baseUrl}/competitions/${callId}`, { login: expert.email, password: PASSWORD }, PHONE);
  await ex.getByRole('link', { name: tr('competitions.web.review.link') }).click();
  await ex.getByText(tr('competitions.web.review.progress', { scored: 0, total: 4 }), { exact: true }).waitFor();
  await ex.getByRole('link', { name: new RegExp(TITLE) }).click();
  await ex.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  expect(await ex.locator('main').innerText()).toContain('Ак-Дөбө жаштар демилгеси');
  // Nobody else's scores before the expert's own: the committee's summary is not on the page.
  expect(await ex.getByRole('heading', { name: tr('competitions.web.summary.title') }).count()).toBe(0);
  const fill = async (name: string, min: number, max: number, value: string, comment: string) => {
    await ex.getByLabel(tr('competitions.web.score.score', { name, min, max }), { exact: true }).fill(value);
    await ex.getByLabel(tr('competitions.web.score.comment', { name }), { exact: true }).fill(comment);
  };
  // Out of scale first: refused by the server, named at the criterion, nothing stored.
  await fill('Актуалдуулук', 0, 10, '11', 'Айыл үчүн абдан керек');
  await fill('Бюджет', 0, 10, '6', 'Интернетке сарптоо жогору');
  await ex.getByRole('button', { name: tr('competitions.web.score.submit') }).click();
  await ex.getByText(tr('errors.competitions.score.outOfScale', { min: 0, max: 10 }), { exact: true }).waitFor();
  expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM cmp_assignments WHERE scores IS NOT NULL`)).toEqual([{ n: 0 }]);
  await fill('Актуалдуулук', 0, 10, '8', 'Айыл үчүн абдан керек');
  await ex.getByRole('button', { name: tr('competitions.web.score.submit') }).click();
  await ex.getByRole('heading', { level: 2, name: tr('competitions.web.summary.title') }).waitFor();
  // (3 × 8 + 1 × 6) / 4 = 7.5
  expect(await ex.locator('.cmp-facts').last().innerText()).toContain('7,5');
  expect(await a11yProblems(ex)).toEqual([]);
  expect(await axeSeriousViolations(ex)).toEqual([]);
  await ex.screenshot({ path: artifact('cmp-04-expert-scored-ky.png'), fullPage: true });
  await ex.getByRole('link', { name: tr('competitions.web.review.title') }).click();
  await ex.getByText(tr('competitions.web.review.progress', { scored: 1, total: 4 }), { exact: true }).waitFor();
  // The other three are scored through the API; one more project is selected there, one rejected.
  for (const [i, id] of others.entries()) ok(await score(api, expert, id, 4 + i, 5));
  ok(await gql(api.baseUrl, DECIDE, { input: { applicationId: others[1], decision: 'SELECTED', reason: 'Жаштар үчүн маанилүү', awardedAmount: '1000000' } }, { token: v.admin.token }));
  ok(await gql(api.baseUrl, DECIDE, { input: { applicationId: others[2], decision: 'REJECTED', reason: 'Бюджети негизделген эмес' } }, { token: v.admin.token }));

  // The organiser: the ranking (the concept first, 7.5), a decision with amount and reason, publication.
  await organiser.reload({ waitUntil: 'networkidle' });
  const firstRow = organiser.locator('.cmp-table tbody tr').first();
  expect(await firstRow.innerText()).toContain(TITLE);
  expect(await firstRow.innerText()).toContain('7,5');
  expect(await organiser.locator('main').innerText()).toContain(tr('competitions.web.ranking.expertProgress', { n: 1, scored: 4, total: 4 }));
  const decide = organiser.getByRole('form', { name: tr('competitions.web.manage.decideFor', { title: TITLE }) });
  await decide.getByLabel(tr('competitions.web.manage.decision'), { exact: true }).selectOption('SELECTED');
  await decide.getByRole('textbox', { name: /^Гранттын суммасы/ }).fill('9 600');
  await decide.getByLabel(tr('competitions.web.manage.reason'), { exact: true }).fill('Концепция так, бюджети кыска жана негиздүү');
  await decide.getByRole('button', { name: tr('competitions.web.manage.decide') }).click();
  await decide.waitFor({ state: 'detached' });
  await organiser.screenshot({ path: artifact('cmp-05-organiser-ranking-ky.png'), fullPage: true });
  await organiser.getByRole('button', { name: tr('competitions.web.publish.submit') }).click();
  await organiser.getByRole('link', { name: tr('competitions.web.results.link') }).waitFor();
  // Every step is in the audit log (that the expert scored, never the scores).
  const audit = await api.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [applicationId]);
  expect(audit.map((r: { action: string }) => r.action)).toEqual(['competitions.application.start', 'competitions.application.submit', 'competitions.score.submit', 'competitions.application.decide']);

  // A visitor without an account: "4 applied, 2 selected", the selected with region, lead, partner, amount; the total.
  const visitor = await web.open(`${api.baseUrl}/competitions/${callId}/results`, undefined, PHONE);
  await visitor.getByText(tr('competitions.web.results.lead', { applied: 4, selected: 2 }), { exact: true }).waitFor();
  const results = nbsp(await visitor.locator('main').innerText());
  for (const text of [TITLE, 'Ак-Дөбө, Талас облусу', 'Ак-Дөбө жаштар демилгеси', 'Айыл китепканасы', 'Айылдын жаштарына санарип сабаттуулук', 'Жаштар борбору']) expect(results).toContain(text);
  expect(results).not.toContain('Токой отургузуу');
  expect(results).toContain(nbsp(usd('9\u00a0600')));
  expect(results).toContain(nbsp(tr('competitions.web.results.total', { amount: usd('19\u00a0600') })));
  // Per direction and stage: youth 2 (the concept and the youth centre), ecology 2.
  const youthRow = visitor.locator('.cmp-table tbody tr').filter({ hasText: 'Жаштар' });
  expect((await youthRow.innerText()).replace(/\s+/g, ' ').trim()).toBe('Жаштар 2');
  expect(await a11yProblems(visitor)).toEqual([]);
  expect(await axeSeriousViolations(visitor)).toEqual([]);
  await visitor.screenshot({ path: artifact('cmp-06-results-ky.png'), fullPage: true });
});
