/*
 * Quantract engineer app service worker (registered by the engineer shell only, scope /engineer).
 *
 *  - Pages under /engineer: network first; a good answer is kept (with its own headers, so the
 *    cached HTML and its CSP nonce still match), and served when the network is gone. A job page
 *    never opened online falls back to the offline shell (/engineer/offline), which renders the
 *    job from the device's IndexedDB copy.
 *  - Static build assets (/_next/static/…, icons, manifest): cache first (their names are hashed).
 *  - Job photos (/api/admin/files/<id>/download, requested by engineer pages): cache first (a
 *    file id never changes content), so saved jobs show their photos offline.
 *  - Everything else (the JSON API, RSC requests, other portals): straight to the network. The
 *    offline queue lives in IndexedDB in the page, not here.
 * Each cached page's own /_next/static assets are cached with it, so it can hydrate offline.
 * A page answered with a redirect (to sign in) means nobody is signed in: saved pages and photos
 * are dropped, so a signed-out phone shows nobody's jobs. The queue in IndexedDB stays for the
 * same person's next sign-in (the app clears it if someone else signs in).
 */
const VERSION = "v1";
const PAGES = `qt-engineer-pages-${VERSION}`;
const ASSETS = `qt-engineer-assets-${VERSION}`;
const FILES = `qt-engineer-files-${VERSION}`;
const KEEP = [PAGES, ASSETS, FILES];
const SHELL = ["/engineer", "/engineer/offline"];
const ASSET_RE = /\/_next\/static\/[^"'\s\\)<>]+/g;

function sameOrigin(url) {
  return url.origin === self.location.origin;
}

function isEngineerPage(url) {
  return url.pathname === "/engineer" || url.pathname.startsWith("/engineer/");
}

function isStaticAsset(url) {
  return url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest";
}

/** A stored file's download (job photos on the engineer screens: the worker only sees their requests). */
function isJobFile(url) {
  return /^\/api\/admin\/files\/[0-9a-f-]{36}\/download$/.test(url.pathname);
}

/** A page answer worth keeping: a real 200 page, not a redirect to sign-in or an error. */
function cacheable(res) {
  return res && res.ok && res.status === 200 && res.type === "basic" && !res.redirected;
}

async function cacheAssetsOf(html) {
  const urls = [...new Set(html.match(ASSET_RE) || [])];
  if (urls.length === 0) return;
  const cache = await caches.open(ASSETS);
  await Promise.all(
    urls.map(async (u) => {
      if (await cache.match(u)) return;
      try {
        const res = await fetch(u, { credentials: "same-origin" });
        if (res.ok) await cache.put(u, res);
      } catch {
        // Offline or gone: the next visit online tries again.
      }
    }),
  );
}

/**
 * Fetches a page and keeps it (keyed by path, without the query) plus its build assets. The assets
 * go in first: a page found in the cache can then always hydrate offline.
 */
async function cachePage(path) {
  const res = await fetch(path, { credentials: "same-origin", redirect: "follow", headers: { accept: "text/html" } });
  if (!cacheable(res)) return false;
  const copy = res.clone();
  await cacheAssetsOf(await res.text());
  const cache = await caches.open(PAGES);
  await cache.put(path, copy);
  return true;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all(SHELL.map((p) => cachePage(p).catch(() => false))).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("qt-engineer-") && !KEEP.includes(n)).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

async function networkFirstPage(request, url) {
  const cache = await caches.open(PAGES);
  try {
    const res = await fetch(request);
    if (res.type === "opaqueredirect" || res.redirected) {
      // Sent to sign in: nobody is signed in here any more, so the saved pages (someone's jobs) go.
      await Promise.all([caches.delete(PAGES), caches.delete(FILES)]);
      return res;
    }
    if (cacheable(res)) {
      // Keep the page and make sure its assets are here too, without delaying the answer.
      const forCache = res.clone();
      const forScan = res.clone();
      cache
        .put(url.pathname, forCache)
        .then(() => forScan.text())
        .then(cacheAssetsOf)
        .catch((e) => console.warn("engineer page not kept for offline use", e));
    }
    return res;
  } catch (err) {
    const exact = await cache.match(url.pathname, { ignoreVary: true, ignoreSearch: true });
    if (exact) return exact;
    const shell = (await cache.match("/engineer/offline", { ignoreVary: true })) || (await cache.match("/engineer", { ignoreVary: true }));
    if (shell) return shell;
    throw err;
  }
}

async function cacheFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.status === 200) cache.put(request, res.clone()).catch(() => undefined);
  return res;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!sameOrigin(url)) return;
  if (request.mode === "navigate" && isEngineerPage(url)) {
    event.respondWith(networkFirstPage(request, url));
    return;
  }
  if (isStaticAsset(url)) {
    event.respondWith(cacheFirst(request, ASSETS));
    return;
  }
  if (isJobFile(url)) {
    event.respondWith(cacheFirst(request, FILES));
  }
});

/**
 * Messages from the engineer app:
 *  { type: "cache-pages", paths: ["/engineer/jobs/<id>", …] }  keep these pages for offline use
 *  { type: "cache-assets", urls: [...] }                          keep these build assets (answers on the
 *                                                                 message's port: { type: "cached", missing })
 *  { type: "clear" }                                              forget everything (another user signed in)
 *  { type: "claim" }                                              take control of open pages now
 */
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "cache-pages" && Array.isArray(data.paths)) {
    const paths = data.paths.filter((p) => typeof p === "string" && (p === "/engineer" || p.startsWith("/engineer/")));
    event.waitUntil(Promise.all(paths.map((p) => cachePage(p).catch(() => false))));
  } else if (data.type === "cache-assets" && Array.isArray(data.urls)) {
    const urls = data.urls.filter((u) => typeof u === "string").map((u) => new URL(u, self.location.origin)).filter((u) => sameOrigin(u) && u.pathname.startsWith("/_next/static/"));
    event.waitUntil(
      caches
        .open(ASSETS)
        .then((cache) =>
          Promise.all(
            urls.map(async (u) => {
              if (await cache.match(u.pathname + u.search)) return true;
              try {
                const res = await fetch(u.pathname + u.search, { credentials: "same-origin" });
                if (res.ok) await cache.put(u.pathname + u.search, res);
                return res.ok;
              } catch {
                return false; // try again next time
              }
            }),
          ),
        )
        // The page learns when everything it asked for is kept (or how much wasn't).
        .then((kept) => event.ports[0] && event.ports[0].postMessage({ type: "cached", missing: kept.filter((k) => !k).length })),
    );
  } else if (data.type === "claim") {
    // A page whose navigation started while this worker was still installing isn't claimed by
    // activate's claim(); without this it would stay uncontrolled (no offline reload) until the
    // engineer next navigated.
    event.waitUntil(self.clients.claim());
  } else if (data.type === "clear") {
    event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith("qt-engineer-")).map((n) => caches.delete(n)))));
  }
});
