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
});
