import { ConfigError, loadConfig } from '../config';

const good = { DATABASE_URL: 'postgres://u@127.0.0.1/db', JWT_SECRET: 'x'.repeat(32) };

describe('loadConfig: the GraphQL edge and proxies', () => {
  it('defaults: no proxy trusted, query caps set', () => {
    const c = loadConfig(good);
    expect(c.trustProxy).toBe(false);
    expect(c).toMatchObject({ graphqlMaxTokens: 3000, graphqlMaxFields: 500, graphqlMaxAliases: 30, graphqlMaxRootFields: 20, graphqlMaxFragments: 30, graphqlMaxFragmentSpreads: 100 });
  });

  it.each([
    ['false', false],
    ['0', false],
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7', ['10.0.0.0/8', '192.168.1.7']],
    ['loopback,fd00::/8,::1', ['loopback', 'fd00::/8', '::1']],
  ])('accepts TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ ...good, TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'everyone', '10.0.0.0/33', '300.1.1.1', '11'])('refuses TRUST_PROXY=%s with a line naming it', (raw) => {
    expect(() => loadConfig({ ...good, TRUST_PROXY: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ ...good, TRUST_PROXY: raw })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a query cap out of range', () => {
    expect(() => loadConfig({ ...good, GRAPHQL_MAX_TOKENS: '5' })).toThrow(/GRAPHQL_MAX_TOKENS must be between/);
  });
});
