import type { AuthPayload } from '../api/auth.operations';
import { GraphQLClient } from '../api/graphql.client';
import { ApiError } from '../api/graphql-errors';

interface Call {
  query: string;
  authorization?: string;
  credentials?: RequestCredentials;
}

/** A scripted server: each answer is a function of the request. */
function fakeFetch(answer: (call: Call, n: number) => unknown) {
  const calls: Call[] = [];
  const fn = (async (_url: unknown, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const call = { query: JSON.parse(String(init.body)).query, authorization: headers.authorization, credentials: init.credentials };
    calls.push(call);
    const body = answer(call, calls.length);
    if (body instanceof Error) throw body;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fn, calls };
}

const session = (token: string): { data: { refreshSession: AuthPayload } } => ({
  data: { refreshSession: { accessToken: token, expiresAt: '2030-01-01T00:00:00Z', account: { id: 'a1', displayName: 'A', email: null, phone: null, locale: 'ky' } } },
});
const unauthenticated = { data: null, errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] };

describe('GraphQLClient', () => {
  test('sends the access token and the cookie, and returns data', async () => {
    const { fn, calls } = fakeFetch(() => ({ data: { me: null } }));
    const client = new GraphQLClient('/graphql', fn);
    client.setSession(session('t1').data.refreshSession);
    await expect(client.request('{ me { id } }')).resolves.toEqual({ me: null });
    expect(calls[0].authorization).toBe('Bearer t1');
    expect(calls[0].credentials).toBe('include');
  });

  test('on UNAUTHENTICATED it refreshes once and retries with the new token', async () => {
    const { fn, calls } = fakeFetch((call) => {
      if (call.query.includes('refreshSession')) return session('t2');
      return call.authorization === 'Bearer t2' ? { data: { ok: true } } : unauthenticated;
    });
    const client = new GraphQLClient('/graphql', fn);
    client.setSession(session('t1').data.refreshSession);
    await expect(client.request('{ ok }')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.authorization ?? 'none')).toEqual(['Bearer t1', 'none', 'Bearer t2']);
  });

  test('a failed refresh ends the session and the original error surfaces', async () => {
    const { fn } = fakeFetch(() => unauthenticated);
    const client = new GraphQLClient('/graphql', fn);
    const seen: unknown[] = [];
    client.onSessionChange((p) => seen.push(p));
    client.setSession(session('t1').data.refreshSession);
    await expect(client.request('{ ok }')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(client.hasSession).toBe(false);
    expect(seen.at(-1)).toBeNull();
  });

  test('concurrent callers share one refresh (a rotated refresh token is single-use)', async () => {
    const { fn, calls } = fakeFetch(() => session('t3'));
    const client = new GraphQLClient('/graphql', fn);
    const [a, b] = await Promise.all([client.refresh(), client.refresh()]);
    expect(a?.accessToken).toBe('t3');
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
  });

  test('being offline is a network error, not a log-out', async () => {
    const { fn } = fakeFetch(() => new TypeError('Failed to fetch'));
    const client = new GraphQLClient('/graphql', fn);
    client.setSession(session('t1').data.refreshSession);
    const error = await client.refresh().catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).network).toBe(true);
    expect(client.hasSession).toBe(true);
  });
});
