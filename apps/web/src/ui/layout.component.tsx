import { Suspense } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.context';
import { useAuthLinks } from '../session/return-here.hook';
import { OfflineMarker } from '../offline/offline-marker.component';
import { OutboxIndicator } from '../offline/outbox-indicator.component';
import { unsentCount } from '../offline/offline-runtime';
import { useSession } from '../session/session.context';
import { PageErrorBoundary } from './error-boundary.component';
import { LanguageSwitch } from './language-switch.component';
import { Loading } from './query-status.component';

export function Layout() {
  const { t } = useI18n();
  const { status, logOut } = useSession();
  const navigate = useNavigate();
  // Log-in and sign-up come back to the page they were opened from.
  const authLinks = useAuthLinks();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__top">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <LanguageSwitch />
        </div>
        <nav aria-label={t('nav.main')}>
          <ul className="nav">
            <li>
              <NavLink to="/places">{t('nav.places')}</NavLink>
            </li>
            <li>
              <NavLink to="/councils">{t('councils.web.nav.councils')}</NavLink>
            </li>
            <li>
              <NavLink to="/competitions">{t('competitions.web.nav')}</NavLink>
            </li>
            {status === 'authenticated' ? (
              <>
                <li>
                  <NavLink to="/me">{t('nav.myCommunities')}</NavLink>
                </li>
                <li>
                  <button
                    type="button"
                    className="link-button"
                    onClick={async () => {
                      // Queued writes stay on the phone under this person; say so before they wait for the next log-in.
                      const count = await unsentCount();
                      if (count && !window.confirm(t('offline.logOutConfirm', { count }))) return;
                      void logOut().finally(() => navigate('/'));
                    }}
                  >
                    {t('nav.logOut')}
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to={authLinks.logIn}>{t('nav.logIn')}</NavLink>
                </li>
                <li>
                  <NavLink to={authLinks.signUp}>{t('nav.signUp')}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <OfflineMarker />
      <OutboxIndicator />
      <main id="main" tabIndex={-1}>
        <PageErrorBoundary>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
    </>
  );
}
