import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.context';

let firstPage = true;

/**
 * The page's h1; also sets the document title and, after a navigation (not on first load), moves focus
 * here so screen-reader users hear that the page changed.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: children });
  }, [children, t]);

  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
