/**
 * Participatory budgeting, the member's phone and the citizen's check (issue 11), 360×740 Chromium:
 * - a budget-group member opens the paper-ballot page, loses the connection (context.setOffline), enters two
 *   paper sheets and the meeting's list of paper voters; the queue says how many wait and since when, a
 *   reload without a connection keeps them (the page asks before leaving, log-out asks first), nothing
 *   reaches the server; back online they are sent by themselves, once (counted in the database and through
 *   the API; the same batch sent again is still one entry each); a queued sheet whose id is stored with
 *   other content is a CONFLICT shown in the queue; the citizen registered as a paper voter cannot vote online;
 *   a second member's differing entry lists the sheet as a mismatch;
 * - the organiser creates a process through the web form; a resident sees no organiser controls;
 * - after a count, the results explain the rule in plain words in Kyrgyz, Russian, Kazakh and English, and the
 *   recount page downloads the published .pb, hashes it (WebCrypto) and re-counts it in a Web Worker: it
 *   agrees with the published winners; a tampered file is said not to be the published one.
 * Screenshots in test-artifacts/e2e (pb-offline-*.png, pb-recount-*.png, pb-explain-*.png).
 */
import { englishWordsIn, Locale, translate } from '@ashar/i18n';
import { Dialog } from 'playwright-core';
import { eventually } from '../support/eventually';
import { gql, ok } from '../support/graphql-client';
import type { RunningApi } from '../support/api-harness';
import { PASSWORD, Person, platformAdmin, village, Village } from '../../libs/budgets/src/__tests__/support';
import { cast, MOVE, processInVoting } from '../../libs/participation/src/__tests__/support';
import { PB_ENTER_PAPER_BALLOT } from '../../apps/web/src/pages/participation/participation.operations';
import { formatMinor } from '../../apps/web/src/pages/budget/money';
import { a11yProblems, artifact, axeSeriousViolations, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>, locale: Locale = 'ky') => translate(locale, key, params);
const prefix = (key: string, params: Record<string, string | number> = {}) => tr(key, { time: '\u0000', ...params }).split('\u0000')[0];
const som = (minor: string, locale: Locale = 'ky') => tr('participation.money', { amount: formatMinor(minor, locale), currency: tr('budgets.currency.KGS', {}, locale) }, locale);
const ENTER = `mutation($input: EnterPaperBallotInput!) { enterPaperBallot(input: $input) { sheetCode status } }`;
const SHEETS = `query($id: ID!) { paperSheets(processId: $id) { sheetCode status entries { id choices } } }`;
const OUTCOME = `query($id: ID!) { participatoryProcess(id: $id) { phase proposals { id title } outcome { selected ballotSetSha256 ballotSet explanation } } }`;

const web = webOnApi('e2epbo', { worker: true });
let api: RunningApi;
let v: Village;

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
});

const asPerson = (who: Person, path: string, locale = 'ky-KG') => web.open(`${api.baseUrl}${path}`, { login: who.email, password: PASSWORD }, { ...PHONE, locale });
const entriesOf = (processId: string) =>
  api.dataSource.query(`SELECT sheet_code, entered_by, choices, client_request_id FROM pb_paper_entries WHERE process_id = $1 ORDER BY sheet_code`, [processId]);

