import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken account { id email displayName } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken account { id } } }`;
const REFRESH = `mutation($t: String) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;

describe('identity over GraphQL (real PostgreSQL, queues and limits in Redis)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    // TRUST_PROXY: the tests play several client addresses through X-Forwarded-For from loopback.
    api = await startApi({ label: 'identity', redis: true, worker: true, env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => api?.stop());

  const count = async (table: string) => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const signUp = (input: Record<string, unknown>) => gql(api.baseUrl, SIGN_UP, { input });

  async function makeAdmin(email: string): Promise<string> {
    const { signUp: s } = ok(await signUp({ email, password: 'correct horse battery', displayName: 'Admin' }));
    await api.dataSource.query('UPDATE accounts SET platform_admin = true WHERE id = $1', [s.account.id]);
    return ok(await gql(api.baseUrl, LOG_IN, { input: { login: email, password: 'correct horse battery' } })).logIn.accessToken;
  }

  it('signs up with a resident profile, sets the refresh cookie, and answers me', async () => {
    const r = await signUp({ email: 'Aigul@Example.kg', password: 'long enough pw', displayName: 'Айгүл', villageCode: '41707220840010', birthYear: 1990, gender: 'FEMALE' });
    const { signUp: s } = ok(r);
    expect(s.account.email).toBe('aigul@example.kg');
    expect(r.setCookie.join(';')).toMatch(/ashar_refresh=.*HttpOnly/i);
    const me = ok(await gql(api.baseUrl, `{ me { displayName profile { birthYear gender village { code name(lang: ky) } } } }`, {}, { token: s.accessToken }));
    expect(me.me.profile).toEqual({ birthYear: 1990, gender: 'FEMALE', village: { code: '41707220840010', name: 'Ак-Дөбө' } });
    const anon = ok(await gql(api.baseUrl, `{ me { id } }`));
    expect(anon.me).toBeNull();
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: 'long enough pw', displayName: 'X' }, 'input.email', 'errors.validation.email'],
    ['a short password', { email: 'short@example.kg', password: 'short', displayName: 'X' }, 'input.password', 'errors.validation.passwordTooShort'],
    ['an unknown territory code', { email: 'terr@example.kg', password: 'long enough pw', displayName: 'X', villageCode: '41799999999999' }, 'input.villageCode', 'errors.validation.unknownTerritory'],
    ['a malformed phone', { phone: '0555 12', password: 'long enough pw', displayName: 'X' }, 'input.phone', 'errors.phone.tooShort'],
    ['a number no Kyrgyz phone has', { phone: '0100 123 456', password: 'long enough pw', displayName: 'X' }, 'input.phone', 'errors.phone.notInCountry'],
    ['a phone with letters', { phone: '0700 ABC 456', password: 'long enough pw', displayName: 'X' }, 'input.phone', 'errors.phone.notAPhone'],
  ])('rejects %s with BAD_USER_INPUT and the field path, writing nothing', async (_name, input, field, key) => {
    const accountsBefore = await count('accounts');
    const auditBefore = await count('audit_events');
    const e = firstError(await signUp(input));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, messageKey: key });
    expect(await count('accounts')).toBe(accountsBefore);
    expect(await count('audit_events')).toBe(auditBefore);
  });

  it('refuses a duplicate account with CONFLICT on the field, writing nothing', async () => {
    ok(await signUp({ phone: '+996 555 123 456', password: 'long enough pw', displayName: 'Бакыт' }));
    const before = await count('accounts');
    const e = firstError(await signUp({ phone: '+996555123456', password: 'another long pw', displayName: 'Other' }));
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.phone', messageKey: 'errors.auth.accountExists' });
    expect(await count('accounts')).toBe(before);
  });

  it('logs in by phone, refuses a wrong password with UNAUTHENTICATED', async () => {
    ok(await signUp({ phone: '+996700000001', password: 'my password 1', displayName: 'Нурлан' }));
    expect(ok(await gql(api.baseUrl, LOG_IN, { input: { login: '+996 700 000 001', password: 'my password 1' } })).logIn.accessToken).toBeTruthy();
    const e = firstError(await gql(api.baseUrl, LOG_IN, { input: { login: '+996700000001', password: 'wrong password' } }));
    expect(e.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('signs up and logs in with phones written the local way, in Kyrgyzstan and in Kazakhstan, stored in E.164', async () => {
    const phoneOf = async (id: string) => (await api.dataSource.query(`SELECT phone FROM accounts WHERE id = $1`, [id]))[0].phone;
    const kg = ok(await signUp({ phone: '0700 123 456', phoneCountry: 'KG', password: 'my password 1', displayName: 'Айбек' })).signUp;
    expect(await phoneOf(kg.account.id)).toBe('+996700123456');
    for (const login of ['0700 123 456', '+996 700 123456', '996700123456', '0 (700) 12-34-56']) {
      expect(ok(await gql(api.baseUrl, LOG_IN, { input: { login, password: 'my password 1' } })).logIn.account.id).toBe(kg.account.id);
    }
    // A Bishkek landline written with the trunk prefix and brackets.
    const landline = ok(await signUp({ phone: '0 (312) 12-34-56', password: 'my password 1', displayName: 'Офис' })).signUp;
    expect(await phoneOf(landline.account.id)).toBe('+996312123456');

    const kz = ok(await signUp({ phone: '8 701 123 4567', phoneCountry: 'KZ', password: 'my password 2', displayName: 'Асқар' })).signUp;
    expect(await phoneOf(kz.account.id)).toBe('+77011234567');
    expect(ok(await gql(api.baseUrl, LOG_IN, { input: { login: '8 701 123 4567', phoneCountry: 'KZ', password: 'my password 2' } })).logIn.account.id).toBe(kz.account.id);
    expect(ok(await gql(api.baseUrl, LOG_IN, { input: { login: '+7 701 123 45 67', password: 'my password 2' } })).logIn.account.id).toBe(kz.account.id);
    // The form's country left at Kyrgyzstan: "8 701 …" can only be Kazakh, and is read so.
    expect(ok(await gql(api.baseUrl, LOG_IN, { input: { login: '8 701 123 4567', phoneCountry: 'KG', password: 'my password 2' } })).logIn.account.id).toBe(kz.account.id);
    // The same person again in another writing: one account per number.
    expect(firstError(await signUp({ phone: '+77011234567', password: 'my password 3', displayName: 'Копия' })).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.phone' });
    // A number nobody can have is said to be one, not "wrong login or password".
    const e = firstError(await gql(api.baseUrl, LOG_IN, { input: { login: '0700 12', password: 'my password 1' } }));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.login', messageKey: 'errors.phone.tooShort', params: { example: '0700 123 456' } });
  });

  it('rotates refresh tokens and revokes the family when a used token comes back', async () => {
    const first = ok(await signUp({ email: 'rotate@example.kg', password: 'long enough pw', displayName: 'R' })).signUp.refreshToken;
    const second = ok(await gql(api.baseUrl, REFRESH, { t: first })).refreshSession.refreshToken;
    expect(second).not.toBe(first);
    // The old token again: theft. Both it and the newest token of the family stop working.
    expect(firstError(await gql(api.baseUrl, REFRESH, { t: first })).extensions.code).toBe('UNAUTHENTICATED');
    expect(firstError(await gql(api.baseUrl, REFRESH, { t: second })).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refreshes from the httpOnly cookie', async () => {
    const r = await signUp({ email: 'cookie@example.kg', password: 'long enough pw', displayName: 'C' });
    const cookie = r.setCookie.map((c) => c.split(';')[0]).join('; ');
    const refreshed = await gql(api.baseUrl, REFRESH, {}, { cookie });
    expect(ok(refreshed).refreshSession.accessToken).toBeTruthy();
  });

  it('wrong passwords from many addresses do not lock the owner out; the failure count is shared in Redis', async () => {
    ok(await signUp({ email: 'limited@example.kg', password: 'long enough pw', displayName: 'L' }));
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await gql(api.baseUrl, LOG_IN, { input: { login: 'limited@example.kg', password: `wrong ${i}` } }, { headers: { 'x-forwarded-for': `10.0.0.${i}` } });
      codes.push(r.errors![0].extensions.code);
    }
    // The old rule locked the account after ten; now only the (login, address) pair is slowed down.
    expect(codes).toEqual(Array(12).fill('UNAUTHENTICATED'));
    expect(ok(await gql(api.baseUrl, LOG_IN, { input: { login: 'limited@example.kg', password: 'long enough pw' } })).logIn.accessToken).toBeTruthy();
    // Held in Redis (not in process memory), so every API replica sees the same count.
    const { Redis } = await import('ioredis');
    const redis = new Redis(api.config.redisUrl!);
    expect(Number(await redis.get(`${api.config.redisPrefix}:rl:login:fail:limited@example.kg`))).toBe(12);
    await redis.quit();
  });

  it.each([
    ['a right-to-left override', 'admin\u202Egpj.exe'],
    ['a zero-width space', 'Ad\u200Bmin'],
    ['a pop directional isolate', 'Нурлан\u2069'],
    ['a control character', 'Line\u0007bell'],
  ])('refuses a display name with %s (BAD_USER_INPUT on input.displayName), writing nothing', async (_name, displayName) => {
    const before = await count('accounts');
    const e = firstError(await signUp({ email: `unsafe-${before}@example.kg`, password: 'long enough pw', displayName }));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.displayName', messageKey: 'errors.validation.invalidCharacters' });
    expect(await count('accounts')).toBe(before);
  });

  it('accepts Kyrgyz and Kazakh letters in names, and refuses hidden characters in a login', async () => {
    const s = ok(await signUp({ email: 'kazakh@example.kg', password: 'long enough pw', displayName: 'Әсем Ғалымқызы Ұлықбан Һіңөү' })).signUp;
    expect(s.account.displayName).toBe('Әсем Ғалымқызы Ұлықбан Һіңөү');
    const e = firstError(await gql(api.baseUrl, LOG_IN, { input: { login: 'kazakh@example.kg\u202E', password: 'long enough pw' } }));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.login', messageKey: 'errors.validation.invalidCharacters' });
  });

  describe('communities, roles and invitations', () => {
    let adminToken: string;
    let villageA: string;
    let villageB: string;

    beforeAll(async () => {
      adminToken = await makeAdmin('platform@example.kg');
      const create = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id name(lang: ru) myRoles unit { code } } }`;
      villageA = ok(await gql(api.baseUrl, create, { input: { unitCode: '41707220840000', kind: 'BUDGET_GROUP', names: { ky: 'Ак-Дөбө бюджеттик тобу', ru: 'Бюджетная группа Ак-Дебе' } } }, { token: adminToken })).createCommunity.id;
      villageB = ok(await gql(api.baseUrl, create, { input: { unitCode: '41707220843000', kind: 'BUDGET_GROUP', names: { ru: 'Бюджетная группа Орo' } } }, { token: adminToken })).createCommunity.id;
    });

    const INVITE = `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { id token link role } }`;
    const ACCEPT = `mutation($t: String!) { acceptInvitation(token: $t) { role community { id } } }`;

    it('only a platform admin creates communities; an unknown unit is BAD_USER_INPUT', async () => {
      const user = ok(await signUp({ email: 'plain@example.kg', password: 'long enough pw', displayName: 'P' })).signUp.accessToken;
      const create = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
      const input = { unitCode: '41707220840000', kind: 'PUBLIC_COUNCIL', names: { ru: 'X' } };
      expect(firstError(await gql(api.baseUrl, create, { input }, { token: user })).extensions.code).toBe('FORBIDDEN');
      expect(firstError(await gql(api.baseUrl, create, { input })).extensions.code).toBe('UNAUTHENTICATED');
      const bad = firstError(await gql(api.baseUrl, create, { input: { ...input, unitCode: '41700000000099' } }, { token: adminToken }));
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitCode' });
    });

    it('invites a member, who accepts once; the invitation job is processed by the worker', async () => {
      const inv = ok(await gql(api.baseUrl, INVITE, { input: { communityId: villageA, role: 'BUDGET_GROUP_MEMBER', recipient: '+996555000111' } }, { token: adminToken })).createInvitation;
      expect(inv.link).toContain(inv.token);
      const member = ok(await signUp({ email: 'member-a@example.kg', password: 'long enough pw', displayName: 'Member A' })).signUp.accessToken;
      const accepted = ok(await gql(api.baseUrl, ACCEPT, { t: inv.token }, { token: member })).acceptInvitation;
      expect(accepted).toEqual({ role: 'BUDGET_GROUP_MEMBER', community: { id: villageA } });
      expect(firstError(await gql(api.baseUrl, ACCEPT, { t: inv.token }, { token: member })).extensions.code).toBe('NOT_FOUND');
      const roles = ok(await gql(api.baseUrl, `query($id: ID!) { community(id: $id) { myRoles members { role member { displayName } } } }`, { id: villageA }, { token: member }));
      expect(roles.community.myRoles).toEqual(['BUDGET_GROUP_MEMBER']);
      expect(roles.community.members.map((m: { role: string }) => m.role).sort()).toEqual(['BUDGET_GROUP_MEMBER', 'COMMUNITY_ADMIN']);

      // Enqueued through the outbox after commit, then handled by the separate worker application.
      const ds = api.dataSource;
      let delivered: { channel: string; recipient: string }[] = [];
      for (let i = 0; i < 100 && !delivered.length; i++) {
        delivered = await ds.query(`SELECT channel, recipient FROM notification_deliveries WHERE job_id = $1 AND status = 'SENT'`, [`invitation-notify.${inv.id}`]);
        if (!delivered.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(delivered).toEqual([{ channel: 'sms', recipient: '+996555000111' }]);
    });

    it('sends a Kazakh community\'s invitation to a phone typed the local way (8 7xx) at its E.164 number', async () => {
      const create = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
      const okrug = ok(await gql(api.baseUrl, create, { input: { unitCode: '101033000', kind: 'BUDGET_GROUP', names: { kk: 'Абыралы бюджет тобы', ru: 'Бюджетная группа Абралы' } } }, { token: adminToken })).createCommunity.id;
      const inv = ok(await gql(api.baseUrl, INVITE, { input: { communityId: okrug, role: 'CITIZEN', recipient: '8 701 123 4567' } }, { token: adminToken })).createInvitation;
      let delivered: { channel: string; recipient: string }[] = [];
      for (let i = 0; i < 100 && !delivered.length; i++) {
        delivered = await api.dataSource.query(`SELECT channel, recipient FROM notification_deliveries WHERE job_id = $1 AND status = 'SENT'`, [`invitation-notify.${inv.id}`]);
        if (!delivered.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(delivered).toEqual([{ channel: 'sms', recipient: '+77011234567' }]);
    });

    it('keeps roles per community: a member of village A cannot act in village B', async () => {
      const inv = ok(await gql(api.baseUrl, INVITE, { input: { communityId: villageA, role: 'COMMUNITY_ADMIN' } }, { token: adminToken })).createInvitation;
      const adminA = ok(await signUp({ email: 'admin-a@example.kg', password: 'long enough pw', displayName: 'Admin A' })).signUp.accessToken;
      ok(await gql(api.baseUrl, ACCEPT, { t: inv.token }, { token: adminA }));
      // Admin of A may invite into A...
      expect(ok(await gql(api.baseUrl, INVITE, { input: { communityId: villageA, role: 'CITIZEN' } }, { token: adminA })).createInvitation.role).toBe('CITIZEN');
      // ...but not into B, and cannot list B's members.
      const before = await count('invitations');
      expect(firstError(await gql(api.baseUrl, INVITE, { input: { communityId: villageB, role: 'CITIZEN' } }, { token: adminA })).extensions.code).toBe('FORBIDDEN');
      expect(await count('invitations')).toBe(before);
      expect(firstError(await gql(api.baseUrl, `query($id: ID!) { community(id: $id) { members { id } } }`, { id: villageB }, { token: adminA })).extensions.code).toBe('FORBIDDEN');
      expect(firstError(await gql(api.baseUrl, `query($id: ID!) { community(id: $id) { id } }`, { id: '00000000-0000-0000-0000-000000000000' })).extensions.code).toBe('NOT_FOUND');
    });

    it('records assisted participation as member X on behalf of resident Y, with the reason', async () => {
      const inv = ok(await gql(api.baseUrl, INVITE, { input: { communityId: villageA, role: 'BUDGET_GROUP_MEMBER' } }, { token: adminToken })).createInvitation;
      const helper = ok(await signUp({ email: 'helper@example.kg', password: 'long enough pw', displayName: 'Helper' }));
      ok(await gql(api.baseUrl, ACCEPT, { t: inv.token }, { token: helper.signUp.accessToken }));
      const token = helper.signUp.accessToken;
      const resident = ok(await gql(api.baseUrl, `mutation($input: RegisterAssistedResidentInput!) { registerAssistedResident(input: $input) { id kind } }`,
        { input: { communityId: villageA, displayName: 'Апа Сайкал', reason: 'paper form at the village meeting', villageCode: '41707220840020', birthYear: 1951, gender: 'FEMALE' } }, { token })).registerAssistedResident;
      expect(resident.kind).toBe('assisted');
      const headers = { 'x-on-behalf-of': resident.id, 'x-on-behalf-reason': encodeURIComponent('телефону жок') };
      ok(await gql(api.baseUrl, `mutation { updateResidentProfile(input: { birthYear: 1952 }) { birthYear } }`, {}, { token, headers }));
      const rows = await api.dataSource.query(
        `SELECT actor_account_id, on_behalf_of_account_id, reason, after FROM audit_events WHERE action = 'resident.updateProfile' ORDER BY seq DESC LIMIT 1`);
      expect(rows[0]).toMatchObject({ actor_account_id: helper.signUp.account.id, on_behalf_of_account_id: resident.id, reason: 'телефону жок' });
      expect(rows[0].after.birthYear).toBe(1952);
      // Someone without the role cannot act on the resident's behalf.
      const stranger = ok(await signUp({ email: 'stranger@example.kg', password: 'long enough pw', displayName: 'S' })).signUp.accessToken;
      const e = firstError(await gql(api.baseUrl, `mutation { updateResidentProfile(input: { birthYear: 1900 }) { birthYear } }`, {}, { token: stranger, headers }));
      expect(e.extensions.code).toBe('FORBIDDEN');
    });
  });
});
