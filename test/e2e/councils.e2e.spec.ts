/**
 * Public councils on a phone (issue 12), 360×740 Chromium in Kyrgyz:
 * - set-up through GraphQL: a community body (chair, secretary, member, all with accounts);
 * - the secretary, in the web: schedules a meeting, adds two agenda items, enters each roll call, records two
 *   decisions (one adopted, one rejected), closes and publishes the meeting;
 * - a citizen (not logged in) filters the directory (kind, words), reads the body page (members, the community,
 *   decisions with every member's vote) and the meeting's roll call, and finds
 *   one decision by searching in Russian (the page in Russian, a date range narrowing it) and the other in Kyrgyz
 *   (typed without the Kyrgyz letters);
 * - a recommendation whose deadline passed turns OVERDUE through the worker's job and shows on the tracker.
 * The basic checks and axe (serious findings) on the secretary's meeting page, the body page and the tracker.
 * Screenshots in test-artifacts/e2e (cw-*.png).
 */
import { translate } from '@ashar/i18n';
import { Page } from 'playwright-core';
import type { RunningApi } from '../support/api-harness';
import { PASSWORD, person, Person, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { council, Council, must, SEND, STATE_BODY } from '../../libs/councils/src/__tests__/support';
import { MarkOverdueJob } from '../../libs/councils/src/jobs/mark-overdue.job';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>) => translate('ky', key, params);
const RU_DECISION = 'Утвердить смету ремонта школы на 2027 год';
const KY_DECISION = 'Көпүрөнү оңдоого акча бөлүнбөсүн';

const web = webOnApi('e2ecw', { worker: true });
let api: RunningApi;
let v: Village;
let platform: Person;
let c: Council;
let ministry: string;

beforeAll(async () => {
  ({ api } = web);
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
  c = await council(api, v, [await person(api, 'Төрага'), await person(api, 'Катчы'), await person(api, 'Мүчө')]);
  ministry = (await must(api, platform, STATE_BODY, { input: { kind: 'MINISTRY', country: 'KG', name: { ky: 'Санарип өнүктүрүү министрлиги', ru: 'Министерство цифрового развития' } } })).createStateBody.id;
});

async function rollCallAndDecide(page: Page, itemTitle: string, choices: string[], text: string) {
  const item = page.locator('.cw-item').filter({ has: page.getByRole('heading', { name: itemTitle, exact: true }) });
  const form = item.getByRole('form', { name: tr('councils.web.rollCall.title', { item: itemTitle }) });
  for (const [i, choice] of choices.entries()) await form.getByLabel(`Мүчө ${i + 1}`, { exact: true }).selectOption(choice);
  await form.getByRole('button', { name: tr('councils.web.rollCall.submit') }).click();
  await item.getByRole('table').waitFor();
  await item.getByLabel(tr('councils.web.decide.text'), { exact: true }).fill(text);
  await item.getByRole('button', { name: tr('councils.web.decide.submit') }).click();
  await item.locator('.cw-decision').waitFor();
}

