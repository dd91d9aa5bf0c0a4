// The browser's print of the results is a one-page personal report.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
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
