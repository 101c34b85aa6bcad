/**
 * A small GraphQL-over-fetch client: no Apollo (too heavy for 3G phones). The access token lives only in
 * memory; the refresh token is the httpOnly `ashar_refresh` cookie, so a reload calls `refreshSession`.
 */
import { ApiError, GraphQLErrorItem } from './graphql-errors';
import { REFRESH_SESSION, AuthPayload } from './auth.operations';
import type { Operation } from './operation';
import { CACHE_SCOPE_HEADER, noteAnswer, OFFLINE_AS_OF_HEADER } from '../offline/offline-status';

type Fetch = typeof fetch;
type SessionListener = (payload: AuthPayload | null) => void;

export class GraphQLClient {
  private accessToken: string | null = null;
  /** When the access token stops working (ms since epoch; 0 when unknown). */
  private expiresAt = 0;
  private refreshing: Promise<AuthPayload | null> | null = null;
  /** Whose answers these are: the service worker keeps cached reads per person (never shown to another). */
  private scope: string | null = null;
  private listeners = new Set<SessionListener>();

  constructor(
    private readonly endpoint = '/graphql',
    private readonly fetchImpl: Fetch = (...args) => fetch(...args),
  ) {}

  /** Called with the new session after a log-in or refresh, and with null when the session is gone. */
  onSessionChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setSession(payload: AuthPayload | null): void {
    this.accessToken = payload?.accessToken ?? null;
    this.scope = payload?.account.id ?? null;
    this.expiresAt = payload ? Date.parse(payload.expiresAt) || 0 : 0;
    this.listeners.forEach((l) => l(payload));
  }

  get hasSession(): boolean {
    return this.accessToken !== null;
  }

  /** The signed-in person's id, also after an offline start (no token yet, see `resumeOffline`). */
  get accountId(): string | null {
    return this.scope;
  }

  /**
   * Started without a connection: the refresh cookie could not be tried, so the person last signed in
   * on this device is assumed (their cached reads and their queued writes); the token comes with the
   * first refresh once online.
   */
  resumeOffline(accountId: string): void {
    this.scope = accountId;
  }

  /** Sends one operation of an `*.operations.ts` module; result and variables are typed by it. */
  async request<T, V>(query: Operation<T, V>, variables?: V, signal?: AbortSignal): Promise<T> {
    try {
      return await this.send(query, variables, signal);
    } catch (e) {
      // An expired access token: rotate once with the cookie and retry; a second failure is real.
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED' && this.accessToken) {
        const session = await this.refresh();
        if (session) return this.send(query, variables, signal);
      }
      throw e;
    }
  }

  /** Rotates the refresh cookie. Concurrent callers share one request: a rotated token is single-use. */
  refresh(): Promise<AuthPayload | null> {
    if (!this.refreshing) {
      this.refreshing = this.send(REFRESH_SESSION, undefined, undefined, false)
        .then((data) => {
          this.setSession(data.refreshSession);
          return data.refreshSession;
        })
        .catch((e) => {
          if (e instanceof ApiError && e.network) throw e; // offline is not a log-out
          this.setSession(null);
          return null;
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  /**
   * Uploads a file's raw bytes to one of the API's HTTP endpoints (e.g. a scanned receipt), with the
   * same access token and one refresh on 401. Errors come back as ApiError like GraphQL errors do.
   */
  async upload<T>(path: string, file: Blob, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await this.authorized((token) =>
        this.fetchImpl(path, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: file,
          credentials: 'include',
          signal,
        }),
      );
    } catch (e) {
      if (signal?.aborted) throw e;
      throw ApiError.network(e);
    }
    const body = (await response.json().catch(() => null)) as (T & { code?: string; messageKey?: string; field?: string; params?: Record<string, unknown> }) | null;
    if (!response.ok) {
      if (!body?.code) throw ApiError.network(undefined, response.status);
      throw new ApiError([{ message: body.code, extensions: { code: body.code, messageKey: body.messageKey, field: body.field, params: body.params } }], response.status);
    }
    return body as T;
  }

  /**
   * Runs an HTTP request to one of the API's file endpoints with the access token: a token about to
   * expire is renewed first (so that a large body is not sent twice), and a 401 renews once and runs
   * it again. Used by `upload` here and by the progress upload (file-upload.ts).
   */
  async authorized<R extends { status: number }>(send: (token: string | null) => Promise<R>): Promise<R> {
    if (this.accessToken && this.expiresAt && this.expiresAt - Date.now() < 60_000) await this.refresh();
    let answer = await send(this.accessToken);
    if (answer.status === 401 && this.accessToken && (await this.refresh())) answer = await send(this.accessToken);
    return answer;
  }

  private async send<T, V>(
    query: Operation<T, V>,
    variables: V | undefined,
    signal: AbortSignal | undefined,
    withToken = true,
  ): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (withToken && this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    headers[CACHE_SCOPE_HEADER] = this.scope ?? 'anonymous';
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        credentials: 'include',
        signal,
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw ApiError.network(e);
    }
    let body: { data?: T | null; errors?: GraphQLErrorItem[] };
    try {
      body = await response.json();
    } catch (e) {
      throw ApiError.network(e, response.status);
    }
    if (body.errors?.length) throw new ApiError(body.errors, response.status);
    if (!response.ok || body.data == null) throw ApiError.network(undefined, response.status);
    noteAnswer(response.headers?.get?.(OFFLINE_AS_OF_HEADER) ?? null);
    return body.data;
  }
}

export const graphql = new GraphQLClient();
