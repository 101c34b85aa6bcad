import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.component';
import { startOutbox } from './offline/offline-runtime';
import { registerServiceWorker } from './offline/register-sw';
import './ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Production only: a worker in the dev server would serve stale modules.
if (import.meta.env.PROD) registerServiceWorker();
startOutbox();
