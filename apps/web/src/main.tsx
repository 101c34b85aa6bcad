import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchForRoute } from './api/route-prefetch';
import { App } from './app.component';
import './ui/styles.css';

prefetchForRoute(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
