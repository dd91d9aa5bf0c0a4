// Caches the app's own files, and nothing else, for offline use (README.md,
// Embedding: Offline). The page and boot.js, whose names stay across
// releases, come from the network when it answers; the other files, whose
// names carry the build's hash, from the cache. The cache holds the build as
// installed, so offline the page and its files always match. One cache per
// sub-path and build; only this copy's are read or deleted.
const VERSION = new URL(self.location.href).searchParams.get("v") || "dev";
const SCOPE = new URL(self.registration.scope);
const PREFIX = `arbeidsmiljo-${SCOPE.pathname}-`;
const CACHE = `${PREFIX}${VERSION}`;
// This copy's: not a copy's at a longer path (/a/-x/ beside /a/). Or one
// named before names carried the path: an older build's.
const ours = (name) =>
  (name.startsWith(PREFIX) && !name.slice(PREFIX.length).includes("/")) || /^arbeidsmiljo-[^/]/.test(name);

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
        if (ours(name) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (event.request.mode === "navigate") {
    // Every address of the app's page (?lang=en, index.html) is the one page;
    // other pages under its path are not the app's.
    if (path === "" || path === "index.html") event.respondWith(fromNetworkFirst(event.request, SCOPE.href));
  } else if (path === "boot.js") {
    event.respondWith(fromNetworkFirst(event.request, event.request));
  } else {
    event.respondWith(fromCacheFirst(event.request));
  }
});

async function fromCacheFirst(request) {
  return (await (await caches.open(CACHE)).match(request)) || fetch(request);
}

async function fromNetworkFirst(request, key) {
  const kept = async () => (await caches.open(CACHE)).match(key);
  try {
    // Asks the server whether the HTTP cache's copy still holds.
    const response = await fetch(request, { cache: "no-cache" });
    // A server error (a proxy's 502, say): the copy kept, where there is one.
    return (response.status >= 500 && (await kept())) || response;
  } catch (offline) {
    const copy = await kept();
    if (copy) return copy;
    throw offline;
  }
}
