import { renderNotification, unsealParams } from '@ashar/notifications';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken account { id } } }`;
const REQUEST = `mutation($input: RequestPhoneVerificationInput!) { requestPhoneVerification(input: $input) { phone expiresAt attemptsAllowed } }`;
const CONFIRM = `mutation($input: ConfirmPhoneVerificationInput!) { confirmPhoneVerification(input: $input) { phone verifiedAt } }`;
const MINE = `query { myVerifiedPhone { phone verifiedAt } }`;

/**
 * Phone verification on the real database, queue and worker (SMS through the logging provider): the code
 * reaches the phone in the account's language and is stored only hashed; it expires, dies after five wrong
 * attempts, and requests are limited per account, per number and per address.
 */
let api: RunningApi;
let seq = 0;
const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

beforeAll(async () => {
  api = await startApi({ label: 'phoneverify', worker: true, env: { TRUST_PROXY: 'loopback' } });
});
afterAll(() => api?.stop());

async function account(locale = 'ky'): Promise<{ id: string; token: string }> {
  const n = ++seq;
  const s = ok(await gql(api.baseUrl, SIGN_UP, { input: { email: `phone${n}.${Date.now()}@example.kg`, password: 'long enough pw', displayName: 'Тургун', locale } }, from(`198.51.100.${n}`))).signUp;
  return { id: s.account.id, token: s.accessToken };
}
/** A Kyrgyz mobile number, written the local way. */
const phone = (n: number) => `0700 ${String(100000 + n).slice(0, 3)} ${String(100000 + n).slice(3)}`;
const e164 = (n: number) => `+996700${String(100000 + n)}`;
const request = (who: { token: string }, p: string, ip = '203.0.113.1') => gql(api.baseUrl, REQUEST, { input: { phone: p } }, { token: who.token, ...from(ip) });
const confirm = (who: { token: string }, code: string) => gql(api.baseUrl, CONFIRM, { input: { code } }, { token: who.token });

/** The code as the SMS carried it (the logging provider's delivery record, SENT by the worker). */
async function sentCode(accountId: string, to: string): Promise<{ code: string; locale: string; provider: string }> {
  for (let i = 0; i < 100; i++) {
    const rows: Array<{ params: { code: string }; locale: string; provider: string }> = await api.dataSource.query(
      `SELECT params, locale, provider FROM notification_deliveries WHERE account_id = $1 AND recipient = $2 AND channel = 'sms' AND template_key = 'notifications.phoneCode' AND status = 'SENT' ORDER BY created_at DESC LIMIT 1`,
      [accountId, to],
    );
    if (rows.length) return { code: String(unsealParams(rows[0].params, api.config.jwtSecret).code), locale: rows[0].locale, provider: rows[0].provider };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no SMS sent');
}
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

test('the code goes by SMS in the account’s language, is stored only hashed, and confirms the phone once', async () => {
  const a = await account('ru');
  const sent = ok(await request(a, phone(1))).requestPhoneVerification;
  expect(sent).toMatchObject({ phone: e164(1), attemptsAllowed: 5 });
  expect(new Date(sent.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
  const sms = await sentCode(a.id, e164(1));
  expect(sms).toMatchObject({ locale: 'ru', provider: 'log' });
  expect(sms.code).toMatch(/^\d{6}$/);
  expect(renderNotification('notifications.phoneCode', { code: sms.code, minutes: 10 }, 'ru').text).toContain(`Код Ashar: ${sms.code}`);
  expect(renderNotification('notifications.phoneCode', { code: sms.code, minutes: 10 }, 'ky').text).toContain(`Ashar коду: ${sms.code}`);

  // Never in clear: no column of the code's row holds it.
  const rows = await api.dataSource.query(`SELECT * FROM phone_verification_codes WHERE account_id = $1`, [a.id]);
  expect(rows).toHaveLength(1);
  expect(JSON.stringify(rows[0])).not.toContain(sms.code);
  expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
  // Nor in the SMS's delivery record: the code is sealed there with the server's key.
  const deliveries = await api.dataSource.query(`SELECT params FROM notification_deliveries WHERE account_id = $1 AND template_key = 'notifications.phoneCode'`, [a.id]);
  expect(deliveries.length).toBeGreaterThan(0);
  expect(JSON.stringify(deliveries)).not.toContain(sms.code);
  expect(deliveries[0].params.code).toMatch(/^sealed:v1:/);

  const w = firstError(await confirm(a, wrong(sms.code)));
  expect(w.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code', messageKey: 'errors.phoneVerification.wrongCode', params: { attemptsLeft: 4 } });
  expect(firstError(await confirm(a, '12a456')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.phoneVerification.codeFormat' });
  expect(ok(await gql(api.baseUrl, MINE, {}, { token: a.token })).myVerifiedPhone).toBeNull();

  const verified = ok(await confirm(a, ` ${sms.code.slice(0, 3)} ${sms.code.slice(3)} `)).confirmPhoneVerification;
  expect(verified.phone).toBe(e164(1));
  expect(ok(await gql(api.baseUrl, MINE, {}, { token: a.token })).myVerifiedPhone.phone).toBe(e164(1));
  // Spent: the same code again finds no live code.
  expect(firstError(await confirm(a, sms.code)).extensions.messageKey).toBe('errors.phoneVerification.noCode');
  // Audited without the code.
  const audit = await api.dataSource.query(`SELECT after FROM audit_events WHERE action = 'account.phoneVerified' AND entity_id = $1`, [a.id]);
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit[0])).not.toContain(sms.code);

  // One number, one person: another account cannot take it.
  const b = await account();
  expect(firstError(await request(b, phone(1))).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.phoneVerification.phoneTaken' });
  expect(firstError(await request(a, phone(1))).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.phoneVerification.alreadyVerified' });
  // Anonymous callers are refused before anything else.
  expect(firstError(await gql(api.baseUrl, REQUEST, { input: { phone: phone(2) } })).extensions.code).toBe('UNAUTHENTICATED');
  expect(firstError(await request(b, '0700 12')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
});

test('an expired code is refused and verifies nothing', async () => {
  const a = await account();
  ok(await request(a, phone(3)));
  const { code } = await sentCode(a.id, e164(3));
  await api.dataSource.query(`UPDATE phone_verification_codes SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [a.id]);
  expect(firstError(await confirm(a, code)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.phoneVerification.expired' });
  expect(await api.dataSource.query(`SELECT 1 FROM verified_phones WHERE account_id = $1`, [a.id])).toHaveLength(0);
});

