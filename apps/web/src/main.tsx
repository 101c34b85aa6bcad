import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchForRoute } from './api/route-prefetch';
import { App } from './app.component';
import { startOutbox } from './offline/offline-runtime';
import { registerServiceWorker } from './offline/register-sw';
import './ui/styles.css';

prefetchForRoute(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Also under the dev server: the worker caches only /assets/* from the cache first, which Vite's dev server never serves.
registerServiceWorker();
startOutbox();