test('a member enters paper ballots with no connection; back online they are sent once', async () => {
  const { processId, proposals } = await processInVoting(api, v, ['30000000', '45000000', '25000000']);
  const page = await asPerson(v.a, `/participation/${processId}/paper`);
  const dialogs: string[] = [];
  // Leaving with unsent writes asks first: accepted here (the test reloads on purpose); log-out's question is declined.
  page.on('dialog', (d: Dialog) => {
    dialogs.push(d.type());
    void (d.type() === 'beforeunload' ? d.accept() : d.dismiss());
  });
  await page.getByRole('heading', { level: 1, name: tr('participation.paper.title', { title: 'Ашар 2027' }) }).waitFor();
  // The service worker takes over; what the page reads from now on is kept for offline use.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForFunction(async () => {
    const shell = await (await caches.open('ashar-shell-v1')).keys();
    const reads = await (await caches.open('ashar-reads-v1')).keys();
    return shell.some((r) => r.url.includes('paper-ballots.page')) && reads.some((r) => r.url.includes('/PbProcess')) && reads.some((r) => r.url.includes('/PbMembers'));
  }, undefined, { timeout: 30_000 });

  // 1. No connection: two sheets and the list of paper voters go into the phone's outbox.
  await page.context().setOffline(true);
  const option = (title: string, minor: string) => page.getByLabel(tr('participation.ballot.option', { title, cost: som(minor) }));
  const sheet = page.getByLabel(tr('participation.paper.sheet'));
  await sheet.fill('1');
  await option('Долбоор 1', '30000000').check();
  await option('Долбоор 3', '25000000').check();
  await page.getByRole('button', { name: tr('participation.paper.submit') }).click();
  await page.getByRole('status').filter({ hasText: tr('participation.paper.queued', { sheet: '1' }) }).waitFor();
  expect(await sheet.inputValue()).toBe(''); // ready for the next sheet
  await sheet.fill('2');
  await option('Долбоор 2', '45000000').check();
  await page.getByRole('button', { name: tr('participation.paper.submit') }).click();
  await page.getByRole('status').filter({ hasText: tr('participation.paper.queued', { sheet: '2' }) }).waitFor();
  // A sheet that cannot count is said at once, offline too, and not queued.
  await sheet.fill('3');
  await page.getByRole('button', { name: tr('participation.paper.submit') }).click();
  await page.getByRole('alert').filter({ hasText: tr('errors.participation.ballot.TOO_FEW_PROJECTS', { limit: 1 }) }).waitFor();
  await sheet.fill('');
  await page.getByLabel('Жаран', { exact: true }).check();
  await page.getByRole('button', { name: tr('participation.paper.votersSubmit') }).click();
  await page.getByRole('status').filter({ hasText: tr('participation.paper.votersQueued') }).waitFor();
  const queue = page.getByRole('complementary', { name: tr('offline.queue.title') });
  await queue.getByText(prefix('offline.queue.summary', { count: 3 })).waitFor();
  expect(await queue.innerText()).toContain(tr('offline.op.paperBallot', { sheet: '1' }));
  expect(await queue.innerText()).toContain(tr('offline.op.paperVoters', { count: 1 }));
  await page.screenshot({ path: artifact('pb-offline-01-queued-ky.png'), fullPage: true });
  expect(await entriesOf(processId)).toEqual([]);

  // Log-out asks first while writes wait (declined: still signed in, the queue still there).
  await page.getByRole('button', { name: tr('nav.logOut') }).click();
  await eventually(async () => dialogs.includes('confirm'), 5_000);
  expect(await page.getByRole('button', { name: tr('nav.logOut') }).isVisible()).toBe(true);

  // 2. Reload without a connection: the page (from this phone's cache) and the queue are still there.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { level: 1, name: tr('participation.paper.title', { title: 'Ашар 2027' }) }).waitFor({ timeout: 30_000 });
  await queue.getByText(prefix('offline.queue.summary', { count: 3 })).waitFor();
  expect(dialogs).toContain('beforeunload');
  expect(await a11yProblems(page)).toEqual([]);
  await page.screenshot({ path: artifact('pb-offline-02-reloaded-offline-ky.png'), fullPage: true });
  expect(await entriesOf(processId)).toEqual([]);

  // 3. The connection returns: the queue is sent by itself, once.
  await page.context().setOffline(false);
  await page.getByRole('status').filter({ hasText: tr('offline.queue.allSent') }).waitFor({ timeout: 60_000 });
  const stored = await entriesOf(processId);
  expect(stored.map((e: { sheet_code: string; choices: string[] }) => [e.sheet_code, e.choices])).toEqual([
    ['1', [proposals[0], proposals[2]]],
    ['2', [proposals[1]]],
  ]);
  stored.forEach((e: { entered_by: string; client_request_id: string }) => {
    expect(e.entered_by).toBe(v.a.id);
    expect(e.client_request_id).toMatch(/^[0-9a-f-]{36}$/);
  });
  const viaApi = ok(await gql(api.baseUrl, SHEETS, { id: processId }, { token: v.a.token })).paperSheets;
  expect(viaApi.map((s: { sheetCode: string; status: string; entries: unknown[] }) => [s.sheetCode, s.status, s.entries.length])).toEqual([
    ['1', 'PENDING', 1],
    ['2', 'PENDING', 1],
  ]);
  const registry = await api.dataSource.query(`SELECT account_id, channel FROM pb_voter_registry WHERE process_id = $1`, [processId]);
  expect(registry).toEqual([{ account_id: v.citizen.id, channel: 'PAPER' }]);
  await page.screenshot({ path: artifact('pb-offline-03-sent-ky.png'), fullPage: true });

  // The same batch sent again (an answer lost on the way back) is still one entry each.
  for (const e of stored as Array<{ sheet_code: string; choices: string[]; client_request_id: string }>) {
    const again = ok(await gql(api.baseUrl, ENTER, { input: { processId, sheetCode: e.sheet_code, choices: e.choices, clientRequestId: e.client_request_id } }, { token: v.a.token }));
    expect(again.enterPaperBallot).toEqual({ sheetCode: e.sheet_code, status: 'PENDING' });
  }
  expect(await entriesOf(processId)).toHaveLength(2);
  // The citizen on the meeting's list cannot also vote online.
  const online = await cast(api, v.citizen, processId, [proposals[0]]);
  expect(online.errors?.[0].extensions?.code).toBe('CONFLICT');

  // 4. A queued sheet whose id is already stored with other content: CONFLICT, kept in the queue and said.
  const first = stored[0] as { client_request_id: string };
  await page.evaluate(
    ([query, item]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ashar-offline', 1);
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          tx.objectStore('outbox').put({ ...(item as object), query });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [
      PB_ENTER_PAPER_BALLOT as string,
      {
        id: first.client_request_id,
        operation: 'PbEnterPaperBallot',
        variables: { input: { processId, sheetCode: '1', choices: [proposals[1]], clientRequestId: first.client_request_id } },
        createdAt: new Date().toISOString(),
        scope: v.a.id,
        state: 'pending',
        attempts: 0,
        summary: { key: 'offline.op.paperBallot', params: { sheet: '1' } },
      },
    ] as const,
  );
  await page.reload({ waitUntil: 'networkidle' });
  await queue.getByRole('alert').filter({ hasText: tr('errors.participation.clientRequestConflict') }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: artifact('pb-offline-04-conflict-ky.png'), fullPage: true });
  expect(await entriesOf(processId)).toHaveLength(2);
  await queue.getByRole('button', { name: tr('offline.queue.discard') }).click();
  await queue.waitFor({ state: 'detached' });

  // 5. A second member: sheet 1 alike (counted), sheet 2 otherwise (a mismatch, listed on the page).
  expect(ok(await gql(api.baseUrl, ENTER, { input: { processId, sheetCode: '1', choices: [proposals[0], proposals[2]] } }, { token: v.b.token })).enterPaperBallot.status).toBe('COUNTED');
  expect(ok(await gql(api.baseUrl, ENTER, { input: { processId, sheetCode: '2', choices: [proposals[2]] } }, { token: v.b.token })).enterPaperBallot.status).toBe('MISMATCH');
  await page.reload({ waitUntil: 'networkidle' });
  const mismatches = page.getByRole('region', { name: tr('participation.paper.mismatches') });
  await mismatches.getByRole('heading', { name: tr('participation.paper.sheetLabel', { sheet: '2' }) }).waitFor();
  expect(await mismatches.innerText()).toContain('«Долбоор 2»');
  expect(await mismatches.innerText()).toContain('«Долбоор 3»');
  expect(await axeSeriousViolations(page)).toEqual([]);
  await page.screenshot({ path: artifact('pb-offline-05-mismatch-ky.png'), fullPage: true });
  await page.context().close();
});

