// axe-core finds no violations on any screen, in the light, dark and projector
// themes, at desktop and phone width.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { answerPage, goNext, launch, serveDist } from "./fixtures/app.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function audit(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
}

/** Walks through every screen, auditing each; returns { screen: violations }. */
async function auditEveryScreen(page) {
  const found = {};
  found.start = await audit(page);
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 2);
  found.question = await audit(page);
  for (let index = 1; index < 22; index++) {
    await goNext(page);
    if (index !== 3) await answerPage(page, (id) => (id.startsWith("r_mob") ? 2 : 1));
  }
  await goNext(page);
  found.review = await audit(page);
  await page.getByRole("button", { name: "Se resultatene" }).click();
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  found.results = await audit(page);
  await page.getByRole("button", { name: "Slett svarene mine" }).click();
  found.delete_confirm = await audit(page);
  await page.getByRole("button", { name: "Ja, slett alt" }).click();
  await page.evaluate(() => localStorage.setItem("arbeidsmiljo.session", "garbled"));
  await page.reload();
  await page.getByRole("alert").waitFor();
  found.storage_message = await audit(page);
  return found;
}

for (const theme of ["light", "dark", "projector"]) {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
    test(`no axe violations on any screen: ${theme} theme, ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${server.url}?theme=${theme}`);
      await page.getByRole("button", { name: "Start" }).waitFor();
      const found = await auditEveryScreen(page);
      console.log(`axe ${theme} ${viewport.width}px: ${Object.entries(found).map(([s, v]) => `${s}=${v.length}`).join(" ")}`);
      assert.deepEqual(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length)), {});
      await context.close();
    });
  }
}
