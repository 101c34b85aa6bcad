/** A tiny GraphQL client for integration tests: real HTTP against the running API. */
export interface GqlResult<T = Record<string, any>> {
  data: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; field?: string; messageKey?: string; [k: string]: unknown } }>;
  status: number;
  setCookie: string[];
}

export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<GqlResult<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.headers ?? {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T | null; errors?: GqlResult<T>['errors'] };
  return { ...body, status: res.status, setCookie: res.headers.getSetCookie?.() ?? [] };
}

export function firstError(r: GqlResult) {
  if (!r.errors?.length) throw new Error(`expected an error, got data ${JSON.stringify(r.data)}`);
  return r.errors[0];
}

export function ok<T>(r: GqlResult<T>): T {
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}
