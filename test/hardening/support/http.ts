/**
 * Raw HTTP for the hardening suites: unlike test/support/graphql-client it never assumes a JSON body,
 * because an answer that is not JSON (a 413, an HTML 500) is exactly what these suites look for.
 */
export interface RawAnswer {
  status: number;
  body: unknown;
  text: string;
  errors: Array<{ message?: string; path?: unknown; extensions?: { code?: string; field?: string; messageKey?: string } }>;
}

let ipSeq = 0;
/** A distinct client address per call (the suites start the API with TRUST_PROXY=loopback) so per-address rate limits stay out of the way. */
export function nextClientIp(): string {
  ipSeq++;
  return `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
}

export async function rawGraphql(baseUrl: string, body: string, token?: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientIp(), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
  });
  return toAnswer(res);
}

export function graphqlCall(baseUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<RawAnswer> {
  return rawGraphql(baseUrl, JSON.stringify({ query, variables }), token);
}

export async function httpCall(baseUrl: string, method: string, path: string, token?: string, body?: Buffer, contentType = 'application/octet-stream', headers: Record<string, string> = {}): Promise<RawAnswer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-forwarded-for': nextClientIp(), ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': contentType } : {}), ...headers },
    body: body as never,
  });
  return toAnswer(res);
}

async function toAnswer(res: Response): Promise<RawAnswer> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const errors = body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors) ? (body as { errors: RawAnswer['errors'] }).errors : [];
  return { status: res.status, body, text, errors };
}

/** The data of a GraphQL answer, or a thrown error naming what went wrong (fixture building). */
export function dataOf<T = Record<string, any>>(a: RawAnswer, what: string): T {
  if (a.errors.length || a.status >= 400) throw new Error(`${what}: HTTP ${a.status} ${a.text.slice(0, 500)}`);
  return (a.body as { data: T }).data;
}
