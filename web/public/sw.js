// The app shell, offline (issue 6: a PWA a volunteer opens with no signal).
// - Navigations: the network first (fresh index.html when online), the cached index.html when
//   offline, so /field opens in the field.
// - Built assets (/assets/*, hashed names, immutable): from the cache, else fetched and cached as
//   they are fetched. At install the assets index.html names are cached; the page also sends the
//   assets it has loaded (pwa.ts), so the lazy screen chunk loaded before this worker took control
//   is cached too.
// - The guides (/guide/*: pages and pictures): the network first, the copy last read when offline;
//   a guide page is never taken for the app's shell.
// - /api/ is never cached, nor anything not GET or from another origin.
const CACHE = 'cnscd-shell-v1';
const SHELL = '/index.html';
const STATIC = ['/manifest.webmanifest', '/icon.svg'];

function assetUrls(html) {
  const urls = new Set();
  const re = /(?:src|href)="(\/assets\/[^"]+)"/g;
  let m;
  while ((m = re.exec(html))) urls.add(m[1]);
  return [...urls];
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const res = await fetch(SHELL, { cache: 'no-store' });
  if (!res.ok) throw new Error('index.html: ' + res.status);
  const html = await res.clone().text();
  await cache.put(SHELL, res);
  await Promise.all(
    [...assetUrls(html), ...STATIC].map((u) =>
      cache.add(u).catch(() => undefined), // an icon missing must not stop the install
    ),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== CACHE && key.startsWith('cnscd-shell-')) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The page tells which assets it has loaded ({type: 'cache-assets', urls: [...]}).
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'cache-assets' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const u of data.urls) {
        let url;
        try {
          url = new URL(u, self.location.origin);
        } catch {
          continue;
        }
        if (url.origin !== self.location.origin || !url.pathname.startsWith('/assets/')) continue;
        if (await cache.match(url.pathname)) continue;
        await cache.add(url.pathname).catch(() => undefined);
      }
    })(),
  );
});

// Waits for the network at most `ms` when a cached shell can answer instead (a weak signal in the
// field should not keep the volunteer staring at a blank page).
function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

async function navigation(request) {
  const cache = await caches.open(CACHE);
  const hasShell = !!(await cache.match(SHELL));
  try {
    const network = fetch(request);
    const res = await (hasShell ? withTimeout(network, 3000) : network);
    const type = res.headers.get('Content-Type') || '';
    if (res.ok && type.startsWith('text/html')) {
      const html = await res.clone().text();
      await cache.put(SHELL, res.clone());
      // The new shell's assets, for the next offline start.
      for (const u of assetUrls(html)) {
        if (!(await cache.match(u))) cache.add(u).catch(() => undefined);
      }
    }
    return res;
  } catch (e) {
    const cached = await cache.match(SHELL);
    if (cached) return cached;
    throw e;
  }
}

async function asset(request, url) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url.pathname);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await cache.put(url.pathname, res.clone());
  return res;
}

async function networkFirst(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(url.pathname, res.clone());
    return res;
  } catch (e) {
    const cached = await cache.match(url.pathname);
    if (cached) return cached;
    throw e;
  }
}

// Small files that may change (manifest, icon): the cache at once, refreshed behind.
async function staleWhileRevalidate(request, url) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url.pathname);
  const fresh = fetch(request)
    .then((res) => {
      if (res.ok) cache.put(url.pathname, res.clone());
      return res;
    })
    .catch(() => undefined);
  return cached || (await fresh) || Response.error();
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return; // never cached: always the network
  if (url.pathname.startsWith('/guide/')) {
    event.respondWith(networkFirst(request, url));
  } else if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request, url));
  } else if (STATIC.includes(url.pathname)) {
    event.respondWith(staleWhileRevalidate(request, url));
  }
});
