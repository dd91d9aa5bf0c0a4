// Nothing leaves the page's origin: no fonts, CDNs, analytics or servers.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { answerPage, goNext, launch, openApp, serveDist } from "./fixtures/app.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("every request the app makes stays on its own origin", async () => {
  const context = await browser.newContext();
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < 22; index++) {
    await answerPage(page, () => 1);
    await goNext(page);
  }
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  await page.reload();
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();

  const origin = new URL(server.url).origin;
  const foreign = requests.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin);
  assert.ok(requests.length >= 4, `saw ${requests.length} requests`);
  assert.deepEqual(foreign, []);
  await context.close();
});
