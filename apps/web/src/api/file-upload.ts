/**
 * Sending a file's raw bytes to one of the API's HTTP endpoints with XMLHttpRequest: `fetch` reports no
 * upload progress, and on a slow link people need to see that a 12 MB ledger is on its way (and be able
 * to stop it). Every way an upload can end badly is its own `UploadFailure`, so the page can say what
 * happened in words: a refusal by the server is not "no connection", and neither is a 413 from a proxy.
 */
import type { Message } from './graphql-errors';
import type { GraphQLClient } from './graphql.client';

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0–100, whole numbers. */
  percent: number;
}

export type UploadFailure =
  /** Refused before sending: bigger than the endpoint accepts. */
  | { kind: 'tooLarge'; maxMb: number }
  /** Refused before sending: not a file the endpoint reads. */
  | { kind: 'wrongType' }
  /** The browser knows it is offline: nothing was sent. */
  | { kind: 'offline' }
  /** The connection broke (or timed out) while sending or waiting for the answer. */
  | { kind: 'networkLost' }
  /** HTTP 413: the server, or a proxy in front of it, refused the size. */
  | { kind: 'entityTooLarge' }
  /** HTTP 401 even after renewing the session once. */
  | { kind: 'sessionExpired' }
  /** Any other answer that is not a success, with the server's catalogue key when it gave one. */
  | { kind: 'refused'; status: number; messageKey: string; params: Record<string, string | number> }
  /** The person pressed "cancel". */
  | { kind: 'cancelled' };

export class UploadError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(`upload ${failure.kind}`);
    this.name = 'UploadError';
  }
}

/** The catalogue message for a failed upload. */
export function uploadFailureMessage(f: UploadFailure): Message {
  switch (f.kind) {
    case 'tooLarge':
      return { key: 'upload.tooLarge', params: { max: f.maxMb } };
    case 'wrongType':
      return { key: 'upload.wrongType' };
    case 'offline':
      return { key: 'upload.offline' };
    case 'networkLost':
      return { key: 'upload.networkLost' };
    case 'entityTooLarge':
      return { key: 'upload.entityTooLarge' };
    case 'sessionExpired':
      return { key: 'upload.sessionExpired' };
    case 'cancelled':
      return { key: 'upload.cancelled' };
    case 'refused':
      return { key: f.messageKey, params: f.params };
  }
}

export interface HttpAnswer {
  status: number;
  /** The parsed JSON body, or null when there was none (an HTML error page from a proxy). */
  body: unknown;
}

export type XhrFactory = () => XMLHttpRequest;

export interface PostFileOptions {
  url: string;
  file: Blob;
  contentType: string;
  token: string | null;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
  /** Tests pass a fake; browsers use XMLHttpRequest. */
  xhr?: XhrFactory;
}

const progressOf = (loaded: number, total: number): UploadProgress => ({ loaded, total, percent: total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0 });

/** One POST of the file. Resolves with any HTTP answer; rejects only with UploadError (network lost, cancelled). */
export function postFile(o: PostFileOptions): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted) return reject(new UploadError({ kind: 'cancelled' }));
    const xhr = (o.xhr ?? (() => new XMLHttpRequest()))();
    const abort = () => xhr.abort();
    const settle = () => o.signal?.removeEventListener('abort', abort);
    o.signal?.addEventListener('abort', abort);
    xhr.open('POST', o.url);
    xhr.setRequestHeader('content-type', o.contentType);
    if (o.token) xhr.setRequestHeader('authorization', `Bearer ${o.token}`);
    xhr.upload.onprogress = (e) => o.onProgress?.(progressOf(e.loaded, e.lengthComputable ? e.total : o.file.size));
    // Everything is sent: the server still has to store it and answer.
    xhr.upload.onload = () => o.onProgress?.(progressOf(o.file.size, o.file.size));
    xhr.onload = () => {
      settle();
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = xhr.ontimeout = () => {
      settle();
      reject(new UploadError({ kind: 'networkLost' }));
    };
    xhr.onabort = () => {
      settle();
      reject(new UploadError({ kind: 'cancelled' }));
    };
    o.onProgress?.(progressOf(0, o.file.size));
    xhr.send(o.file);
  });
}

/** An answer that is not a success, as an UploadFailure (the body is the API's `{ code, messageKey, params }`). */
export function failureOfAnswer(a: HttpAnswer): UploadFailure {
  if (a.status === 401) return { kind: 'sessionExpired' };
  if (a.status === 413) return { kind: 'entityTooLarge' };
  const body = (a.body ?? {}) as { code?: unknown; messageKey?: unknown; params?: unknown; retryAfterSeconds?: unknown };
  const params: Record<string, string | number> = {};
  if (body.params && typeof body.params === 'object') Object.assign(params, body.params);
  if (typeof body.retryAfterSeconds === 'number') params.seconds = Math.ceil(body.retryAfterSeconds);
  if (typeof body.messageKey === 'string') return { kind: 'refused', status: a.status, messageKey: body.messageKey, params };
  if (typeof body.code === 'string') return { kind: 'refused', status: a.status, messageKey: `errors.${body.code}`, params };
  // No JSON: a proxy or a server in trouble answered. Still an answer, so not "no connection".
  const unavailable = a.status === 502 || a.status === 503 || a.status === 504;
  return { kind: 'refused', status: a.status, messageKey: unavailable ? 'errors.SERVICE_UNAVAILABLE' : 'errors.INTERNAL_SERVER_ERROR', params };
}

/**
 * Sends a file with upload progress and the session's access token (renewed first when about to expire,
 * and once more on 401: `GraphQLClient.authorized`). Resolves with the JSON answer of a success; every
 * failure is an UploadError saying what kind it was. Kept out of the client so that only pages that
 * upload carry this code.
 */
export async function uploadWithProgress(
  client: GraphQLClient,
  url: string,
  file: Blob,
  options: { contentType: string; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal; xhr?: XhrFactory },
): Promise<unknown> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new UploadError({ kind: 'offline' });
  let answer: HttpAnswer;
  try {
    answer = await client.authorized((token) => postFile({ url, file, token, ...options }));
  } catch (e) {
    if (e instanceof UploadError) throw e;
    // Renewing the session failed on the network.
    throw new UploadError({ kind: 'networkLost' });
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  throw new UploadError(failureOfAnswer(answer));
}
