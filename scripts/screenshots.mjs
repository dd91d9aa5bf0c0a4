#!/usr/bin/env node
// Takes screenshots of every screen, workshop mode included, at phone, desktop and projector sizes
// into screenshots/ (not committed), to look at as a user would.
// Run after `trunk build --release`: node scripts/screenshots.mjs
// Only some sizes, to look at one change quickly: SIZES=phone,projector node scripts/screenshots.mjs
import { mkdirSync, readFileSync } from "node:fs";
import { answerPage, goNext, kioskParticipant, launch, serveDist } from "../tests/e2e/fixtures/app.mjs";

const out = new URL("../screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const sizes = [
  { name: "phone", viewport: { width: 360, height: 780 }, theme: "light" },
  { name: "desktop", viewport: { width: 1280, height: 900 }, theme: "light" },
  { name: "desktop-dark", viewport: { width: 1280, height: 900 }, theme: "dark" },
  { name: "projector", viewport: { width: 1920, height: 1080 }, theme: "projector" },
];

/** Workshop mode: setup, the thank-you screen, the hub with an import report, the group result, two slides. */
async function workshopScreens(page, shot) {
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await shot("w1-setup");
  await page.getByLabel("Navn på workshopen").fill("Personalmøte, Solsiden sykehjem");
  await page.getByRole("button", { name: "Start workshopen" }).click();
  for (let person = 0; person < 7; person++) {
    await kioskParticipant(page, (id) => 1 + ((person * 7 + id.length) % 5));
    if (person === 0) await shot("w2-thanks");
  }
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByLabel("Svarkoder, én per linje").fill("1NAC-3GVX-7T90-CSK6-CSJ0-A619-AMA0\nhei");
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  await shot("w3-hub");
  await page.getByRole("button", { name: "Avslutt og slett svarene" }).click();
  await page.locator(".workshop-hub .confirm").screenshot({ path: shot.path("w3-end-confirm") });
  await page.getByRole("button", { name: "Nei, behold" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.waitForTimeout(400);
  await shot("w4-group");
  await page.getByRole("button", { name: "Presenter på storskjerm" }).first().click();
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot.path("w5-overview") });
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot.path("w6-factor") });
}

/** "Eget spørreskjema": a broken file's problems, then the example loaded and chosen. */
async function ownInstrumentScreens(page, shot) {
  await page.goto(page.url());
  const example = JSON.parse(readFileSync(new URL("../docs/example-instrument.json", import.meta.url), "utf8"));
  const broken = structuredClone(example);
  delete broken.factors[0].name.nn;
  broken.band_sets[0].bands[2].min = 9;
  const file = (json) => ({ name: "skjema.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json, null, 2)) });
  const input = page.getByLabel("Last inn spørreskjemafil (JSON)");
  await input.setInputFiles(file(broken));
  await page.locator(".instrument-problems").waitFor();
  await page.locator(".instrument-files").screenshot({ path: shot.path("i1-rejected") });
  await input.setInputFiles(file(example));
  await page.locator(".loaded-instruments").waitFor();
  await shot("i2-loaded");
  await page.getByRole("button", { name: /^Fjern / }).click();
  await page.locator(".instrument-files").screenshot({ path: shot.path("i3-remove-confirm") });
}

const server = await serveDist();
const browser = await launch();
const chosen = process.env.SIZES?.split(",");
for (const { name, viewport, theme } of sizes.filter((size) => !chosen || chosen.includes(size.name))) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator("select").nth(1).selectOption(theme);
  const shot = (screen) => page.screenshot({ path: shot.path(screen), fullPage: true });
  shot.path = (screen) => `${out}${name}-${screen}.png`;
  await shot("1-start");
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, (id) => (id.endsWith("1") ? 4 : 2));
  await shot("2-question");
  for (let index = 1; index <= 22; index++) {
    await goNext(page);
    if (index < 21 && index !== 5) await answerPage(page, (id) => (id.startsWith("r_mob") ? 2 : id.endsWith("2") ? 1 : id.startsWith("r_ned") ? 2 : 4 + (index % 2)));
  }
  await page.getByRole("heading", { name: "Før du ser resultatene" }).waitFor();
  await shot("3-review");
  await page.getByRole("button", { name: "Se resultatene" }).click();
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  await page.waitForTimeout(300);
  await shot("4-results");
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  await page.locator("#focus-0").check();
  await page.locator("#focus-1").check();
  for (const ideas of await page.locator(".ideas").all()) {
    await ideas.getByRole("button", { name: "Legg til" }).first().click();
  }
  await page.getByRole("button", { name: "Legg til noe dere velger bort" }).click();
  await page.locator("#deselected-0-what").fill("Autonomi");
  await page.locator("#deselected-0-reason").fill("Fungerer godt nok nå");
  await page.locator("#deselected-0-reason").blur();
  await page.waitForTimeout(300);
  await shot("5-plan");
  if (name === "desktop") {
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: `${out}plan.pdf`, format: "A4", printBackground: true });
    await page.emulateMedia({ media: "screen" });
  }
  await page.getByRole("button", { name: "Slett svarene mine" }).click();
  await shot("6-delete-confirm");
  await workshopScreens(page, shot);
  await ownInstrumentScreens(page, shot);
  await context.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
