/**
 * The browser's side of the server's render (render-page.tsx): the API's shell puts the page's HTML in
 * #ashar-server-page and hides the app's root; the app renders hidden next to it and, once its page is
 * up, takes over: the server's copy goes, the app shows, in the same place and the same size.
 * The ids are shared with apps/api/src/web-shell.ts: keep both in step.
 */
export const SERVER_PAGE_ID = 'ashar-server-page';
export const APP_ROOT_ID = 'root';

export function takeOverFromServerPage(doc: Pick<Document, 'getElementById'> | undefined = typeof document === 'undefined' ? undefined : document): void {
  const serverPage = doc?.getElementById(SERVER_PAGE_ID);
  if (!serverPage) return;
  serverPage.remove();
  doc?.getElementById(APP_ROOT_ID)?.removeAttribute('hidden');
}
