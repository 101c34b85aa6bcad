import { Locale } from '@ashar/i18n';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SET_LOCALE } from './api/auth.operations';
import { graphql } from './api/graphql.client';
import { I18nProvider } from './i18n/i18n.context';
import { SessionProvider } from './session/session.context';
import { Layout } from './ui/layout.component';

// One chunk per page: the first screen downloads only the page it shows.
const HomePage = lazy(() => import('./pages/home.page'));
const LoginPage = lazy(() => import('./pages/login.page'));
const SignUpPage = lazy(() => import('./pages/sign-up.page'));
const MyCommunitiesPage = lazy(() => import('./pages/my-communities.page'));
const PlacesPage = lazy(() => import('./pages/places.page'));
const UnitPage = lazy(() => import('./pages/unit.page'));
const CommunityPage = lazy(() => import('./pages/community.page'));
const NotFoundPage = lazy(() => import('./pages/not-found.page'));

function saveLocaleOnAccount(locale: Locale) {
  // Best effort: the device keeps the choice even if the account update fails.
  if (graphql.hasSession) graphql.request(SET_LOCALE, { locale }).catch(() => undefined);
}

export function App() {
  return (
    <I18nProvider onChange={saveLocaleOnAccount}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="login" element={<LoginPage />} />
              <Route path="signup" element={<SignUpPage />} />
              <Route path="me" element={<MyCommunitiesPage />} />
              <Route path="places" element={<PlacesPage />} />
              <Route path="places/:code" element={<UnitPage />} />
              <Route path="communities/:id" element={<CommunityPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
