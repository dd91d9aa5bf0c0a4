// The browser's print of the results is a one-page personal report.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { answerPage, goNext, launch, serveDist } from "./fixtures/app.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("printing the results gives one A4 page with the chart and the table", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < 22; index++) {
    await answerPage(page, (id) => (id.startsWith("r_mob") ? 2 : id.startsWith("r_ned") ? 1 : 1 + (index % 5)));
    await goNext(page);
  }
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  await page.emulateMedia({ media: "print" });
  const visible = async (selector) => page.locator(selector).first().isVisible();
  assert.ok(await visible("canvas.profile-chart"));
  assert.ok(await visible(".score-table"));
  assert.ok(await visible(".highlights"));
  assert.equal(await visible(".site-header"), false);
  assert.equal(await visible(".advice-card"), false);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 1, `the report printed on ${pages.length} pages`);

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
