// Bokmål, nynorsk and English: a switch on every page, remembered, with
// <html lang> following, and Norwegian decimal commas.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { answerPage, goNext, launch, openApp, serveDist } from "./fixtures/app.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("switching to nynorsk translates the page, sets <html lang>, and is remembered", async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByLabel("Språk").selectOption("nn");
  await page.getByRole("heading", { name: "Kva vil du svare på?" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "nn");
  await page.reload();
  await page.getByRole("heading", { name: "Kva vil du svare på?" }).waitFor();
  await page.getByLabel("Ressursar", { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  assert.match(await page.locator("legend").first().textContent(), /Mange av arbeidsoppgåvene mine/);
  assert.ok(await page.getByLabel("Heilt samd").first().isVisible());

  // Results in nynorsk keep the decimal comma; English uses a point.
  for (let index = 0; index < 10; index++) {
    await answerPage(page, (id) => (id.endsWith("1") ? 4 : 3));
    await goNext(page);
  }
  await page.getByRole("heading", { level: 1, name: "Arbeidsmiljøprofilen din" }).waitFor();
  const score = await page.locator(".score-table tbody tr td").first().textContent();
  assert.match(score, /^\d,\d$/);
  // A downloaded file is named in the language too.
  await page.getByText("Del anonymt med gruppa").click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Last ned svarfil" }).click();
  assert.equal((await download).suggestedFilename(), "ressursar-i-arbeidet-svar.json");
  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("heading", { level: 1, name: "Your work environment profile" }).waitFor();
  assert.match(await page.locator(".score-table tbody tr td").first().textContent(), /^\d\.\d$/);
  // The share card the user opened stays open in the new language.
  assert.ok(await page.locator("details.share").evaluate((details) => details.open), "the share card closed");
  await page.getByRole("button", { name: "Download a response file" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.deepEqual(errors, []);
});

test("the status line says an answer is saved, not that Start saved something, and not again in a new language", async () => {
  const { page, errors } = await openApp(browser, server.url);
  const status = () => page.locator("p[role=status]").textContent();
  await page.getByRole("button", { name: "Start" }).click();
  // Start saves the empty session at once; that is nothing the user gave.
  await page.waitForFunction(() => localStorage.getItem("arbeidsmiljo.session") !== null);
  assert.equal(await status(), "");
  await answerPage(page, () => 4);
  await page.waitForFunction(() => document.querySelector("p[role=status]").textContent === "Endringen er lagret.");
  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("button", { name: "Next" }).waitFor();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await status(), "", "nothing was saved, so nothing is said");
  assert.deepEqual(errors, []);
});
