/**
 * Issue 11, the resident's journey on a phone (360×740 Chromium, Kyrgyz), in a process that asks for a
 * verified phone: the resident proposes and supports in the ideas phase; in the vote the page says the
 * level needed and theirs, offers "verify by SMS", refuses a wrong code with the attempts left (the API's
 * message, in Kyrgyz), an expired code and a fourth code in an hour (rate limited), accepts the SMS code (read sealed from notification_deliveries, as the logging SMS
 * provider left it) and then shows the knapsack ballot; the resident votes, sees the receipt, and after the
 * close reads the winners with the explanation. Screenshots in test-artifacts/e2e (pbr-*.png).
 */
import { translate } from '@ashar/i18n';
import { unsealParams } from '@ashar/notifications';
import { Page } from 'playwright-core';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { CREATE_PROCESS, KNAPSACK, MOVE, processInVoting, REVIEW, SUBMIT } from '../../libs/participation/src/__tests__/support';
import { formatMinor } from '../../apps/web/src/pages/budget/money';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';
import { PASSWORD } from '../../libs/budgets/src/__tests__/support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>) => translate('ky', key, params);
const som = (minor: string) => tr('participation.money', { amount: formatMinor(minor, 'ky'), currency: tr('budgets.currency.KGS') });
const OUTCOME = `query($id: ID!) { participatoryProcess(id: $id) { phase myBallot { receiptCode choices } proposals { id title } outcome { selected } } }`;
const MY_LEVEL = `query($c: ID!) { myVoterVerification(communityId: $c) { level phone } }`;

const web = webOnApi('e2epbres', { worker: true });
let api: RunningApi;
let v: Village;
let processId: string;

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
  processId = ok(
    await gql(api.baseUrl, CREATE_PROCESS, { input: { communityId: v.communityId, title: { ky: 'Ак-Дөбө 2027' }, currency: 'KGS', rules: { envelope: '100000000', ballotKind: 'KNAPSACK', minChoices: 1, countingRule: 'GREEDY', verification: 'PHONE' } } }, { token: v.admin.token }),
  ).createParticipatoryProcess.id;
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));
  for (const [title, cost] of [['Мектептин чатыры', '50000000'], ['Спорт аянтчасы', '20000000']]) {
    ok(await gql(api.baseUrl, SUBMIT, { input: { processId, title, description: 'Айылдын борборунда', estimatedCost: cost } }, { token: v.a.token }));
  }
});

const card = (page: Page, title: string) => page.locator('.pb-proposal').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const option = (page: Page, title: string, minor: string) => page.getByLabel(tr('participation.ballot.option', { title, cost: som(minor) }));

/** The code of the resident's latest SMS, opened from its sealed delivery record. */
async function lastSmsCode(accountId: string): Promise<string> {
  const [row] = await api.dataSource.query(`SELECT params FROM notification_deliveries WHERE account_id = $1 AND template_key = 'notifications.phoneCode' ORDER BY created_at DESC LIMIT 1`, [accountId]);
  expect(JSON.stringify(row.params)).not.toMatch(/"code":"\d{6}"/); // sealed at rest
  return String(unsealParams(row.params, api.config.jwtSecret).code);
}

