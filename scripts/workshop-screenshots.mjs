#!/usr/bin/env node
// Screenshots of workshop mode (setup, hub with an import report, group
// result, slides) at phone, desktop and projector sizes into screenshots/.
// Run after `trunk build --release`: node scripts/workshop-screenshots.mjs
import { mkdirSync } from "node:fs";
import { answerPage, launch, serveDist } from "../tests/e2e/fixtures/app.mjs";

const out = new URL("../screenshots/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const sizes = [
  { name: "phone", viewport: { width: 360, height: 780 }, theme: "light" },
  { name: "desktop", viewport: { width: 1280, height: 900 }, theme: "dark" },
  { name: "projector", viewport: { width: 1920, height: 1080 }, theme: "projector" },
];

const server = await serveDist();
const browser = await launch();
for (const { name, viewport, theme } of sizes) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator("select").nth(1).selectOption(theme);
  const shot = (screen, fullPage = true) => page.screenshot({ path: `${out}${name}-w${screen}.png`, fullPage });
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await shot("1-setup");
  await page.getByLabel("Navn på workshopen").fill("Personalmøte, Solsiden sykehjem");
  await page.getByRole("button", { name: "Start workshopen" }).click();
  for (let person = 0; person < 7; person++) {
    await page.getByRole("button", { name: /Start en svarrunde|Neste deltaker/ }).click();
    for (let factor = 0; factor < 10; factor++) {
      await page.locator("fieldset.statement").first().waitFor();
      await answerPage(page, (id) => 1 + ((person * 7 + factor * 3 + id.length) % 5));
      await page.locator(".page-nav .button-primary").click();
    }
    if (person === 0) await shot("2-thanks");
  }
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByLabel("Svarkoder, én per linje").fill("1NAC-3GVX-7T90-CSK6-CSJ0-A619-AMA0\nhei");
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  await shot("3-hub");
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.waitForTimeout(400);
  await shot("4-group");
  await page.getByRole("button", { name: "Presenter på storskjerm" }).first().click();
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(400);
  await shot("5-overview", false);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(400);
  await shot("6-factor", false);
  await context.close();
}
await browser.close();
server.close();
