// Files from outside carry text that ends up on screen: HTML or script in
// them must show as plain text and never become elements. (Instrument files
// are covered in instruments.test.mjs.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openApp, serveDist } from "./fixtures/app.mjs";

const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function assertInert(page) {
  assert.ok((await page.locator("main").innerText()).includes(hostile), "the markup is shown as text");
  assert.equal(await page.locator("main img, main script").count(), 0, "and never becomes elements");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
}

test("a plan file with markup in every text shows it as text", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.evaluate(() => localStorage.setItem("arbeidsmiljo.session",
    JSON.stringify({ schema: 1, data: { choice: "both", position: "results", answers: {} } })));
  await page.reload();
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  const plan = JSON.parse(readFileSync(new URL("../fixtures/plan-schema-1.json", import.meta.url), "utf8"));
  plan.data.measures[0].what = hostile;
  plan.data.measures[0].area.factor = hostile;
  plan.data.deselected[0] = { what: hostile, reason: hostile };
  await page.locator("#plan-file").setInputFiles(file("plan.json", JSON.stringify(plan)));
  await page.getByText("Planen er hentet fra filen.").waitFor();
  await assertInert(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a response file and a previous round with markup show it as text", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByLabel("Navn på workshopen").fill(hostile);
  await page.getByRole("button", { name: "Start workshopen" }).click();
  await page.getByLabel("Svarfiler (du kan velge eller slippe mange)").setInputFiles([
    file("svar.json", JSON.stringify({ kind: "arbeidsmiljo_response", code: hostile })),
    file("koder.txt", `${hostile}\n`),
  ]);
  await page.getByText("Lagt til: 0. Like svar satt til side: 0. Avvist: 2").waitFor();
  await page.getByText("Fil 1: tegnet «<» finnes ikke i svarkoder").waitFor();
  await assertInert(page);
  assert.deepEqual(errors, []);
  await context.close();
});
