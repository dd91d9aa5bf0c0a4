// The browser's print of the results is a one-page personal report.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { answerPage, goNext, launch, serveDist } from "./fixtures/app.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A page showing the results of both lenses, with two risks reported. */
async function resultsAt(viewport) {
  const page = await browser.newPage({ viewport });
  await page.goto(server.url);
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < 22; index++) {
    await answerPage(page, (id) => (id.startsWith("r_mob") ? 2 : id.startsWith("r_ned") ? 1 : 1 + (index % 5)));
    await goNext(page);
  }
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  return page;
}

async function printedPages(page) {
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test("printing the results gives one A4 page with the chart and the table", async () => {
  const page = await resultsAt({ width: 1280, height: 900 });
  await page.emulateMedia({ media: "print" });
  const visible = async (selector) => page.locator(selector).first().isVisible();
  assert.ok(await visible("canvas.profile-chart"));
  assert.ok(await visible(".score-table"));
  assert.ok(await visible(".highlights"));
  assert.equal(await visible(".site-header"), false);
  assert.equal(await visible(".advice-card"), false);
  const pages = await printedPages(page);
  assert.equal(pages, 1, `the report printed on ${pages} pages`);
  // At an A4 page's width, the table in its half of the page stays a table with its header row.
  await page.setViewportSize({ width: 720, height: 1000 });
  assert.ok(await visible(".score-table thead"), "the table turned to cards on paper");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Printed from the dark theme, the page and its chart come out dark on white.
  await page.emulateMedia({ media: "screen" });
  await page.getByLabel("Utseende").selectOption("dark");
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => ({
    text: getComputedStyle(document.body).color,
    chart: getComputedStyle(document.querySelector("canvas.profile-chart")).filter,
    drawnIn: getComputedStyle(document.documentElement).getPropertyValue("--accent").trim(),
  }));
  assert.equal(printed.text, "rgb(0, 0, 0)");
  assert.match(printed.chart, /invert\(1\)/, "the chart drawn in dark colours is turned round for paper");
  await page.emulateMedia({ media: "screen" });
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()), printed.drawnIn,
    "on paper the dark theme's colours give way to the light ones");
});

test("printed from a phone, the report is the same one page, its chart drawn for paper", async () => {
  const page = await resultsAt({ width: 360, height: 740 });
  const chartWidth = () => page.evaluate(() => document.querySelector("canvas.profile-chart").width);
  const onScreen = await chartWidth();
  const pages = await printedPages(page);
  assert.equal(pages, 1, `printed from a phone, the report took ${pages} pages`);
  assert.equal(await chartWidth(), onScreen, "after printing, the chart is drawn for the screen again");

  // While printing, the chart is drawn at the paper's size, not the phone's.
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await chartWidth(), 1320, "440 CSS pixels at three canvas pixels each");
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.equal(await chartWidth(), onScreen);
  await page.close();
});

test("the group result prints from the projector theme: named and dated, its chart drawn for paper in light colours, no screen controls", async () => {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(server.url);
  const resources = JSON.parse(readFileSync(new URL("../../instruments/ressurser.json", import.meta.url), "utf8"));
  const items = resources.factors.flatMap((factor) => factor.items);
  const responses = [0, 1, 2, 3, 4, 5].map((person) => ["kiosk", items.map((_, i) => 1 + ((person + i) % 5))]);
  await page.evaluate((workshop) => localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify({ schema: 1, data: workshop })),
    { name: "Personalmøte, mars", instrument: "ressurser", version: 1, threshold: 3, responses });
  await page.reload();
  await page.getByLabel("Utseende").selectOption("projector");
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.locator("canvas.distribution-chart").waitFor();
  // A printout says which workshop, questionnaire and day.
  assert.match(await page.locator(".group-meta").textContent(), /^Personalmøte, mars · Ressurser i arbeidet · \d\d\.\d\d\.\d{4}$/);
  const chart = () => page.evaluate(() => {
    const canvas = document.querySelector("canvas.distribution-chart");
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    const count = (r, g, b) => {
      let found = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) found++;
      return found;
    };
    // The bars' track: #333333 in the projector theme, #e3e5e8 in the light one.
    return { width: canvas.width, filter: getComputedStyle(canvas).filter, darkTrack: count(0x33, 0x33, 0x33), lightTrack: count(0xe3, 0xe5, 0xe8) };
  });
  const onScreen = await chart();
  assert.ok(onScreen.darkTrack > 0 && onScreen.lightTrack === 0, "on screen, the projector's colours");
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const printed = await chart();
  assert.equal(printed.width, 2100, "700 CSS pixels (an A4 page's width) at three canvas pixels each");
  assert.ok(printed.lightTrack > 0 && printed.darkTrack === 0, "on paper, the light theme's colours, as the legend has them");
  assert.equal(printed.filter, "none", "not turned round, which would change its colours from the legend's");
  const shown = await page.evaluate(() => ["button", "input[type=file]", ".distribution-details"]
    .filter((selector) => [...document.querySelectorAll(selector)].some((element) => element.offsetParent !== null)));
  assert.deepEqual(shown, [], "nothing that only works on screen is printed");
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  await page.waitForFunction(() => document.querySelector("canvas.distribution-chart").width !== 2100);
  assert.ok((await chart()).darkTrack > 0, "back on screen, the projector's colours again");
  await page.close();
});