test('a secretary runs and publishes a meeting; a citizen searches its decisions in Russian and Kyrgyz; an overdue recommendation reaches the tracker', async () => {
  // The secretary schedules a meeting from the body page.
  const secretary = await web.open(`${api.baseUrl}/councils/${c.bodyId}`, { login: c.secretary.email, password: PASSWORD }, PHONE);
  await secretary.getByRole('heading', { level: 1, name: 'Бюджеттик топ' }).waitFor();
  await secretary.getByLabel(tr('councils.web.schedule.fieldTitle'), { exact: true }).fill('Күзгү жыйын');
  await secretary.getByLabel(tr('councils.web.schedule.startsAt'), { exact: true }).fill('2026-11-20T10:00');
  await secretary.getByLabel(tr('councils.web.schedule.place'), { exact: true }).fill('Айыл өкмөтү, чоң зал');
  await secretary.getByRole('button', { name: tr('councils.web.schedule.submit') }).click();
  await secretary.getByRole('heading', { level: 1, name: 'Күзгү жыйын' }).waitFor();
  // 10:00 in Bishkek, shown in the meeting's own zone.
  expect(await secretary.locator('main').innerText()).toContain('20.11.2026, 10:00');

  for (const title of ['Мектепти оңдоо сметасы', 'Көпүрө']) {
    await secretary.getByLabel(tr('councils.web.agenda.fieldTitle'), { exact: true }).fill(title);
    await secretary.getByRole('button', { name: tr('councils.web.agenda.submit') }).click();
    await secretary.getByRole('heading', { level: 3, name: title, exact: true }).waitFor();
  }
  await rollCallAndDecide(secretary, 'Мектепти оңдоо сметасы', ['FOR', 'FOR', 'AGAINST'], RU_DECISION);
  await rollCallAndDecide(secretary, 'Көпүрө', ['AGAINST', 'FOR', 'AGAINST'], KY_DECISION);
  await secretary.screenshot({ path: artifact('cw-01-secretary-meeting-ky.png'), fullPage: true });
  await secretary.getByRole('button', { name: tr('councils.web.meeting.close') }).click();
  await secretary.getByRole('button', { name: tr('councils.web.meeting.close') }).waitFor({ state: 'detached' });
  await secretary.getByRole('button', { name: tr('councils.web.meeting.publish') }).click();
  await secretary.getByText(tr('councils.web.meeting.published'), { exact: true }).waitFor();
  expect(await a11yProblems(secretary)).toEqual([]);
  expect(await axeSeriousViolations(secretary)).toEqual([]);
  const meetingPath = new URL(secretary.url()).pathname;

  // A citizen (no account) reads the body page: members with roles, both decisions with their outcome.
  const citizen = await web.open(`${api.baseUrl}/councils`, undefined, PHONE);
  const bodyLink = citizen.locator(`a[href="/councils/${c.bodyId}"]`);
  await bodyLink.waitFor();
  // The directory's filters: kind (on the server) and words (on the phone).
  await citizen.getByLabel(tr('councils.web.directory.kind'), { exact: true }).selectOption('WORKING_GROUP');
  await bodyLink.waitFor({ state: 'detached' });
  await citizen.getByLabel(tr('councils.web.directory.kind'), { exact: true }).selectOption('BUDGET_GROUP');
  await bodyLink.waitFor();
  await citizen.getByLabel(tr('councils.web.directory.text'), { exact: true }).fill('бюджетти талкуу');
  await bodyLink.waitFor();
  await citizen.getByLabel(tr('councils.web.directory.text'), { exact: true }).fill('министрлик');
  await bodyLink.waitFor({ state: 'detached' });
  await citizen.getByLabel(tr('councils.web.directory.text'), { exact: true }).fill('');
  await bodyLink.click();
  await citizen.getByRole('heading', { level: 1, name: 'Бюджеттик топ' }).waitFor();
  const bodyText = await citizen.locator('main').innerText();
  expect(bodyText).toContain(tr('councils.web.role.SECRETARY'));
  // The community it belongs to, by name, linked.
  expect(await citizen.getByRole('link', { name: 'Ак-Дөбө айылы' }).getAttribute('href')).toBe(`/communities/${v.communityId}`);
  expect(bodyText).toContain(RU_DECISION);
  expect(bodyText).toContain(KY_DECISION);
  expect(await citizen.getByRole('link', { name: tr('councils.web.body.openData'), exact: true }).getAttribute('href')).toBe(`/api/public/councils/${c.bodyId}/open-data.json`);
  // The annual report of this year, in the page's language.
  const year = new Date().getFullYear();
  expect(await citizen.getByRole('link', { name: tr('councils.web.report.pdf', { year }), exact: true }).getAttribute('href')).toBe(`/api/public/councils/${c.bodyId}/annual-report/${year}.pdf?lang=ky`);
  // Each decision tells how every member voted.
  const bridgeOnBody = citizen.locator('.cw-row').filter({ hasText: KY_DECISION });
  await bridgeOnBody.getByText(tr('councils.web.body.votes')).click();
  expect(await bridgeOnBody.locator('.cw-vote-list li').allInnerTexts()).toEqual([`Мүчө 1: ${tr('councils.web.vote.AGAINST')}`, `Мүчө 2: ${tr('councils.web.vote.FOR')}`, `Мүчө 3: ${tr('councils.web.vote.AGAINST')}`]);
  // No secretary tools for a citizen.
  expect(await citizen.getByRole('button', { name: tr('councils.web.schedule.submit') }).count()).toBe(0);
  expect(await axeSeriousViolations(citizen)).toEqual([]);
  await citizen.screenshot({ path: artifact('cw-02-body-ky.png'), fullPage: true });

  // Search in Russian, then in Kyrgyz typed with plain Cyrillic letters (о for ө, у for ү): each finds its decision.
  await citizen.getByRole('link', { name: tr('councils.web.nav.search') }).first().click();
  await citizen.getByRole('heading', { level: 1, name: tr('councils.web.search.title') }).waitFor();
  const search = async (words: string, locale: 'ky' | 'ru' = 'ky', count = 1) => {
    await citizen.getByLabel(translate(locale, 'councils.web.search.text'), { exact: true }).fill(words);
    await citizen.getByRole('button', { name: translate(locale, 'councils.web.search.submit') }).click();
    await citizen.getByRole('heading', { level: 2, name: translate(locale, 'councils.web.search.results', { count }) }).waitFor();
    return citizen.locator('.list__link');
  };
  // In Russian, with the page in Russian too; the date range narrows it (decided on the meeting day, 20.11.2026).
  await citizen.getByRole('button', { name: 'Русский' }).click();
  await citizen.getByRole('heading', { level: 1, name: translate('ru', 'councils.web.search.title') }).waitFor();
  await citizen.getByLabel(translate('ru', 'councils.web.search.from'), { exact: true }).fill('21.11.2026');
  await search('смету ремонт', 'ru', 0);
  await citizen.getByLabel(translate('ru', 'councils.web.search.from'), { exact: true }).fill('20.11.2026');
  expect(await (await search('смету ремонт', 'ru')).innerText()).toContain(RU_DECISION);
  await citizen.screenshot({ path: artifact('cw-03-search-ru.png'), fullPage: true });
  await citizen.getByLabel(translate('ru', 'councils.web.search.from'), { exact: true }).fill('');
  await citizen.getByRole('button', { name: 'Кыргызча' }).click();
  await citizen.getByRole('heading', { level: 1, name: tr('councils.web.search.title') }).waitFor();
  const kyHit = await search('копурону ондоо');
  expect(await kyHit.innerText()).toContain(KY_DECISION);
  await citizen.screenshot({ path: artifact('cw-03-search-ky.png'), fullPage: true });

  // The result opens the meeting: decisions and each member's vote.
  await kyHit.click();
  await citizen.getByRole('heading', { level: 1, name: 'Күзгү жыйын' }).waitFor();
  expect(new URL(citizen.url()).pathname).toBe(meetingPath);
  const bridge = citizen.locator('.cw-item').filter({ has: citizen.getByRole('heading', { name: 'Көпүрө', exact: true }) });
  expect(await bridge.locator('.cw-outcome').innerText()).toBe(tr('councils.web.outcome.REJECTED'));
  const votes = await bridge.getByRole('table').locator('tbody tr').allInnerTexts();
  expect(votes.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([`Мүчө 1 ${tr('councils.web.vote.AGAINST')}`, `Мүчө 2 ${tr('councils.web.vote.FOR')}`, `Мүчө 3 ${tr('councils.web.vote.AGAINST')}`]);
  const school = citizen.locator('.cw-item').filter({ has: citizen.getByRole('heading', { name: 'Мектепти оңдоо сметасы', exact: true }) });
  expect(await school.locator('.cw-outcome').innerText()).toBe(tr('councils.web.outcome.ADOPTED'));
  await citizen.screenshot({ path: artifact('cw-04-meeting-public-ky.png'), fullPage: true });

  // A recommendation to the ministry, answer due 2026-06-10; the worker's job on 2026-06-11 marks it overdue.
  await must(api, c.secretary, SEND, { input: { bodyId: c.bodyId, addresseeId: ministry, title: 'Бюджетти ачык жарыялоо', text: 'Ар бир айыл бюджетин жарыяласын', sentOn: '2026-05-10', deadline: '2026-06-10' } });
  expect(await api.worker!.get(MarkOverdueJob, { strict: false }).handle({ now: '2026-06-11T01:00:00Z' })).toMatchObject({ recommendations: 1 });
  await citizen.getByRole('link', { name: tr('councils.web.nav.tracker') }).first().click();
  await citizen.getByRole('heading', { level: 1, name: tr('councils.web.tracker.title') }).waitFor();
  const row = citizen.locator('.cw-row').filter({ has: citizen.getByRole('heading', { name: 'Санарип өнүктүрүү министрлиги' }) });
  expect(await row.locator('[data-count="overdue"]').innerText()).toBe('1');
  expect(await row.locator('[data-count="ignored"]').innerText()).toBe('1');
  expect(await row.locator('[data-count="accepted"]').innerText()).toBe('0');
  expect(await a11yProblems(citizen)).toEqual([]);
  expect(await axeSeriousViolations(citizen)).toEqual([]);
  await citizen.screenshot({ path: artifact('cw-05-tracker-ky.png'), fullPage: true });

  // The body page shows the recommendation as overdue too.
  await citizen.goto(`${api.baseUrl}/councils/${c.bodyId}`, { waitUntil: 'networkidle' });
  await citizen.getByText(tr('councils.web.recommendation.OVERDUE')).waitFor();
});
