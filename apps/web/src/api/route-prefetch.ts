import { PUBLIC_BUDGET, PUBLIC_BUDGET_BY_SLUG } from '../pages/budget/public-budget.operations';
import { prefetchQuery } from './use-query.hook';

/**
 * On a first load of a public budget page, its data and its code are asked for at once, in parallel with the page's
 * code (otherwise the query waits for that code: one more round trip, 0.5 s on slow 4G). Sent before the
 * session is known, so it is the anonymous view; a signed-in visitor's page asks again with its session
 * (the scope the page uses for signed-in visitors differs).
 */
export function prefetchForRoute(pathname: string): void {
  const byId = /^\/budgets\/([0-9a-fA-F-]{36})\/?$/.exec(pathname);
  const short = /^\/b\/([^/]+)\/(\d{4})\/?$/.exec(pathname);
  if (byId) prefetchQuery(PUBLIC_BUDGET, { id: byId[1] });
  else if (short) prefetchQuery(PUBLIC_BUDGET_BY_SLUG, { slug: decodeURIComponent(short[1]), year: Number(short[2]) });
  else return;
  // The page's code too, before React gets round to rendering the route (the same chunk its lazy import loads).
  void import('../pages/budget/public-budget.page').catch(() => undefined);
}
