#!/usr/bin/env node
// Browser benchmark: the release build in dist/ against a SurveyJS page of the
// same questionnaire (bench/surveyjs.html), in headless Debian Chromium.
// Prints figures and whether the targets are met; never fails on a timing.
//
//   BENCH_RUNS=15 node scripts/browser-bench.mjs   (needs dist/ and bench/node_modules)
//   BENCH_CPU_SLOWDOWN=4 ...   the same with the CPU throttled 4×, as on a mid-range phone
//
// Every load is cold: a fresh browser context (no HTTP cache, storage or
// service worker). Each iteration loads the app, then SurveyJS, then SurveyJS
// behind a start page, then the app's results page, so drift on a noisy
// machine hits all alike; ratios are the median of the per-iteration ratios
// app/SurveyJS. One untimed round first absorbs Chromium's own start-up.
//
// SurveyJS shows its first question at once, while the app first shows a
// start page (what this is, the privacy promise, the choice of questionnaire)
// that the user leaves with "Start". The target compares against the former.
// The start-page variant (bench/survey-start.json: the same introduction,
// choice and "Start" button) compares the same steps.
//
// What is measured (milliseconds from navigation start, in the page):
// - "Start" visible: the start button laid out and visible; it is then
//   clicked at once, as a user would.
// - first question: the first statement (app: fieldset.statement, SurveyJS:
//   a .sd-question other than the start page's introduction and choice) laid out, then the
//   next frame rendered (a task posted from
//   requestAnimationFrame runs after that frame's style, layout and paint).
// - answer click: a radio of the first page clicked, CLICKS times per load over
//   different statements and values. Headless Chromium renders at a fixed
//   60 Hz, so "to two frames later" would read 33 ms for any page; instead
//   this is the main thread's busy time: the click with its handlers and
//   effects, plus the rendering of the next frame, without the idle wait for it.
// - chart redraw (app only, SurveyJS has no charts): with saved answers, resume
//   to the results page, then switch the theme select between dark and light
//   (restyle, and the profile chart redrawn in the theme's colours), timed as
//   the click above, REDRAWS times per load.
// - JS heap: JSHeapUsedSize after a forced GC, once the first question is in
//   and before anything of Playwright's own has been put into the page.
//   The app keeps its state in wasm linear memory, outside the JS heap, so the
//   wasm memory (the instance's exported memory, caught by wrapping
//   WebAssembly.instantiate*) is shown too, and the sum of both.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { cpus } from "node:os";
import { launch, serveDist } from "../tests/e2e/fixtures/app.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CLICKS = 20;
const REDRAWS = 10;
const VIEWPORT = { width: 1280, height: 900 };
// The probe logs this once the first question is painted.
const QUESTION_SHOWN = "bench: first question shown";
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
if (!(CPU_SLOWDOWN >= 1)) throw new Error(`BENCH_CPU_SLOWDOWN must be a number from 1 up, not ${process.env.BENCH_CPU_SLOWDOWN}`);

const benchFiles = [
  "surveyjs.html",
  "survey.json",
  "survey-start.json",
  "node_modules/survey-core/survey-core.fontless.min.css",
  "node_modules/survey-core/survey.core.min.js",
  "node_modules/survey-js-ui/survey-js-ui.min.js",
];
// Without them the SurveyJS page never shows a question: say so now, not after a timeout.
const missing = benchFiles.filter((file) => !existsSync(new URL(`../bench/${file}`, import.meta.url)));
if (missing.length) {
  console.error(`missing ${missing.join(", ")}: run \`npm ci --prefix bench\` first (scripts/bench does)`);
  process.exit(1);
}
const server = await serveDist({ pages: Object.fromEntries(benchFiles.map((file) => [`/bench/${file}`, `bench/${file}`])) });
const pages = {
  app: { url: server.url, start: "Start", question: "fieldset.statement" },
  surveyjs: { url: `${server.origin}/bench/surveyjs.html`, start: null, question: ".sd-question" },
  surveyjsStart: {
    url: `${server.origin}/bench/surveyjs.html?start`,
    start: "Start",
    // Not the start page's introduction (an html element) or its choice.
    question: ".sd-question:not(.sd-question--html):not([data-name=choice])",
  },
};

