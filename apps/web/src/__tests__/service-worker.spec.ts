/** public/sw.js: which GraphQL requests it may answer from its cache, and under which key. */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const source = fs.readFileSync(path.join(__dirname, '../../public/sw.js'), 'utf8');
const handlers: Record<string, unknown> = {};
const sandbox: Record<string, unknown> = { self: { addEventListener: (name: string, fn: unknown) => (handlers[name] = fn), location: { origin: 'http://127.0.0.1' } }, URL };
vm.runInNewContext(`${source}\n;this.readOperation = readOperation; this.navigation = navigation;`, sandbox);
const readOperation = sandbox.readOperation as (body: unknown) => { name: string; variables: string } | null;
const navigation = sandbox.navigation as (req: { url: string }) => Promise<unknown>;

describe('the service worker', () => {
  it('handles install, activate, fetch and the page message', () => {
    expect(Object.keys(handlers).sort()).toEqual(['activate', 'fetch', 'install', 'message']);
  });

  it('never treats a mutation (or an anonymous or unreadable document) as a cacheable read', () => {
    expect(readOperation({ query: 'mutation RecordTransaction($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id } }', variables: {} })).toBeNull();
    expect(readOperation({ query: 'mutation RefreshSession { refreshSession { accessToken } }' })).toBeNull();
    expect(readOperation({ query: '{ me { id } }' })).toBeNull();
    expect(readOperation({ query: 'subscription S { x }' })).toBeNull();
    expect(readOperation(null)).toBeNull();
  });

  it('keys a read by operation name and its declared variables only (a page-side `reload` counter changes nothing)', () => {
    const q = '# budget\nquery EditorBudget($id: ID!) { budget(id: $id) { id } }';
    const a = readOperation({ query: q, variables: { id: 'b1', reload: 0 } });
    const b = readOperation({ query: q, variables: { reload: 3, id: 'b1' } });
    expect(a).toEqual({ name: 'EditorBudget', variables: '[["id","b1"]]' });
    expect(b).toEqual(a);
    expect(readOperation({ query: q, variables: { id: 'b2' } })).not.toEqual(a);
  });

  it('keeps the plain app shell for offline navigations, never a page the server rendered with its content', async () => {
    const stored: string[] = [];
    sandbox.caches = { open: async () => ({ put: async (key: string) => void stored.push(key), match: async () => undefined }) };
    const answer = (serverPage: boolean) => ({
      ok: true,
      headers: new Map<string, string>([['content-type', 'text/html; charset=utf-8'], ...(serverPage ? [['x-ashar-server-page', '1'] as [string, string]] : [])]),
      clone() {
        return this;
      },
    });
    sandbox.fetch = async (req: { url: string }) => answer(req.url.includes('/b/'));
    await navigation({ url: 'http://127.0.0.1/b/ak-dobo/2026' });
    expect(stored).toEqual([]);
    await navigation({ url: 'http://127.0.0.1/places' });
    expect(stored).toEqual(['/index.html']);
  });

  it('keeps an answer the page received inside its HTML as if it had been fetched, under the same key', async () => {
    const stored: Array<{ key: string; text: string }> = [];
    sandbox.caches = {
      open: async () => ({
        put: async (key: string, res: { text: () => Promise<string> }) => void stored.push({ key, text: await res.text() }),
        keys: async () => [],
        delete: async () => true,
      }),
    };
    sandbox.Response = class {
      constructor(private readonly body: string) {}
      text() {
        return Promise.resolve(this.body);
      }
    };
    const waits: Promise<unknown>[] = [];
    const onMessage = handlers.message as (e: { data: unknown; waitUntil: (p: Promise<unknown>) => void }) => void;
    const query = 'query PublicBudget($id: ID!) { budget(id: $id) { id } }';
    onMessage({ data: { type: 'remember-read', body: { query, variables: { id: 'b1' } }, scope: 'anonymous', data: { budget: { id: 'b1' } } }, waitUntil: (p) => waits.push(p) });
    // A mutation is never kept, whatever the page says.
    onMessage({ data: { type: 'remember-read', body: { query: 'mutation M { x }' }, scope: 'anonymous', data: { x: 1 } }, waitUntil: (p) => waits.push(p) });
    await Promise.all(waits);
    expect(stored).toEqual([{ key: `/__reads/anonymous/PublicBudget?v=${encodeURIComponent('[["id","b1"]]')}`, text: '{"data":{"budget":{"id":"b1"}}}' }]);
  });
});
