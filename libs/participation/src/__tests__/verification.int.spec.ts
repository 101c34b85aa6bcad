import { unsealParams } from '@ashar/notifications';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { count, member, person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { iinCheckDigit } from '../domain/national-id';
import { cast, CREATE_PROCESS, KNAPSACK, MOVE, processInVoting, REVIEW, SUBMIT } from './support';

/**
 * Verification levels on the real database: in-person verification by national ID (kept only as a keyed
 * hash, one document per person per community), the process's level and minimum age enforced in
 * castBallot with nothing stored on refusal, paper voters listed by document caught against online
 * voters both ways, and the printable ballot sheet.
 */
let api: RunningApi;
let platform: Person;
let v: Village;

beforeAll(async () => {
  api = await startApi({ label: 'pbverify' });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const VERIFY = `mutation($input: VerifyInPersonInput!) { verifyResidentInPerson(input: $input) { communityId accountId documentKind verifiedAt } }`;
const MY_LEVEL = `query($c: ID!) { myVoterVerification(communityId: $c) { level phone inPersonVerifiedAt } }`;
const BY_DOCUMENT = `mutation($id: ID!, $docs: [PaperVoterDocumentInput!]!) { registerPaperVotersByDocument(processId: $id, documents: $docs) { registered alreadyVotedOnline alreadyOnPaper } }`;
const REQUEST_PHONE = `mutation($input: RequestPhoneVerificationInput!) { requestPhoneVerification(input: $input) { phone } }`;
const CONFIRM_PHONE = `mutation($input: ConfirmPhoneVerificationInput!) { confirmPhoneVerification(input: $input) { phone } }`;

let serial = 0;
/** A valid Kyrgyz PIN of someone born on that date (sex digit 2, a serial of our own). */
function pin(born: Date): string {
  const dd = String(born.getUTCDate()).padStart(2, '0');
  const mm = String(born.getUTCMonth() + 1).padStart(2, '0');
  return `2${dd}${mm}${born.getUTCFullYear()}${String(++serial).padStart(5, '0')}`;
}
/** A valid Kazakh IIN (born 15 Jan 1990, male), the serial chosen so that a check digit exists. */
function iin(): string {
  for (;;) {
    const first = `9001153${String(++serial % 10000).padStart(4, '0')}`;
    const c = iinCheckDigit(first);
    if (c !== null) return `${first}${c}`;
  }
}
const yearsAgo = (years: number, days = 0) => new Date(Date.UTC(new Date().getUTCFullYear() - years, new Date().getUTCMonth(), new Date().getUTCDate() + days));
const verify = (by: Person, who: Person | { id: string }, documentNumber: string, documentKind = 'KG_PIN', communityId = v.communityId) =>
  gql(api.baseUrl, VERIFY, { input: { communityId, accountId: who.id, documentKind, documentNumber } }, { token: by.token });

async function phoneVerified(who: Person, n: number): Promise<void> {
  const p = `+996700${String(500000 + n)}`;
  ok(await gql(api.baseUrl, REQUEST_PHONE, { input: { phone: p } }, { token: who.token }));
  const [row] = await api.dataSource.query(`SELECT params FROM notification_deliveries WHERE account_id = $1 AND template_key = 'notifications.phoneCode' ORDER BY created_at DESC LIMIT 1`, [who.id]);
  ok(await gql(api.baseUrl, CONFIRM_PHONE, { input: { code: String(unsealParams(row.params, api.config.jwtSecret).code) } }, { token: who.token }));
}

test('a budget-group member verifies a resident in person: only a keyed hash is kept, one document per person per community', async () => {
  const resident = await member(api, platform, v.communityId, 'CITIZEN', 'Гүлнара');
  const number = pin(yearsAgo(40));
  const spaced = `${number.slice(0, 1)} ${number.slice(1, 9)} ${number.slice(9)}`;
  const done = ok(await verify(v.a, resident, spaced)).verifyResidentInPerson;
  expect(done).toMatchObject({ communityId: v.communityId, accountId: resident.id, documentKind: 'KG_PIN' });

  const [row] = await api.dataSource.query(`SELECT * FROM pb_in_person_verifications WHERE account_id = $1`, [resident.id]);
  expect(row.document_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(row)).not.toContain(number);
  expect(JSON.stringify(row)).not.toContain(number.slice(9));
  expect(row.verified_by).toBe(v.a.id);
  const audit = await api.dataSource.query(`SELECT after FROM audit_events WHERE action = 'participation.verifyInPerson' AND entity_id = $1`, [resident.id]);
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit)).not.toContain(number);
  expect(JSON.stringify(audit)).not.toContain(row.document_hash);
  expect(ok(await gql(api.baseUrl, MY_LEVEL, { c: v.communityId }, { token: resident.token })).myVoterVerification).toMatchObject({ level: 'IN_PERSON', phone: null });

  // The same document again for the same person: accepted, nothing new.
  ok(await verify(v.b, resident, number));
  expect(await count(api, 'pb_in_person_verifications', `account_id = '${resident.id}'`)).toBe(1);
  // Another document for the same person, or the same document for another person: CONFLICT.
  expect(firstError(await verify(v.a, resident, pin(yearsAgo(40)))).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.participation.verifiedWithOtherDocument' });
  const other = await member(api, platform, v.communityId, 'CITIZEN', 'Эркин');
  expect(firstError(await verify(v.a, other, number)).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.participation.documentUsed', field: 'input.documentNumber' });
  expect(await count(api, 'pb_in_person_verifications', `account_id = '${other.id}'`)).toBe(0);
  // The same person in another community is verified there on its own.
  const elsewhere = await village(api, platform, '41706242000000', 'Ноокат');
  const [acceptToken] = [ok(await gql(api.baseUrl, `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`, { input: { communityId: elsewhere.communityId, role: 'CITIZEN' } }, { token: platform.token })).createInvitation.token];
  ok(await gql(api.baseUrl, `mutation($t: String!) { acceptInvitation(token: $t) { role } }`, { t: acceptToken }, { token: resident.token }));
  ok(await verify(elsewhere.a, resident, number, 'KG_PIN', elsewhere.communityId));

  // Refusals: the number's structure, a non-resident, oneself, a citizen.
  expect(firstError(await verify(v.a, other, '900115300123', 'KZ_IIN')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.documentNumber', messageKey: 'errors.participation.document.checkDigit' });
  expect(firstError(await verify(v.a, other, '31503199000123')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.participation.document.sexDigit' });
  expect(firstError(await verify(v.a, other, '23002199000123')).extensions.messageKey).toBe('errors.participation.document.birthDate');
  const outsider = await person(api, 'Outsider');
  expect(firstError(await verify(v.a, outsider, pin(yearsAgo(30)))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.accountId', messageKey: 'errors.participation.notResident' });
  expect(firstError(await verify(v.a, v.a, pin(yearsAgo(30)))).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_VERIFICATION' });
  expect(firstError(await verify(v.citizen, other, pin(yearsAgo(30)))).extensions.code).toBe('FORBIDDEN');
  expect(firstError(await verify(outsider, other, pin(yearsAgo(30)))).extensions.code).toBe('FORBIDDEN');
  ok(await verify(v.admin, other, iin(), 'KZ_IIN'));
});

test('one document verifies one account even when several are verified with it at once', async () => {
  const people = await Promise.all(Array.from({ length: 8 }, (_, i) => member(api, platform, v.communityId, 'CITIZEN', `Бир${i}`)));
  const number = pin(yearsAgo(45));
  const answers = await Promise.all(people.map((p, i) => verify(i % 2 ? v.a : v.b, p, number)));
  expect(answers.filter((r) => !r.errors)).toHaveLength(1);
  expect(new Set(answers.filter((r) => r.errors).map((r) => `${firstError(r).extensions.code} ${firstError(r).extensions.messageKey}`))).toEqual(new Set(['CONFLICT errors.participation.documentUsed']));
  expect(await count(api, 'pb_in_person_verifications', `account_id IN (${people.map((p) => `'${p.id}'`).join(',')})`)).toBe(1);
});

test('castBallot enforces the process’s level (SELF_DECLARED < PHONE < IN_PERSON) and stores nothing for a refused voter', async () => {
  const phoneProcess = await processInVoting(api, v, ['30000000'], { ...KNAPSACK, verification: 'PHONE' });
  const inPersonProcess = await processInVoting(api, v, ['30000000'], { ...KNAPSACK, verification: 'IN_PERSON' });
  const voter = await member(api, platform, v.communityId, 'CITIZEN', 'Айжан');

  const refused = firstError(await cast(api, voter, phoneProcess.processId, phoneProcess.proposals));
  expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PHONE_VERIFICATION_REQUIRED', messageKey: 'errors.participation.phoneVerificationRequired', params: { required: 'PHONE', current: 'SELF_DECLARED' } });
  expect(await count(api, 'pb_voter_registry', `process_id = '${phoneProcess.processId}'`)).toBe(0);
  expect(await count(api, 'pb_ballots', `process_id = '${phoneProcess.processId}'`)).toBe(0);

  await phoneVerified(voter, 1);
  expect(ok(await gql(api.baseUrl, MY_LEVEL, { c: v.communityId }, { token: voter.token })).myVoterVerification).toMatchObject({ level: 'PHONE', phone: '+996700500001' });
  ok(await cast(api, voter, phoneProcess.processId, phoneProcess.proposals));
  // Phone is not enough where the process needs in person.
  expect(firstError(await cast(api, voter, inPersonProcess.processId, inPersonProcess.proposals)).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'IN_PERSON_VERIFICATION_REQUIRED', params: { required: 'IN_PERSON', current: 'PHONE' } });
  expect(await count(api, 'pb_voter_registry', `process_id = '${inPersonProcess.processId}'`)).toBe(0);
  expect(await count(api, 'pb_ballots', `process_id = '${inPersonProcess.processId}'`)).toBe(0);

  ok(await verify(v.a, voter, pin(yearsAgo(25))));
  ok(await cast(api, voter, inPersonProcess.processId, inPersonProcess.proposals));
  // In person also satisfies a PHONE process (levels are ordered).
  const inPersonOnly = await member(api, platform, v.communityId, 'CITIZEN', 'Темир');
  ok(await verify(v.a, inPersonOnly, pin(yearsAgo(50))));
  ok(await cast(api, inPersonOnly, phoneProcess.processId, phoneProcess.proposals));
  expect(await count(api, 'pb_ballots', `process_id = '${phoneProcess.processId}'`)).toBe(2);
});

test('the minimum age uses the birth date of the document seen in person, else the profile’s birth year', async () => {
  const adults = await processInVoting(api, v, ['30000000'], { ...KNAPSACK, minAge: 18 });
  const young = await member(api, platform, v.communityId, 'CITIZEN', 'Бала');
  // The profile says old enough; the document (born 18 years ago tomorrow) says not yet.
  ok(await gql(api.baseUrl, `mutation($input: ResidentProfileInput!) { updateResidentProfile(input: $input) { birthYear } }`, { input: { birthYear: new Date().getUTCFullYear() - 30 } }, { token: young.token }));
  ok(await verify(v.a, young, pin(yearsAgo(18, 1))));
  expect(firstError(await cast(api, young, adults.processId, adults.proposals)).extensions).toMatchObject({ code: 'FORBIDDEN', action: 'participation.vote.tooYoung' });
  expect(await count(api, 'pb_voter_registry', `process_id = '${adults.processId}'`)).toBe(0);
  // Born 18 years ago today: of age.
  const eighteen = await member(api, platform, v.communityId, 'CITIZEN', 'Жаш');
  ok(await verify(v.a, eighteen, pin(yearsAgo(18))));
  ok(await cast(api, eighteen, adults.processId, adults.proposals));
  // No document and no profile: the age is unknown.
  const unknown = await member(api, platform, v.communityId, 'CITIZEN', 'Белгисиз');
  expect(firstError(await cast(api, unknown, adults.processId, adults.proposals)).extensions).toMatchObject({ code: 'FORBIDDEN', action: 'participation.vote.ageUnknown' });
});

test('paper voters listed by document meet online voters in the registry, whichever came first', async () => {
  const { processId, proposals } = await processInVoting(api, v, ['30000000', '20000000']);
  const BY = (docs: Array<{ kind: string; number: string }>) => gql(api.baseUrl, BY_DOCUMENT, { id: processId, docs }, { token: v.a.token });

  // Verified in person, listed on paper by that document: the online ballot is refused, nothing stored.
  const paperFirst = await member(api, platform, v.communityId, 'CITIZEN', 'Нургүл');
  const d1 = pin(yearsAgo(33));
  ok(await verify(v.b, paperFirst, d1));
  // Verified online first, then listed on paper: answered back (position 1), not registered on paper.
  const onlineFirst = await member(api, platform, v.communityId, 'CITIZEN', 'Мирлан');
  const d2 = iin();
  ok(await verify(v.b, onlineFirst, d2, 'KZ_IIN'));
  ok(await cast(api, onlineFirst, processId, [proposals[0]]));
  // Listed on paper with a document nobody verified yet (no account at all), written with spaces.
  const d3 = pin(yearsAgo(60));
  const result = ok(await BY([{ kind: 'KG_PIN', number: d1 }, { kind: 'KZ_IIN', number: d2 }, { kind: 'KG_PIN', number: `${d3.slice(0, 5)} ${d3.slice(5)}` }, { kind: 'KG_PIN', number: d3 }])).registerPaperVotersByDocument;
  expect(result).toEqual({ registered: 2, alreadyVotedOnline: [1], alreadyOnPaper: 1 });

  const e = firstError(await cast(api, paperFirst, processId, [proposals[0]]));
  expect(e.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.participation.votedOnPaper' });
  // The document-only paper voter later gets an account, is verified with that document, and tries online.
  const later = await member(api, platform, v.communityId, 'CITIZEN', 'Кийин');
  ok(await verify(v.b, later, d3));
  expect(firstError(await cast(api, later, processId, [proposals[1]])).extensions.messageKey).toBe('errors.participation.votedOnPaper');
  expect(await count(api, 'pb_ballots', `process_id = '${processId}'`)).toBe(1);

  // The registry by document holds hashes, never numbers; the online voter's row says ONLINE.
  const rows: Array<{ document_hash: string; channel: string; account_id: string | null }> = await api.dataSource.query(`SELECT document_hash, channel, account_id FROM pb_voter_documents WHERE process_id = $1 ORDER BY channel`, [processId]);
  expect(rows.map((r) => [r.channel, r.account_id])).toEqual([['ONLINE', onlineFirst.id], ['PAPER', paperFirst.id], ['PAPER', null]]);
  for (const d of [d1, d2, d3]) expect(JSON.stringify(rows)).not.toContain(d);
  expect(await count(api, 'pb_voter_registry', `process_id = '${processId}' AND account_id = '${paperFirst.id}' AND channel = 'PAPER'`)).toBe(1);

  // A bad number is refused on its position, nothing registered; the list is the budget group's.
  const bad = firstError(await BY([{ kind: 'KG_PIN', number: pin(yearsAgo(20)) }, { kind: 'KZ_IIN', number: '900115300123' }]));
  expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'documents.1.number', messageKey: 'errors.participation.document.checkDigit' });
  expect(await count(api, 'pb_voter_documents', `process_id = '${processId}'`)).toBe(3);
  expect(firstError(await gql(api.baseUrl, BY_DOCUMENT, { id: processId, docs: [] }, { token: v.citizen.token })).extensions.code).toBe('FORBIDDEN');
});

describe('the printable ballot sheet', () => {
  const sheet = (processId: string, query = '', headers: Record<string, string> = {}) => fetch(`${api.baseUrl}/api/public/participation/processes/${processId}/ballot-sheet${query}`, { headers });
  let processId: string;

  beforeAll(async () => {
    processId = ok(await gql(api.baseUrl, CREATE_PROCESS, { input: { communityId: v.communityId, title: { ky: 'Ак-Дөбө 2027 <b>бюджет</b>', ru: 'Ак-Дёбё 2027 — бюджет участия', kk: 'Ақ-Дөбе 2027' }, currency: 'KGS', rules: { ...KNAPSACK, envelope: '150000000' } } }, { token: v.admin.token })).createParticipatoryProcess.id;
    ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));
    const titles = ['Көпүрө <script>alert(1)</script> & "суу"', 'Мектептин чатыры'];
    const ids = [];
    for (const [i, title] of titles.entries()) ids.push(ok(await gql(api.baseUrl, SUBMIT, { input: { processId, title, description: 'Оңдоо', estimatedCost: ['12345678', '50000000'][i] } }, { token: v.citizen.token })).submitProposal.id);
    ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'REVIEW' }, { token: v.admin.token }));
    // Not on the sheet before voting.
    expect((await sheet(processId)).status).toBe(404);
    for (const id of ids) ok(await gql(api.baseUrl, REVIEW, { input: { proposalId: id, feasible: true } }, { token: v.a.token }));
    ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'VOTING' }, { token: v.admin.token }));
  });

  test('in Russian: title, projects with their cost, the instructions of the ballot kind, escaped texts, A4 print CSS', async () => {
    const res = await sheet(processId, '?lang=ru');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Ак-Дёбё 2027 — бюджет участия');
    expect(html).toContain('Как заполнить бюллетень');
    expect(html).toContain('Их общая стоимость не должна превышать 1\u00a0500\u00a0000\u00a0сом');
    expect(html).toContain('123\u00a0456,78\u00a0сом');
    expect(html).toContain('500\u00a0000\u00a0сом');
    expect(html).toContain('Көпүрө &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;суу&quot;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('@media print');
    expect((html.match(/<section class="sheet">/g) ?? []).length).toBe(1);
    expect(html).toContain('<b>0001</b>');
  });

  test('in Kyrgyz (default and Accept-Language) and Kazakh; serials for a batch of sheets; stored HTML in the title is escaped', async () => {
    const ky = await (await sheet(processId)).text();
    expect(ky).toContain('<html lang="ky">');
    expect(ky).toContain('Ак-Дөбө 2027 &lt;b&gt;бюджет&lt;/b&gt;');
    expect(ky).toContain('Бюллетенди кантип толтуруу керек');
    const kk = await (await sheet(processId, '', { 'accept-language': 'kk-KZ,kk;q=0.9,ru;q=0.8' })).text();
    expect(kk).toContain('<html lang="kk">');
    expect(kk).toContain('Ақ-Дөбе 2027');
    expect(kk).toContain('Бюллетеньді қалай толтыру керек');
    const batch = await (await sheet(processId, '?lang=kk&from=41&count=3')).text();
    expect((batch.match(/<section class="sheet">/g) ?? []).length).toBe(3);
    expect([...batch.matchAll(/<b>(\d+)<\/b>/g)].map((m) => m[1])).toEqual(['0041', '0042', '0043']);
  });

  test('public in voting only; bad parameters are 400 with a code, unknown ids 404', async () => {
    const bad = await sheet(processId, '?count=0');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'count', messageKey: 'errors.participation.sheet.count' });
    expect((await sheet(processId, '?count=501')).status).toBe(400);
    expect((await sheet(processId, '?from=abc')).status).toBe(400);
    expect((await sheet('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await sheet('not-a-uuid')).status).toBe(404);
    ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
    expect((await sheet(processId)).status).toBe(404);
  });
});
