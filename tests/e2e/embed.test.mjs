// Intranet embedding: a sub-path, a strict CSP, an iframe that reports its
// height, URL parameters, and offline use after the first visit.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { answerPage, goNext, launch, scratchFolder, serveDist } from "./fixtures/app.mjs";
import { resources } from "./fixtures/instruments.mjs";

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'";

let server, browser;
before(async () => {
  server = await serveDist({
    prefix: "/hms/arbeidsmiljo/",
    headers: { "content-security-policy": STRICT_CSP },
    pages: { "/": "examples/host.html" },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

/** A page that records CSP violations and errors from the first byte. */
async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window.top.__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  return { page, problems };
}

test("a server that sends the wasm with a generic type still runs the app", async () => {
  const generic = await serveDist({ contentTypes: { ".wasm": "application/octet-stream" } });
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  await page.goto(generic.url);
  await page.getByRole("button", { name: "Start" }).click();
  await page.locator("#factor-heading").waitFor();
  assert.deepEqual(problems.filter((problem) => !problem.includes("MIME")), []);
  await context.close();
  generic.close();
});

test("a slow load says it is loading, and where the app cannot start the page says so instead of staying blank", async () => {
  const noWasm = await serveDist({ headers: { "content-security-policy": "default-src 'self'; script-src 'self'" } });
  // No service worker: it would serve the wasm past the route that holds it back below.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(noWasm.url);
  const alert = page.getByRole("alert");
  await alert.filter({ hasText: "Arbeidsmiljøprofilen kunne ikke starte." }).waitFor();
  assert.match(await alert.innerText(), /Last inn siden på nytt.*The app could not start/s);
  // In the language the app would have shown, read as the app reads ?lang=
  // (any case, the last valid one; "en=x" is none).
  await page.goto(`${noWasm.url}?Lang=NN&lang=en=x`);
  await alert.filter({ hasText: "Arbeidsmiljøprofilen kunne ikkje starte." }).waitFor();
  // It stays, also past the time a slow load would say it is loading.
  await page.waitForTimeout(500);
  assert.match(await alert.innerText(), /Last inn sida på nytt.*The app could not start/s);
  // A failure after the line has said it is loading takes its place, as an
  // alert. (Without 'wasm-unsafe-eval' compiling fails at once, so the JS glue is held back.)
  const glue = "**/arbeidsmiljo-*.js";
  await page.route(glue, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await page.goto(noWasm.url, { waitUntil: "commit" });
  // Asked in the page: while the page is still loading Playwright's locators do not look.
  await page.waitForFunction(() => {
    const line = document.getElementById("loading");
    return line.getAttribute("role") === "status" && line.textContent === "Arbeidsmiljøprofilen lastes …";
  });
  await alert.filter({ hasText: "Arbeidsmiljøprofilen kunne ikke starte." }).waitFor();
  await page.unroute(glue);
  noWasm.close();

  // A browser without WebAssembly at all.
  const old = await context.newPage();
  await old.addInitScript(() => delete window.WebAssembly);
  await old.goto(server.url);
  await old.getByRole("alert").filter({ hasText: "Arbeidsmiljøprofilen kunne ikke starte." }).waitFor();
  await old.close();

  // Without JavaScript the page never says it is loading (<noscript> says what it needs).
  const scriptless = await browser.newContext({ javaScriptEnabled: false });
  const bare = await scriptless.newPage();
  await bare.goto(server.url);
  await bare.waitForTimeout(600);
  assert.equal(await bare.locator("#loading").isVisible(), false);
  await scriptless.close();

  // English chosen and saved; then the wasm held back until the line shows
  // (after 0.4 s), in English, and the line gives way to the app.
  await page.goto(server.url);
  await page.getByLabel("Språk").selectOption("en");
  await page.getByText("What would you like to answer?").waitFor();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    // boot.js fetches the wasm first thing.
    const fetchFirst = window.fetch;
    window.fetch = (...args) => {
      window.bootAt ??= performance.now();
      return fetchFirst(...args);
    };
    new MutationObserver((_, observer) => {
      if (document.getElementById("loading")?.textContent) {
        window.loadingShownAfter = performance.now() - window.bootAt;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload({ waitUntil: "commit" });
  const loading = page.getByRole("status").filter({ hasText: "Loading the Work Environment Profile …" });
  await loading.waitFor({ state: "visible" });
  // Not before 0.4 s, so a quick start does not flash it.
  assert.ok((await page.evaluate(() => window.loadingShownAfter)) >= 400);
  release();
  await page.getByRole("button", { name: "Start" }).waitFor();
  assert.equal(await page.locator("#loading").count(), 0);
  await context.close();
});

test("the app runs from a sub-path under a strict CSP with no violation, group charts included", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, problems } = await watchedPage(context);
  await page.goto(server.url);
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 4);
  await goNext(page);
  await page.reload();
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await page.locator("#factor-heading").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);

  // The group's chart measures its texts to fit them, on the page, the slides and the picture.
  const items = resources.factors.flatMap((factor) => factor.items);
  const responses = [1, 2, 3, 4, 5].map((value) => ["kiosk", items.map(() => value)]);
  await page.evaluate((workshop) => localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify({ schema: 1, data: workshop })),
    { name: "Personalmøte", instrument: "ressurser", version: 1, threshold: 3, responses });
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.locator("canvas.distribution-chart").waitFor();
  const png = page.waitForEvent("download");
  await page.getByRole("button", { name: "Bilde (PNG)" }).click();
  await png;
  await page.getByRole("button", { name: "Presenter på storskjerm" }).first().click();
  await page.keyboard.press("ArrowRight");
  await page.locator(".slide canvas.distribution-chart").waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("inside an iframe on an intranet page, the frame is sized by the app's height messages", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(server.origin + "/");
  const frame = page.frameLocator("#arbeidsmiljo");
  await frame.getByRole("button", { name: "Start" }).waitFor();
  const appHeight = () => page.frames()[1].evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const frameHeight = () => page.locator("#arbeidsmiljo").evaluate((f) => f.getBoundingClientRect().height);
  await page.waitForFunction(() => document.getElementById("arbeidsmiljo").style.height !== "");
  assert.equal(await frameHeight(), await appHeight());
  // Nothing reaches below the reported height, so the frame needs no scrollbar of its own.
  const scrolls = () => page.frames()[1].evaluate(() => document.documentElement.scrollHeight > innerHeight);
  assert.equal(await scrolls(), false, "the start page scrolls inside the frame");

  // The height follows the content: a question page is taller than the start page.
  const startHeight = await frameHeight();
  await frame.getByRole("button", { name: "Start" }).click();
  await frame.locator("#factor-heading").waitFor();
  await page.waitForFunction((before) => document.getElementById("arbeidsmiljo").getBoundingClientRect().height !== before, startHeight);
  assert.equal(await frameHeight(), await appHeight());
  assert.equal(await scrolls(), false, "the question page scrolls inside the frame");

  // embed=1: no site header brand, a transparent background.
  assert.equal(await frame.locator(".brand").isVisible(), false);
  const background = await frame.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
  assert.equal(background, "rgba(0, 0, 0, 0)");
  assert.deepEqual(problems, []);
  await context.close();
});

test("embedded, the slides get at least a 16:9 frame", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(server.origin + "/");
  const frame = page.frameLocator("#arbeidsmiljo");
  await frame.getByRole("button", { name: "Start" }).waitFor();
  const items = resources.factors.flatMap((factor) => factor.items);
  const responses = [1, 2, 3, 4, 5].map((value) => ["kiosk", items.map(() => value)]);
  await page.frames()[1].evaluate((workshop) => localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify({ schema: 1, data: workshop })),
    { name: "Personalmøte", instrument: "ressurser", version: 1, threshold: 3, responses });
  await page.reload();
  await frame.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await frame.getByRole("button", { name: "Presenter på storskjerm" }).first().click();
  await frame.locator(".slide-counter").waitFor();
  const width = await page.locator("#arbeidsmiljo").evaluate((f) => f.getBoundingClientRect().width);
  await page.waitForFunction((least) => document.getElementById("arbeidsmiljo").getBoundingClientRect().height >= least, Math.floor((width * 9) / 16));
  // A slide that needs more than 16:9 (a factor's chart, legend and questions) gets it: nothing scrolls inside the frame.
  const app = page.frames()[1];
  for (const step of ["the overview", "the overview revealed", "a factor's slide", "a factor's slide revealed"]) {
    await app.waitForFunction(() => {
      const slides = document.querySelector(".presentation");
      return slides.scrollHeight <= slides.clientHeight;
    }, null, { timeout: 3000 }).catch(() => assert.fail(`${step} scrolls inside the frame`));
    await frame.locator(".presentation").press("ArrowRight");
  }
  // The button is offered only where the frame may go full screen (a
  // cross-origin frame needs allow="fullscreen"; this one is same-origin).
  const enabled = await page.frames()[1].evaluate(() => document.fullscreenEnabled);
  assert.equal(await frame.getByRole("button", { name: "Fullskjerm" }).count(), enabled ? 1 : 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("in a sandboxed iframe without allow-same-origin the app is styled, works in memory, and throws nothing", async () => {
  const sandboxed = await serveDist({
    prefix: "/hms/arbeidsmiljo/",
    headers: { "content-security-policy": STRICT_CSP, "access-control-allow-origin": "*" },
    pages: { "/": "tests/e2e/fixtures/host-sandboxed.html" },
  });
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const { page, problems } = await watchedPage(context);
  await page.goto(sandboxed.origin + "/");
  const frame = page.frameLocator("#arbeidsmiljo");
  await frame.getByText("Nettleseren lar ikke appen lagre noe.", { exact: false }).waitFor();
  // The stylesheet loaded: the primary button has the app's colours, not the browser's.
  const start = frame.getByRole("button", { name: "Start" });
  assert.equal(await start.evaluate((button) => getComputedStyle(button).borderRadius === "0px"), false, "styled");
  await start.click();
  await frame.locator("fieldset.statement input[type=radio]").first().check();
  // The service worker is registered once the page is idle; reading it throws here.
  await page.waitForTimeout(1500);
  assert.deepEqual(problems, []);
  await context.close();
  sandboxed.close();
});

test("URL parameters choose the language, the instrument and the theme", async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  await page.goto(`${server.url}?lang=en&instrument=risiko&theme=projector`);
  await page.getByRole("heading", { name: "What would you like to answer?" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "projector");
  assert.ok(await page.getByLabel("Risks", { exact: true }).isChecked());
  await page.getByRole("button", { name: "Start" }).click();
  assert.match(await page.locator(".progress-text").textContent(), /^Part 1 of 12/);

  // They are for that visit: without them the app is back in bokmål and its own theme.
  await page.goto(server.url);
  await page.getByLabel("Språk").waitFor();
  assert.equal(await page.getByLabel("Språk").inputValue(), "nb");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "light");

  // A choice made on a URL's visit saves that choice only, not the URL's other setting.
  await page.goto(`${server.url}?lang=en`);
  await page.getByLabel("Appearance").selectOption("dark");
  await page.goto(server.url);
  await page.getByLabel("Språk").waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");

  // A tab showing the URL's projector theme keeps it when another tab changes the language.
  const projecting = await context.newPage();
  await projecting.goto(`${server.url}?theme=projector`);
  await projecting.getByLabel("Språk").waitFor();
  await page.getByLabel("Språk").selectOption("nn");
  await projecting.waitForFunction(() => document.documentElement.lang === "nn");
  assert.equal(await projecting.evaluate(() => document.documentElement.dataset.theme), "projector");
  assert.deepEqual(problems, []);
  await context.close();
});

test("embedded, the light theme takes the host's background; the dark theme keeps its own", async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto(`${server.url}?embed=1&theme=light`);
  await page.getByRole("button", { name: "Start" }).waitFor();
  assert.equal(await background(), "rgba(0, 0, 0, 0)");
  await page.goto(`${server.url}?embed=1&theme=dark`);
  await page.getByRole("button", { name: "Start" }).waitFor();
  assert.equal(await background(), "rgb(18, 20, 23)", "light text on the app's own dark background");
  assert.deepEqual(problems, []);
  await context.close();
});

test("after the first visit the app works offline", async () => {
  const context = await browser.newContext();
  const { page, problems } = await watchedPage(context);
  await page.goto(server.url);
  await page.getByRole("button", { name: "Start" }).waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await page.getByRole("button", { name: "Start" }).click();
  await page.locator("#factor-heading").waitFor();
  assert.deepEqual(problems.filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
});

test("a new release reaches a returning user on the next load, and offline each copy keeps its own files", async () => {
  const app = join(scratchFolder(), "app");
  cpSync(fileURLToPath(new URL("../../dist", import.meta.url)), app, { recursive: true });
  // A server that sends only Last-Modified, as Apache, nginx and IIS do by
  // default: the browser may then reuse its copies without asking.
  const hosted = await serveDist({ root: `${app}/`, prefix: "/hms/arbeidsmiljo/", headers: { "last-modified": "Tue, 01 Sep 2026 08:00:00 GMT" } });
  const context = await browser.newContext();
  // Each visit in a new tab, as a user coming back would: a reload may take
  // boot.js from the tab's memory, which the server's headers allow.
  let page;
  const problems = [];
  const visit = async () => {
    await page?.close();
    const watched = await watchedPage(context);
    page = watched.page;
    watched.page.on("close", () => problems.push(...watched.problems));
    await page.goto(hosted.url);
  };
  // The build's worker has activated, so its clean-up is done.
  const activated = (build) => page.waitForFunction(
    (build) => {
      const worker = navigator.serviceWorker.controller;
      return worker?.state === "activated" && worker.scriptURL.includes(build);
    },
    build,
    { polling: 100, timeout: 20000 },
  );
  const release = () => page.evaluate(() => document.documentElement.dataset.release ?? "first");
  await visit();
  await page.getByRole("button", { name: "Start" }).waitFor();
  // Trunk writes the hash without leading zeros: 16 hex digits or fewer.
  const glue = readdirSync(app).find((name) => /^arbeidsmiljo-[0-9a-f]{1,16}\.js$/.test(name));
  await activated(glue);
  // Other caches on the site: an intranet portal's worker that kept the app's
  // boot.js as it was, another copy of the app at another sub-path, and this
  // copy's cache as named by an earlier build.
  await page.evaluate(async (origin) => {
    await (await caches.open("portal-runtime")).put(`${origin}/hms/arbeidsmiljo/boot.js`, new Response("throw new Error('a stale copy');", { headers: { "content-type": "text/javascript" } }));
    await (await caches.open("arbeidsmiljo-/avd-b/-arbeidsmiljo-0000000000000000.js")).put(`${origin}/avd-b/`, new Response("avd-b"));
    await (await caches.open("arbeidsmiljo-arbeidsmiljo-0000000000000000.js")).put(`${origin}/hms/arbeidsmiljo/`, new Response("old"));
  }, hosted.origin);

  // A release that changes only boot.js: the build's hash stays, so no new worker.
  const boot = join(app, "boot.js");
  writeFileSync(boot, `document.documentElement.dataset.release = "second";\n${readFileSync(boot, "utf8")}`);
  await visit();
  await page.getByRole("button", { name: "Start" }).waitFor();
  assert.equal(await release(), "second", "boot.js of the release, on the first load after it");

  // A release with a new build: a new worker, which deletes this copy's older caches only.
  const renamed = "arbeidsmiljo-0123456789abcdef.js";
  renameSync(join(app, glue), join(app, renamed));
  renameSync(join(app, glue.replace(".js", "_bg.wasm")), join(app, renamed.replace(".js", "_bg.wasm")));
  const index = join(app, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replaceAll(glue.slice(0, -3), renamed.slice(0, -3)));
  writeFileSync(boot, readFileSync(boot, "utf8").replace('"second"', '"third"'));
  await visit();
  await page.getByRole("button", { name: "Start" }).waitFor();
  assert.equal(await release(), "third");
  await activated(renamed);
  assert.deepEqual((await page.evaluate(() => caches.keys())).sort(), [
    "arbeidsmiljo-/avd-b/-arbeidsmiljo-0000000000000000.js",
    `arbeidsmiljo-/hms/arbeidsmiljo/-${renamed}`,
    "portal-runtime",
  ]);

  // Another page under the app's path, visited online, is not taken for the app's.
  writeFileSync(join(app, "personvern.html"), "<!doctype html><link rel=icon href=\"data:,\"><title>Personvern</title><h1>Personvern</h1>");
  await page.goto(`${hosted.url}personvern.html`);
  await page.getByRole("heading", { name: "Personvern" }).waitFor();

  // Offline, the page and boot.js come from this copy's own cache, not the portal's.
  await context.setOffline(true);
  await visit();
  await page.getByRole("button", { name: "Start" }).click();
  await page.locator("#factor-heading").waitFor();
  assert.equal(await release(), "third");
  await page.close();
  assert.deepEqual(problems.filter((problem) => !problem.includes("ERR_INTERNET_DISCONNECTED")), []);
  await context.close();
  hosted.close();
});
