// axe-core finds no violations on any screen, in the light, dark and projector
// themes, at desktop and phone width.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { answerPage, goNext, kioskParticipant, launch, serveDist } from "./fixtures/app.mjs";

const example = readFileSync(new URL("../../docs/example-instrument.json", import.meta.url), "utf8");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function audit(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    // axe leaves these to review: a name or description pointing at nothing, and a role
    // description on an element without a role (not announced).
    for (const element of document.querySelectorAll("[aria-describedby], [aria-labelledby]")) {
      for (const id of `${element.getAttribute("aria-describedby") ?? ""} ${element.getAttribute("aria-labelledby") ?? ""}`.split(/\s+/)) {
        if (id && !document.getElementById(id)) found.push(`missing idref ${id} on #${element.id}`);
      }
    }
    for (const element of document.querySelectorAll("[aria-roledescription]")) {
      const named = element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby");
      if (!element.hasAttribute("role") && !(element.localName === "section" && named)) found.push(`roledescription without a role on ${element.className}`);
    }
    return found;
  });
}

/** Walks through every screen, calling `check` on each; returns { screen: result }. */
async function everyScreen(page, check) {
  const found = {};
  found.start = await check(page);
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 2);
  found.question = await check(page);
  for (let index = 1; index < 22; index++) {
    await goNext(page);
    if (index !== 3) await answerPage(page, (id) => (id.startsWith("r_mob") ? 2 : 1));
  }
  await goNext(page);
  found.review = await check(page);
  await page.getByRole("button", { name: "Se resultatene" }).click();
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  await page.getByText("Del anonymt med gruppen").first().click();
  found.results = await check(page);
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  await page.locator("#focus-0").check();
  await page.locator(".ideas").first().getByRole("button", { name: "Legg til" }).first().click();
  await page.getByRole("button", { name: "Legg til noe dere velger bort" }).click();
  await page.locator("canvas").first().waitFor();
  found.plan = await check(page);
  await page.getByRole("button", { name: "Slik jobber dere videre" }).click();
  await page.getByRole("heading", { level: 1, name: "Slik jobber dere videre" }).waitFor();
  found.guide = await check(page);
  await page.getByRole("button", { name: "Tilbake" }).click();
  await page.getByRole("button", { name: "Slett svarene mine" }).click();
  found.delete_confirm = await check(page);
  await page.getByRole("button", { name: "Ja, slett alt" }).click();
  await page.evaluate(() => localStorage.setItem("arbeidsmiljo.session", "garbled"));
  await page.reload();
  await page.getByRole("alert").waitFor();
  found.storage_message = await check(page);
  const input = page.getByLabel("Last inn spørreskjemafil (JSON)");
  const file = (text) => ({ name: "skjema.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await input.setInputFiles(file(example.replace('"min": 3', '"min": 0.5')));
  await page.locator(".instrument-problems").waitFor();
  found.instrument_problems = await check(page);
  await input.setInputFiles(file(example));
  await page.locator(".loaded-instruments").waitFor();
  found.instrument_loaded = await check(page);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  found.workshop_setup = await check(page);
  await page.getByLabel("Minste antall svar før noe vises").fill("3");
  await page.getByRole("button", { name: "Start workshopen" }).click();
  for (let person = 0; person < 3; person++) await kioskParticipant(page, () => 2 + person);
  found.workshop_thanks = await check(page);
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByLabel("Svarkoder, én per linje").fill("hei");
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  found.workshop_hub = await check(page);
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.locator("canvas.distribution-chart").waitFor();
  found.group_results = await check(page);
  await page.getByRole("button", { name: "Presenter på storskjerm" }).click();
  await page.keyboard.press("ArrowRight");
  await page.locator(".slide canvas").waitFor();
  found.slides = await check(page);
  return found;
}

for (const theme of ["light", "dark", "projector"]) {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
    test(`no axe violations on any screen: ${theme} theme, ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${server.url}?theme=${theme}`);
      await page.getByRole("button", { name: "Start" }).waitFor();
      // Native radios, checkboxes and date pickers are drawn for the theme, not the system's setting.
      const scheme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
      assert.equal(scheme, theme === "light" ? "light" : "dark");
      const found = await everyScreen(page, audit);
      console.log(`axe ${theme} ${viewport.width}px: ${Object.entries(found).map(([s, v]) => `${s}=${v.length}`).join(" ")}`);
      assert.deepEqual(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length)), {});
      await context.close();
    });
  }
}

/** Problems a phone user or a 200 % zoom would meet: sideways scrolling, and touch targets under 44 px. */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    // A table scrolling inside its box hides columns as surely, and not every such box takes focus.
    for (const wrap of document.querySelectorAll(".table-wrap")) {
      if (wrap.scrollWidth > wrap.clientWidth) problems.push(`table scrolls sideways: ${wrap.scrollWidth} > ${wrap.clientWidth}`);
    }
    for (const target of document.querySelectorAll("button, select, input:not([type=radio]):not([type=checkbox]), .option label, .choice label, .check-target, a.skip-link:focus")) {
      const box = target.getBoundingClientRect();
      if (box.width && box.height < 44) problems.push(`small target ${box.height.toFixed(0)} px: ${target.textContent.trim().slice(0, 30)}`);
    }
    return problems;
  });
}

// 320 px is the narrowest phone, and a 1280 px window at 400 % zoom; 640 px is
// one at 200 % zoom. The projector theme's 28 px text is the hardest case.
for (const [width, theme] of [[320, "light"], [640, "light"], [320, "projector"], [640, "projector"]]) {
  test(`at ${width} px in the ${theme} theme nothing scrolls sideways and every touch target is at least 44 px`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}?theme=${theme}`);
    await page.getByRole("button", { name: "Start" }).waitFor();
    const found = await everyScreen(page, layoutProblems);
    assert.deepEqual(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length)), {});
    await context.close();
  });
}

test("in the projector theme on a 320 px phone, the header's settings wrap instead of scrolling sideways, in every language", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  for (const lang of ["nb", "nn", "en"]) {
    await page.goto(`${server.url}?theme=projector&lang=${lang}`);
    await page.locator(".settings select").first().waitFor();
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(width[0] <= width[1], `${lang}: scrolls sideways, ${width[0]} > ${width[1]}`);
  }
  await context.close();
});
