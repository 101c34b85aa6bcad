/**
 * Registers public/sw.js after the page has loaded (it never competes with the first screen), then
 * hands it the chunks this page loaded before the worker controlled it, so a reload offline finds them.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(`${location.origin}/assets/`));
        registration.active?.postMessage({ type: 'cache-urls', urls });
      })
      .catch(() => undefined);
  });
}