test('a resident proposes, supports, verifies by SMS code, votes with a knapsack ballot and reads the results', async () => {
  const resident = await web.open(`${api.baseUrl}/participation/${processId}`, { login: v.citizen.email, password: PASSWORD }, PHONE);
  await resident.getByRole('heading', { level: 1, name: 'Ак-Дөбө 2027' }).waitFor();

  // Ideas: proposes a bridge and supports it.
  await resident.getByLabel(tr('participation.propose.fieldTitle')).fill('Көпүрө');
  await resident.getByLabel(tr('participation.propose.fieldDescription')).fill('Суунун үстүнөн жаңы көпүрө');
  await resident.getByLabel(tr('participation.propose.fieldCost', { currency: tr('budgets.currency.KGS') })).pressSequentially('400 000');
  await resident.getByRole('button', { name: tr('participation.propose.submit') }).click();
  await resident.getByRole('status').filter({ hasText: tr('participation.propose.sent') }).waitFor();
  const bridge = card(resident, 'Көпүрө');
  await bridge.getByRole('button', { name: tr('participation.support.button') }).click();
  await bridge.getByText(tr('participation.proposal.supports', { count: 1 })).waitFor();
  await resident.screenshot({ path: artifact('pbr-01-proposed-supported-ky.png'), fullPage: true });

  // The organisers review and open the vote (their own pages are covered by participation.e2e.spec.ts).
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'REVIEW' }, { token: v.admin.token }));
  const { proposals } = ok(await gql(api.baseUrl, OUTCOME, { id: processId })).participatoryProcess;
  for (const x of proposals) ok(await gql(api.baseUrl, REVIEW, { input: { proposalId: x.id, feasible: true } }, { token: v.a.token }));
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'VOTING' }, { token: v.admin.token }));

  // The vote asks for a verified phone: the page says so, shows the resident's level, and no ballot yet.
  await resident.reload({ waitUntil: 'networkidle' });
  await resident.getByText(tr('verification.needed', { level: tr('verification.level.PHONE') }), { exact: false }).waitFor();
  await resident.getByText(tr('verification.yours', { level: tr('verification.level.SELF_DECLARED') }), { exact: false }).waitFor();
  await resident.getByRole('heading', { name: tr('verification.phone.title') }).waitFor();
  expect(await resident.getByRole('button', { name: tr('participation.ballot.submit') }).count()).toBe(0);
  await resident.screenshot({ path: artifact('pbr-02-verification-needed-ky.png'), fullPage: true });

  // Verify by SMS: the number as people write it; the code goes to the E.164 number.
  await resident.getByLabel(tr('verification.phone.number')).fill('0700 321 654');
  await resident.getByRole('button', { name: tr('verification.phone.send') }).click();
  await resident.getByRole('status').filter({ hasText: tr('verification.phone.sent', { phone: '+996700321654' }) }).waitFor();
  const code = await lastSmsCode(v.citizen.id);

  // A wrong code is refused with the attempts left, in Kyrgyz, beside the code field.
  const wrong = code === '000000' ? '111111' : '000000';
  await resident.getByLabel(tr('verification.phone.code')).fill(wrong);
  await resident.getByRole('button', { name: tr('verification.phone.confirm') }).click();
  await resident.getByText(tr('errors.phoneVerification.wrongCode', { attemptsLeft: 4 })).waitFor();
  expect(ok(await gql(api.baseUrl, MY_LEVEL, { c: v.communityId }, { token: v.citizen.token })).myVoterVerification.level).toBe('SELF_DECLARED');
  await resident.screenshot({ path: artifact('pbr-03-wrong-code-ky.png'), fullPage: true });

  // An expired code: said so, with the way out (a new code).
  await api.dataSource.query(`UPDATE phone_verification_codes SET expires_at = now() - interval '1 minute' WHERE account_id = $1 AND spent_at IS NULL`, [v.citizen.id]);
  await resident.getByLabel(tr('verification.phone.code')).fill(code);
  await resident.getByRole('button', { name: tr('verification.phone.confirm') }).click();
  await resident.getByText(tr('errors.phoneVerification.expired')).waitFor();

  // New codes: three an hour to one number; the fourth is refused with the wait in seconds.
  let codeRequests = 0;
  resident.on('request', (r) => void ((r.postData() ?? '').includes('mutation VerRequestPhone') && codeRequests++));
  const askAgain = async () => {
    await resident.getByRole('button', { name: tr('verification.phone.again') }).click();
    await resident.getByRole('button', { name: tr('verification.phone.send') }).click();
  };
  await askAgain();
  await resident.getByRole('status').filter({ hasText: tr('verification.phone.sent', { phone: '+996700321654' }) }).waitFor();
  await askAgain();
  await resident.getByRole('status').filter({ hasText: tr('verification.phone.sent', { phone: '+996700321654' }) }).waitFor();
  const fresh = await lastSmsCode(v.citizen.id);
  await askAgain();
  const [beforeSeconds] = tr('errors.TOO_MANY_REQUESTS', { seconds: 987654 }).split('987654');
  await resident.getByRole('alert').filter({ hasText: beforeSeconds }).waitFor();
  expect(codeRequests).toBe(3); // one request per tap: going back to the number sends nothing
  await resident.screenshot({ path: artifact('pbr-03b-rate-limited-ky.png'), fullPage: true });

  // The right code (the latest sent): verified, and the ballot is there.
  await resident.getByRole('button', { name: tr('verification.phone.haveCode') }).click();
  await resident.getByLabel(tr('verification.phone.code')).fill(fresh);
  await resident.getByRole('button', { name: tr('verification.phone.confirm') }).click();
  await resident.getByRole('status').filter({ hasText: tr('verification.phone.done') }).waitFor();
  await resident.getByText(tr('verification.yours', { level: tr('verification.level.PHONE') }), { exact: false }).waitFor();
  expect(ok(await gql(api.baseUrl, MY_LEVEL, { c: v.communityId }, { token: v.citizen.token })).myVoterVerification).toEqual({ level: 'PHONE', phone: '+996700321654' });

  // Knapsack ballot: the bridge and the sports ground, 600 000 of 1 000 000.
  await option(resident, 'Көпүрө', '40000000').check();
  await option(resident, 'Спорт аянтчасы', '20000000').check();
  await resident.getByText(tr('participation.ballot.total', { total: som('60000000'), envelope: som('100000000') })).waitFor();
  expect(await a11yProblems(resident)).toEqual([]);
  expect(await axeSeriousViolations(resident)).toEqual([]);
  await resident.getByRole('button', { name: tr('participation.ballot.submit') }).click();
  await resident.getByText(tr('participation.ballot.done')).waitFor();
  const mine = ok(await gql(api.baseUrl, OUTCOME, { id: processId }, { token: v.citizen.token })).participatoryProcess.myBallot;
  await resident.getByText(tr('participation.ballot.receipt', { code: mine.receiptCode })).waitFor();
  await resident.screenshot({ path: artifact('pbr-04-receipt-ky.png'), fullPage: true });

  // The vote closes; the resident sees the winners and the explanation in Kyrgyz.
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
  const winnersHeading = resident.getByRole('heading', { name: tr('participation.results.winners') });
  for (let i = 0; i < 60 && !(await winnersHeading.isVisible()); i++) {
    const again = resident.getByRole('button', { name: tr('participation.results.refresh') });
    if (await again.isVisible()) await again.click();
    else if (i % 4 === 0) await resident.reload({ waitUntil: 'networkidle' });
    await resident.waitForTimeout(500);
  }
  await winnersHeading.waitFor();
  const winners = await resident.locator('.pb-winners li .list__title').allInnerTexts();
  expect(winners.sort()).toEqual(['Көпүрө', 'Спорт аянтчасы'].sort());
  await resident.getByText(tr('participation.results.ballots', { count: 1 })).waitFor();
  const explanation = (await resident.locator('.pb-explanation').innerText()).replace(/\s+/g, ' ');
  expect(explanation).toContain(tr('participation.explain.greedy.APPROVALS', { budget: som('100000000') }).replace(/\s+/g, ' '));
  expect(explanation).not.toMatch(/participation\.|funded|voters/);
  await resident.screenshot({ path: artifact('pbr-05-results-ky.png'), fullPage: true });
  await resident.context().close();
});

