// A panic shows a friendly screen with a reload link, and saved data stays
// as it was. The panic is triggered by `?debug-panic`, which only debug
// builds obey, so this test runs against target/dist-debug/ (scripts/test
// builds it with `trunk build --dist target/dist-debug`).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { answerPage, launch, openApp, serveDist, stored } from "./fixtures/app.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => { server = await serveDist({ root: "target/dist-debug/" }); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("a panic shows an error screen with a reload link, and saved answers are intact", async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.locator("select").first().selectOption("nn");
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 4);
  await page.getByText("Endringa er lagra.").waitFor({ state: "attached" });
  const before = await stored(page);

  // `#main` is what the skip link leaves in the address.
  await page.goto(`${server.url}?debug-panic#main`);
  await page.getByRole("heading", { level: 1, name: "Noko gjekk gale" }).waitFor();
  await page.getByText("Svara og planen du har lagra, er ikkje rørte.", { exact: false }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus moves to the message");
  assert.deepEqual(await stored(page), before, "nothing saved was changed");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "nn", "screen readers read it as nynorsk");
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => v.id));
  assert.deepEqual(violations, [], "the error screen passes axe");

  // The reload link works without script: it loads the page again.
  const reloaded = page.waitForEvent("load");
  await page.getByRole("link", { name: "Last inn på nytt" }).click();
  await reloaded;
  // Without the switch, the app is back with the answers.
  await page.goto(server.url);
  await page.getByRole("button", { name: "Hald fram der du slapp" }).waitFor();
  assert.deepEqual(await stored(page), before);
  await context.close();
});