test('five wrong attempts kill the code, even for the right code after them; a new code replaces the old', async () => {
  const a = await account();
  ok(await request(a, phone(4)));
  const { code } = await sentCode(a.id, e164(4));
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push(firstError(await confirm(a, wrong(code))).extensions);
  expect(answers.map((e) => e.messageKey)).toEqual([...Array(4).fill('errors.phoneVerification.wrongCode'), 'errors.phoneVerification.exhausted']);
  expect(answers.slice(0, 4).map((e) => (e.params as { attemptsLeft: number }).attemptsLeft)).toEqual([4, 3, 2, 1]);
  expect(firstError(await confirm(a, code)).extensions.messageKey).toBe('errors.phoneVerification.exhausted');
  expect(await api.dataSource.query(`SELECT 1 FROM verified_phones WHERE account_id = $1`, [a.id])).toHaveLength(0);

  // Parallel guesses cannot get past five: the row is locked per attempt.
  ok(await request(a, phone(4)));
  const second = await sentCode(a.id, e164(4));
  expect(second.code).not.toBeUndefined();
  const parallel = await Promise.all(Array.from({ length: 12 }, () => confirm(a, wrong(second.code))));
  const [{ attempts }] = await api.dataSource.query(`SELECT attempts FROM phone_verification_codes WHERE account_id = $1 AND spent_at IS NULL`, [a.id]);
  expect(attempts).toBe(5);
  expect(parallel.filter((r) => firstError(r).extensions.messageKey === 'errors.phoneVerification.wrongCode')).toHaveLength(4);
  // The first code of the account was spent when the second was requested.
  const codes = await api.dataSource.query(`SELECT spent_at FROM phone_verification_codes WHERE account_id = $1 ORDER BY created_at`, [a.id]);
  expect(codes.map((c: { spent_at: Date | null }) => c.spent_at !== null)).toEqual([true, false]);
});

test('requests are limited per account, per number and per address', async () => {
  // Per account: 5 an hour.
  const a = await account();
  for (let i = 0; i < 5; i++) ok(await request(a, phone(10 + i), '203.0.113.10'));
  const limited = firstError(await request(a, phone(20), '203.0.113.10'));
  expect(limited.extensions.code).toBe('TOO_MANY_REQUESTS');
  expect(limited.extensions.retryAfterSeconds).toBeGreaterThan(0);

  // Per number: 3 an hour, whichever accounts ask.
  for (let i = 0; i < 3; i++) ok(await request(await account(), phone(30), `203.0.113.${30 + i}`));
  expect(firstError(await request(await account(), phone(30), '203.0.113.40')).extensions.code).toBe('TOO_MANY_REQUESTS');

  // Per address: 60 an hour (a village meeting on one mobile network), then refused for everyone there.
  let n = 0;
  while (n < 60) {
    const who = await account();
    for (let i = 0; i < 5 && n < 60; i++, n++) ok(await request(who, phone(100 + n), '203.0.113.99'));
  }
  expect(firstError(await request(await account(), phone(200), '203.0.113.99')).extensions.code).toBe('TOO_MANY_REQUESTS');
  // Another address is not affected.
  ok(await request(await account(), phone(201), '203.0.113.98'));
});

test('two accounts confirming one number at the same moment: one gets it, the other CONFLICT, never a 500', async () => {
  const a = await account();
  const b = await account();
  ok(await request(a, phone(300), '203.0.113.50'));
  ok(await request(b, phone(300), '203.0.113.51'));
  const [ca, cb] = [await sentCode(a.id, e164(300)), await sentCode(b.id, e164(300))];
  const answers = await Promise.all([confirm(a, ca.code), confirm(b, cb.code)]);
  expect(answers.filter((r) => !r.errors)).toHaveLength(1);
  expect(answers.filter((r) => r.errors).map((r) => firstError(r).extensions)).toEqual([expect.objectContaining({ code: 'CONFLICT', messageKey: 'errors.phoneVerification.phoneTaken' })]);
  expect(await api.dataSource.query(`SELECT account_id FROM verified_phones WHERE phone = $1`, [e164(300)])).toHaveLength(1);
});