test('an organiser creates a process through the form; a resident sees no organiser controls', async () => {
  const organiser = await asPerson(v.a, `/communities/${v.communityId}/participation`);
  await organiser.getByRole('link', { name: tr('participation.create.link') }).click();
  await organiser.getByRole('heading', { level: 1, name: tr('participation.create.title') }).waitFor();
  await organiser.getByLabel(tr('participation.create.fieldTitle')).fill('Ак-Дөбө 2028');
  await organiser.getByLabel(tr('participation.create.envelope', { currency: tr('budgets.currency.KGS') })).pressSequentially('2 500 000');
  await organiser.getByLabel(tr('participation.create.ballotKind')).selectOption('CUMULATIVE');
  await organiser.getByLabel(tr('participation.create.maxPoints')).fill('');
  await organiser.getByRole('button', { name: tr('participation.create.submit') }).click();
  await organiser.getByText(tr('errors.validation.required')).first().waitFor(); // points are needed for a cumulative ballot
  await organiser.getByLabel(tr('participation.create.maxPoints')).fill('12');
  await organiser.getByLabel(tr('participation.create.countingRule')).selectOption('MES');
  await organiser.getByLabel(tr('participation.create.minAge')).fill('16');
  expect(await a11yProblems(organiser)).toEqual([]);
  await organiser.screenshot({ path: artifact('pb-create-01-form-ky.png'), fullPage: true });
  await organiser.getByRole('button', { name: tr('participation.create.submit') }).click();
  await organiser.waitForURL(/\/participation\/[0-9a-f-]{36}$/);
  const id = organiser.url().split('/').pop()!;
  const [row] = await api.dataSource.query(`SELECT title, envelope::text AS envelope, ballot_kind, max_points, counting_rule, min_age, phase FROM pb_processes WHERE id = $1`, [id]);
  expect(row).toEqual({ title: { ky: 'Ак-Дөбө 2028' }, envelope: '250000000', ballot_kind: 'CUMULATIVE', max_points: 12, counting_rule: 'MES', min_age: 16, phase: 'DRAFT' });
  await organiser.getByRole('heading', { name: tr('participation.organiser.title') }).waitFor();
  // Until voting opens the organisers can change the rules from the process page.
  await organiser.getByText(tr('participation.rules.edit')).click();
  const envelopeBox = organiser.getByLabel(tr('participation.create.envelope', { currency: tr('budgets.currency.KGS') }));
  expect(await envelopeBox.inputValue()).toBe('2500000');
  await envelopeBox.fill('3 000 000');
  await organiser.getByRole('button', { name: tr('participation.edit.submit') }).click();
  await organiser.getByRole('status').filter({ hasText: tr('participation.edit.saved') }).waitFor();
  expect((await api.dataSource.query(`SELECT envelope::text AS e FROM pb_processes WHERE id = $1`, [id]))[0].e).toBe('300000000');
  ok(await gql(api.baseUrl, MOVE, { id, phase: 'IDEAS' }, { token: v.a.token }));

  const resident = await asPerson(v.citizen, `/participation/${id}`);
  await resident.getByRole('heading', { level: 1, name: 'Ак-Дөбө 2028' }).waitFor();
  await resident.getByRole('heading', { name: tr('participation.propose.title') }).waitFor();
  // The resident proposes (sent with a phone-made id), sees it as theirs and, as its author, corrects the cost.
  await resident.getByLabel(tr('participation.propose.fieldTitle')).fill('Жол');
  await resident.getByLabel(tr('participation.propose.fieldDescription')).fill('Мектепке чейин асфальт');
  await resident.getByLabel(tr('participation.propose.fieldCost', { currency: tr('budgets.currency.KGS') })).pressSequentially('120 000');
  await resident.getByRole('button', { name: tr('participation.propose.submit') }).click();
  await resident.getByRole('status').filter({ hasText: tr('participation.propose.sent') }).waitFor();
  const mine = resident.locator('.pb-proposal').filter({ has: resident.getByRole('heading', { name: 'Жол', exact: true }) });
  await mine.getByText(tr('participation.proposal.yours')).waitFor();
  await mine.getByText(tr('participation.edit.legend')).click();
  await mine.getByLabel(tr('participation.propose.fieldCost', { currency: tr('budgets.currency.KGS') })).fill('150 000');
  await mine.getByRole('button', { name: tr('participation.edit.submit') }).click();
  await mine.getByText(tr('participation.proposal.estimated', { cost: som('15000000') })).waitFor();
  const [proposal] = await api.dataSource.query(`SELECT estimated_cost::text AS cost, client_request_id FROM pb_proposals WHERE process_id = $1`, [id]);
  expect(proposal).toEqual({ cost: '15000000', client_request_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  await resident.screenshot({ path: artifact('pb-create-02-resident-ky.png'), fullPage: true });
  expect(await resident.getByRole('heading', { name: tr('participation.organiser.title') }).count()).toBe(0);
  expect(await resident.getByText(tr('participation.rules.edit')).count()).toBe(0);
  expect(await resident.getByRole('button', { name: tr('participation.organiser.next', { phase: tr('participation.phase.REVIEW') }) }).count()).toBe(0);
  await resident.goto(`${api.baseUrl}/communities/${v.communityId}/participation`, { waitUntil: 'networkidle' });
  await resident.getByRole('link', { name: /Ак-Дөбө 2028/ }).waitFor();
  expect(await resident.getByRole('link', { name: tr('participation.create.link') }).count()).toBe(0);
  for (const p of [organiser, resident]) await p.context().close();
});

test('the results explain the rule in every language, and the recount page agrees with the published result', async () => {
  // Equal shares (MES with add-one), four voters.
  const { processId, proposals } = await processInVoting(api, v, ['40000000', '50000000', '30000000'], { envelope: '100000000', ballotKind: 'APPROVAL', minChoices: 1, countingRule: 'MES', verification: 'SELF_DECLARED' });
  for (const [who, choices] of [[v.citizen, [0, 1]], [v.a, [0, 2]], [v.b, [1]], [v.admin, [0]]] as const) ok(await cast(api, who, processId, choices.map((i) => proposals[i])));
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
  const published = await eventually(async () => ok(await gql(api.baseUrl, OUTCOME, { id: processId })).participatoryProcess.outcome, 60_000, 250);
  const explanation = JSON.parse(published.explanation);
  expect(explanation.kind).toBe('mes');

  for (const [locale, browserLocale] of [['ky', 'ky-KG'], ['ru', 'ru-RU'], ['kk', 'kk-KZ'], ['en', 'en-US']] as const) {
    const page = await web.open(`${api.baseUrl}/participation/${processId}`, undefined, { ...PHONE, locale: browserLocale });
    const text = page.locator('.pb-explanation');
    await text.waitFor();
    const said = (await text.innerText()).replace(/\s+/g, ' ');
    // Add-one raised the share from 250 000 som until the money was used: the share told is the engine's last one.
    const share = som(String(Math.round(explanation.startShare)), locale);
    expect(said).toContain(tr('participation.explain.mes.intro', { budget: som('100000000', locale), voters: 4, share }, locale).replace(/\s+/g, ' '));
    expect(said).toContain(tr('participation.explain.mes.addOne', {}, locale).replace(/\s+/g, ' '));
    expect(said).toContain(tr('participation.explain.mes.round', { round: 1, project: 'Долбоор 1', cost: som('40000000', locale), supporters: 3 }, locale).replace(/\s+/g, ' '));
    expect(said).not.toMatch(/participation\./);
    if (locale !== 'en') expect(englishWordsIn(said)).toEqual([]);
    // Who took part: 4 voters, no profiles given, so one cell per dimension, of fewer than 5: shown as words, not as 4.
    const who = page.getByRole('region', { name: tr('participation.who.title', {}, locale) });
    await who.getByText(tr('participation.who.voters', { count: 4 }, locale)).waitFor();
    const gender = who.getByRole('table', { name: tr('participation.who.byGender', {}, locale) });
    expect((await gender.innerText()).replace(/\s+/g, ' ').trim()).toBe(`${tr('participation.who.byGender', {}, locale)} ${tr('participation.who.notGiven', {}, locale)} ${tr('participation.who.fewer', {}, locale)}`);
    await page.screenshot({ path: artifact(`pb-explain-${locale}.png`), fullPage: true });

    // The recount: the published file downloaded again, hashed here and counted in a Web Worker.
    await page.getByRole('link', { name: tr('participation.results.recountLink', {}, locale) }).click();
    await page.getByRole('heading', { level: 1, name: tr('participation.recount.title', {}, locale) }).waitFor();
    // In Kazakh the page is made to lack WebCrypto (as over plain http on a LAN address): the fingerprint is still computed.
    if (locale === 'kk') await page.evaluate(() => Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true }));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.getByRole('button', { name: tr('participation.recount.run', {}, locale) }).click();
    const verdict = page.getByRole('region', { name: tr('participation.recount.agrees', {}, locale) });
    await verdict.waitFor({ timeout: 30_000 });
    const report = (await verdict.innerText()).replace(/\s+/g, ' ');
    expect(report).toContain(tr('participation.recount.hashSame', {}, locale));
    expect(report).toContain(published.ballotSetSha256);
    expect(report).toContain(tr('participation.recount.winnersSame', { count: published.selected.length, total: som(String(published.selected.reduce((s: number, id: string) => s + [40000000, 50000000, 30000000][proposals.indexOf(id)], 0)), locale) }, locale).replace(/\s+/g, ' '));
    expect(workers.some((u) => u.includes('recount.worker'))).toBe(true);
    if (locale !== 'en') expect(englishWordsIn(report.replace(published.ballotSetSha256, ''))).toEqual([]);
    if (locale === 'ky') {
      expect(await a11yProblems(page)).toEqual([]);
      expect(await axeSeriousViolations(page)).toEqual([]);
    }
    await page.screenshot({ path: artifact(`pb-recount-agrees-${locale}.png`), fullPage: true });

    if (locale === 'ky') {
      // A copy someone changed (one ballot moved to another project) is not the published file, and says so.
      const lines = published.ballotSet.split('\n');
      let last = lines.length - 1;
      while (!(lines[last].includes(';') && lines[last].includes(proposals[0]))) last--;
      lines[last] = lines[last].replace(proposals[0], proposals[2]);
      await page.locator('input[type=file]').setInputFiles({ name: 'copy.pb', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n'), 'utf8') });
      const differs = page.getByRole('region', { name: tr('participation.recount.differs') });
      await differs.waitFor({ timeout: 30_000 });
      expect((await differs.innerText()).replace(/\s+/g, ' ')).toContain(tr('participation.recount.hashDifferent'));
      await page.screenshot({ path: artifact('pb-recount-tampered-ky.png'), fullPage: true });
      // Something that is not a ballot file is said so, not counted as empty.
      await page.locator('input[type=file]').setInputFiles({ name: 'notes.pb', mimeType: 'text/plain', buffer: Buffer.from('Ашар жыйыны: 12 киши', 'utf8') });
      await page.getByRole('status').filter({ hasText: tr('participation.recount.unreadable') }).waitFor({ timeout: 30_000 });
    }
    await page.context().close();
  }
});
