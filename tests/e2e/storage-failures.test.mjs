// Storage that is forbidden, full or corrupt: a plain message, the app keeps
// working in memory, nothing panics, and nothing already saved is lost.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { answerPage, goNext, launch, openApp, serveDist, stored, storedSession } from "./fixtures/app.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function pageWith(initScript) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  if (initScript) await page.addInitScript(initScript);
  await page.goto(server.url);
  return { context, page, errors };
}

test("forbidden storage (SecurityError): the app says answers will not be kept, and works in memory", async () => {
  const { context, page, errors } = await pageWith(() => {
    Object.defineProperty(window, "localStorage", {
      get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
    });
  });
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /lar ikke appen lagre noe/);
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 5);
  await goNext(page);
  await page.getByRole("button", { name: "Tilbake" }).click();
  const [first] = await page.locator("fieldset.statement").evaluateAll((sets) => sets.map((set) => set.dataset.item));
  assert.ok(await page.locator(`#${first}-5`).isChecked(), "answers are kept in memory");
  // Dismissed, the warning stays away: it is not repeated at every answer.
  await page.getByRole("button", { name: "Lukk meldingen" }).press("Enter");
  // The button went with the warning: focus goes to the main content, not the page's top.
  await page.waitForFunction(() => document.activeElement?.id === "main", null, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  await page.locator(`#${first}-4`).check();
  await goNext(page);
  await answerPage(page, () => 3);
  assert.equal(await page.getByRole("alert").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("full storage (QuotaExceededError): the app says the latest answers were not saved, and keeps what was", async () => {
  const { context, page, errors } = await pageWith(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full) throw new DOMException("Quota exceeded", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await page.getByRole("button", { name: "Start" }).click();
  const ids = await page.locator("fieldset.statement").evaluateAll((sets) => sets.map((set) => set.dataset.item));
  await page.locator(`#${ids[0]}-4`).check();
  const before = (await stored(page))["arbeidsmiljo.session"];
  await page.evaluate(() => { window.__full = true; });
  await page.locator(`#${ids[1]}-2`).check();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Lagringsplassen i nettleseren er full/);
  assert.equal((await stored(page))["arbeidsmiljo.session"], before, "what was saved is untouched");
  assert.ok(await page.locator(`#${ids[1]}-2`).isChecked());
  // Room again (the user deleted something elsewhere): the next answer saves
  // the answers kept in memory too, and the warning, no longer true, goes.
  await page.evaluate(() => { window.__full = false; });
  await page.locator(`#${ids[2]}-5`).check();
  await alert.waitFor({ state: "detached" });
  const saved = Object.assign({}, ...Object.values((await storedSession(page)).answers));
  assert.deepEqual([ids[0], ids[1], ids[2]].map((id) => saved[id]), [4, 2, 5]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("storage already full when the page opens: the start page says so before any answer", async () => {
  // The probe's test write runs once the start page is painted; it alone can tell.
  const { context, page, errors } = await pageWith(() => {
    Storage.prototype.setItem = () => { throw new DOMException("Quota exceeded", "QuotaExceededError"); };
  });
  await page.getByRole("button", { name: "Start" }).waitFor();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Lagringsplassen i nettleseren er full/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a corrupt saved entry is reported and set aside, not deleted", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.evaluate(() => localStorage.setItem("arbeidsmiljo.session", "{\"schema\":1,\"data\":{\"choi"));
  await page.reload();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /lagt til side, ikke slettet/);
  const saved = await stored(page);
  assert.equal(saved["arbeidsmiljo.session.corrupt"], "{\"schema\":1,\"data\":{\"choi");
  assert.equal(saved["arbeidsmiljo.session"], undefined);
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 3);
  assert.ok((await stored(page))["arbeidsmiljo.session"], "a new session saves normally");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a corrupt entry that cannot be copied aside (storage full) stays where it is", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const broken = "{\"schema\":1,\"data\":{\"choi";
  await page.evaluate((broken) => localStorage.setItem("arbeidsmiljo.session", broken), broken);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException("Quota exceeded", "QuotaExceededError"); };
  });
  await page.reload();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  // Not "set aside" (it was not), and plain that nothing more is saved.
  assert.match(await alert.textContent(), /kunne ikke leses og heller ikke legges til side\. .* blir ikke lagret\./);
  const saved = await stored(page);
  assert.equal(saved["arbeidsmiljo.session"], broken, "not deleted without a copy");
  assert.equal(saved["arbeidsmiljo.session.corrupt"], undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an entry from a newer version hides nothing else: the answers are shown, and nothing is written", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 4);
  const newer = JSON.stringify({ schema: 99, data: { future: true } });
  await page.evaluate((newer) => localStorage.setItem("arbeidsmiljo.prefs", newer), newer);
  const before = await stored(page);
  await page.reload();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /nyere versjon av appen/);
  // The answers saved beside the newer entry are still there to resume.
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  const [first] = await page.locator("fieldset.statement").evaluateAll((sets) => sets.map((set) => set.dataset.item));
  assert.ok(await page.locator(`#${first}-4`).isChecked());
  // A change is kept in memory, not written: the newer entry is never overwritten.
  await page.locator(`#${first}-2`).check();
  assert.ok(await page.locator(`#${first}-2`).isChecked());
  assert.deepEqual(await stored(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a saved workshop with answers that do not fit is reported, and they are not counted", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const fixture = JSON.parse(readFileSync(new URL("../fixtures/workshop-schema-1.json", import.meta.url), "utf8"));
  const items = fixture.data.responses[0][1].length;
  // Cut short, beyond the scale, and blank: no import or kiosk round adds these.
  fixture.data.responses.push(["shared", [3, 3]], ["shared", Array(items).fill(9)], ["kiosk", Array(items).fill(0)]);
  const text = JSON.stringify(fixture);
  await page.evaluate((text) => localStorage.setItem("arbeidsmiljo.workshop", text), text);
  await page.reload();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /lagrede svar: 3\. De er lagt til side, ikke slettet, og telles ikke med\./);
  assert.equal((await stored(page))["arbeidsmiljo.workshop.corrupt"], text);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByText("Svar samlet: 3").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
