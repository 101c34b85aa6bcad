import { unsealParams } from '@ashar/notifications';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { signSmsReport, SMS_REPORT_SIGNATURE_HEADER } from '../../../notifications/src/domain/sms-report';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { count, member, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { cast, MOVE, processInVoting } from './support';
import { ParticipationNotices } from '../services/participation-notices.service';

/**
 * Votes by SMS reply (issue 14) on the real database, with a worker and a local gateway: every answer is the
 * SMS the gateway received. A ballot cast counts under the same rules as online; typos, unknown projects,
 * too many choices, a second vote (SMS or web first), a replayed message, a closed vote and STOP each get the
 * right answer and store no ballot, registry row or audit event.
 */
const SECRET = 'test-report-secret-0123456789';
let api: RunningApi;
let server: http.Server;
let platform: Person;
let v: Village;
const received: Array<{ to: string; text: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string };
      received.push({ to: body.to, text: body.text });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `gw-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = await startApi({
    label: 'pbsms',
    worker: true,
    env: { NOTIFY_SMS_PROVIDER: 'http', NOTIFY_SMS_HTTP_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, NOTIFY_SMS_REPORT_SECRET: SECRET },
  });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(async () => {
  await api?.stop();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

const REQUEST_PHONE = `mutation($input: RequestPhoneVerificationInput!) { requestPhoneVerification(input: $input) { phone } }`;
const CONFIRM_PHONE = `mutation($input: ConfirmPhoneVerificationInput!) { confirmPhoneVerification(input: $input) { phone } }`;
const SET_LOCALE = `mutation($l: Lang!) { setLocale(locale: $l) { id } }`;

let phones = 0;
/** A resident of the village whose phone is verified (its SMS code goes through the test gateway), in `locale`. */
async function voter(name: string, locale: string): Promise<Person & { phone: string }> {
  const p = await member(api, platform, v.communityId, 'CITIZEN', name);
  const phone = `+996555${String(100000 + ++phones)}`;
  ok(await gql(api.baseUrl, REQUEST_PHONE, { input: { phone } }, { token: p.token }));
  const [row] = await api.dataSource.query(`SELECT params FROM notification_deliveries WHERE account_id = $1 AND template_key = 'notifications.phoneCode' ORDER BY created_at DESC LIMIT 1`, [p.id]);
  ok(await gql(api.baseUrl, CONFIRM_PHONE, { input: { code: String(unsealParams(row.params, api.config.jwtSecret).code) } }, { token: p.token }));
  ok(await gql(api.baseUrl, SET_LOCALE, { l: locale }, { token: p.token }));
  await answerTo(phone, 0); // the code's own SMS, before any answer is awaited
  return { ...p, phone };
}

let gw = 0;
async function inbound(from: string, text: string, messageId = `in-${++gw}`, at?: string) {
  const raw = Buffer.from(JSON.stringify({ messageId, from, text, ...(at ? { at } : {}) }));
  const r = await fetch(`${api.baseUrl}/api/notifications/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json', [SMS_REPORT_SIGNATURE_HEADER]: signSmsReport(SECRET, raw) }, body: raw });
  return { status: r.status, body: (await r.json()) as { inboundId: string; action: string | null; duplicate: boolean } };
}

