import { firstError, gql } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;

describe('client input that used to crash the API (real API)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'edgeinput' });
  });
  afterAll(() => api?.stop());

  const accounts = async () => (await api.dataSource.query('SELECT count(*)::int AS n FROM accounts'))[0].n as number;

  it('refuses a NUL character inside an input object with the field path, writing nothing', async () => {
    const before = await accounts();
    const r = await gql(api.baseUrl, SIGN_UP, { input: { email: 'nul@example.kg', password: 'long enough pw', displayName: 'Ай\u0000гүл' } });
    expect(r.status).toBeLessThan(500);
    expect(firstError(r).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.displayName', messageKey: 'errors.validation.invalidCharacters' });
    expect(await accounts()).toBe(before);
  });

  it('refuses a NUL character in a plain String argument (no input object) with the argument name', async () => {
    const r = await gql(api.baseUrl, `query($q: String!) { searchTerritory(query: $q) { code } }`, { q: 'Ак\u0000' });
    expect(r.status).toBeLessThan(500);
    expect(firstError(r).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', messageKey: 'errors.validation.invalidCharacters' });
    // The same argument without the NUL still works.
    expect((await gql(api.baseUrl, `query($q: String!) { searchTerritory(query: $q) { code } }`, { q: 'Ак' })).errors).toBeUndefined();
  });

  it('refuses a NUL character in an HTTP query parameter of the file endpoints with 400, not 500', async () => {
    const r = await fetch(`${api.baseUrl}/api/budget-transactions/00000000-0000-0000-0000-000000000000/documents?fileName=a%00b.pdf`, { method: 'POST', body: 'x' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.validation.invalidCharacters', field: 'fileName' });
  });

  it('refuses a malformed percent-encoding in x-on-behalf-reason as BAD_USER_INPUT on that header', async () => {
    const r = await gql(api.baseUrl, '{ me { id } }', {}, { headers: { 'x-on-behalf-of': '00000000-0000-0000-0000-000000000000', 'x-on-behalf-reason': '%E0%A4%A' } });
    expect(r.status).toBeLessThan(500);
    expect(firstError(r).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-on-behalf-reason' });
  });

  it('keeps "Did you mean" suggestions outside production (developers want them)', async () => {
    const e = firstError(await gql(api.baseUrl, '{ mee { id } }'));
    expect(e.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(e.message).toMatch(/Did you mean "me"/);
  });
});

describe('schema details in production (real API, NODE_ENV=production)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'edgeprod', env: { NODE_ENV: 'production' } });
  });
  afterAll(() => api?.stop());

  it('answers a misspelled field without suggesting the real one', async () => {
    const r = await gql(api.baseUrl, '{ mee { id } }');
    const e = firstError(r);
    expect(r.status).toBe(400);
    expect(e.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(e.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(r)).not.toMatch(/"me"/);
  });

  it('answers a misspelled enum value in the variables without listing the real ones', async () => {
    const r = await gql(api.baseUrl, SIGN_UP, { input: { password: 'long enough pw', displayName: 'X', gender: 'FEMAL' } });
    expect(firstError(r).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.gender' });
    expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean|FEMALE/);
  });

  it('refuses introspection', async () => {
    const e = firstError(await gql(api.baseUrl, '{ __schema { types { name } } }'));
    expect(e.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
