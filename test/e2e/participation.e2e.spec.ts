/**
 * Participatory budgeting on a phone (issue 11), 360×740 Chromium in Kyrgyz:
 * - an organiser creates a process through GraphQL (ideas phase, knapsack ballot, 1 000 000 som);
 * - a resident finds it from the community page, proposes a project through the web (cost typed "600 000",
 *   sent as exact minor units) and supports it; a resident is not offered the organisers' "next stage";
 * - the organiser moves it to review in the web, reviews every proposal through the web form (feasible with a
 *   reviewed cost, feasible at the estimate, rejected with a public reason) and opens the vote;
 * - two residents vote with the knapsack ballot: one tries to go over the envelope and is stopped with a
 *   visible message; both see their receipt code; a reload shows the ballot preselected for a change;
 * - the organiser closes the vote; the results page shows the winners, the ballots counted, the rule in plain
 *   Kyrgyz words from the engine's explanation, the SHA-256, and a .pb download holding both receipt codes.
 * axe finds nothing serious on the process page; the first screen carries none of these pages' code.
 * Screenshots in test-artifacts/e2e (pb-*.png).
 */
import { englishWordsIn, translate } from '@ashar/i18n';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Page, Request } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { member, PASSWORD, Person, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { CREATE_PROCESS, MOVE, processInVoting, SUBMIT } from '../../libs/participation/src/__tests__/support';
import { formatMinor } from '../../apps/web/src/pages/budget/money';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>) => translate('ky', key, params);
const som = (minor: string) => tr('participation.money', { amount: formatMinor(minor, 'ky'), currency: tr('budgets.currency.KGS') });
const OUTCOME = `query($id: ID!) { participatoryProcess(id: $id) { phase myBallot { receiptCode choices points } proposals { id title status estimatedCost reviewedCost }
  outcome { selected ballotCount ballotSetSha256 ballotSet } } }`;
const FIRST_SCREEN_JS_GZIP = 150 * 1024;

const web = webOnApi('e2epb', { worker: true });
let api: RunningApi;
let v: Village;
let second: Person;
let processId: string;

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
  second = await member(api, platform, v.communityId, 'CITIZEN', 'Асел');
  // The organiser (community admin) creates the process and opens the ideas phase; two more ideas come by API.
  processId = ok(
    await gql(api.baseUrl, CREATE_PROCESS, { input: { communityId: v.communityId, title: { ky: 'Ак-Дөбө 2027: айыл эмне курат?' }, currency: 'KGS', rules: { envelope: '100000000', ballotKind: 'KNAPSACK', minChoices: 1, countingRule: 'GREEDY', verification: 'SELF_DECLARED' } } }, { token: v.admin.token }),
  ).createParticipatoryProcess.id;
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));
  for (const [title, cost] of [['Мектептин чатыры', '50000000'], ['Спорт аянтчасы', '20000000'], ['Суу түтүгү', '30000000']]) {
    ok(await gql(api.baseUrl, SUBMIT, { input: { processId, title, description: 'Айылдын борборунда', estimatedCost: cost } }, { token: v.a.token }));
  }
});

const asPerson = (who: Person, path: string) => web.open(`${api.baseUrl}${path}`, { login: who.email, password: PASSWORD }, PHONE);
const card = (page: Page, title: string) => page.locator('.pb-proposal').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const nextButton = (page: Page, phase: string) => page.getByRole('button', { name: tr('participation.organiser.next', { phase: tr(`participation.phase.${phase}`) }) });

async function moveTo(page: Page, phase: string) {
  await nextButton(page, phase).click();
  await page.getByRole('status').filter({ hasText: tr('participation.organiser.moved', { phase: tr(`participation.phase.${phase}`) }) }).waitFor();
}

/** The variables of the next GraphQL mutation `name` the page sends while `act` runs. */
async function variablesOf(page: Page, name: string, act: () => Promise<void>): Promise<{ input: Record<string, unknown> }> {
  const sent = page.waitForRequest((r: Request) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes(`mutation ${name}`), { timeout: 10_000 });
  await act();
  return JSON.parse((await sent).postData()!).variables;
}

