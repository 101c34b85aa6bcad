import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchForRoute } from './api/route-prefetch';
import { loadCatalogue } from '@ashar/i18n/core';
import { App } from './app.component';
import { initialLocale, LOCALE_COOKIE, readStoredLocale, storeLocale } from './i18n/locale.store';
import { firstSessionRefresh } from './session/session.context';
import { startOutbox } from './offline/offline-runtime';
import { registerServiceWorker } from './offline/register-sw';
import './ui/styles.css';

prefetchForRoute(window.location.pathname);
// A choice saved before the language cookie existed: give it to the server too (it renders public pages).
const stored = readStoredLocale();
if (stored && !document.cookie.includes(`${LOCALE_COOKIE}=`)) storeLocale(stored);
// The language's catalogue, asked for now, together with the page's data and code (one round trip for all).
void loadCatalogue(initialLocale()).catch(() => undefined);
void firstSessionRefresh().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Also under the dev server: the worker caches only /assets/* from the cache first, which Vite's dev server never serves.
registerServiceWorker();
startOutbox();