/** The next SMS the gateway receives for `to` after `since` answers (waits for the worker). */
async function answerTo(to: string, since: number): Promise<string> {
  const end = Date.now() + 20_000;
  for (;;) {
    const mine = received.filter((m) => m.to === to);
    if (mine.length > since) return mine[since].text;
    if (Date.now() > end) throw new Error(`no SMS answer to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const sentTo = (to: string) => received.filter((m) => m.to === to).length;

async function state(processId: string) {
  return {
    ballots: await count(api, 'pb_ballots', `process_id = '${processId}'`),
    registry: await count(api, 'pb_voter_registry', `process_id = '${processId}'`),
    audit: await count(api, 'audit_events', `entity_id = '${processId}' AND action LIKE 'participation.ballot.%'`),
  };
}

/** Sends `text`, expects `action`, returns the answer; asserts nothing was stored when the vote is refused. */
async function reply(who: { phone: string }, processId: string, text: string, action: string) {
  const before = await state(processId);
  const since = sentTo(who.phone);
  const r = await inbound(who.phone, text);
  expect(r).toMatchObject({ status: 200, body: { action, duplicate: false } });
  const answer = await answerTo(who.phone, since);
  if (action !== 'VOTE') expect(await state(processId)).toEqual(before);
  return answer;
}

describe('voting by SMS reply', () => {
  let processId: string;
  let proposals: string[];
  beforeAll(async () => {
    // Approval, at most 2 of 3 projects (numbers 1, 2, 3 = the ballot sheet's, by id).
    ({ processId, proposals } = await processInVoting(api, v, ['100000', '200000', '300000'], { envelope: '100000000', ballotKind: 'APPROVAL', minChoices: 1, maxChoices: 2, countingRule: 'GREEDY', verification: 'PHONE' }));
  });
  const titleOf = async (n: number) => {
    const sorted = [...proposals].sort();
    return (await api.dataSource.query(`SELECT title FROM pb_proposals WHERE id = $1`, [sorted[n - 1]]))[0].title as string;
  };

  test('a ballot in digits is cast under the same rules and confirmed in Kyrgyz, naming the projects; the registry says SMS', async () => {
    const aigerim = await voter('Айгерим', 'ky');
    const answer = await reply(aigerim, processId, '1, 3', 'VOTE');
    expect(answer).toContain('добушуңуз кабыл алынды');
    expect(answer).toContain(`1/А ${await titleOf(1)}`);
    expect(answer).toContain(`3/В ${await titleOf(3)}`);
    const receipt = /Текшерүү коду: (\S+)/.exec(answer)![1];
    const [ballot] = await api.dataSource.query(`SELECT choices, channel FROM pb_ballots WHERE process_id = $1 AND receipt_code = $2`, [processId, receipt]);
    expect(ballot).toEqual({ choices: [[...proposals].sort()[0], [...proposals].sort()[2]], channel: 'SMS' });
    expect(await count(api, 'pb_voter_registry', `process_id = '${processId}' AND account_id = '${aigerim.id}' AND channel = 'SMS'`)).toBe(1);
    expect((await api.dataSource.query(`SELECT action FROM sms_inbound_messages WHERE from_phone = $1`, [aigerim.phone]))[0].action).toBe('VOTE');

    // A second vote by SMS: refused, the first ballot unchanged; the web may still change it (one ballot, any channel).
    expect(await reply(aigerim, processId, '2', 'VOTE_REFUSED')).toContain('мурда добуш бергенсиз');
    expect((await api.dataSource.query(`SELECT choices FROM pb_ballots WHERE process_id = $1 AND receipt_code = $2`, [processId, receipt]))[0].choices).toHaveLength(2);
    const web = ok(await cast(api, aigerim, processId, [proposals[1]])).castBallot;
    expect(web).toEqual({ receiptCode: receipt, firstBallot: false });
    expect(await count(api, 'pb_ballots', `process_id = '${processId}'`)).toBe(1);
  });

  test('letters (Cyrillic and Latin look-alikes) in Russian; typos, unknown projects, repeats and too many answered, nothing stored', async () => {
    const boris = await voter('Борис', 'ru');
    expect(await reply(boris, processId, '1 2x', 'VOTE_REFUSED')).toBe('Не удалось прочитать «2X». Напишите номера проектов через пробел, например: 3 7 12');
    expect(await reply(boris, processId, '1 7', 'VOTE_REFUSED')).toBe('Проекта «7» нет. Номера в бюллетене: 1–3. Голос не учтён.');
    expect(await reply(boris, processId, 'Ё', 'VOTE_REFUSED')).toContain('Проекта «Ё» нет');
    expect(await reply(boris, processId, '2 2', 'VOTE_REFUSED')).toContain('«2» указан дважды');
    expect(await reply(boris, processId, '1 2 3', 'VOTE_REFUSED')).toBe('Слишком много: можно выбрать не больше 2 проектов. Голос не учтён.');
    expect(await count(api, 'pb_voter_registry', `account_id = '${boris.id}'`)).toBe(0);
    // "B" typed on a Latin keyboard is the Cyrillic В: project 3.
    const answer = await reply(boris, processId, 'голос а, B', 'VOTE');
    expect(answer).toContain('ваш голос принят');
    expect(answer).toContain(`3/В ${await titleOf(3)}`);
  });

  test('the same message delivered twice, or again under a new gateway id within two minutes, votes and answers once', async () => {
    const chynara = await voter('Чынара', 'ky');
    const since = sentTo(chynara.phone);
    const first = await inbound(chynara.phone, '2', 'gw-replay-1', '2026-12-03T06:00:00Z');
    expect(first.body).toMatchObject({ action: 'VOTE', duplicate: false });
    await answerTo(chynara.phone, since);
    const before = await state(processId);
    expect((await inbound(chynara.phone, '2', 'gw-replay-1', '2026-12-03T06:00:00Z')).body).toEqual({ inboundId: first.body.inboundId, action: 'VOTE', duplicate: true });
    expect((await inbound(chynara.phone, '2', 'gw-replay-2', '2026-12-03T06:01:10Z')).body).toEqual({ inboundId: first.body.inboundId, action: 'VOTE', duplicate: true });
    // Parallel copies of one gateway id: one is stored, one vote.
    const copies = await Promise.all([1, 2, 3].map(() => inbound(chynara.phone, '2', 'gw-replay-3', '2026-12-03T06:10:00Z')));
    expect(copies.filter((c) => !c.body.duplicate)).toHaveLength(1);
    await answerTo(chynara.phone, since + 1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await state(processId)).toEqual(before);
    // One confirmation for the first message, one refusal (already voted) for the later one; the replays got nothing.
    expect(sentTo(chynara.phone)).toBe(since + 2);
    expect(await count(api, 'notification_deliveries', `recipient = '${chynara.phone}' AND template_key LIKE 'participation.sms.%'`)).toBe(2);
  });

  test('STOP, «токтот» and «стоп» opt out and are not read as ballots; the web voter who texts is answered "already voted"', async () => {
    const dana = await voter('Дана', 'kk');
    ok(await cast(api, dana, processId, [proposals[0]]));
    expect(await reply(dana, processId, '1', 'VOTE_REFUSED')).toContain('бұрын дауыс бердіңіз');
    const before = await state(processId);
    // Minutes apart (the same text within two minutes is one message).
    const at = (i: number) => new Date(Date.parse('2026-12-03T08:00:00Z') + i * 300_000).toISOString();
    for (const [i, word] of ['STOP', 'токтот', 'Стоп!'].entries()) {
      expect((await inbound(dana.phone, word, undefined, at(2 * i))).body).toMatchObject({ action: 'OPT_OUT', duplicate: false });
      expect(await count(api, 'sms_opt_outs', `phone = '${dana.phone}'`)).toBe(1);
      expect((await inbound(dana.phone, 'START', undefined, at(2 * i + 1))).body).toMatchObject({ action: 'OPT_IN', duplicate: false });
    }
    expect(await state(processId)).toEqual(before);
    expect(await count(api, 'sms_opt_outs', `phone = '${dana.phone}'`)).toBe(0);
    expect((await inbound(dana.phone, 'стоп')).body).toMatchObject({ action: 'OPT_OUT' });
    expect(await count(api, 'sms_opt_outs', `phone = '${dana.phone}'`)).toBe(1);
  });

  test('an unverified number and free text: the first is told to verify, the second is kept unanswered', async () => {
    const stranger = { phone: '+996555999001' };
    expect(await reply(stranger, processId, '1 2', 'VOTE_REFUSED')).toContain('тастыкталган эмес');
    expect((await inbound('+996555999002', 'Салам, рахмат!')).body).toMatchObject({ action: null, duplicate: false });
    await new Promise((r) => setTimeout(r, 1500));
    expect(sentTo('+996555999002')).toBe(0);
    expect(await count(api, 'notification_deliveries', `recipient = '+996555999002'`)).toBe(0);
  });

  test('notices by SMS to those who asked for them, in their language, one part; at night they wait for the morning', async () => {
    const SET = `mutation($id: ID!, $on: Boolean!) { setProcessMessageUpdates(processId: $id, enabled: $on) { id messageUpdatesForMe } }`;
    const asel = await voter('Асель', 'ru');
    const quiet = await voter('Тынч', 'ky');
    expect(ok(await gql(api.baseUrl, SET, { id: processId, on: true }, { token: asel.token })).setProcessMessageUpdates.messageUpdatesForMe).toBe(true);
    expect((await gql(api.baseUrl, SET, { id: processId, on: true })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const notices = api.app.get(ParticipationNotices, { strict: false });
    // 23:00 in Bishkek: nothing by SMS now, a delayed part is scheduled.
    const since = sentTo(asel.phone);
    const night = await notices.fanOut({ event: 'phase', processId, phase: 'VOTING' }, new Date('2026-12-03T17:00:00Z'));
    expect(night.messages).toBe('later');
    expect(await count(api, 'notification_deliveries', `recipient = '${asel.phone}' AND template_key LIKE 'notifications.participation.sms.%'`)).toBe(0);
    // 10:00 in Bishkek: the reminder goes to the one who asked, in Russian, one SMS part; not to the other.
    const day = await notices.fanOut({ event: 'phase', processId, phase: 'VOTING', part: 'messages' }, new Date('2026-12-03T04:00:00Z'));
    expect(day.messages).toBe(1);
    expect(await answerTo(asel.phone, since)).toBe('«Ашар 2027»: голосование открыто, ответьте номерами: 3 7');
    expect(await count(api, 'notification_deliveries', `recipient = '${quiet.phone}' AND template_key LIKE 'notifications.participation.sms.%'`)).toBe(0);
    // Again (a retried job): nobody gets it twice.
    await notices.fanOut({ event: 'phase', processId, phase: 'VOTING', part: 'messages' }, new Date('2026-12-03T04:00:00Z'));
    expect(await count(api, 'notification_deliveries', `recipient = '${asel.phone}' AND template_key = 'notifications.participation.sms.votingOpen'`)).toBe(1);
  });

  test('a vote that has closed is answered as closed, nothing stored', async () => {
    const eldiyar = await voter('Элдияр', 'ky');
    ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
    expect(await reply(eldiyar, processId, '1', 'VOTE_REFUSED')).toContain('добуш берүү жабылды');
  });
});
