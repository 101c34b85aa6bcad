import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.context';
import { takeOverFromServerPage } from '../server/server-page';

/**
 * The page's h1; also sets the document title and, after a navigation (not on first load), moves focus
 * here so screen-reader users hear that the page changed.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  // React Router gives the entry the page was loaded on the key "default"; later navigations get their own.
  const { key, pathname } = useLocation();

  useEffect(() => {
    document.title = t('app.pageTitle', { page: children });
  }, [children, t]);

  // Every page has a heading: once the app's page is up, the server's render of it gives way.
  useEffect(() => takeOverFromServerPage(), []);

  // Keyed on the path, not the query string: updating ?q= while someone types must not steal focus.
  useEffect(() => {
    if (key !== 'default') ref.current?.focus();
  }, [pathname]);

  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
