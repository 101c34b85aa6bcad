import { unsealParams } from '@ashar/notifications';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { CREATE_BUDGET, platformAdmin, village } from '../../../../libs/budgets/src/__tests__/support';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken account { id } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const LOG_OUT = `mutation($t: String) { logOut(refreshToken: $t) }`;
const UNLOCK = `mutation($t: String!) { unlockSignIn(token: $t) }`;
const NEEDS_ACCOUNT = `mutation { setLocale(locale: ru) { id } }`;
const PASSWORD = 'long enough pw';

const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

/**
 * Floods, guessing and ended sessions, with the real default limits (the shared test config raises the
 * sign-up limits for other suites). Both backends: counters in Redis, or in PostgreSQL without it.
 */
describe.each([
  ['Redis', true],
  ['PostgreSQL', false],
])('identity abuse controls (counters in %s)', (_backend, redis) => {
  let api: RunningApi;
  let seq = 0;
  beforeAll(async () => {
    api = await startApi({
      label: `abuse_${redis ? 'redis' : 'pg'}`,
      redis,
      worker: true,
      // '' = the production defaults; PostgreSQL mode also shows that a zero session cache works.
      // The test plays several addresses through X-Forwarded-For, so it trusts the loopback proxy
      // (by default no proxy is trusted and every request here would be 127.0.0.1).
      env: { SIGNUP_LIMITS: '', SESSION_CHECK_CACHE_SECONDS: redis ? '' : '0', TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => api?.stop());

  /** A fresh account signed up from an address of its own (so the sign-up limits stay out of the way). */
  async function account(): Promise<{ login: string; id: string; accessToken: string; refreshToken: string }> {
    const login = `person${++seq}@example.kg`;
    const s = ok(await gql(api.baseUrl, SIGN_UP, { input: { email: login, password: PASSWORD, displayName: 'Резидент' } }, from(`192.0.2.${seq}`))).signUp;
    return { login, id: s.account.id, accessToken: s.accessToken, refreshToken: s.refreshToken };
  }
  const logIn = (login: string, password: string, ip: string) => gql(api.baseUrl, LOG_IN, { input: { login, password } }, from(ip));

  async function counter(key: string): Promise<number | null> {
    if (redis) {
      const { Redis } = await import('ioredis');
      const r = new Redis(api.config.redisUrl!);
      const v = await r.get(`${api.config.redisPrefix}:rl:${key}`);
      await r.quit();
      return v === null ? null : Number(v);
    }
    const rows = await api.dataSource.query('SELECT count FROM rate_limit_counters WHERE key = $1', [key]);
    return rows[0]?.count ?? null;
  }

  it('lets 10 sign-ups a minute through from one address and refuses the 11th with a retry-after; other addresses go on', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 10; i++) {
      ok(await gql(api.baseUrl, SIGN_UP, { input: { email: `meeting${i}@example.kg`, password: PASSWORD, displayName: `Резидент ${i}` } }, from(ip)));
    }
    const before = Number((await api.dataSource.query('SELECT count(*)::int AS n FROM accounts'))[0].n);
    const started = Date.now();
    const e = firstError(await gql(api.baseUrl, SIGN_UP, { input: { email: 'meeting10@example.kg', password: PASSWORD, displayName: 'Резидент 10' } }, from(ip)));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(e.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', messageKey: 'errors.TOO_MANY_REQUESTS' });
    expect(e.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(e.extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(Number((await api.dataSource.query('SELECT count(*)::int AS n FROM accounts'))[0].n)).toBe(before);
    ok(await gql(api.baseUrl, SIGN_UP, { input: { email: 'neighbour@example.kg', password: PASSWORD, displayName: 'Сосед' } }, from('198.51.100.8')));
    // The counters are shared by every replica: in Redis when it is configured, else in PostgreSQL.
    expect(await counter(`signup:ip:min:${ip}`)).toBe(11);
    expect(await counter(`signup:ip:hour:${ip}`)).toBe(10);
    if (redis) expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM rate_limit_counters`))[0].n).toBe(0);
  });

  it('wrong passwords from address A do not stop the right password from address B', async () => {
    const a = await account();
    for (let i = 0; i < 8; i++) await logIn(a.login, `wrong ${i}`, '203.0.113.1');
    expect(firstError(await logIn(a.login, PASSWORD, '203.0.113.1')).extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(ok(await logIn(a.login, PASSWORD, '203.0.113.2')).logIn.accessToken).toBeTruthy();
  });

  it('slows a guessing address down with a growing retry-after for that (login, address) only', async () => {
    const a = await account();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(firstError(await logIn(a.login, `wrong ${i}`, '203.0.113.10')).extensions.code);
    expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));
    const first = firstError(await logIn(a.login, 'wrong 5', '203.0.113.10')).extensions;
    expect(first).toMatchObject({ code: 'TOO_MANY_REQUESTS', messageKey: 'errors.TOO_MANY_REQUESTS' });
    expect(first.retryAfterSeconds).toBeGreaterThan(0);
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(15);
    // The wait is over (as if 15 s passed): one more wrong password, and the next wait is longer.
    await clearWait(a.login, '203.0.113.10');
    expect(firstError(await logIn(a.login, 'wrong 6', '203.0.113.10')).extensions.code).toBe('UNAUTHENTICATED');
    const second = firstError(await logIn(a.login, PASSWORD, '203.0.113.10')).extensions;
    expect(second.code).toBe('TOO_MANY_REQUESTS');
    expect(second.retryAfterSeconds).toBeGreaterThan(15);
    // Another login from the same address is not slowed down.
    const b = await account();
    expect(ok(await logIn(b.login, PASSWORD, '203.0.113.10')).logIn.accessToken).toBeTruthy();
    // Once the wait is over, the right password works and clears the pair.
    await clearWait(a.login, '203.0.113.10');
    ok(await logIn(a.login, PASSWORD, '203.0.113.10'));
    expect(await counter(`login:pair:${a.login}|203.0.113.10`)).toBeNull();
  });

  it('parallel guesses from one address get no more than the free attempts and one slot', async () => {
    const a = await account();
    const rs = await Promise.all(Array.from({ length: 12 }, (_, i) => logIn(a.login, `parallel ${i}`, '203.0.113.20')));
    const codes = rs.map((r) => firstError(r).extensions.code);
    const checked = codes.filter((c) => c === 'UNAUTHENTICATED').length;
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(6);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(12 - checked);
  });

  async function clearWait(login: string, ip: string) {
    const key = `login:wait:${login}|${ip}`;
    if (redis) {
      const { Redis } = await import('ioredis');
      const r = new Redis(api.config.redisUrl!);
      await r.del(`${api.config.redisPrefix}:rl:${key}`);
      await r.quit();
    } else {
      await api.dataSource.query('DELETE FROM rate_limit_counters WHERE key = $1', [key]);
    }
  }

  it('at 100 failures an hour from all addresses stops the login, sends the owner exactly one unlock notice, and the code works once', async () => {
    const a = await account();
    // 20 addresses x 5 wrong passwords: none of them is slowed down, together they reach the ceiling.
    for (let n = 0; n < 20; n++) {
      const rs = await Promise.all(Array.from({ length: 5 }, (_, i) => logIn(a.login, `guess ${n}.${i}`, `100.64.${n}.1`)));
      expect(rs.map((r) => firstError(r).extensions.code)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    }
    const stopped = firstError(await logIn(a.login, PASSWORD, '100.64.200.1')).extensions;
    expect(stopped.code).toBe('TOO_MANY_REQUESTS');
    expect(stopped.retryAfterSeconds).toBeGreaterThan(0);
    // More attempts past the ceiling send nothing more.
    await logIn(a.login, 'guess more', '100.64.201.1');

    let deliveries: { recipient: string; channel: string; template_key: string; params: { link: string; hours: number } }[] = [];
    for (let i = 0; i < 100 && !deliveries.length; i++) {
      deliveries = await api.dataSource.query(`SELECT recipient, channel, template_key, params FROM notification_deliveries WHERE template_key = 'notifications.signInUnlock' AND recipient = $1 AND status = 'SENT'`, [a.login]);
      if (!deliveries.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ channel: 'email', params: { hours: 24 } });
    const outbox = await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE name = 'notifications.deliver' AND job_id LIKE 'sign-in-unlock.%'`);
    expect(outbox[0].n).toBe(1);
    // The link is kept sealed in the record (a one-time secret); the server's key opens it.
    expect(deliveries[0].params.link).toMatch(/^sealed:v1:/);
    const token = String(unsealParams(deliveries[0].params, api.config.jwtSecret).link).split('/unlock-sign-in/')[1];
    const stored = await api.dataSource.query('SELECT token_hash FROM sign_in_unlocks WHERE account_id = $1', [a.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(token);

    expect(ok(await gql(api.baseUrl, UNLOCK, { t: token }, from('100.64.200.1'))).unlockSignIn).toBe(true);
    expect(ok(await logIn(a.login, PASSWORD, '100.64.200.1')).logIn.accessToken).toBeTruthy();
    const again = firstError(await gql(api.baseUrl, UNLOCK, { t: token }, from('100.64.200.1'))).extensions;
    expect(again).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.auth.unlockInvalid' });
    expect(firstError(await gql(api.baseUrl, UNLOCK, { t: 'made-up-code' })).extensions.code).toBe('NOT_FOUND');
  });

  it('after logOut the old access token is refused on the next request', async () => {
    const a = await account();
    expect(ok(await gql(api.baseUrl, NEEDS_ACCOUNT, {}, { token: a.accessToken })).setLocale.id).toBe(a.id);
    expect(ok(await gql(api.baseUrl, LOG_OUT, { t: a.refreshToken }, { token: a.accessToken })).logOut).toBe(true);
    expect(firstError(await gql(api.baseUrl, NEEDS_ACCOUNT, {}, { token: a.accessToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect(ok(await gql(api.baseUrl, `{ me { id } }`, {}, { token: a.accessToken })).me).toBeNull();
  });

  it('the file endpoints refuse an access token of an ended session too', async () => {
    const v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө');
    const budget = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear: 2026, currency: 'KGS', title: { ru: 'Бюджет' } } }, { token: v.a.token })).createBudget;
    const upload = () => fetch(`${api.baseUrl}/api/budgets/${budget.id}/imports?kind=BUDGET`, { method: 'POST', headers: { authorization: `Bearer ${v.a.token}`, 'content-type': 'text/csv' }, body: '' });
    // Signed in: past the permission check, refused only for the empty file.
    expect((await upload()).status).toBe(400);
    ok(await gql(api.baseUrl, LOG_OUT, {}, { token: v.a.token }));
    const after = await upload();
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('logOut with only the access token ends that session too', async () => {
    const a = await account();
    ok(await gql(api.baseUrl, LOG_OUT, {}, { token: a.accessToken }));
    expect(firstError(await gql(api.baseUrl, NEEDS_ACCOUNT, {}, { token: a.accessToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect(firstError(await gql(api.baseUrl, REFRESH, { t: a.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('when refresh-token reuse revokes the family, its access tokens are refused too; other sessions go on', async () => {
    const a = await account();
    const other = ok(await logIn(a.login, PASSWORD, '203.0.113.50')).logIn;
    const rotated = ok(await gql(api.baseUrl, REFRESH, { t: a.refreshToken })).refreshSession;
    ok(await gql(api.baseUrl, NEEDS_ACCOUNT, {}, { token: rotated.accessToken }));
    // The spent token comes back: theft. The whole family ends, access tokens included.
    expect(firstError(await gql(api.baseUrl, REFRESH, { t: a.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect(firstError(await gql(api.baseUrl, NEEDS_ACCOUNT, {}, { token: rotated.accessToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect(firstError(await gql(api.baseUrl, NEEDS_ACCOUNT, {}, { token: a.accessToken })).extensions.code).toBe('UNAUTHENTICATED');
    expect(ok(await gql(api.baseUrl, NEEDS_ACCOUNT, {}, { token: other.accessToken })).setLocale.id).toBe(a.id);
  });
});
