/**
 * The server's render of a public page (built by Vite as dist/apps/web/server/render-page.cjs, loaded by
 * the API's shell, apps/api/src/web-shell.ts). On a cheap phone the page is readable as soon as its HTML
 * and CSS have come, instead of after the app's code has downloaded and run (seconds at 4× slower CPU).
 * It is the same component tree as in the browser, for an anonymous visitor, with the answer the shell
 * embeds; the browser's app renders on its own next to it and takes over once its page is up
 * (src/server/server-page.ts). No hydration: the app's first render waits for its catalogue, and a
 * mismatch would throw the server's HTML away.
 */
import { isLocale, loadCatalogue } from '@ashar/i18n/core';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { SeededAnswersContext, seededAnswers } from '../api/use-query.hook';
import { AppRoutes } from '../app.component';
import { I18nProvider } from '../i18n/i18n.context';
import { PUBLIC_BUDGET, PUBLIC_BUDGET_BY_SLUG } from '../pages/budget/public-budget.operations';
import { SessionProvider } from '../session/session.context';

/** The operations whose embedded answer the server renders: by name, as the shell and route-prefetch.ts name them. */
const OPERATIONS: Record<string, string> = { PUBLIC_BUDGET, PUBLIC_BUDGET_BY_SLUG };

export interface ServerPage {
  /** Path and query of the request, e.g. /b/ak-dobo/2026. */
  url: string;
  locale: string;
  operation: string;
  variables: Record<string, unknown>;
  data: unknown;
}

/** The page's HTML (the inside of the app's root element), or null when there is nothing to render on the server. */
export async function renderPage(page: ServerPage): Promise<string | null> {
  const query = OPERATIONS[page.operation];
  if (!query || !isLocale(page.locale)) return null;
  const catalogue = await loadCatalogue(page.locale);
  const answers = seededAnswers([{ query, variables: page.variables, data: page.data }]);
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <SeededAnswersContext.Provider value={answers}>
        <I18nProvider initial={{ locale: page.locale, catalogue }}>
          <SessionProvider>
            <StaticRouter location={page.url}>
              <AppRoutes />
            </StaticRouter>
          </SessionProvider>
        </I18nProvider>
      </SeededAnswersContext.Provider>
    </StrictMode>,
    // One document, every boundary in place: React outlines a large boundary (shown by an inline script,
    // so never without JavaScript) once its content passes progressiveChunkSize; a public page with its
    // budget-model sections passed the default.
    { progressiveChunkSize: Number.MAX_SAFE_INTEGER },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
