import { firstError, gql } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

/** F1 spreads F0 twice, F2 spreads F1 twice, ...: 2^(n-1) copies of F0 once expanded. */
function fanOut(n: number): string {
  let q = 'fragment F0 on Query { me { id } }\n';
  for (let i = 1; i < n; i++) q += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return `${q}query { ...F${n - 1} }`;
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;

describe('the GraphQL edge under hostile documents (real API)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'edgelimits' });
  });
  afterAll(() => api?.stop());

  const post = (body: unknown) =>
    fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it.each([
    ['40 fragments (over the fragment cap)', 40],
    ['29 fragments (under the cap, 2^28 fields expanded)', 29],
  ])('refuses a fan-out of %s in milliseconds while /healthz keeps answering', async (_name, n) => {
    const query = fanOut(n);
    expect(query.length).toBeLessThan(1700);
    await post({ query: '{ __typename }' }); // warm: the first request of a fresh API compiles a lot
    const t0 = Date.now();
    const [attacks, health] = await Promise.all([
      Promise.all(Array.from({ length: 4 }, () => post({ query }).then(async (r) => ({ status: r.status, body: (await r.json()) as any })))),
      fetch(`${api.baseUrl}/healthz`).then((r) => r.status),
    ]);
    // Generous for a loaded machine; the unmemoised walk took 3.8 s at 24 fragments and minutes at 29+.
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(health).toBe(200);
    for (const a of attacks) {
      expect(a.status).toBe(400);
      expect(a.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.query.tooLarge' });
    }
  });

  it.each([
    ['1,000 aliases of one field', `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`],
    ['too many root fields', `{ ${'me { id } '.repeat(50)} }`],
    ['more parser tokens than allowed', `{ me { ${'id '.repeat(5000)} } }`],
    ['a deep query', `{ territorialUnit(code: "41707220840010") { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } }`],
  ])('refuses %s with BAD_USER_INPUT and HTTP 400', async (_name, query) => {
    const r = await post({ query });
    expect(r.status).toBe(400);
    const body = (await r.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a document with two operations and no operationName with a client error, not 500', async () => {
    const r = await post({ query: 'query A { me { id } } query B { me { id } }' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('refuses a batched (array) body clearly, with 400', async () => {
    const r = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toMatch(/batching/i);
  });

  it.each([
    ['a missing required input field', { password: 'long enough pw', email: 'v1@example.kg' }, 'input.displayName'],
    ['a value of the wrong type', { password: 'long enough pw', displayName: 'X', birthYear: 'nineteen' }, 'input.birthYear'],
    ['an Int overflow', { password: 'long enough pw', displayName: 'X', birthYear: 2 ** 40 }, 'input.birthYear'],
    ['an unknown enum value', { password: 'long enough pw', displayName: 'X', gender: 'NOT_A_GENDER' }, 'input.gender'],
  ])('answers %s in the variables with BAD_USER_INPUT (400) and the variable path, writing nothing', async (_name, input, field) => {
    const before = (await api.dataSource.query('SELECT count(*)::int AS n FROM accounts'))[0].n;
    const r = await gql(api.baseUrl, SIGN_UP, { input });
    expect(r.status).toBe(400);
    expect(firstError(r).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM accounts'))[0].n).toBe(before);
  });
});