const SCHEDULE = `query($id: ID!) { participatoryProcess(id: $id) { phase timeZone schedule { phase startsAt } } }`;

test('an organiser plans the phase starts in the community zone; everyone sees them with the zone named', async () => {
  const year = new Date().getUTCFullYear() + 1;
  const organiser = await web.open(`${api.baseUrl}/communities/${v.communityId}/participation/new`, { login: v.admin.email, password: PASSWORD }, PHONE);
  await organiser.getByRole('heading', { level: 1, name: tr('participation.create.title') }).waitFor();
  await organiser.getByLabel(tr('participation.create.fieldTitle')).fill('Ак-Дөбө 2028');
  await organiser.getByLabel(tr('participation.create.envelope', { currency: tr('budgets.currency.KGS') })).pressSequentially('1 000 000');
  await organiser.getByText(tr('participation.schedule.zoneCommunity'), { exact: false }).waitFor();
  const field = (phase: string) => organiser.getByLabel(tr('participation.schedule.field', { phase: tr(`participation.phase.${phase}`) }));
  // Out of order: said beside the field, nothing created.
  await field('IDEAS').fill(`${year}-03-10T09:00`);
  await field('VOTING').fill(`${year}-03-01T09:00`);
  await organiser.getByRole('button', { name: tr('participation.create.submit') }).click();
  await organiser.getByText(tr('errors.participation.scheduleOrder')).waitFor();
  expect(organiser.url()).toContain('/participation/new');
  await organiser.screenshot({ path: artifact('pbr-06-plan-order-ky.png'), fullPage: true });
  await field('VOTING').fill(`${year}-04-01T18:30`);
  await organiser.getByRole('button', { name: tr('participation.create.submit') }).click();
  await organiser.waitForURL((u) => /^\/participation\/[0-9a-f-]{36}$/.test(u.pathname));
  const id = organiser.url().split('/').pop()!;
  const planned = ok(await gql(api.baseUrl, SCHEDULE, { id }, { token: v.admin.token })).participatoryProcess;
  expect(planned.timeZone).toBe('Asia/Bishkek');
  // Wall time in Bishkek (UTC+6), whatever the browser's zone.
  expect(planned.schedule.map((s: { phase: string; startsAt: string }) => [s.phase, new Date(s.startsAt).toISOString()])).toEqual([
    ['IDEAS', `${year}-03-10T03:00:00.000Z`],
    ['VOTING', `${year}-04-01T12:30:00.000Z`],
  ]);
  const starts = (page: Page, phase: string, date: string) => page.getByText(tr('participation.schedule.starts', { phase: tr(`participation.phase.${phase}`), date }));
  await starts(organiser, 'IDEAS', `10.03.${year}, 09:00`).waitFor();
  await starts(organiser, 'VOTING', `01.04.${year}, 18:30`).waitFor();
  await organiser.getByText(tr('participation.schedule.zone', { zone: 'Asia/Bishkek (UTC+06:00)' })).first().waitFor();

  // The organiser moves the review's start on the process page; a resident (in ideas) sees the plan, no form.
  await field('REVIEW').fill(`${year}-03-20T08:00`);
  await organiser.getByRole('button', { name: tr('participation.schedule.save') }).click();
  await organiser.getByRole('status').filter({ hasText: tr('participation.schedule.saved') }).waitFor();
  await starts(organiser, 'REVIEW', `20.03.${year}, 08:00`).waitFor();
  await organiser.screenshot({ path: artifact('pbr-07-plan-ky.png'), fullPage: true });
  ok(await gql(api.baseUrl, MOVE, { id, phase: 'IDEAS' }, { token: v.admin.token }));
  const resident = await web.open(`${api.baseUrl}/participation/${id}`, { login: v.citizen.email, password: PASSWORD }, PHONE);
  await starts(resident, 'REVIEW', `20.03.${year}, 08:00`).waitFor();
  await starts(resident, 'VOTING', `01.04.${year}, 18:30`).waitFor();
  await resident.getByText(tr('participation.schedule.zone', { zone: 'Asia/Bishkek (UTC+06:00)' })).waitFor();
  expect(await resident.getByRole('button', { name: tr('participation.schedule.save') }).count()).toBe(0);
  expect(await resident.getByText(tr('participation.schedule.starts', { phase: tr('participation.phase.IDEAS'), date: `10.03.${year}, 09:00` })).count()).toBe(0); // begun: no longer planned
  await resident.screenshot({ path: artifact('pbr-08-plan-resident-ky.png'), fullPage: true });
  await organiser.context().close();
  await resident.context().close();
});

