/**
 * A public council's work on a phone (issue 12), 360×740 Chromium in Kyrgyz, beside councils.e2e.spec.ts
 * (which covers the secretary's roll call, publishing, search and the tracker):
 * - a member casts their own vote in the web on an open meeting, then the chair; the secretary sees both in
 *   the roll call and records the decision (the vote form is gone once decided); a citizen sees no vote form;
 * - the secretary draws up an action plan in the web, monitored by the community's advisory group (chosen in
 *   the form), attaches the inspection act to one item (a bad link refused first); its item's deadline passes
 *   and the worker's job flags it overdue on the body page, where the citizen reads the act's link;
 * - the secretary shares seats among villages by their budget contribution (entered with its source, D'Hondt),
 *   publishes it, and the citizen reads the seats (hand-computed) and the explanation;
 * - a signed-in resident asks the body a question; the secretary answers it in the web; the resident reads the
 *   answer and has an in-app message;
 * - the rules (quorum, majority, tie) and the members with roles are on the body page; organiser tools hidden
 *   from the citizen and from a plain member.
 * Screenshots in test-artifacts/e2e (cx-*.png).
 */
import { translate } from '@ashar/i18n';
import type { RunningApi } from '../support/api-harness';
import { gql, ok } from '../support/graphql-client';
import { PASSWORD, person, Person, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { council, Council, CREATE_BODY, item, meeting, must, SIMPLE_RULES, VOTE } from '../../libs/councils/src/__tests__/support';
import { MarkOverdueJob } from '../../libs/councils/src/jobs/mark-overdue.job';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>) => translate('ky', key, params);

const web = webOnApi('e2ecx', { worker: true });
let api: RunningApi;
let v: Village;
let c: Council;
let resident: Person;
let advisoryId: string;
const ADVISORY = 'Базарды көзөмөлдөөчү топ';

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Кара-Суу айылы');
  c = await council(api, v, [await person(api, 'Төрага'), await person(api, 'Катчы'), await person(api, 'Мүчө')]);
  resident = await person(api, 'Тургун');
  advisoryId = (await must(api, v.admin, CREATE_BODY, { input: { kind: 'ADVISORY_GROUP', name: { ky: ADVISORY }, communityId: v.communityId, rules: SIMPLE_RULES } })).createCouncilBody.id;
});

