import { CATALOGUES } from '@ashar/i18n';
import type { AuthPayload } from '../api/auth.operations';
import { failureOfAnswer, postFile, UploadError, UploadFailure, uploadFailureMessage, UploadProgress, uploadWithProgress } from '../api/file-upload';
import { GraphQLClient } from '../api/graphql.client';
import { checkImportFile, importUploadPath, MAX_IMPORT_MB, serverTooLarge } from '../pages/budget/import-upload';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A stand-in for XMLHttpRequest: `script` plays the network (progress, answer, failure) for each request. */
function fakeXhr(script: (x: FakeXhr) => void, sent: Sent[] = []) {
  return () => new FakeXhr(script, sent) as unknown as XMLHttpRequest;
}

class FakeXhr {
  upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  ontimeout?: () => void;
  onabort?: () => void;
  status = 0;
  responseText = '';
  private req: Sent = { method: '', url: '', headers: {}, body: null };
  constructor(
    private readonly script: (x: FakeXhr) => void,
    private readonly sent: Sent[],
  ) {}
  open(method: string, url: string) {
    this.req = { method, url, headers: {}, body: null };
  }
  setRequestHeader(k: string, v: string) {
    this.req.headers[k] = v;
  }
  send(body: unknown) {
    this.req.body = body;
    this.sent.push(this.req);
    this.script(this);
  }
  abort() {
    this.onabort?.();
  }
  get headers() {
    return this.req.headers;
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }
  answer(status: number, body: unknown) {
    this.upload.onload?.();
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

const payload = (token: string, inMs = 3600_000): AuthPayload => ({ accessToken: token, expiresAt: new Date(Date.now() + inMs).toISOString(), account: { id: 'a1', displayName: 'A', email: null, phone: null, locale: 'ky' } });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const file = new Blob(['date,economic_code,amount\n2026-01-01,2111,5\n']);
const failureOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof UploadError ? e.failure : e));

describe('postFile (XMLHttpRequest)', () => {
  test('sends the raw file with its type and token, reports progress up to 100 %, and parses the answer', async () => {
    const sent: Sent[] = [];
    const seen: UploadProgress[] = [];
    const answer = await postFile({
      url: '/api/budgets/b1/imports?kind=LEDGER&fileName=l.csv',
      file,
      contentType: 'text/csv',
      token: 't1',
      onProgress: (p) => seen.push(p),
      xhr: fakeXhr((x) => {
        x.progress(10, 40);
        x.progress(30, 40);
        x.answer(202, { id: 'i1', status: 'QUEUED' });
      }, sent),
    });
    expect(answer).toEqual({ status: 202, body: { id: 'i1', status: 'QUEUED' } });
    expect(sent).toEqual([{ method: 'POST', url: '/api/budgets/b1/imports?kind=LEDGER&fileName=l.csv', headers: { 'content-type': 'text/csv', authorization: 'Bearer t1' }, body: file }]);
    expect(seen.map((p) => p.percent)).toEqual([0, 25, 75, 100]);
  });

  test('a broken connection is "network lost", cancelling is "cancelled": neither is a server answer', async () => {
    expect(await failureOf(postFile({ url: '/x', file, contentType: 'text/csv', token: null, xhr: fakeXhr((x) => x.onerror?.()) }))).toEqual({ kind: 'networkLost' });
    const controller = new AbortController();
    const pending = postFile({ url: '/x', file, contentType: 'text/csv', token: null, signal: controller.signal, xhr: fakeXhr((x) => x.progress(5, 40)) });
    controller.abort();
    expect(await failureOf(pending)).toEqual({ kind: 'cancelled' });
  });
});

describe('what a failed upload is', () => {
  test.each<[number, unknown, UploadFailure]>([
    [413, '<html>413 Request Entity Too Large</html>', { kind: 'entityTooLarge' }],
    [401, { code: 'UNAUTHENTICATED', messageKey: 'errors.UNAUTHENTICATED' }, { kind: 'sessionExpired' }],
    [400, { code: 'BAD_USER_INPUT', messageKey: 'errors.budgets.import.tooLarge', field: 'file', params: { max: 30 } }, { kind: 'refused', status: 400, messageKey: 'errors.budgets.import.tooLarge', params: { max: 30 } }],
    [403, { code: 'FORBIDDEN' }, { kind: 'refused', status: 403, messageKey: 'errors.FORBIDDEN', params: {} }],
    [502, '<html>Bad Gateway</html>', { kind: 'refused', status: 502, messageKey: 'errors.SERVICE_UNAVAILABLE', params: {} }],
    [500, null, { kind: 'refused', status: 500, messageKey: 'errors.INTERNAL_SERVER_ERROR', params: {} }],
  ])('HTTP %i', (status, body, expected) => {
    expect(failureOfAnswer({ status, body: typeof body === 'string' ? null : body })).toEqual(expected);
  });

  test('every kind has its own message in the catalogue, and the size limit is said', () => {
    const kinds: UploadFailure[] = [{ kind: 'tooLarge', maxMb: 30 }, { kind: 'wrongType' }, { kind: 'offline' }, { kind: 'networkLost' }, { kind: 'entityTooLarge' }, { kind: 'sessionExpired' }, { kind: 'cancelled' }];
    const keys = kinds.map((k) => uploadFailureMessage(k).key);
    expect(new Set(keys).size).toBe(kinds.length);
    for (const k of keys) expect(CATALOGUES.en[k]).toBeTruthy();
    expect(keys).not.toContain('status.offline'); // "no connection" only when it is true
    expect(uploadFailureMessage({ kind: 'tooLarge', maxMb: 30 }).params).toEqual({ max: 30 });
    expect(CATALOGUES.ru['upload.tooLarge']).toContain('{max}');
  });
});

