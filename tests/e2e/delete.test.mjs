// "Slett svarene mine" removes everything the app stored, after a confirmation.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { answerPage, launch, openApp, serveDist, stored } from "./fixtures/app.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("deleting asks first, then removes every stored answer", async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.evaluate(() => localStorage.setItem("intranet.unrelated", "keep"));
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 5);
  assert.ok((await stored(page))["arbeidsmiljo.session"]);

  await page.getByRole("button", { name: "Slett svarene mine" }).click();
  await page.getByRole("button", { name: "Avbryt" }).click();
  assert.ok((await stored(page))["arbeidsmiljo.session"], "cancelling keeps the answers");

  await page.getByRole("button", { name: "Slett svarene mine" }).click();
  await page.getByRole("button", { name: "Ja, slett alt" }).click();
  await page.getByRole("heading", { name: "Hva vil du svare på?" }).waitFor();
  assert.deepEqual(await stored(page), {});
  // Screen readers hear that it is deleted, not the "saved" of the emptied state.
  await page.waitForFunction(() => document.querySelector("p[role=status]")?.textContent
    === "Alt appen hadde lagret i denne nettleseren, er slettet.");
  // Keyboard users are not dropped at the top of the page: focus returns to the button.
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === "Slett svarene mine");
  assert.equal(await page.evaluate(() => localStorage.getItem("intranet.unrelated")), "keep");

  await page.reload();
  await page.getByRole("heading", { name: "Hva vil du svare på?" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Fortsett der du slapp" }).count(), 0);
  assert.deepEqual(errors, []);
});
