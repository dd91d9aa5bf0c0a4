// One cold load of a page, timed in the page itself: shared by
// scripts/browser-bench.mjs (the app against SurveyJS) and
// scripts/ab-bench.mjs (two builds of the app). See browser-bench.mjs for
// what each mark means.
import { readFile } from "node:fs/promises";
import { cpus } from "node:os";

const VIEWPORT = { width: 1280, height: 900 };
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
if (!(CPU_SLOWDOWN >= 1)) throw new Error(`BENCH_CPU_SLOWDOWN must be a number from 1 up, not ${process.env.BENCH_CPU_SLOWDOWN}`);
export const CLICKS = 20;
// The probe logs this once the first question is painted.
const QUESTION_SHOWN = "bench: first question shown";

/** Prints the machine and browser the figures come from. */
export async function describeMachine(browser) {
  const cpu = (await readFile("/proc/cpuinfo", "utf8")).match(/^model name\s*:\s*(.*)$/m)?.[1] ?? "unknown";
  console.log(`machine:  ${cpu}, ${cpus().length} cores`);
  console.log(`browser:  Chromium ${browser.version()} (headless), viewport ${VIEWPORT.width}x${VIEWPORT.height}, CPU slowdown ${CPU_SLOWDOWN}×`);
}

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
export async function open(browser, url, marks, storage) {
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

/**
 * One cold load of `url` (clicking the button named `start`, if any, then
 * waiting for `question`): its marks, heap, and the median click time.
 */
export async function measureLoad(browser, { url, start, question }) {
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

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Prints rows of cells as columns: the first two left-aligned, the figures right-aligned. */
export function printTable(lines) {
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  for (const line of lines) {
    console.log(line.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "));
  }
}