/**
 * Runs in the page before its own scripts: clicks the button named `start` once
 * shown, records the marks in window.__bench and gives it `repaint(action)`.
 */
function probe({ start, question, QUESTION_SHOWN }) {
  const bench = (window.__bench = {});
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) =>
      original.apply(WebAssembly, args).then((result) => {
        // instantiate(module) gives the instance; the other forms give {module, instance}.
        bench.memory = (result.instance ?? result).exports.memory;
        return result;
      });
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const task = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  bench.repaint = async (action) => {
    const begin = performance.now();
    action();
    await task();
    const handled = performance.now();
    await frame();
    const frameStart = performance.now();
    await task();
    return handled - begin + performance.now() - frameStart;
  };
  // Checks on every DOM change rather than polling frames, for sub-frame resolution.
  const shown = (find) =>
    new Promise((resolve) => {
      const check = () => {
        const element = find();
        if (element?.checkVisibility()) {
          observer.disconnect();
          resolve(element);
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true });
      check();
    });
  (async () => {
    if (start) {
      // The app's is a <button>, SurveyJS's an <input type=button>.
      const button = await shown(() =>
        [...document.querySelectorAll("button, input[type=button]")].find((b) => (b.value || b.textContent.trim()) === start),
      );
      bench.start = performance.now();
      button.click();
    }
    await shown(() => document.querySelector(question));
    await frame();
    await task();
    bench.question = performance.now();
    console.debug(QUESTION_SHOWN);
  })();
}

/** Opens `url` in a fresh context with the probe, and waits until `marks.question` is shown. */
async function open(browser, url, marks, storage) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  if (storage) await context.addInitScript(([key, value]) => localStorage.setItem(key, value), storage);
  await context.addInitScript(probe, { ...marks, QUESTION_SHOWN });
  const page = await context.newPage();
  if (CPU_SLOWDOWN > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  }
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  // Waits for the probe's console message rather than polling the page:
  // polling would inject Playwright's own script, whose parsing competes
  // with the page on a 2-core machine while the load is being timed.
  const shown = page.waitForEvent("console", { predicate: (message) => message.text() === QUESTION_SHOWN, timeout: 30_000 });
  await page.goto(url, { waitUntil: "commit" });
  await shown;
  const close = async () => {
    await context.close();
    if (errors.length) throw new Error(`${url}: ${errors.join("\n")}`);
  };
  return { context, page, close };
}

/** One cold load of `which`: its marks, heap, and the median click time. */
async function measureLoad(browser, which) {
  const { url, start, question } = pages[which];
  const { context, page, close } = await open(browser, url, { start, question });
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((metric) => metric.name === "JSHeapUsedSize").value / 2 ** 20;
  const marks = await page.evaluate(() => ({
    start: window.__bench.start,
    question: window.__bench.question,
    wasm: (window.__bench.memory?.buffer.byteLength ?? 0) / 2 ** 20,
  }));
  // Each click gives a statement of the first page a new value.
  const clicks = await page.evaluate(
    async ({ question, count }) => {
      const groups = [...document.querySelectorAll(question)].map((group) => [...group.querySelectorAll("input[type=radio]")]);
      const times = [];
      for (let i = 0; i < count; i++) {
        const radio = groups[i % groups.length][Math.floor(i / groups.length) % groups[0].length];
        times.push(await window.__bench.repaint(() => radio.click()));
        if (!radio.checked) throw new Error(`click ${i} did not check its radio`);
      }
      return times;
    },
    { question, count: CLICKS },
  );
  await close();
  return { ...marks, heap, total: heap + marks.wasm, click: median(clicks) };
}

/** Saved answers for every statement of both instruments, so the results page has charts. */
async function savedSession() {
  const answers = {};
  for (const id of ["ressurser", "risiko"]) {
    const instrument = JSON.parse(await readFile(new URL(`../instruments/${id}.json`, import.meta.url)));
    const points = Object.fromEntries(instrument.scales.map((scale) => [scale.id, scale.points]));
    answers[id] = {};
    instrument.factors.forEach((factor, f) =>
      factor.items.forEach((item, i) => (answers[id][item.id] = ((f + i) % points[factor.scale]) + 1)),
    );
  }
  return JSON.stringify({ schema: 1, data: { choice: "both", position: "results", answers } });
}