test('propose, support, review, vote with a knapsack ballot, and read the results in plain Kyrgyz', async () => {
  // A resident finds the process from the community page.
  const resident = await asPerson(v.citizen, `/communities/${v.communityId}`);
  await resident.getByRole('link', { name: tr('participation.communityLink') }).click();
  await resident.getByRole('heading', { level: 1, name: tr('participation.list.title', { name: 'Ак-Дөбө айылы' }) }).waitFor();
  await resident.getByRole('link', { name: /Ак-Дөбө 2027/ }).waitFor();
  expect(await resident.locator('.list__meta').first().innerText()).toContain(tr('participation.phase.IDEAS'));
  await resident.screenshot({ path: artifact('pb-01-processes-ky.png'), fullPage: true });
  await resident.getByRole('link', { name: /Ак-Дөбө 2027/ }).click();
  await resident.getByRole('heading', { level: 1, name: 'Ак-Дөбө 2027: айыл эмне курат?' }).waitFor();
  await resident.getByText(tr('participation.rules.knapsack', { envelope: som('100000000') })).waitFor();

  // Proposes a project: "600 000" typed as on a phone keyboard reaches the API as exact minor units.
  await resident.getByLabel(tr('participation.propose.fieldTitle')).fill('Көпүрө');
  await resident.getByLabel(tr('participation.propose.fieldDescription')).fill('Суунун үстүнөн жаңы көпүрө, мектепке жол');
  await resident.getByLabel(tr('participation.propose.fieldCost', { currency: tr('budgets.currency.KGS') })).pressSequentially('600 000');
  const proposed = await variablesOf(resident, 'PbSubmitProposal', () => resident.getByRole('button', { name: tr('participation.propose.submit') }).click());
  expect(proposed.input).toMatchObject({ processId, title: 'Көпүрө', estimatedCost: '60000000' });
  await resident.getByRole('status').filter({ hasText: tr('participation.propose.sent') }).waitFor();
  const bridge = card(resident, 'Көпүрө');
  await bridge.waitFor();
  expect(await bridge.innerText()).toContain(tr('participation.proposal.estimated', { cost: som('60000000') }));

  // Supports it: the toggle is pressed and the count goes up.
  await bridge.getByRole('button', { name: tr('participation.support.button') }).click();
  await bridge.getByText(tr('participation.proposal.supports', { count: 1 })).waitFor();
  expect(await bridge.getByRole('button', { name: tr('participation.support.button') }).getAttribute('aria-pressed')).toBe('true');
  await resident.screenshot({ path: artifact('pb-02-ideas-proposed-supported-ky.png'), fullPage: true });

  // A resident is not offered the organisers' step (viewerCanManage), and the API refuses it anyway.
  expect(await nextButton(resident, 'REVIEW').count()).toBe(0);
  expect((await gql(api.baseUrl, MOVE, { id: processId, phase: 'REVIEW' }, { token: v.citizen.token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(ok(await gql(api.baseUrl, OUTCOME, { id: processId })).participatoryProcess.phase).toBe('IDEAS');

  // The organiser moves it to review and reviews every proposal through the web form.
  const organiser = await asPerson(v.admin, `/participation/${processId}`);
  await moveTo(organiser, 'REVIEW');
  const costLabel = tr('participation.review.cost', { currency: tr('budgets.currency.KGS') });
  const review = async (title: string, how: { cost?: string; reason?: string }) => {
    const c = card(organiser, title);
    if (how.reason) {
      await c.getByLabel(tr('participation.review.rejected')).check();
      await c.getByLabel(tr('participation.review.reason')).fill(how.reason);
    } else if (how.cost) {
      await c.getByLabel(costLabel).pressSequentially(how.cost);
    }
    await c.getByRole('button', { name: tr('participation.review.submit') }).click();
    await c.getByText(tr(how.reason ? 'participation.status.REJECTED' : 'participation.status.FEASIBLE'), { exact: true }).waitFor();
  };
  await review('Көпүрө', { cost: '550 000' });
  await organiser.screenshot({ path: artifact('pb-03-review-ky.png'), fullPage: true });
  await review('Мектептин чатыры', {});
  await review('Спорт аянтчасы', {});
  await review('Суу түтүгү', { reason: 'Суу түтүгүн быйыл район өзү салат.' });
  expect(await card(organiser, 'Көпүрө').innerText()).toContain(tr('participation.proposal.reviewed', { cost: som('55000000') }));
  expect(await card(organiser, 'Суу түтүгү').innerText()).toContain(tr('participation.proposal.reason', { reason: 'Суу түтүгүн быйыл район өзү салат.' }));
  await moveTo(organiser, 'VOTING');

  // First voter: the bridge (550 000) and the school roof (500 000) together are over 1 000 000: refused in words.
  await resident.reload({ waitUntil: 'networkidle' });
  const option = (page: Page, title: string, minor: string) => page.getByLabel(tr('participation.ballot.option', { title, cost: som(minor) }));
  await option(resident, 'Көпүрө', '55000000').check();
  await option(resident, 'Мектептин чатыры', '50000000').click();
  const refusal = tr('participation.ballot.overEnvelope', { title: 'Мектептин чатыры', cost: som('50000000'), total: som('105000000'), envelope: som('100000000') });
  await resident.getByRole('alert').filter({ hasText: refusal }).waitFor();
  expect(await option(resident, 'Мектептин чатыры', '50000000').isChecked()).toBe(false);
  expect(await resident.getByLabel(tr('participation.ballot.option', { title: 'Суу түтүгү', cost: som('30000000') })).count()).toBe(0); // rejected: not on the ballot
  await resident.screenshot({ path: artifact('pb-04-ballot-over-envelope-ky.png') });
  await option(resident, 'Спорт аянтчасы', '20000000').check();
  await resident.getByText(tr('participation.ballot.total', { total: som('75000000'), envelope: som('100000000') })).waitFor();
  expect(await a11yProblems(resident)).toEqual([]);
  expect(await axeSeriousViolations(resident)).toEqual([]);
  await resident.getByRole('button', { name: tr('participation.ballot.submit') }).click();
  await resident.getByText(tr('participation.ballot.done')).waitFor();
  const mine = ok(await gql(api.baseUrl, OUTCOME, { id: processId }, { token: v.citizen.token })).participatoryProcess.myBallot;
  await resident.getByText(tr('participation.ballot.receipt', { code: mine.receiptCode })).waitFor();
  await resident.getByText(tr('participation.ballot.receiptHelp')).waitFor();
  await resident.screenshot({ path: artifact('pb-05-receipt-ky.png'), fullPage: true });

  // A reload shows the ballot as cast, to change until close.
  await resident.reload({ waitUntil: 'networkidle' });
  await resident.getByText(tr('participation.ballot.changing')).waitFor();
  expect(await option(resident, 'Көпүрө', '55000000').isChecked()).toBe(true);
  expect(await option(resident, 'Спорт аянтчасы', '20000000').isChecked()).toBe(true);
  await resident.getByRole('button', { name: tr('participation.ballot.submitChange') }).waitFor();

  // Second voter: the school roof and the sports ground.
  const voter2 = await asPerson(second, `/participation/${processId}`);
  await option(voter2, 'Мектептин чатыры', '50000000').check();
  await option(voter2, 'Спорт аянтчасы', '20000000').check();
  await voter2.getByRole('button', { name: tr('participation.ballot.submit') }).click();
  await voter2.getByText(tr('participation.ballot.done')).waitFor();
  const theirs = ok(await gql(api.baseUrl, OUTCOME, { id: processId }, { token: second.token })).participatoryProcess.myBallot;
  await voter2.getByText(tr('participation.ballot.receipt', { code: theirs.receiptCode })).waitFor();
  expect(theirs.receiptCode).not.toBe(mine.receiptCode);

  // The organiser closes the vote; the count runs on the worker; the page is looked at again until it is there.
  await organiser.reload({ waitUntil: 'networkidle' });
  await moveTo(organiser, 'RESULTS');
  const results = await asPerson(v.citizen, `/participation/${processId}`);
  const winnersHeading = results.getByRole('heading', { name: tr('participation.results.winners') });
  for (let i = 0; i < 60 && !(await winnersHeading.isVisible()); i++) {
    const again = results.getByRole('button', { name: tr('participation.results.refresh') });
    if (await again.isVisible()) await again.click();
    await results.waitForTimeout(500);
  }
  await winnersHeading.waitFor();
  const published = ok(await gql(api.baseUrl, OUTCOME, { id: processId })).participatoryProcess;
  const titleOf = new Map<string, string>(published.proposals.map((p: { id: string; title: string }) => [p.id, p.title]));
  const winners = await results.locator('.pb-winners li .list__title').allInnerTexts();
  expect(winners).toEqual(published.outcome.selected.map((id: string) => titleOf.get(id)));
  expect(winners[0]).toBe('Спорт аянтчасы'); // two votes: first in the greedy order
  expect(winners).toHaveLength(2); // then one of the 1-vote projects; the other no longer fits
  await results.getByText(tr('participation.results.ballots', { count: 2 })).waitFor();
  const explanation = (await results.locator('.pb-explanation').innerText()).replace(/\s+/g, ' ');
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  expect(explanation).toContain(flat(tr('participation.explain.greedy.APPROVALS', { budget: som('100000000') })));
  expect(explanation).toContain(flat(tr('participation.explain.step.SELECTED', { rank: 1, project: 'Спорт аянтчасы', cost: som('20000000'), score: tr('participation.explain.score.votes', { count: 2 }), after: som('80000000') })));
  expect(explanation).toMatch(/3\. «(Көпүрө|Мектептин чатыры)»/);
  // Kyrgyz sentences only: no catalogue key, no English.
  expect(explanation).not.toMatch(/participation\.|funded|voters/);
  await results.getByText(tr('participation.results.sha', { hash: published.outcome.ballotSetSha256 })).waitFor();

  // The .pb link: a Blob of the published set, which holds both receipt codes and hashes to the SHA-256 shown.
  const link = results.getByRole('link', { name: tr('participation.results.download') });
  expect(await link.getAttribute('download')).toMatch(/\.pb$/);
  const [download] = await Promise.all([results.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.pb$/);
  const pb = fs.readFileSync((await download.path())!, 'utf8');
  expect(pb).toContain(mine.receiptCode);
  expect(pb).toContain(theirs.receiptCode);
  expect(createHash('sha256').update(pb).digest('hex')).toBe(published.outcome.ballotSetSha256);
  expect(await a11yProblems(results)).toEqual([]);
  expect(await axeSeriousViolations(results)).toEqual([]);
  expect(englishWordsIn(await mainWords(results))).toEqual([]);
  await results.screenshot({ path: artifact('pb-06-results-ky.png'), fullPage: true });
  for (const p of [resident, organiser, voter2, results]) await p.context().close();
});

test('the first screen carries none of the participation pages: they are lazy chunks', async () => {
  const fresh = await (await web.browser.newContext(PHONE)).newPage();
  const scripts: Array<{ url: string; gzip: number; body: string }> = [];
  fresh.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    scripts.push({ url: response.url(), gzip: gzipSync(body).length, body: body.toString('utf8') });
  });
  await fresh.goto(`${api.baseUrl}/`, { waitUntil: 'networkidle' });
  const js = scripts.reduce((a, s) => a + s.gzip, 0);
  console.log(`first-screen JS with the participation pages built: ${(js / 1024).toFixed(1)} KB gzipped in ${scripts.length} files`);
  expect(js).toBeLessThanOrEqual(FIRST_SCREEN_JS_GZIP);
  expect(scripts.filter((s) => /PbCastBallot|pb-ballot/.test(s.body)).map((s) => s.url)).toEqual([]);
  // The process page's own code arrives when it is opened.
  scripts.length = 0;
  await fresh.goto(`${api.baseUrl}/participation/${processId}`, { waitUntil: 'networkidle' });
  await fresh.getByRole('heading', { level: 1 }).waitFor();
  expect(scripts.some((s) => s.body.includes('PbCastBallot'))).toBe(true);
  await fresh.context().close();
});

/** The visible words of the page's main area, without the hash and receipt codes (hex and code letters are not words). */
const mainWords = (page: Page) =>
  page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.pb-sha, .pb-receipt__code').forEach((el) => el.remove());
    return copy.innerText;
  });

test('approval, cumulative and ranking ballots: limits said before sending, points and order reach the API', async () => {
  const costs = ['30000000', '45000000', '25000000'];
  const voter = await asPerson(second, '/');
  const mineIn = async (id: string) => ok(await gql(api.baseUrl, OUTCOME, { id }, { token: second.token })).participatoryProcess.myBallot;

  // Approval, at most one project: a second tick is refused in words.
  const approval = await processInVoting(api, v, costs, { envelope: '100000000', ballotKind: 'APPROVAL', minChoices: 1, maxChoices: 1, countingRule: 'GREEDY', verification: 'SELF_DECLARED' });
  await voter.goto(`${api.baseUrl}/participation/${approval.processId}`, { waitUntil: 'networkidle' });
  await voter.getByText(tr('participation.rules.approvalMax', { min: 1, max: 1 })).waitFor();
  await voter.getByLabel(tr('participation.ballot.option', { title: 'Долбоор 2', cost: som('45000000') })).check();
  await voter.getByLabel(tr('participation.ballot.option', { title: 'Долбоор 1', cost: som('30000000') })).click();
  await voter.getByRole('alert').filter({ hasText: tr('participation.ballot.tooMany', { max: 1 }) }).waitFor();
  await voter.getByRole('button', { name: tr('participation.ballot.submit') }).click();
  await voter.getByText(tr('participation.ballot.done')).waitFor();
  expect((await mineIn(approval.processId)).choices).toEqual([approval.proposals[1]]);

  // Cumulative, 10 points: 11 is refused before sending; 7 + 3 are stored as points.
  const cumulative = await processInVoting(api, v, costs, { envelope: '100000000', ballotKind: 'CUMULATIVE', minChoices: 1, maxPoints: 10, countingRule: 'MES', verification: 'SELF_DECLARED' });
  await voter.goto(`${api.baseUrl}/participation/${cumulative.processId}`, { waitUntil: 'networkidle' });
  await voter.getByText(tr('participation.rules.cumulative', { points: 10 })).waitFor();
  await voter.getByText(tr('participation.rules.count.MES')).waitFor();
  await voter.getByLabel(tr('participation.ballot.points', { title: 'Долбоор 1' })).fill('8');
  await voter.getByLabel(tr('participation.ballot.points', { title: 'Долбоор 3' })).fill('3');
  await voter.getByText(tr('participation.ballot.pointsGiven', { given: 11, max: 10 })).waitFor();
  await voter.getByRole('button', { name: tr('participation.ballot.submit') }).click();
  await voter.getByRole('alert').filter({ hasText: tr('errors.participation.ballot.OVER_POINTS_CAP', { limit: 10 }) }).waitFor();
  expect(await mineIn(cumulative.processId)).toBeNull();
  await voter.getByLabel(tr('participation.ballot.points', { title: 'Долбоор 1' })).fill('7');
  await voter.getByRole('button', { name: tr('participation.ballot.submit') }).click();
  await voter.getByText(tr('participation.ballot.done')).waitFor();
  expect(await mineIn(cumulative.processId)).toMatchObject({ choices: [cumulative.proposals[0], cumulative.proposals[2]], points: [7, 3] });
  expect(englishWordsIn(await mainWords(voter))).toEqual([]);
  await voter.screenshot({ path: artifact('pb-07-cumulative-ky.png'), fullPage: true });

  // Ranking: one place per project (a repeated place is said), then the order is the ballot.
  const ranking = await processInVoting(api, v, costs, { envelope: '100000000', ballotKind: 'RANKING', minChoices: 1, maxChoices: 3, countingRule: 'GREEDY', verification: 'SELF_DECLARED' });
  await voter.goto(`${api.baseUrl}/participation/${ranking.processId}`, { waitUntil: 'networkidle' });
  await voter.getByText(tr('participation.rules.count.BORDA')).waitFor();
  await voter.getByLabel(tr('participation.ballot.rank', { title: 'Долбоор 3' })).selectOption('1');
  await voter.getByLabel(tr('participation.ballot.rank', { title: 'Долбоор 1' })).selectOption('1');
  await voter.getByRole('button', { name: tr('participation.ballot.submit') }).click();
  await voter.getByRole('alert').filter({ hasText: tr('participation.ballot.rankDuplicate') }).waitFor();
  await voter.getByLabel(tr('participation.ballot.rank', { title: 'Долбоор 1' })).selectOption('2');
  await voter.getByRole('button', { name: tr('participation.ballot.submit') }).click();
  await voter.getByText(tr('participation.ballot.done')).waitFor();
  expect((await mineIn(ranking.processId)).choices).toEqual([ranking.proposals[2], ranking.proposals[0]]);
  expect(await axeSeriousViolations(voter)).toEqual([]);
  await voter.screenshot({ path: artifact('pb-08-ranking-ky.png'), fullPage: true });
  await voter.context().close();
});
