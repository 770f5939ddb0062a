// The PWA: registers the service worker that caches the app shell (public/sw.js), in production
// builds only (the dev server's modules are not worth caching), and starts the field queue so
// records waiting on this device are sent on app start whatever screen opens first.
import { router } from './router';

// The assets this page has loaded (the main bundle and the lazy chunk of the first screen), for
// the worker to cache: they were fetched before it controlled the page.
function loadedAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => {
      try {
        const url = new URL(u);
        return url.origin === location.origin && url.pathname.startsWith('/assets/');
      } catch {
        return false;
      }
    });
}

export function registerServiceWorker(): void {
  if (typeof window === 'undefined') return;
  // Opened on the field screen (the installed app starts there): fetch its chunk now, while the
  // router still waits for the session check, not after it (a round trip less on a weak signal).
  if (location.pathname === '/field') void import('./views/FieldLog.vue').catch(() => undefined);
  // Sends what the field queue holds (its own chunk, shared with the field screen).
  if (typeof indexedDB !== 'undefined') {
    void import('./offline/queue').then((q) => q.startQueue()).catch(() => undefined);
  }
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        const post = (): void => reg.active?.postMessage({ type: 'cache-assets', urls: loadedAssets() });
        post();
        // A screen opened later brings its chunk: send the list again after each navigation.
        router.afterEach(() => void setTimeout(post, 1500));
        setTimeout(post, 3000);
      })
      .catch(() => undefined); // no worker (private mode, http on a LAN): the app still works online
  });
}