/** One cold load of the app's results page, resumed from `session`; the median ms of a theme switch. */
async function measureRedraw(browser, session) {
  const marks = { start: "Fortsett der du slapp", question: "canvas.profile-chart" };
  const { page, close } = await open(browser, pages.app.url, marks, ["arbeidsmiljo.session", session]);
  const times = await page.evaluate(async (count) => {
    const theme = document.querySelectorAll("select")[1];
    const times = [];
    for (let i = 0; i < count; i++) {
      theme.value = i % 2 ? "light" : "dark";
      times.push(await window.__bench.repaint(() => theme.dispatchEvent(new Event("change", { bubbles: true }))));
    }
    return times;
  }, REDRAWS);
  await close();
  return median(times);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const browser = await launch();
const cpu = (await readFile("/proc/cpuinfo", "utf8")).match(/^model name\s*:\s*(.*)$/m)?.[1] ?? "unknown";
console.log(`machine:  ${cpu}, ${cpus().length} cores`);
console.log(`browser:  Chromium ${browser.version()} (headless), viewport ${VIEWPORT.width}x${VIEWPORT.height}, CPU slowdown ${CPU_SLOWDOWN}×`);
console.log(`runs:     ${RUNS} cold loads each, alternating app / SurveyJS / SurveyJS with a start page; ${CLICKS} clicks and ${REDRAWS} redraws per load`);

const session = await savedSession();
// Untimed: the first loads after launch also pay for Chromium warming up.
await measureLoad(browser, "app");
await measureLoad(browser, "surveyjs");
await measureLoad(browser, "surveyjsStart");
const results = { app: [], surveyjs: [], surveyjsStart: [], redraw: [] };
for (let run = 1; run <= RUNS; run++) {
  results.app.push(await measureLoad(browser, "app"));
  results.surveyjs.push(await measureLoad(browser, "surveyjs"));
  results.surveyjsStart.push(await measureLoad(browser, "surveyjsStart"));
  results.redraw.push(await measureRedraw(browser, session));
  process.stderr.write(`\rrun ${run}/${RUNS}`);
}
process.stderr.write("\n");
await browser.close();
server.close();

const rows = [
  // [label, key, unit, the SurveyJS page compared with (or null), target ratio]
  ["'Start' button visible", "start", "ms", "surveyjsStart"],
  ["first question visible", "question", "ms", "surveyjs", 0.4],
  ["  same steps: start page, Start", "question", "ms", "surveyjsStart"],
  ["answer click to repaint", "click", "ms", "surveyjs"],
  ["JS heap after load", "heap", "MB", "surveyjs", 0.5],
  ["wasm memory after load", "wasm", "MB", null],
  ["JS heap + wasm memory", "total", "MB", "surveyjs"],
];
const table = rows.map(([label, key, unit, versus, target]) => {
  const app = median(results.app.map((run) => run[key]));
  const surveyjs = versus ? median(results[versus].map((run) => run[key])) : null;
  const ratio = versus ? median(results.app.map((run, i) => run[key] / results[versus][i][key])) : null;
  return [label, unit, app, surveyjs, ratio, target];
});
table.push(["chart redraw (theme switch)", "ms", median(results.redraw), null, null]);

const number = (value, unit) => (value === null ? "–" : value.toFixed(unit === "MB" ? 2 : 1));
const lines = [["metric", "unit", "app", "SurveyJS", "app/SurveyJS", "target", "met?"]];
for (const [label, unit, app, surveyjs, ratio, target] of table) {
  lines.push([
    label,
    unit,
    number(app, unit),
    number(surveyjs, unit),
    ratio === null ? "–" : `${ratio.toFixed(2)}×`,
    target ? `≤ ${target}×` : "–",
    target ? (ratio <= target ? "met" : "not met") : "–",
  ]);
}
const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
console.log();
for (const line of lines) {
  console.log(line.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "));
}
console.log("\nmedians over the runs; ratio = median of the per-run ratios, so it need not equal app / SurveyJS above");
console.log("'Start' visible and 'same steps' compare with SurveyJS behind a start page like the app's; the other rows with SurveyJS as it is");
