// The service worker that caches the app shell (public/sw.js). Filled in by the field-logging work.
export function registerServiceWorker(): void {}
