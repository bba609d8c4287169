// The service worker of one SPA. scripts/lib/vite-pwa.mjs writes it to the app's dist/sw.js
// after the build, prefixed with `const BUILD = {version, base, precache, exclude}` for that
// build. What it keeps is the app shell only: index.html, the manifest and icons, and the hashed
// scripts and styles. It never touches the API (/api/): no response with anybody's data, and no
// token, is ever stored by it (the offline lists are the SPA's business, see docs/pwa.md).
/* global BUILD */

// One cache per build; the scope is part of the name, so the portal (scope /) never deletes
// the agent's (scope /agent/) caches.
const PREFIX = `relaydesk-shell ${BUILD.base} `;
const CACHE = `${PREFIX}${BUILD.version}`;

const inScope = (url) =>
  url.origin === self.location.origin &&
  url.pathname.startsWith(BUILD.base) &&
  !/^\/api(\/|$)/.test(url.pathname) &&
  !BUILD.exclude.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`));
const isHashedAsset = (url) => url.pathname.startsWith(`${BUILD.base}assets/`);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `no-cache`: index.html (and the manifest) must be this build's, not a copy the HTTP
      // cache kept from the one before.
      await cache.addAll(BUILD.precache.map((url) => new Request(url, { cache: 'no-cache' })));
      // A new build takes over at once: pages load index.html from the network anyway, and the
      // old worker would otherwise keep serving the old shell offline until every tab closed.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
      // Pages of an older build learn that theirs is gone (they offer a reload).
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        client.postMessage({ type: 'activated', version: BUILD.version });
      }
    })(),
  );
});

// The page lists the hashed files it fetched before this worker controlled it (the lazy sign-in
// strings, for one): they are kept too, so that screen opens offline in the user's language.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-assets' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const href of data.urls) {
        const url = new URL(href, self.location.href);
        if (
          !inScope(url) ||
          !isHashedAsset(url) ||
          (await cache.match(url.href, { ignoreVary: true }))
        )
          continue;
        const response = await fetch(url.href).catch(() => null);
        if (response && response.ok) await cache.put(url.href, response);
      }
    })(),
  );
});

/** index.html from the network (a deploy shows at once), this build's copy when offline. */
async function appShell(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const cached = await caches.open(CACHE).then((c) => c.match(BUILD.base, { ignoreVary: true }));
    if (cached) return cached;
    throw err;
  }
}

/** Hashed files never change: the cache first; what the app loads later is kept as it comes. */
async function hashedAsset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** The manifest and icons: fresh when online, this build's when not. */
async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const cached = await caches.open(CACHE).then((c) => c.match(request, { ignoreVary: true }));
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!inScope(url)) return;
  if (request.mode === 'navigate') event.respondWith(appShell(request));
  else if (isHashedAsset(url)) event.respondWith(hashedAsset(request));
  else if (BUILD.precache.includes(url.pathname)) event.respondWith(networkFirst(request));
});