test('a budget-group member verifies a resident in person; the resident then meets an IN_PERSON vote', async () => {
  const member = await web.open(`${api.baseUrl}/communities/${v.communityId}/participation/verify`, { login: v.a.email, password: PASSWORD }, PHONE);
  await member.getByRole('heading', { level: 1, name: tr('verification.inPerson.title') }).waitFor();
  await member.getByLabel(tr('verification.inPerson.resident')).selectOption({ label: 'Жаран' });
  await member.getByLabel(tr('verification.inPerson.kind'), { exact: true }).selectOption('KG_PIN');
  // A number of the wrong form: the API's message beside the field.
  await member.getByLabel(tr('verification.inPerson.number')).fill('123');
  await member.getByRole('button', { name: tr('verification.inPerson.submit') }).click();
  await member.locator('.field__error').first().waitFor();
  await member.getByLabel(tr('verification.inPerson.number')).fill('2 15051990 00123');
  await member.getByRole('button', { name: tr('verification.inPerson.submit') }).click();
  await member.getByRole('status').filter({ hasText: tr('verification.inPerson.done', { name: 'Жаран' }) }).waitFor();
  expect(ok(await gql(api.baseUrl, MY_LEVEL, { c: v.communityId }, { token: v.citizen.token })).myVoterVerification.level).toBe('IN_PERSON');
  await member.screenshot({ path: artifact('pbr-09-in-person-ky.png'), fullPage: true });
  await member.context().close();

  // A vote that asks for in-person verification: the ballot is there for this resident, with the level said.
  const inPerson = await processInVoting(api, v, ['30000000', '20000000'], { ...KNAPSACK, verification: 'IN_PERSON' });
  const resident = await web.open(`${api.baseUrl}/participation/${inPerson.processId}`, { login: v.citizen.email, password: PASSWORD }, PHONE);
  await resident.getByText(tr('verification.yours', { level: tr('verification.level.IN_PERSON') }), { exact: false }).waitFor();
  await resident.getByRole('button', { name: tr('participation.ballot.submit') }).waitFor();
  expect(await resident.getByRole('heading', { name: tr('verification.phone.title') }).count()).toBe(0);
  await resident.context().close();
});
