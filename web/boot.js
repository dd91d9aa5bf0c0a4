// Starts the app from a file instead of Trunk's inline script, so the page
// works under a strict Content-Security-Policy (script-src 'self').
// Trunk fills in data-js and data-wasm (see pattern_script in Trunk.toml).
const tag = document.querySelector("script[data-wasm]");
// Compile the wasm while the JS glue loads, not after it. A server that sends
// the wasm with the wrong MIME type makes compileStreaming fail;
// then the glue fetches it again in its own way. Never rejects: without
// WebAssembly at all, the glue's own start fails below.
const compiling = (async () => WebAssembly.compileStreaming(fetch(tag.dataset.wasm)))().catch(() => tag.dataset.wasm);

// What the page says before the app runs, in the language the app would
// show: ?lang=, else the one saved, else bokmål (as src/core/url_config.rs
// and src/core/saved.rs decide).
const texts = {
  nb: {
    loading: "Arbeidsmiljøprofilen lastes …",
    failed: "Arbeidsmiljøprofilen kunne ikke starte. Last inn siden på nytt. Hjelper ikke det, stopper trolig nettleseren eller nettsiden WebAssembly.",
  },
  nn: {
    loading: "Arbeidsmiljøprofilen blir lasta …",
    failed: "Arbeidsmiljøprofilen kunne ikkje starte. Last inn sida på nytt. Hjelper ikkje det, stoppar truleg nettlesaren eller nettsida WebAssembly.",
  },
  en: {
    loading: "Loading the Work Environment Profile …",
    failed: "The app could not start. Reload the page; if that does not help, the browser or the web page probably blocks WebAssembly.",
  },
};
const known = (lang) => Object.keys(texts).includes(lang);
function language() {
  // Read as src/core/url_config.rs reads it: any case, the last valid one.
  let asked;
  for (const pair of location.search.slice(1).toLowerCase().split("&")) {
    // Split at the first "=" only, as split_once does: "lang=en=x" asks for no language.
    const [key, value = ""] = pair.split(/=(.*)/s);
    if (key === "lang" && known(value)) asked = value;
  }
  if (asked) return asked;
  try {
    const saved = JSON.parse(localStorage.getItem("arbeidsmiljo.prefs"))?.data?.lang;
    if (known(saved)) return saved;
  } catch {
    // Storage forbidden, or an entry the app itself will report.
  }
  return "nb";
}
const loading = document.getElementById("loading");
/** Fills the line with `texts[lang][key]`; gives the language it chose. */
function say(key) {
  const lang = language();
  loading.lang = lang;
  loading.textContent = texts[lang][key];
  return lang;
}
// Only where loading takes a while, so a quick start does not flash the line.
// The language is read only then: on a new profile the first localStorage
// read here held up the wasm's compile by up to 10 ms (README.md, Performance).
// Once the app runs it has removed the line.
const slow = setTimeout(() => document.contains(loading) && say("loading"), 400);

try {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: await compiling });
} catch (error) {
  // The app never started (no WebAssembly, a CSP without 'wasm-unsafe-eval',
  // a file that did not load): say so rather than leave a blank page, and in
  // English too, for whoever looks after the page. Once the app runs it has
  // removed the line, and its own panic screen speaks.
  clearTimeout(slow);
  if (document.contains(loading)) {
    // An alert before the words, so they are said at once, as an alert.
    loading.setAttribute("role", "alert");
    loading.classList.add("failed");
    const lang = say("failed");
    if (lang !== "en") {
      const english = document.createElement("span");
      english.lang = "en";
      english.textContent = texts.en.failed;
      loading.append(document.createElement("br"), english);
    }
  }
  console.error(error);
}

// Inside an iframe: tell the host page our height on every change, so it can
// size the frame. The message carries nothing but the height. See README.md.
if (window.parent !== window) {
  let last = 0;
  let presenting = false;
  // On opening the slides: the 16:9 height asked for, until the host has applied it.
  let opening = 0;
  // A slide's measure, waiting for the slide to settle.
  let settling = 0;
  const post = (height) => {
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "arbeidsmiljo:height", height }, "*");
    }
  };
  const report = () => {
    // The slides cover the frame (they are fixed to it) and the page under
    // them: while they show, they alone count. They get a 16:9 frame of its
    // width, or more where a slide needs it (it would scroll inside the
    // frame). On opening, the frame first goes to 16:9 and what the slides
    // need is measured once the host has made it so, not in the frame as
    // tall as the page they cover.
    const presentation = document.querySelector(".presentation");
    const slides = Math.round((innerWidth * 9) / 16);
    if (!presentation) {
      presenting = false;
      clearTimeout(settling);
      post(Math.ceil(document.body.getBoundingClientRect().height));
    } else if (!presenting) {
      presenting = true;
      opening = slides;
      post(slides);
    } else if (opening && Math.abs(innerHeight - opening) > 1) {
      // Not resized yet: measuring now would measure the old height.
    } else {
      opening = 0;
      // A new slide's chart fits itself to its room a frame after it is
      // added: measure once the slide has settled.
      clearTimeout(settling);
      settling = setTimeout(() => post(Math.max(Math.round((innerWidth * 9) / 16), presentation.scrollHeight)), 150);
    }
  };
  new ResizeObserver(report).observe(document.body);
  // A new slide changes no size of the body the slides cover, and a new
  // frame height none of the body: watch the content and the window too.
  new MutationObserver(report).observe(document.body, { childList: true, subtree: true, characterData: true });
  addEventListener("resize", report);
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
