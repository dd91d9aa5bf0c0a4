// Answers are saved the moment they are given and restored with the page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { answerPage, itemIds, launch, openApp, progress, serveDist } from "./fixtures/app.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("reloading mid-way offers to resume, and restores every answer and the page", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  assert.equal(await page.title(), "Arbeidsmiljøprofilen");
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 4);
  // The tab's title says where the user is.
  assert.equal(await page.title(), "Kartlegging – Arbeidsmiljøprofilen");
  const firstPage = await itemIds(page);
  await page.getByRole("button", { name: "Neste" }).click();
  await page.waitForFunction(() => document.querySelector(".progress-text")?.textContent.startsWith("Del 2 "));
  const [second] = await itemIds(page);
  await page.locator(`#${second}-2`).check();

  await page.reload();
  await page.getByRole("heading", { name: "Fortsett der du slapp" }).waitFor();
  assert.match(await page.locator(".resume").textContent(), new RegExp(`${firstPage.length + 1} svar`));
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  assert.match(await progress(page), /^Del 2 av 22/);
  assert.ok(await page.locator(`#${second}-2`).isChecked());

  // Closing the tab and opening the app again works the same way.
  await page.close();
  const again = await context.newPage();
  await again.goto(server.url);
  await again.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await again.getByRole("button", { name: "Tilbake" }).click();
  assert.match(await progress(again), /^Del 1 av 22/);
  for (const id of firstPage) assert.ok(await again.locator(`#${id}-4`).isChecked(), id);

  // A value outside the scale (hand-edited, or from an older version) is not
  // counted as an answer: it will be asked for again.
  await again.evaluate((id) => {
    const saved = JSON.parse(localStorage.getItem("arbeidsmiljo.session"));
    saved.data.answers.ressurser[id] = 9;
    localStorage.setItem("arbeidsmiljo.session", JSON.stringify(saved));
  }, firstPage[0]);
  await again.reload();
  await again.getByRole("heading", { name: "Fortsett der du slapp" }).waitFor();
  assert.match(await again.locator(".resume").textContent(), new RegExp(`Du har ${firstPage.length} svar`));
  assert.deepEqual(errors, []);
});

test("starting anew with answers saved asks first; Escape and Avbryt keep the answers", async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 3);
  const answered = (await itemIds(page)).length;
  await page.reload();
  await page.getByRole("heading", { name: "Fortsett der du slapp" }).waitFor();

  const start = page.getByRole("button", { name: "Start", exact: true });
  await start.click();
  const question = page.getByRole("group", { name: new RegExp(`${answered} svar lagret`) });
  await question.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Ja, start på nytt");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement.textContent.trim() === "Start");
  await start.click();
  await page.getByRole("button", { name: "Avbryt" }).click();
  await page.reload();
  assert.match(await page.locator(".resume").textContent(), new RegExp(`${answered} svar`));

  await start.click();
  await page.getByRole("button", { name: "Ja, start på nytt" }).click();
  assert.match(await progress(page), /^Del 1 av 22/);
  for (const id of await itemIds(page)) {
    assert.equal(await page.locator(`input[name="${id}"]:checked`).count(), 0, id);
  }
  assert.deepEqual(errors, []);
});
