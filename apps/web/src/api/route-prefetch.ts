import { PUBLIC_BUDGET, PUBLIC_BUDGET_BY_SLUG } from '../pages/budget/public-budget.operations';
import type { PublicBudgetBySlugQuery, PublicBudgetQuery } from './generated/graphql';
import { prefetchQuery } from './use-query.hook';

/**
 * On a first load of a public budget page, its data and its code are asked for at once, in parallel with the page's
 * code (otherwise the query waits for that code: one more round trip, 0.5 s on slow 4G). Sent before the
 * session is known, so it is the anonymous view; a signed-in visitor's page asks again with its session
 * (the scope the page uses for signed-in visitors differs).
 */
export function prefetchForRoute(pathname: string, doc: Pick<Document, 'getElementById'> = document): void {
  const byId = /^\/budgets\/([0-9a-fA-F-]{36})\/?$/.exec(pathname);
  const short = /^\/b\/([^/]+)\/(\d{4})\/?$/.exec(pathname);
  if (byId) {
    const variables = { id: byId[1] };
    const embedded = pageData<PublicBudgetQuery>('PUBLIC_BUDGET', variables, doc);
    prefetchQuery(PUBLIC_BUDGET, variables, undefined, embedded);
    if (embedded) rememberForOffline(PUBLIC_BUDGET, variables, embedded);
  } else if (short) {
    const variables = { slug: decodeURIComponent(short[1]), year: Number(short[2]) };
    const embedded = pageData<PublicBudgetBySlugQuery>('PUBLIC_BUDGET_BY_SLUG', variables, doc);
    prefetchQuery(PUBLIC_BUDGET_BY_SLUG, variables, undefined, embedded);
    if (embedded) rememberForOffline(PUBLIC_BUDGET_BY_SLUG, variables, embedded);
  } else return;
  // The page's code too, before React gets round to rendering the route (the same chunk its lazy import loads).
  void import('../pages/budget/public-budget.page').catch(() => undefined);
}

/** The element the API's shell writes the page's first answer into (apps/api/src/web-shell.ts). */
export const PAGE_DATA_ELEMENT_ID = 'ashar-page-data';

/**
 * The anonymous answer to this page's first query, when the server put it into the HTML (saving the query's
 * round trip, about half a second on slow 4G): only for the same operation and variables, read once.
 */
function pageData<T>(operation: string, variables: Record<string, unknown>, doc: Pick<Document, 'getElementById'>): T | undefined {
  const el = doc.getElementById(PAGE_DATA_ELEMENT_ID);
  if (!el?.textContent) return undefined;
  el.remove?.();
  try {
    const embedded = JSON.parse(el.textContent) as { operation?: string; variables?: unknown; data?: unknown };
    return embedded.operation === operation && JSON.stringify(embedded.variables) === JSON.stringify(variables) ? (embedded.data as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An answer that came inside the page never passed the service worker, so a reload offline would not find
 * it: hand it over to be kept as if it had been asked for (the anonymous view, as the server rendered it).
 */
function rememberForOffline(query: string, variables: Record<string, unknown>, data: unknown): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => registration.active?.postMessage({ type: 'remember-read', body: { query, variables }, scope: 'anonymous', data }))
    .catch(() => undefined);
}
