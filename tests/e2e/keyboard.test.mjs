// Keyboard alone: an employee completes the whole questionnaire, and a
// confirmation moves focus where the keys expect it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { itemIds, launch, openApp, progress, serveDist, storedSession } from "./fixtures/app.mjs";
import { itemOf, resources, risks } from "./fixtures/instruments.mjs";

/** The middle option of the item's scale (1 on a yes/no scale). */
function middle(id) {
  const instrument = itemOf(resources, id) ? resources : risks;
  const { factor } = itemOf(instrument, id);
  const points = instrument.scales.find((scale) => scale.id === factor.scale).points;
  return Math.floor((points + 1) / 2);
}

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page, selector) {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("the whole questionnaire can be completed by keyboard alone", async () => {
  const { page, errors } = await openApp(browser, server.url);
  await tabTo(page, "button.button-primary");
  await page.keyboard.press("Enter");

  const pageCount = resources.factors.length + risks.factors.length;
  for (let index = 1; index <= pageCount; index++) {
    await page.locator("#factor-heading").waitFor();
    assert.equal(await progress(page), `Del ${index} av ${pageCount} · ${index <= 10 ? "Ressurser" : "Risiko"}`);
    for (const id of await itemIds(page)) {
      await tabTo(page, `#${id}-1`);
      await page.keyboard.press("Space");
      for (let point = 1; point < middle(id); point++) await page.keyboard.press("ArrowRight");
      assert.ok(await page.locator(`#${id}-${middle(id)}`).isChecked(), `${id} should hold the middle option`);
    }
    await tabTo(page, ".page-nav .button-primary");
    await page.keyboard.press("Enter");
    if (index < pageCount) await page.waitForFunction((n) => document.querySelector(".progress-text")?.textContent.startsWith(`Del ${n} `), index + 1);
  }

  // Everything answered: straight to the results, where the middle option everywhere gives 3,0.
  await page.getByRole("heading", { level: 1, name: "Din arbeidsmiljøprofil" }).waitFor();
  const scores = await page.locator(".score-table").first().locator("tbody tr td:nth-child(2)").allTextContents();
  assert.deepEqual(scores, Array(10).fill("3,0"));
  const session = await storedSession(page);
  assert.equal(session.position, "results");
  const answered = Object.values(session.answers).reduce((sum, items) => sum + Object.keys(items).length, 0);
  const total = [resources, risks].flatMap((i) => i.factors).reduce((sum, f) => sum + f.items.length, 0);
  assert.equal(answered, total);
  assert.deepEqual(errors, []);
});

test("a confirmation takes focus to its yes button, and back when cancelled", async () => {
  const { page, errors } = await openApp(browser, server.url);
  const focusName = () => document.activeElement?.getAttribute("aria-label") || document.activeElement?.textContent.trim();
  const focused = () => page.evaluate(focusName);
  // Focus may move a frame after the swap; wait for it, then compare.
  const focusMovesTo = async (name, message) => {
    await page.waitForFunction(`(${focusName})() === ${JSON.stringify(name)}`, null, { timeout: 2000 }).catch(() => {});
    assert.equal(await focused(), name, message);
  };
  const example = fileURLToPath(new URL("../../docs/example-instrument.json", import.meta.url));
  await page.getByLabel("Last inn spørreskjemafil (JSON)").setInputFiles(example);
  const remove = page.getByRole("button", { name: /^Fjern / });
  await remove.focus();
  const removeName = await focused();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Ja, fjern" }).waitFor();
  await focusMovesTo("Ja, fjern");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await remove.waitFor();
  await focusMovesTo(removeName, "cancel returns to the button pressed");

  // Yes removes the item with its buttons; focus goes to the card's heading, not the page's top.
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Ja, fjern" }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByText(/er fjernet\.$/).waitFor();
  await focusMovesTo("Eget spørreskjema");

  // Enter held down: its repeats reach the yes button once focus moves there, and must not press it.
  await page.getByRole("button", { name: "Slett svarene mine" }).focus();
  await page.keyboard.down("Enter");
  await page.getByRole("button", { name: "Ja, slett alt" }).waitFor();
  await focusMovesTo("Ja, slett alt");
  await page.keyboard.down("Enter");
  await page.keyboard.down("Enter");
  await page.keyboard.up("Enter");
  assert.equal(await page.getByRole("button", { name: "Ja, slett alt" }).count(), 1, "still asking, nothing deleted");
  assert.deepEqual(errors, []);
});

test("back on the start page, focus and view go to its heading; the pick survives a theme or language change", async () => {
  const { page, errors } = await openApp(browser, server.url, { viewport: { width: 360, height: 740 } });
  await page.getByLabel("Risiko", { exact: true }).check();
  // A theme or language change re-renders nothing the person chose.
  await page.getByLabel("Utseende").selectOption("dark");
  assert.ok(await page.getByLabel("Risiko", { exact: true }).isChecked());
  await page.getByLabel("Språk").selectOption("nn");
  await page.getByLabel("Språk").selectOption("nb");
  assert.ok(await page.getByLabel("Risiko", { exact: true }).isChecked());
  await page.getByRole("button", { name: "Start" }).click();
  await page.locator("#factor-heading").waitFor();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole("button", { name: "Tilbake" }).click();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), "Arbeidsmiljøprofilen");
  assert.ok(await page.getByRole("heading", { level: 1 }).isVisible());
  assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), "the heading is in view");
  assert.deepEqual(errors, []);
});
