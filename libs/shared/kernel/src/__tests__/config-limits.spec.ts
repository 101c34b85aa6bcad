import { ConfigError, loadConfig } from '../config';

describe('loadConfig: sign-up limits and the session check cache', () => {
  const good = { DATABASE_URL: 'postgres://root@127.0.0.1:5432/test', JWT_SECRET: 'x'.repeat(32) };

  it('defaults to limits a village meeting can live with and a 5 s session cache', () => {
    const c = loadConfig(good);
    expect(c.signupLimits).toEqual({ perAddressPerMinute: 10, perAddressPerHour: 60, allPerMinute: 120, allPerHour: 2000 });
    expect(c.sessionCheckCacheSeconds).toBe(5);
  });

  it('reads SIGNUP_LIMITS and SESSION_CHECK_CACHE_SECONDS, refusing malformed values with the variable named', () => {
    expect(loadConfig({ ...good, SIGNUP_LIMITS: '5/30/50/500' }).signupLimits.perAddressPerHour).toBe(30);
    expect(loadConfig({ ...good, SESSION_CHECK_CACHE_SECONDS: '0' }).sessionCheckCacheSeconds).toBe(0);
    expect(() => loadConfig({ ...good, SIGNUP_LIMITS: '10/60' })).toThrow(/SIGNUP_LIMITS must be four/);
    expect(() => loadConfig({ ...good, SIGNUP_LIMITS: '0/60/120/2000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...good, SESSION_CHECK_CACHE_SECONDS: '120' })).toThrow(/SESSION_CHECK_CACHE_SECONDS must be between 0 and 60/);
  });
});
