// Starts the app from a file instead of Trunk's inline script, so the page
// works under a strict Content-Security-Policy (script-src 'self').
// Trunk fills in data-js and data-wasm (see pattern_script in Trunk.toml).
const tag = document.querySelector("script[data-wasm]");
// Compile the wasm while the JS glue loads, not after it. A server that sends
// the wasm with the wrong MIME type makes compileStreaming fail; then the
// glue fetches it again in its own way.
const compiling = WebAssembly.compileStreaming(fetch(tag.dataset.wasm)).catch(() => tag.dataset.wasm);
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: await compiling });

// Inside an iframe: tell the host page our height on every change, so it can
// size the frame. The message carries nothing but the height. See README.md.
if (window.parent !== window) {
  let last = 0;
  const report = () => {
    // The slides cover the frame (they are fixed to it), while the page
    // under them may be short: they get at least a 16:9 frame of its width.
    const slides = document.querySelector(".presentation") ? Math.round((innerWidth * 9) / 16) : 0;
    const height = Math.max(Math.ceil(document.body.getBoundingClientRect().height), slides);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "arbeidsmiljo:height", height }, "*");
    }
  };
  new ResizeObserver(report).observe(document.body);
  report();
}

// Offline after the first visit: a service worker caches the app's own files.
// The build's hashed JS name is the cache version, so a new build replaces it.
// Installing it fetches every file again, so it waits until the page is idle:
// on a first visit it would otherwise slow the first click (by about 15 ms).
if ("serviceWorker" in navigator) {
  const version = tag.dataset.js.split("/").pop();
  const register = async () => {
    try {
      await navigator.serviceWorker.register(`sw.js?v=${encodeURIComponent(version)}`);
    } catch {
      // No service worker (private mode, file://, a sandboxed iframe, where
      // even reading navigator.serviceWorker throws): the app works, just not offline.
    }
  };
  if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: 5000 });
  else setTimeout(register, 1000);
}