test('a member votes on their phone; the secretary decides, keeps a plan, shares seats and answers a resident', async () => {
  // An open meeting on 20.11.2026 with one item, scheduled by the secretary.
  const meetingId = await meeting(api, c, 'OPEN', 'Кышкы жыйын', '2026-11-20T04:00:00Z');
  const itemId = await item(api, c, meetingId, 'Суу түтүгү');

  // The member (third person) votes FOR from the meeting page; no secretary tools for them.
  const member = await web.open(`${api.baseUrl}/councils/meetings/${meetingId}`, { login: c.people[2].email, password: PASSWORD }, PHONE);
  await member.getByRole('heading', { level: 1, name: 'Кышкы жыйын' }).waitFor();
  const ownForm = member.getByRole('form', { name: tr('councils.web.ownVote.title', { item: 'Суу түтүгү' }) });
  await ownForm.getByLabel(tr('councils.web.vote.FOR'), { exact: true }).check();
  await ownForm.getByRole('button', { name: tr('councils.web.ownVote.submit') }).click();
  await member.getByText(tr('councils.web.ownVote.recorded', { choice: tr('councils.web.vote.FOR') })).waitFor();
  const memberRows = await member.locator('.cw-votes tbody tr').allInnerTexts();
  expect(memberRows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([`Мүчө 3 ${tr('councils.web.vote.FOR')}`]);
  expect(await member.getByRole('button', { name: tr('councils.web.meeting.close') }).count()).toBe(0);
  expect(await member.getByRole('button', { name: tr('councils.web.rollCall.submit') }).count()).toBe(0);
  expect(await a11yProblems(member)).toEqual([]);
  expect(await axeSeriousViolations(member)).toEqual([]);
  await member.screenshot({ path: artifact('cx-01-member-votes-ky.png'), fullPage: true });

  // The chair votes AGAINST from their phone too (through the API: the same mutation the form sends).
  await must(api, c.people[0], VOTE, { id: itemId, choice: 'AGAINST' });
  // The member changes their mind to ABSTAIN; then back to FOR (the last vote counts).
  await ownForm.getByLabel(tr('councils.web.vote.ABSTAIN'), { exact: true }).check();
  await ownForm.getByRole('button', { name: tr('councils.web.ownVote.change') }).click();
  await member.getByText(tr('councils.web.ownVote.recorded', { choice: tr('councils.web.vote.ABSTAIN') })).waitFor();
  await ownForm.getByLabel(tr('councils.web.vote.FOR'), { exact: true }).check();
  await ownForm.getByRole('button', { name: tr('councils.web.ownVote.change') }).click();
  await member.getByText(tr('councils.web.ownVote.recorded', { choice: tr('councils.web.vote.FOR') })).waitFor();

  // The secretary sees both votes, votes FOR themself in the web, and records the decision: 2 for, 1 against → adopted.
  const secretary = await web.open(`${api.baseUrl}/councils/meetings/${meetingId}`, { login: c.secretary.email, password: PASSWORD }, PHONE);
  await secretary.getByRole('heading', { level: 1, name: 'Кышкы жыйын' }).waitFor();
  const secItem = secretary.locator('.cw-item').filter({ has: secretary.getByRole('heading', { name: 'Суу түтүгү', exact: true }) });
  const secOwn = secItem.getByRole('form', { name: tr('councils.web.ownVote.title', { item: 'Суу түтүгү' }) });
  await secOwn.getByLabel(tr('councils.web.vote.FOR'), { exact: true }).check();
  await secOwn.getByRole('button', { name: tr('councils.web.ownVote.submit') }).click();
  await secretary.getByText(tr('councils.web.ownVote.recorded', { choice: tr('councils.web.vote.FOR') })).waitFor();
  const rows = (await secItem.locator('.cw-votes tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
  expect(rows.sort()).toEqual([`Мүчө 1 ${tr('councils.web.vote.AGAINST')}`, `Мүчө 2 ${tr('councils.web.vote.FOR')}`, `Мүчө 3 ${tr('councils.web.vote.FOR')}`]);
  await secItem.getByLabel(tr('councils.web.decide.text'), { exact: true }).fill('Суу түтүгүн оңдоого макул');
  await secItem.getByRole('button', { name: tr('councils.web.decide.submit') }).click();
  await secItem.locator('.cw-decision').waitFor();
  expect(await secItem.locator('.cw-outcome').innerText()).toBe(tr('councils.web.outcome.ADOPTED'));
  expect(await secItem.getByRole('form', { name: tr('councils.web.ownVote.title', { item: 'Суу түтүгү' }) }).count()).toBe(0);
  await secretary.screenshot({ path: artifact('cx-02-secretary-decided-ky.png'), fullPage: true });
  // The member's page, reloaded, offers no vote on a decided item.
  await member.reload({ waitUntil: 'networkidle' });
  await member.locator('.cw-decision').waitFor();
  expect(await member.getByRole('form', { name: tr('councils.web.ownVote.title', { item: 'Суу түтүгү' }) }).count()).toBe(0);

  // The secretary draws up an action plan on the body page; one item was due 01.06.2026.
  await secretary.goto(`${api.baseUrl}/councils/${c.bodyId}`, { waitUntil: 'networkidle' });
  await secretary.getByLabel(tr('councils.web.plans.planTitle'), { exact: true }).fill('Базарды тартипке келтирүү');
  // The community's advisory group monitors it (chosen from the community's other bodies).
  await secretary.getByLabel(tr('councils.web.plans.monitoringBody'), { exact: true }).selectOption({ label: ADVISORY });
  await secretary.getByRole('button', { name: tr('councils.web.plans.createSubmit') }).click();
  await secretary.getByRole('heading', { level: 3, name: 'Базарды тартипке келтирүү' }).waitFor();
  await secretary.getByText(tr('councils.web.plans.addItem'), { exact: true }).click();
  const addItem = secretary.getByRole('form', { name: tr('councils.web.plans.addItem') });
  await addItem.getByLabel(tr('councils.web.plans.itemTitle'), { exact: true }).fill('Таразаларды текшерүү');
  await addItem.getByLabel(tr('councils.web.plans.responsibleField'), { exact: true }).fill('Базардын администрациясы');
  await addItem.getByLabel(tr('councils.web.plans.deadlineField'), { exact: true }).fill('01.06.2026');
  await addItem.getByRole('button', { name: tr('councils.web.plans.addItemSubmit') }).click();
  await secretary.getByRole('heading', { level: 4, name: 'Таразаларды текшерүү' }).waitFor();
  expect(await secretary.locator('.cw-plan').first().innerText()).toContain(tr('councils.web.plans.monitored'));
  const [stored] = (await must(api, null, `query($id: ID!) { councilBody(id: $id) { actionPlans { monitoringBodyId } } }`, { id: c.bodyId })).councilBody.actionPlans;
  expect(stored.monitoringBodyId).toBe(advisoryId);
  // A paper attached to that one item (the inspection act), by the plan's secretary.
  const attachTitle = tr('councils.web.documents.attachToItem', { item: 'Таразаларды текшерүү' });
  await secretary.getByText(attachTitle, { exact: true }).click();
  const attach = secretary.getByRole('form', { name: attachTitle });
  await attach.getByLabel(tr('councils.web.documents.name'), { exact: true }).fill('Текшерүү акты');
  await attach.getByLabel(tr('councils.web.documents.url'), { exact: true }).fill('not a link');
  await attach.getByRole('button', { name: tr('councils.web.documents.attachSubmit') }).click();
  await attach.getByText(tr('errors.validation.invalid'), { exact: true }).waitFor();
  await attach.getByLabel(tr('councils.web.documents.url'), { exact: true }).fill('https://example.kg/scales-act.pdf');
  await attach.getByRole('button', { name: tr('councils.web.documents.attachSubmit') }).click();
  await secretary.getByRole('list', { name: tr('councils.web.documents.ofItem', { item: 'Таразаларды текшерүү' }) }).getByRole('link', { name: 'Текшерүү акты' }).waitFor();
  expect(await api.dataSource.query(`SELECT owner_kind, name, url FROM council_documents`)).toEqual([{ owner_kind: 'ACTION_ITEM', name: 'Текшерүү акты', url: 'https://example.kg/scales-act.pdf' }]);
  await secretary.locator('.cw-plan').first().screenshot({ path: artifact('cx-07-plan-monitored-with-paper-ky.png') });
  // The worker's job on 02.06.2026 flags it.
  expect(await api.worker!.get(MarkOverdueJob, { strict: false }).handle({ now: '2026-06-02T01:00:00Z' })).toMatchObject({ actionItems: 1 });

  // Seats by each village's contribution to the local budget (som, with the source), D'Hondt, 5 seats:
  // 7 000 / 3 000 / 1 000 → quotients 7000, 3500, 3000, 2333.3, 1750 take the seats: 4, 1, 0.
  const villages: Array<[string, string]> = [
    ['Кара-Суу', '7000'],
    ['Жаңы-Жол', '3000'],
    ['Ак-Таш', '1000'],
  ];
  const seatsForm = secretary.getByRole('form', { name: tr('councils.web.seats.compute') });
  await seatsForm.getByLabel(tr('councils.web.seats.basis'), { exact: true }).selectOption('REVENUE');
  await seatsForm.getByLabel(tr('councils.web.seats.seats'), { exact: true }).fill('5');
  await seatsForm.getByRole('button', { name: tr('councils.web.seats.addGroup') }).click();
  for (const [i, [name, som]] of villages.entries()) {
    await seatsForm.getByLabel(tr('councils.web.seats.groupName', { n: i + 1 }), { exact: true }).fill(name);
    await seatsForm.getByLabel(tr('councils.web.seats.revenueAmount', { n: i + 1 }), { exact: true }).fill(som);
    if (i < 2) await seatsForm.getByLabel(tr('councils.web.seats.source', { n: i + 1 }), { exact: true }).fill('Салык кызматынын 2025-жылдык отчету');
  }
  // A contribution without its source is refused in the form (the server refuses it too).
  await seatsForm.getByRole('button', { name: tr('councils.web.seats.computeSubmit') }).click();
  await seatsForm.getByText(tr('errors.councils.revenueSource')).waitFor();
  await seatsForm.getByLabel(tr('councils.web.seats.source', { n: 3 }), { exact: true }).fill('Салык кызматынын 2025-жылдык отчету');
  await seatsForm.getByRole('button', { name: tr('councils.web.seats.computeSubmit') }).click();
  await secretary.getByText(tr('councils.web.seats.draft')).waitFor();
  await secretary.getByRole('button', { name: tr('councils.web.seats.publish') }).click();
  await secretary.getByRole('button', { name: tr('councils.web.seats.publish') }).waitFor({ state: 'detached' });
  await secretary.screenshot({ path: artifact('cx-03-secretary-body-ky.png'), fullPage: true });

  // A signed-in resident asks the body a question.
  const asker = await web.open(`${api.baseUrl}/councils/${c.bodyId}`, { login: resident.email, password: PASSWORD }, PHONE);
  await asker.getByLabel(tr('councils.web.questions.text'), { exact: true }).fill('Качан көчөгө жарык орнотулат?');
  await asker.getByRole('button', { name: tr('councils.web.questions.submit') }).click();
  await asker.getByText(tr('councils.web.questions.sent')).waitFor();
  await asker.locator('.cw-question[data-status="OPEN"]').waitFor();
  expect(await asker.getByRole('button', { name: tr('councils.web.plans.createSubmit') }).count()).toBe(0);

  // The secretary answers it in the web.
  await secretary.reload({ waitUntil: 'networkidle' });
  const q = secretary.locator('.cw-question').filter({ hasText: 'Качан көчөгө жарык орнотулат?' });
  await q.getByText(tr('councils.web.questions.handle'), { exact: true }).click();
  await q.getByLabel(tr('councils.web.questions.answer'), { exact: true }).fill('Жарык 2027-жылдын жазында орнотулат.');
  await q.getByRole('button', { name: tr('councils.web.questions.answerSubmit') }).click();
  await secretary.locator('.cw-question[data-status="ANSWERED"]').waitFor();

  // The resident reads the answer and has an in-app message.
  await asker.reload({ waitUntil: 'networkidle' });
  await asker.getByText(tr('councils.web.questions.answerShown', { answer: 'Жарык 2027-жылдын жазында орнотулат.' })).waitFor();
  const inbox = ok(await gql(api.baseUrl, `query { myNotifications { templateKey } }`, {}, { token: resident.token }));
  expect((inbox.myNotifications as Array<{ templateKey: string }>).map((n) => n.templateKey)).toContain('councils.notifications.questionAnswered');

  // A citizen (no account): rules, members with roles, the decision, the overdue item, the seats and how they were counted.
  const citizen = await web.open(`${api.baseUrl}/councils/${c.bodyId}`, undefined, PHONE);
  await citizen.getByRole('heading', { level: 1, name: 'Бюджеттик топ' }).waitFor();
  expect(await citizen.locator('[data-rule="quorum"]').innerText()).toBe(tr('councils.web.rules.quorumValue', { n: 1, d: 2 }));
  expect(await citizen.locator('[data-rule="tie"]').innerText()).toBe(tr('councils.web.rules.tie.FAILS'));
  const members = await citizen.locator('.cw-member .list__meta').allInnerTexts();
  expect(members.map((m) => m.split(' · ')[0])).toEqual([tr('councils.web.role.CHAIR'), tr('councils.web.role.SECRETARY'), tr('councils.web.role.MEMBER')]);
  expect(await citizen.locator('main').innerText()).toContain('Суу түтүгүн оңдоого макул');
  const overdueItem = citizen.locator('.cw-action-item').filter({ hasText: 'Таразаларды текшерүү' });
  expect(await overdueItem.getAttribute('data-overdue')).toBe('true');
  expect(await overdueItem.innerText()).toContain(tr('councils.web.plans.overdue'));
  expect(await overdueItem.getByRole('link', { name: 'Текшерүү акты' }).getAttribute('href')).toBe('https://example.kg/scales-act.pdf');
  expect(await overdueItem.getByText(tr('councils.web.documents.attachToItem', { item: 'Таразаларды текшерүү' })).count()).toBe(0);
  expect(await citizen.locator('.cw-plan').first().innerText()).toContain(tr('councils.web.plans.overdueCount', { count: 1 }));
  const seats = await Promise.all(villages.map(([name]) => citizen.locator(`[data-seats="${name}"]`).innerText()));
  expect(seats).toEqual(['4', '1', '0']);
  expect(await citizen.locator('main').innerText()).toContain(tr('councils.web.seats.sourceShown', { source: 'Салык кызматынын 2025-жылдык отчету' }));
  await citizen.getByText(tr('councils.web.seats.explanation'), { exact: true }).click();
  // Seat by seat, the largest quotient: 7000 (K), 3500 (K), 3000 (Zh), 2333.33 (K), 1750 (K).
  const awards = await citizen.locator('[data-apportionment] .cw-vote-list li').allInnerTexts();
  expect(awards.map((a) => ['Кара-Суу', 'Жаңы-Жол', 'Ак-Таш'].find((n) => a.includes(n)))).toEqual(['Кара-Суу', 'Кара-Суу', 'Жаңы-Жол', 'Кара-Суу', 'Кара-Суу']);
  // No organiser tools and no question box for an anonymous visitor (a link to sign in instead).
  for (const name of [tr('councils.web.plans.createSubmit'), tr('councils.web.seats.computeSubmit'), tr('councils.web.members.addSubmit'), tr('councils.web.recommendations.sendSubmit'), tr('councils.web.questions.submit')]) {
    expect(await citizen.getByRole('button', { name }).count()).toBe(0);
  }
  expect(await citizen.getByText(tr('councils.web.rules.change')).count()).toBe(0);
  await citizen.getByRole('link', { name: tr('councils.web.questions.signIn') }).waitFor();
  expect(await a11yProblems(citizen)).toEqual([]);
  expect(await axeSeriousViolations(citizen)).toEqual([]);
  await citizen.screenshot({ path: artifact('cx-04-body-public-ky.png'), fullPage: true });

  // The plain member sees the body without organiser tools either, but may publish their own contacts.
  await member.goto(`${api.baseUrl}/councils/${c.bodyId}`, { waitUntil: 'networkidle' });
  await member.getByText(tr('councils.web.members.myContacts'), { exact: true }).click();
  await member.getByLabel(tr('councils.web.members.phone'), { exact: true }).fill('+996555123456');
  await member.getByRole('form', { name: tr('councils.web.members.myContacts') }).getByRole('button', { name: tr('councils.web.save') }).click();
  await member.getByText(tr('councils.web.members.contactsPublished')).waitFor();
  expect(await member.getByRole('button', { name: tr('councils.web.plans.createSubmit') }).count()).toBe(0);
  await citizen.reload({ waitUntil: 'networkidle' });
  expect(await citizen.getByRole('link', { name: '+996555123456' }).getAttribute('href')).toBe('tel:+996555123456');
});

test('the community admin appoints the advisory group’s secretary by finding a member of the community by name, not by an account id', async () => {
  const admin = await web.open(`${api.baseUrl}/councils/${advisoryId}`, { login: v.admin.email, password: PASSWORD }, PHONE);
  await admin.getByRole('heading', { level: 1, name: ADVISORY }).waitFor();
  const form = admin.getByRole('form', { name: tr('councils.web.members.add') });
  const search = form.getByLabel(tr('councils.web.members.search'), { exact: true });
  await search.fill('Жоктур');
  await form.getByText(tr('councils.web.members.noneFound'), { exact: true }).waitFor();
  // Part of the name, in any case: the village's citizen "Жаран" is found.
  await search.fill('жар');
  const found = form.getByRole('list', { name: tr('councils.web.members.found') });
  expect(await found.getByRole('button').allInnerTexts()).toEqual([tr('councils.web.members.pick', { name: 'Жаран' })]);
  await found.getByRole('button', { name: tr('councils.web.members.pick', { name: 'Жаран' }) }).click();
  await form.getByText(tr('councils.web.members.picked', { name: 'Жаран' }), { exact: true }).waitFor();
  // An account is chosen: no name to type, no contacts of a person without an account.
  expect(await form.getByLabel(tr('councils.web.members.fullName'), { exact: true }).count()).toBe(0);
  await form.getByLabel(tr('councils.web.members.role'), { exact: true }).selectOption('SECRETARY');
  await form.getByLabel(tr('councils.web.members.termFrom'), { exact: true }).fill('01.01.2026');
  // (The page-wide basic check would flag the rules form's button folded in a closed <details>, which is
  // not this form's; axe judges the rendered page.)
  expect(await axeSeriousViolations(admin)).toEqual([]);
  await form.screenshot({ path: artifact('cx-08-appoint-by-name-ky.png') });
  await form.getByRole('button', { name: tr('councils.web.members.addSubmit') }).click();
  await admin.locator('.cw-member').filter({ hasText: 'Жаран' }).waitFor();
  // The membership is the citizen's account: they now run the group as its secretary.
  const body = `query($id: ID!) { councilBody(id: $id) { viewerIsSecretary members { fullName role hasAccount } } }`;
  const seen = ok(await gql(api.baseUrl, body, { id: advisoryId }, { token: v.citizen.token })).councilBody;
  expect(seen).toEqual({ viewerIsSecretary: true, members: [{ fullName: 'Жаран', role: 'SECRETARY', hasAccount: true }] });
});
