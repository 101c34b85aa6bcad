/*
 * Ashar's service worker, hand-written (no workbox: a few dozen lines do what we need).
 * - App shell: navigations go to the network and fall back to the cached index.html, so a reload
 *   without a connection shows the app, not the browser's error page. Hashed assets (/assets/*) are
 *   cached as they are fetched (and the ones loaded before this worker took over are sent by the page).
 * - GraphQL reads (POST /graphql with a `query` operation): network first; the last good answer is kept
 *   per person (x-ashar-cache-scope), operation name and declared variables, and answered when the
 *   network fails, marked with x-ashar-offline-as-of. Mutations are never cached or answered from here.
 * Cache names are shared with src/offline/offline-account.ts (a log-out deletes READS).
 */
const SHELL = 'ashar-shell-v1';
const READS = 'ashar-reads-v1';
const SHELL_KEY = '/index.html';
const STATIC = ['/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];
const MAX_READS = 300;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      try {
        const res = await fetch('/', { cache: 'no-cache' });
        if (res.ok) {
          const html = await res.clone().text();
          await cache.put(SHELL_KEY, res);
          const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
          await cache.addAll([...STATIC, ...assets]);
        }
      } catch {
        // Installed without a shell: the next navigation online stores it.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== SHELL && name !== READS) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The page lists the chunks it loaded before this worker controlled it (src/offline/register-sw.ts).
self.addEventListener('message', (event) => {
  const data = event.data || {};
  // An answer the server put inside the page (src/api/route-prefetch.ts): kept as if it had been fetched.
  if (data.type === 'remember-read') {
    const op = readOperation(data.body);
    if (op && data.data && typeof data.scope === 'string') event.waitUntil(remember(readKey(data.scope, op), JSON.stringify({ data: data.data })));
    return;
  }
  if (data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      for (const u of data.urls) {
        const url = new URL(u, self.location.origin);
        if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) continue;
        if (!(await cache.match(url.pathname))) await cache.add(url.pathname).catch(() => undefined);
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === 'POST' && url.pathname === '/graphql') return event.respondWith(graphqlRead(req));
  if (req.method !== 'GET' || url.pathname.startsWith('/api/') || url.pathname === '/healthz' || url.pathname === '/readyz') return;
  if (req.mode === 'navigate') return event.respondWith(navigation(req));
  if (url.pathname.startsWith('/assets/')) return event.respondWith(cacheFirst(req));
  if (STATIC.includes(url.pathname)) return event.respondWith(networkFirst(req));
});

async function navigation(req) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(req);
    // A page rendered on the server carries that page's content: never the shell for other addresses.
    if (res.ok && (res.headers.get('content-type') || '').includes('text/html') && !res.headers.get('x-ashar-server-page')) await cache.put(SHELL_KEY, res.clone());
    return res;
  } catch (e) {
    const shell = await cache.match(SHELL_KEY);
    if (shell) return shell;
    throw e;
  }
}

async function cacheFirst(req) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(req, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

async function networkFirst(req) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(req);
    if (hit) return hit;
    throw e;
  }
}

/** { name, variables } of a named query; null for mutations, subscriptions and anything unreadable. */
function readOperation(body) {
  if (!body || typeof body.query !== 'string') return null;
  const text = body.query.replace(/#[^\n]*/g, '');
  const m = /^\s*query\s+(\w+)\s*(\(([^)]*)\))?/.exec(text);
  if (!m) return null;
  // Only declared variables: pages add keys such as `reload` that re-run a hook but change nothing.
  const declared = [...(m[3] || '').matchAll(/\$(\w+)\s*:/g)].map((d) => d[1]).sort();
  const vars = body.variables || {};
  return { name: m[1], variables: JSON.stringify(declared.map((k) => [k, vars[k] === undefined ? null : vars[k]])) };
}

async function graphqlRead(req) {
  let op = null;
  try {
    op = readOperation(JSON.parse(await req.clone().text()));
  } catch {
    op = null;
  }
  if (!op) return fetch(req);
  const key = readKey(req.headers.get('x-ashar-cache-scope') || 'anonymous', op);
  try {
    const res = await fetch(req);
    if (res.ok) {
      const text = await res.clone().text();
      if (!/"errors"\s*:/.test(text)) await remember(key, text);
      return res;
    }
    if (res.status >= 500) return (await cached(key)) || res;
    return res;
  } catch (e) {
    const hit = await cached(key);
    if (hit) return hit;
    throw e;
  }
}

function readKey(scope, op) {
  return `/__reads/${encodeURIComponent(scope)}/${op.name}?v=${encodeURIComponent(op.variables)}`;
}

async function remember(key, text) {
  const cache = await caches.open(READS);
  await cache.put(key, new Response(text, { headers: { 'content-type': 'application/json', 'x-ashar-cached-at': new Date().toISOString() } }));
  // Oldest first: keep the cache small on a cheap phone.
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_READS))) await cache.delete(old);
}

async function cached(key) {
  const hit = await (await caches.open(READS)).match(key);
  if (!hit) return null;
  return new Response(await hit.text(), {
    headers: { 'content-type': 'application/json', 'x-ashar-offline-as-of': hit.headers.get('x-ashar-cached-at') || new Date().toISOString() },
  });
}
