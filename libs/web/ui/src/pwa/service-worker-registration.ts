/**
 * Registers the app's service worker (written by the build, scripts/lib/vite-pwa.mjs, as
 * `<base>sw.js`) and tells whether a newer build's worker has taken over since this page loaded.
 */
let updated = false;
const updateListeners = new Set<() => void>();

/** True once a newer build's worker is active: the code running in this page is the old one. */
export const appUpdated = () => updated;

export function subscribeAppUpdated(listener: () => void): () => void {
  updateListeners.add(listener);
  return () => updateListeners.delete(listener);
}

const HOUR = 60 * 60 * 1000;

/** This page's build, stamped into index.html by the build. */
const pageBuild = () =>
  document.querySelector<HTMLMetaElement>('meta[name="relaydesk-build"]')?.content ?? null;

export function registerServiceWorker(base: string): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  const ownBuild = pageBuild();
  // Messages from workers queue until this (a listener alone does not start them).
  container.startMessages();
  // A worker says which build it is when it activates. The first install is this page's own
  // build; a different one means a deploy happened under this page.
  container.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string; version?: string } | null;
    if (data?.type !== 'activated' || !ownBuild || data.version === ownBuild || updated) return;
    updated = true;
    for (const l of updateListeners) l();
  });
  const register = async () => {
    // updateViaCache 'none': the browser always asks the server for sw.js itself.
    const registration = await container.register(`${base}sw.js`, {
      scope: base,
      updateViaCache: 'none',
    });
    // A tab left open for days still learns of a deploy.
    setInterval(() => void registration.update().catch(() => undefined), HOUR);
    const ready = await container.ready;
    // What this page fetched before a worker controlled it (the first visit's lazy chunks, such
    // as the sign-in strings in the user's language), so they are there offline too.
    const assets = `${location.origin}${base}assets/`;
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => url.startsWith(assets));
    ready.active?.postMessage({ type: 'cache-assets', urls });
  };
  const start = () => void register().catch(() => undefined);
  // After the page's own load: the worker's downloads must not compete with the first screen.
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
