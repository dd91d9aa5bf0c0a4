// Caches the app's own files, and nothing else, for offline use (README.md,
// Embedding: Offline). Hashed files from the cache; the page and boot.js,
// whose names stay across releases, from the network when it answers.
// One cache per sub-path and build; only this copy's are read or deleted.
const VERSION = new URL(self.location.href).searchParams.get("v") || "dev";
const SCOPE = new URL(self.registration.scope);
const PREFIX = `arbeidsmiljo-${SCOPE.pathname}-`;
const CACHE = `${PREFIX}${VERSION}`;
const HASHED = /-[0-9a-f]{16}(_bg)?\.\w+$/;
// Named before names carried the sub-path: an older build's.
const UNSCOPED = /^arbeidsmiljo-[^/]/;

// The files the page references: read from index.html, so the list never goes stale.
// The release build's index.html is minified, with attribute values unquoted.
async function appFiles() {
  const html = await (await fetch("./", { cache: "no-store" })).text();
  const found = [...html.matchAll(/\b(?:href|src|data-js|data-wasm)=(?:"([^"]+)"|'([^']+)'|([^\s"'>]+))/g)].map(
    (match) => match[1] ?? match[2] ?? match[3],
  );
  const local = found.filter((url) => !/^(data:|[a-z]+:\/\/)/i.test(url));
  return ["./", ...new Set(local)];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Past the HTTP cache, which may hold the previous release's boot.js.
      await cache.addAll((await appFiles()).map((url) => new Request(url, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if ((name.startsWith(PREFIX) || UNSCOPED.test(name)) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (HASHED.test(url.pathname)) event.respondWith(fromCacheFirst(event.request));
  // Every address of the page (?lang=en, index.html) is one page.
  else event.respondWith(fromNetworkFirst(event.request, event.request.mode === "navigate" ? SCOPE.href : event.request));
});

async function fromCacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function fromNetworkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    // Asks the server whether the HTTP cache's copy still holds.
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw offline;
  }
}
