import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { graphql } from './graphql.client';
import type { Operation } from './operation';

export interface QueryState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  retry: () => void;
}

// Territory answers hardly change: keep them for the visit so "back" costs no request on 3G.
const cache = new Map<string, unknown>();

// Requests started before their page's code arrived (route-prefetch.ts), taken over once by useQuery.
const started = new Map<string, Promise<unknown>>();

export function clearQueryCache(): void {
  cache.clear();
  started.clear();
}

function keyOf(query: string, variables: unknown, scope: string | undefined): string {
  return `${query}\n${JSON.stringify(variables)}\n${scope ?? ''}`;
}

/**
 * Answers known before the first render (the server renders a public page with the answer it embeds,
 * src/server/render-page.tsx): read synchronously by useQuery, so the first render already shows them.
 */
export type SeededAnswers = ReadonlyMap<string, unknown>;
export const SeededAnswersContext = createContext<SeededAnswers | null>(null);

export function seededAnswers(entries: Array<{ query: string; variables: unknown; scope?: string; data: unknown }>): SeededAnswers {
  return new Map(entries.map((e) => [keyOf(e.query, e.variables, e.scope), e.data]));
}

/**
 * Sends a query now, for a page still downloading: the page's useQuery with the same query, variables
 * and scope takes the answer instead of asking again (saves a round trip on a slow link).
 */
export function prefetchQuery<T, V>(query: Operation<T, V>, variables: V & Record<string, unknown>, scope?: string, answered?: T): void {
  const key = keyOf(query, variables, scope);
  if (started.has(key)) return;
  // `answered`: the server already put the answer in the page (route-prefetch.ts): no request at all.
  const p = answered !== undefined ? Promise.resolve(answered) : graphql.request(query, variables);
  p.catch(() => undefined); // an error is for the page to show, when it asks
  started.set(key, p);
}

/**
 * Runs a query of an `*.operations.ts` module; data and variables are typed by it. Variables may carry
 * extra keys that only make the hook run again (e.g. `reload`): the API ignores undeclared variables.
 */
export function useQuery<T, V>(
  query: Operation<T, V>,
  variables: (V & Record<string, unknown>) | null,
  /** `cache`: keep for the visit; `scope`: extra identity (e.g. who is logged in) that is not a variable. */
  options: { cache?: boolean; scope?: string } = {},
): QueryState<T> {
  const key = variables ? keyOf(query, variables, options.scope) : null;
  const seeded = useContext(SeededAnswersContext);
  const cached = key ? ((options.cache ? cache.get(key) : undefined) ?? seeded?.get(key)) as T | undefined : undefined;
  const [state, setState] = useState<{ key: string | null; data: T | null; error: unknown }>({
    key,
    data: cached ?? null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!key || !variables) return;
    if (options.cache && cache.has(key)) {
      setState({ key, data: cache.get(key) as T, error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => (s.key === key ? { ...s, error: null } : { key, data: null, error: null }));
    const prefetched = attempt === 0 ? (started.get(key) as Promise<T> | undefined) : undefined;
    started.delete(key);
    (prefetched ?? graphql.request(query, variables, controller.signal)).then(
      (data) => {
        if (options.cache) cache.set(key, data);
        setState({ key, data, error: null });
      },
      (error) => {
        if (!controller.signal.aborted) setState({ key, data: null, error });
      },
    );
    return () => controller.abort();
    // `key` already encodes query and variables.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : (cached ?? null),
    error: current ? state.error : null,
    loading: !!key && (!current || (state.data === null && state.error === null)),
    retry,
  };
}
