import type { AuthPayload } from '../api/auth.operations';
import { GraphQLClient } from '../api/graphql.client';
import { ApiError } from '../api/graphql-errors';

const payload = (token: string): AuthPayload => ({ accessToken: token, expiresAt: '2030-01-01T00:00:00Z', account: { id: 'a1', displayName: 'A', email: null, phone: null, locale: 'ky' } });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('GraphQLClient.upload', () => {
  test('posts the raw file with the access token, refreshing once on 401', async () => {
    const seen: Array<{ url: string; auth?: string }> = [];
    const fn = (async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).authorization;
      seen.push({ url, auth });
      if (url === '/graphql') return json({ data: { refreshSession: payload('t2') } });
      return auth === 'Bearer t2' ? json({ id: 'd1', url: '/api/budget-documents/d1' }, 201) : json({ code: 'UNAUTHENTICATED' }, 401);
    }) as unknown as typeof fetch;
    const client = new GraphQLClient('/graphql', fn);
    client.setSession(payload('t1'));
    await expect(client.upload('/api/budget-transactions/x/documents', new Blob(['%PDF-1.4']))).resolves.toEqual({ id: 'd1', url: '/api/budget-documents/d1' });
    expect(seen.map((s) => [s.url, s.auth])).toEqual([
      ['/api/budget-transactions/x/documents', 'Bearer t1'],
      ['/graphql', undefined],
      ['/api/budget-transactions/x/documents', 'Bearer t2'],
    ]);
  });

  test('turns a refusal into an ApiError carrying the code, field and message key', async () => {
    const fn = (async () => json({ code: 'BAD_USER_INPUT', messageKey: 'errors.budgets.document.type', field: 'file' }, 400)) as unknown as typeof fetch;
    const client = new GraphQLClient('/graphql', fn);
    const err = await client.upload('/api/x', new Blob(['x'])).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.budgets.document.type', field: 'file' });
  });
});
