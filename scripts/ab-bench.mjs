#!/usr/bin/env node
// A/B of a change: cold loads of two builds of the app, alternating, in
// headless Debian Chromium. Prints the medians of each and the median of the
// per-pair ratios B/A; figures, never a pass or fail. The "What helped" and
// "Tried, no gain" figures in README.md come from runs like this.
//
//   trunk build --release --dist target/dist-b    (the build with the change)
//   BENCH_RUNS=25 node scripts/ab-bench.mjs dist/ target/dist-b/
//
// Each pair loads A then B, or B then A in every other pair, so drift on a
// noisy machine hits both alike. Marks as in scripts/browser-bench.mjs.
import { existsSync } from "node:fs";
import { launch, serveDist } from "../tests/e2e/fixtures/app.mjs";
import { describeMachine, measureLoad, median, printTable } from "./bench-load.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const roots = process.argv.slice(2);
if (roots.length !== 2 || !roots.every((root) => existsSync(`${root}/index.html`))) {
  console.error("usage: node scripts/ab-bench.mjs <build A> <build B>, each a folder with index.html (for example dist/ target/dist-b/)");
  process.exit(1);
}
const servers = await Promise.all(roots.map((root) => serveDist({ root })));
const pages = servers.map((server) => ({ url: server.url, start: "Start", question: "fieldset.statement" }));

const browser = await launch();
await describeMachine(browser);
console.log(`runs:     ${RUNS} cold loads of each, A = ${roots[0]}, B = ${roots[1]}`);
// Untimed: the first loads after launch also pay for Chromium warming up.
for (const page of pages) await measureLoad(browser, page);
const results = [[], []];
for (let run = 0; run < RUNS; run++) {
  for (const which of run % 2 ? [1, 0] : [0, 1]) results[which].push(await measureLoad(browser, pages[which]));
  process.stderr.write(`\rrun ${run + 1}/${RUNS}`);
}
process.stderr.write("\n");
await browser.close();
servers.forEach((server) => server.close());

const rows = [
  ["'Start' button visible", "start", "ms"],
  ["first question visible", "question", "ms"],
  ["answer click to repaint", "click", "ms"],
  ["JS heap after load", "heap", "MB"],
  ["wasm memory after load", "wasm", "MB"],
];
const number = (value, unit) => value.toFixed(unit === "MB" ? 2 : 1);
const lines = [["metric", "unit", "A", "B", "B/A"]];
for (const [label, key, unit] of rows) {
  const [a, b] = results.map((runs) => runs.map((run) => run[key]));
  lines.push([label, unit, number(median(a), unit), number(median(b), unit), `${median(b.map((value, i) => value / a[i])).toFixed(3)}×`]);
}
console.log();
printTable(lines);
console.log("\nmedians over the runs; B/A = median of the per-pair ratios");
