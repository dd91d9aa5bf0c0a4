// Soak test: random sequences of answering, moving between pages, reloading
// at random moments and switching language and theme. After each sequence,
// what is stored equals exactly what was answered: none lost, none invented.
// The seed is printed; replay a failure with SOAK_SEED=<seed>, and run more
// with SOAK_SEQUENCES=<n> (200 by default).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, serveDist, storedSession } from "./fixtures/app.mjs";

const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
const sequences = Number(process.env.SOAK_SEQUENCES ?? 200);

/** Mulberry32: small, seedable, good enough to pick actions. */
function random(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** "Del 3 av 22 · Ressurser" in any language: [3, 22]. */
async function pageNumber(page) {
  const [, at, of] = (await page.locator(".progress-text").textContent()).match(/(\d+)\D+(\d+)/);
  return [Number(at), Number(of)];
}

async function resume(page) {
  await page.locator(".resume button").click();
  await page.locator("fieldset.statement").first().waitFor();
}

test(`${sequences} random sequences lose and invent no answer (seed ${seed})`, async () => {
  console.log(`soak seed ${seed}: replay with SOAK_SEED=${seed}`);
  const pick = random(seed);
  const choose = (list) => list[Math.floor(pick() * list.length)];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = [];
  for (let sequence = 0; sequence < sequences; sequence++) {
    // Starting anew replaces the saved session (after a yes when it holds
    // answers), so each sequence begins empty.
    await page.goto(server.url);
    const choice = choose(["both", "resources", "risks"]);
    await page.locator(`#choice-${choice}`).check();
    await page.locator(".start-page form .button-primary").click();
    const replace = page.locator(".start-page form .confirm .button-danger");
    await page.locator("fieldset.statement").first().or(replace).waitFor();
    if (await replace.isVisible()) await replace.click();
    await page.locator("fieldset.statement").first().waitFor();
    const expected = {};
    log.length = 0;
    log.push(`start ${choice}`);
    for (let step = 0, steps = 4 + Math.floor(pick() * 12); step < steps; step++) {
      const action = pick();
      const [at, of] = await pageNumber(page);
      if (action < 0.5) {
        const statement = choose(await page.locator("fieldset.statement").all());
        const item = await statement.getAttribute("data-item");
        const value = choose(await statement.locator("input[type=radio]").evaluateAll((radios) => radios.map((r) => r.value)));
        await page.locator(`#${item}-${value}`).check();
        expected[item] = Number(value);
        log.push(`answer ${item}=${value}`);
      } else if (action < 0.65 && at < of) {
        await page.locator(".page-nav .button-primary").click();
        await page.waitForFunction((n) => document.querySelector(".progress-text")?.textContent.match(/\d+/)?.[0] === String(n), at + 1);
        log.push("next");
      } else if (action < 0.75 && at > 1) {
        await page.locator(".page-nav .button-secondary").first().click();
        await page.waitForFunction((n) => document.querySelector(".progress-text")?.textContent.match(/\d+/)?.[0] === String(n), at - 1);
        log.push("back");
      } else if (action < 0.85) {
        await page.reload();
        await resume(page);
        log.push("reload");
      } else if (action < 0.93) {
        const lang = choose(["nb", "nn", "en"]);
        await page.locator("select").first().selectOption(lang);
        log.push(`language ${lang}`);
      } else {
        const theme = choose(["light", "dark", "projector", "auto"]);
        await page.locator("select").nth(1).selectOption(theme);
        log.push(`theme ${theme}`);
      }
    }
    const saved = (await storedSession(page))?.answers ?? {};
    const flat = Object.assign({}, ...Object.values(saved));
    assert.deepEqual(flat, expected, `sequence ${sequence} (seed ${seed}): ${log.join(", ")}`);
  }
  await context.close();
});
