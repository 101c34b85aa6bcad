import { actorFromAuthorization } from '../actor';
import { signAccessToken } from '../access-token';
import { SessionCache } from '../session-cache';

describe('SessionCache', () => {
  it('remembers an answer for its TTL only', () => {
    const c = new SessionCache(5000);
    c.set('s1', true, 1000);
    expect(c.get('s1', 5999)).toBe(true);
    expect(c.get('s1', 6000)).toBeUndefined();
  });

  it('a local revocation replaces a cached "live" at once', () => {
    const c = new SessionCache(5000);
    c.set('s1', true, 0);
    c.set('s1', false, 1);
    expect(c.get('s1', 2)).toBe(false);
  });

  it('caches nothing with a zero TTL, and drops the oldest entry past its size', () => {
    const none = new SessionCache(0);
    none.set('s1', true);
    expect(none.get('s1')).toBeUndefined();
    const small = new SessionCache(5000, 2);
    small.set('a', true, 0);
    small.set('b', true, 0);
    small.set('c', true, 0);
    expect([small.get('a', 1), small.get('b', 1), small.get('c', 1)]).toEqual([undefined, true, true]);
  });
});

describe('actorFromAuthorization', () => {
  const secret = 'x'.repeat(32);
  const token = signAccessToken({ sub: 'acc-1', adm: false, sid: 'fam-1' }, secret, 60).token;
  const noRoles = async () => [];

  it('is the account while its session is live, anonymous once it has ended', async () => {
    const live = await actorFromAuthorization(`Bearer ${token}`, secret, noRoles, async () => true);
    expect([live.accountId, live.sessionId]).toEqual(['acc-1', 'fam-1']);
    const ended = await actorFromAuthorization(`Bearer ${token}`, secret, noRoles, async () => false);
    expect(ended.isAuthenticated).toBe(false);
  });

  it('does not ask about sessions for a forged or missing token', async () => {
    const check = jest.fn(async () => true);
    expect((await actorFromAuthorization(`Bearer ${token}x`, secret, noRoles, check)).isAuthenticated).toBe(false);
    expect((await actorFromAuthorization(undefined, secret, noRoles, check)).isAuthenticated).toBe(false);
    expect(check).not.toHaveBeenCalled();
  });
});
