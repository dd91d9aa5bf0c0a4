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
import { launch, serveDist } from "../tests/e2e/fixtures/app.mjs";
import { CLICKS, describeMachine, measureLoad, median, open, printTable } from "./bench-load.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const REDRAWS = 10;

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


const browser = await launch();
await describeMachine(browser);
console.log(`runs:     ${RUNS} cold loads each, alternating app / SurveyJS / SurveyJS with a start page; ${CLICKS} clicks and ${REDRAWS} redraws per load`);

const session = await savedSession();
// Untimed: the first loads after launch also pay for Chromium warming up.
await measureLoad(browser, pages.app);
await measureLoad(browser, pages.surveyjs);
await measureLoad(browser, pages.surveyjsStart);
const results = { app: [], surveyjs: [], surveyjsStart: [], redraw: [] };
for (let run = 1; run <= RUNS; run++) {
  results.app.push(await measureLoad(browser, pages.app));
  results.surveyjs.push(await measureLoad(browser, pages.surveyjs));
  results.surveyjsStart.push(await measureLoad(browser, pages.surveyjsStart));
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
console.log();
printTable(lines);
console.log("\nmedians over the runs; ratio = median of the per-run ratios, so it need not equal app / SurveyJS above");
console.log("'Start' visible and 'same steps' compare with SurveyJS behind a start page like the app's; the other rows with SurveyJS as it is");