describe('uploadWithProgress (with GraphQLClient.authorized)', () => {
  test('on 401 it renews the session once and sends again with the new token', async () => {
    const sent: Sent[] = [];
    const client = new GraphQLClient('/graphql', (async () => json({ data: { refreshSession: payload('t2') } })) as unknown as typeof fetch);
    client.setSession(payload('t1'));
    const body = await uploadWithProgress(client, '/api/x', file, {
      contentType: 'text/csv',
      xhr: fakeXhr((x) => (x.headers.authorization === 'Bearer t2' ? x.answer(202, { id: 'i1' }) : x.answer(401, { code: 'UNAUTHENTICATED' })), sent),
    });
    expect(body).toEqual({ id: 'i1' });
    expect(sent.map((s) => s.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  test('a token about to expire is renewed before a large file is sent, so it is sent once', async () => {
    const sent: Sent[] = [];
    const client = new GraphQLClient('/graphql', (async () => json({ data: { refreshSession: payload('t2') } })) as unknown as typeof fetch);
    client.setSession(payload('t1', 10_000));
    await uploadWithProgress(client, '/api/x', file, { contentType: 'text/csv', xhr: fakeXhr((x) => x.answer(202, { id: 'i1' }), sent) });
    expect(sent.map((s) => s.headers.authorization)).toEqual(['Bearer t2']);
  });

  test('a session that cannot be renewed is "session expired"; a 413 is "too large for the server"', async () => {
    const client = new GraphQLClient('/graphql', (async () => json({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] })) as unknown as typeof fetch);
    client.setSession(payload('t1'));
    expect(await failureOf(uploadWithProgress(client, '/api/x', file, { contentType: 'text/csv', xhr: fakeXhr((x) => x.answer(401, { code: 'UNAUTHENTICATED' })) }))).toEqual({ kind: 'sessionExpired' });
    expect(await failureOf(uploadWithProgress(client, '/api/x', file, { contentType: 'text/csv', xhr: fakeXhr((x) => x.answer(413, '<html></html>')) }))).toEqual({ kind: 'entityTooLarge' });
  });

  test('offline: nothing is sent', async () => {
    const sent: Sent[] = [];
    const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true });
    try {
      const client = new GraphQLClient('/graphql', (async () => json({})) as unknown as typeof fetch);
      expect(await failureOf(uploadWithProgress(client, '/api/x', file, { contentType: 'text/csv', xhr: fakeXhr((x) => x.answer(202, {}), sent) }))).toEqual({ kind: 'offline' });
      expect(sent).toEqual([]);
    } finally {
      if (before) Object.defineProperty(globalThis, 'navigator', before);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});

describe('checkImportFile', () => {
  const named = (parts: BlobPart[], name: string, type = '') => Object.assign(new Blob(parts, { type }), { name });
  const PK = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  test('CSV goes as text/csv, XLSX as bytes', async () => {
    await expect(checkImportFile(named(['date,amount\n'], 'ledger.CSV'))).resolves.toEqual({ contentType: 'text/csv' });
    await expect(checkImportFile(named([PK], 'ledger.xlsx'))).resolves.toEqual({ contentType: 'application/octet-stream' });
  });

  test.each([
    ['a PDF', named(['%PDF-1.4'], 'receipt.pdf', 'application/pdf')],
    ['a photo renamed to .csv', named([PNG], 'photo.csv', 'text/csv')],
    ['a "spreadsheet" that is not a ZIP', named(['date,amount'], 'ledger.xlsx')],
    ['a ZIP renamed to .csv', named([PK], 'ledger.csv')],
  ])('%s is the wrong type, before anything is sent', async (_what, f) => {
    expect(await failureOf(checkImportFile(f))).toEqual({ kind: 'wrongType' });
  });

  test(`over ${MAX_IMPORT_MB} MB is too large, and the limit is named`, async () => {
    const big = Object.assign(new Blob(['x']), { name: 'big.csv' });
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_MB * 1024 * 1024 + 1 });
    expect(await failureOf(checkImportFile(big))).toEqual({ kind: 'tooLarge', maxMb: MAX_IMPORT_MB });
  });

  test("the server's own size refusal names its limit too (should it ever differ from ours)", () => {
    const refusal = failureOfAnswer({ status: 400, body: { code: 'BAD_USER_INPUT', messageKey: 'errors.budgets.import.tooLarge', field: 'file', params: { max: 20 } } });
    expect(serverTooLarge(new UploadError(refusal))?.failure).toEqual({ kind: 'tooLarge', maxMb: 20 });
    expect(serverTooLarge(new UploadError({ kind: 'refused', status: 403, messageKey: 'errors.FORBIDDEN', params: {} }))).toBeNull();
    expect(serverTooLarge(new UploadError({ kind: 'networkLost' }))).toBeNull();
  });

  test('the upload path names the budget, the kind and the file', () => {
    expect(importUploadPath('b1', 'LEDGER', 'Журнал 2026 & Q1.csv')).toBe('/api/budgets/b1/imports?kind=LEDGER&fileName=%D0%96%D1%83%D1%80%D0%BD%D0%B0%D0%BB%202026%20%26%20Q1.csv');
  });
});
