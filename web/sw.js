// Caches the app's own files, and nothing else, so it works offline after the
// first visit. The cache is named after the build (?v= from boot.js); a new
// build installs a new worker, which fills a new cache and deletes the old.
const VERSION = new URL(self.location.href).searchParams.get("v") || "dev";
const CACHE = `arbeidsmiljo-${VERSION}`;
const SCOPE = new URL(self.registration.scope);

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
      await cache.addAll(await appFiles());
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("arbeidsmiljo-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (event.request.mode === "navigate") {
    // The page itself: fresh when online, so a new build shows; cached when offline.
    event.respondWith(
      fetch(event.request).catch(async () => (await caches.match(event.request, { ignoreSearch: true })) || caches.match("./")),
    );
    return;
  }
  event.respondWith(
    caches.match(event.request).then((hit) => hit || fetch(event.request)),
  );
});
