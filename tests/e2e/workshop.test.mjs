// Workshop mode: a kiosk round, response codes and files from other
// devices, the threshold, and the slides' keyboard navigation.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { answerPage, kioskParticipant as kioskRound, launch, openApp, scratchFolder, scratchPath, serveDist } from "./fixtures/app.mjs";
import { resources, risks } from "./fixtures/instruments.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function startWorkshop(page, { name = "Personalmøte", threshold } = {}) {
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByLabel("Navn på workshopen").fill(name);
  if (threshold !== undefined) await page.getByLabel("Minste antall svar før noe vises").fill(String(threshold));
  await page.getByRole("button", { name: "Start workshopen" }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** One kiosk participant answering every resource statement with `value`. */
const kioskParticipant = (page, value) => kioskRound(page, () => value, resources.factors.length);

/** Answers resources on a participant's own device and reads the response code from the results. */
async function codeFromOwnDevice(value) {
  const { context, page } = await openApp(browser, server.url);
  await page.getByLabel("Ressurser", { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < resources.factors.length; index++) {
    await answerPage(page, () => value);
    await page.locator(".page-nav .button-primary").click();
  }
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  await page.getByText("Del anonymt med gruppen").click();
  const code = (await page.locator(".share-code").textContent()).trim();
  assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/, "grouped in fours");
  assert.ok(await page.locator("canvas.share-qr").evaluate((c) => c.width > 0), "a QR code is drawn");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Last ned svarfil" }).click();
  // Kept outside the browser context, which deletes its downloads when closed.
  const file = scratchPath("svar.json");
  await (await download).saveAs(file);
  const qr = await page.locator("canvas.share-qr").evaluate((canvas) => {
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const luma = [];
    for (let i = 0; i < data.length; i += 4) luma.push(Math.round(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]));
    return { width, height, luma };
  });
  await context.close();
  return { code, file, qr };
}

test("once shown, the result is held back until enough new answers hide the last one", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await startWorkshop(page, { threshold: 3 });
  for (const value of [3, 4, 5]) await kioskParticipant(page, value);
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText("3 har svart.").waitFor();
  await page.getByRole("button", { name: "Tilbake til workshopen" }).click();
  // One more: the change would show what the person just at the kiosk answered.
  await kioskParticipant(page, 1);
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  const heldBack = "Nye svar siden resultatet sist ble vist: 1. Det vises igjen når minst 3 nye har svart på hver faktor";
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText(heldBack).waitFor();
  assert.equal(await page.locator(".score-table, canvas.distribution-chart").count(), 0);
  await page.getByRole("button", { name: "Tilbake til workshopen" }).click();
  await page.getByRole("button", { name: "Presenter på storskjerm" }).click();
  await page.locator(".slide").getByText(heldBack).waitFor();
  assert.equal(await page.locator(".slide canvas").count(), 0);
  await page.keyboard.press("Escape");
  // Nor do the plan's suggestions, which are read from the result, tell of it.
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText(heldBack).waitFor();
  await page.getByRole("button", { name: "Lag handlingsplan fra gruppens resultat" }).click();
  await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor();
  assert.equal(await page.locator(".area-table .tag").count(), 0);
  // It stays held back after a reload, until the facilitator chooses to show it.
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText(heldBack).waitFor();
  await page.getByRole("button", { name: "Vis resultatet likevel" }).click();
  await page.getByRole("button", { name: "Ja, vis det" }).press("Enter");
  await page.getByText("4 har svart.").waitFor();
  assert.ok(await page.locator(".score-table").count() > 0);
  // The buttons went with the note: focus lands on the heading, not the page's top.
  await page.waitForFunction(() => document.activeElement?.id === "group-heading", null, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), "group-heading");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a kiosk round of 6 shows the group result; 4 show only the count", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await startWorkshop(page);
  const values = [5, 4, 4, 3, 5, 4];
  for (const value of values.slice(0, 4)) {
    await kioskParticipant(page, value);
    // Nothing of the previous participant's choices is left on screen.
    assert.equal(await page.locator("input[type=radio]:checked").count(), 0);
  }
  // One who answers nothing is told so, and not counted.
  await page.getByRole("button", { name: "Neste deltaker" }).click();
  for (let index = 0; index < resources.factors.length; index++) {
    await page.locator("fieldset.statement").first().waitFor();
    // The last page hands the answers in: a participant sees no results of their own.
    const last = index === resources.factors.length - 1;
    assert.equal(await page.locator(".page-nav .button-primary").textContent(), last ? "Ferdig – lever svarene" : "Neste");
    await page.locator(".page-nav .button-primary").click();
  }
  await page.getByText("Du svarte ikke på noen av påstandene, så ingenting ble lagt til gruppens svar.").waitFor();
  await page.getByText("Svar samlet: 4").waitFor();
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByText("Svar samlet: 4").waitFor();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText("4 svar så langt. Gruppens resultat vises fra 5 svar").waitFor();
  assert.equal(await page.locator(".score-table, canvas.distribution-chart").count(), 0, "nothing but the count below the threshold");

  await page.getByRole("button", { name: "Tilbake til workshopen" }).click();
  for (const value of values.slice(4)) await kioskParticipant(page, value);
  // The pool survives a reload.
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByText("Svar samlet: 6").waitFor();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText("6 har svart.").waitFor();
  // At the top, a new language stays at the top, though its header is taller.
  await page.getByLabel("Språk").selectOption("en");
  await page.getByText("People who have answered: 6.").waitFor();
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.equal(await page.evaluate(() => scrollY), 0, "the page moved off its top");
  await page.getByLabel("Language").selectOption("nb");
  await page.getByText("6 har svart.").waitFor();
  const rows = await page.locator(".score-table").first().locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
  assert.equal(rows.length, resources.factors.length);
  // Mean of 5,4,4,3,5,4 is 4,17 (reversed items are answered reversed by everyone alike, so
  // the first factor without reversed items shows it plainly).
  const plain = resources.factors.findIndex((f) => f.items.every((i) => !i.reversed));
  assert.match(rows[plain][1], /^Snitt 4,2 · Godt · n\s=\s6$/);
  // What the bars show, also in words: the share per option.
  await page.getByText("Fordelingen i prosent").click();
  const shares = page.locator(".distribution-details tbody tr").nth(plain).locator("td");
  assert.equal((await shares.textContent()).replace(/\s/g, " "),
    "Helt uenig 0 %, Litt uenig 0 %, Verken enig eller uenig 17 %, Litt enig 50 %, Helt enig 33 %");
  assert.ok(await page.locator("canvas.distribution-chart").evaluate((c) => c.width > 0));
  // Mestringstro mixes wordings: the page says its bar counts them turned one way.
  await page.getByText("I faktorer med utsagn formulert begge veier er svarene", { exact: false }).waitFor();
  // In the projector theme the chart's text and bars grow with the page's text.
  const chartHeight = () => page.locator("canvas.distribution-chart").evaluate((c) => c.getBoundingClientRect().height);
  const ordinary = await chartHeight();
  await page.getByLabel("Utseende").selectOption("projector");
  await page.waitForFunction((before) => document.querySelector("canvas.distribution-chart").getBoundingClientRect().height >= before * 1.5, ordinary);
  await page.getByLabel("Utseende").selectOption("auto");
  await page.waitForFunction((before) => document.querySelector("canvas.distribution-chart").getBoundingClientRect().height < before * 1.1, ordinary);

  // The profile as a 1920×1080 PNG.
  const png = page.waitForEvent("download");
  await page.getByRole("button", { name: "Bilde (PNG)" }).click();
  const pngFile = scratchPath("profil.png");
  await (await png).saveAs(pngFile);
  const header = await readFile(pngFile);
  assert.equal(header.subarray(1, 4).toString(), "PNG");
  assert.deepEqual([header.readUInt32BE(16), header.readUInt32BE(20)], [1920, 1080]);

  // No change column until there is a previous round to compare with.
  const changeHeader = page.getByRole("columnheader", { name: "Endring siden forrige runde" });
  assert.equal(await changeHeader.count(), 0, "an empty change column before any previous round");
  // The result file for the next round, read back as the previous round: no change anywhere.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Resultatfil for neste runde (JSON)" }).click();
  const saved = scratchPath("runde.json");
  await (await download).saveAs(saved);
  // The same file edited by hand to a mean no scale has: refused whole, nothing shown.
  const edited = JSON.parse(await readFile(saved, "utf8"));
  edited.data.factors[0].mean = 1e308;
  await page.getByLabel("Resultatfil fra forrige runde").setInputFiles({ name: "endret.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(edited)) });
  await page.getByText("Filen er ikke en resultatfil fra denne appen. Ingenting er endret.").waitFor();
  assert.equal(await changeHeader.count(), 0, "no change from an edited file");
  await page.getByLabel("Resultatfil fra forrige runde").setInputFiles(saved);
  await page.getByText("Forrige runde er lest inn.").waitFor();
  await changeHeader.waitFor();
  const changes = await page.locator(".score-table").first().locator("tbody tr td:last-child").allTextContents();
  assert.deepEqual(changes, resources.factors.map(() => "0,0"));
  // A new language keeps the place on the page (the file field in view) and says the same in its words.
  const inView = () => page.evaluate(() => {
    const field = document.getElementById("compare-file").getBoundingClientRect();
    return field.top >= 0 && field.bottom <= innerHeight;
  });
  assert.ok(await page.evaluate(() => scrollY) > 300 && await inView(), "scrolled down to the file field");
  await page.getByLabel("Språk").selectOption("en");
  await page.getByText("The previous round is loaded.").waitFor();
  assert.ok(await page.locator(".distribution-details").evaluate((details) => details.open), "the table opened closed");
  await page.waitForFunction(() => {
    const field = document.getElementById("compare-file").getBoundingClientRect();
    return field.top >= 0 && field.bottom <= innerHeight;
  }, null, { timeout: 2000 }).catch(async () => assert.fail(`the page jumped to ${await page.evaluate(() => scrollY)}`));
  await page.getByLabel("Language").selectOption("nb");
  await page.getByText("Forrige runde er lest inn.").waitFor();

  // A plan made from the group's result, and back.
  await page.getByRole("button", { name: "Lag handlingsplan fra gruppens resultat" }).click();
  await page.getByText("Forslagene bygger på gruppens resultat fra «Personalmøte»").waitFor();
  await page.getByRole("button", { name: "Tilbake til gruppens resultat" }).click();
  await page.getByRole("heading", { name: "Gruppens arbeidsmiljøprofil" }).waitFor();
  // The guide, and back to the group.
  await page.getByRole("button", { name: "Slik jobber dere videre" }).click();
  await page.getByRole("heading", { level: 1, name: "Slik jobber dere videre" }).waitFor();
  await page.getByRole("button", { name: "Tilbake" }).click();
  await page.getByRole("heading", { name: "Gruppens arbeidsmiljøprofil" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a kiosk participant can go back a page, but never out to the facilitator's page", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await startWorkshop(page);
  await page.getByRole("button", { name: "Start en svarrunde" }).click();
  await page.locator("fieldset.statement").first().waitFor();
  const back = page.getByRole("button", { name: "Tilbake" });
  assert.equal(await back.count(), 0, "no way back from the first page");
  await answerPage(page, () => 3);
  await page.locator(".page-nav .button-primary").click();
  await page.getByRole("heading", { level: 1, name: resources.factors[1].name.nb }).waitFor();
  await back.click();
  await page.getByRole("heading", { level: 1, name: resources.factors[0].name.nb }).waitFor();
  assert.equal(await back.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a participant cannot delete the group's answers; the facilitator deletes the workshop with the rest", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await startWorkshop(page);
  const deleteButton = page.getByRole("button", { name: "Slett svarene mine" });
  assert.equal(await deleteButton.count(), 1, "offered on the facilitator's page");
  await kioskParticipant(page, 4);
  assert.equal(await deleteButton.count(), 0, "not on the pass-it-on screen");
  await page.getByRole("button", { name: "Neste deltaker" }).click();
  await page.locator("fieldset.statement").first().waitFor();
  assert.equal(await deleteButton.count(), 0, "not during a participant's turn");

  // Not even a reload leaves the round.
  await page.reload();
  await page.locator("fieldset.statement").first().waitFor();
  assert.equal(await deleteButton.count(), 0, "not after a reload during the round");
  // The facilitator skips through the pages: a blank turn is not counted. Then
  // they delete everything.
  for (let index = 0; index < resources.factors.length; index++) {
    await page.getByRole("heading", { level: 1, name: resources.factors[index].name.nb }).waitFor();
    await page.locator(".page-nav .button-primary").click();
  }
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByText("Svar samlet: 1").waitFor();
  // The app opened on the round (the reload), so this is the start page's
  // first showing; focus still goes to its heading.
  await page.getByRole("button", { name: "Til startsiden" }).click();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal((await page.evaluate(() => document.activeElement.textContent)).trim(), "Arbeidsmiljøprofilen");
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByText("Svar samlet: 1").waitFor();
  await deleteButton.click();
  await page.getByRole("button", { name: "Ja, slett alt" }).click();
  await page.getByRole("heading", { name: "Hva vil du svare på?" }).waitFor();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByLabel("Navn på workshopen").waitFor();
  assert.equal(await page.getByText("Svar samlet").count(), 0, "the deleted workshop does not come back");
  assert.equal(await page.evaluate(() => localStorage.getItem("arbeidsmiljo.workshop")), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a kiosk participant keeps their answers through a language switch, leaving the page asks first, and a reload stays in the round", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  // Every prompt is recorded and answered "stay".
  const prompts = [];
  page.on("dialog", (dialog) => {
    prompts.push(dialog.type());
    dialog.dismiss();
  });
  await startWorkshop(page);
  await page.getByRole("button", { name: "Start en svarrunde" }).click();
  await page.locator("fieldset.statement").first().waitFor();
  await page.reload();
  // Back in the round, not on the start page, where a participant could begin a self-assessment.
  await page.getByRole("heading", { level: 1, name: resources.factors[0].name.nb }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Start", exact: true }).count(), 0);
  assert.deepEqual(prompts, [], "nothing to lose yet: no prompt");

  await answerPage(page, () => 2);
  await page.locator(".page-nav .button-primary").click();
  await page.getByRole("heading", { level: 1, name: resources.factors[1].name.nb }).waitFor();
  await answerPage(page, () => 4);

  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("heading", { level: 1, name: resources.factors[1].name.en }).waitFor();
  assert.match(await page.locator(".progress-text").textContent(), /^Part 2 of 10/);
  const checked = () => page.locator("fieldset.statement input:checked").count();
  assert.equal(await checked(), resources.factors[1].items.length, "this page's answers are kept");
  await page.getByRole("button", { name: "Back" }).click();
  await page.getByRole("heading", { level: 1, name: resources.factors[0].name.en }).waitFor();
  assert.equal(await checked(), resources.factors[0].items.length, "and the first page's");

  // Back, reload or closing the tab would lose them: the browser asks, and staying keeps them.
  const prompted = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  await prompted;
  assert.deepEqual(prompts, ["beforeunload"]);
  assert.equal(page.isClosed(), false);
  assert.equal(await checked(), resources.factors[0].items.length);

  // Once the participant has finished, nothing is left to lose: the page closes without asking.
  for (let index = 0; index < resources.factors.length; index++) {
    await page.locator("fieldset.statement").first().waitFor();
    await answerPage(page, () => 3);
    await page.locator(".page-nav .button-primary").click();
  }
  await page.getByRole("heading", { name: "Thank you – pass the device on" }).waitFor();
  // Once the round has ended, a reload opens the start page again.
  await page.getByRole("button", { name: "End the round" }).click();
  await page.reload();
  await page.getByRole("button", { name: "Start", exact: true }).waitFor();
  const closed = page.waitForEvent("close");
  await page.close({ runBeforeUnload: true });
  await closed;
  assert.deepEqual(prompts, ["beforeunload"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a threshold below 3 is refused with a message, not quietly raised", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  const threshold = page.getByLabel("Minste antall svar før noe vises");
  await threshold.fill("2");
  await page.getByRole("button", { name: "Start workshopen" }).click();
  await page.getByText("Skriv et helt tall fra 3 til 100.").waitFor();
  assert.equal(await threshold.getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.id), "workshop-threshold");
  await threshold.fill("4");
  assert.equal(await page.getByText("Skriv et helt tall fra 3 til 100.").count(), 0);
  await page.getByRole("button", { name: "Start workshopen" }).click();
  await page.getByText("Gruppens resultat vises fra 4 svar.").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the setup keeps the chosen questionnaire and the typed name through a language switch", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByLabel("Risiko i arbeidet", { exact: true }).check();
  await page.getByLabel("Navn på workshopen").fill("Verneombud");
  await page.getByLabel("Språk").selectOption("en");
  assert.ok(await page.getByLabel("Risks at work", { exact: true }).isChecked(), "the choice survives the switch");
  assert.equal(await page.getByLabel("Name of the workshop").inputValue(), "Verneombud");
  await page.getByRole("button", { name: "Start the workshop" }).click();
  await page.getByRole("heading", { level: 1, name: "Verneombud" }).waitFor();
  const saved = await page.evaluate(() => localStorage.getItem("arbeidsmiljo.workshop"));
  assert.match(saved, /"risiko"/, "the workshop is on the questionnaire chosen before the switch");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a code from another page is pooled; a garbled one is rejected with its reason", async () => {
  const { code } = await codeFromOwnDevice(4);
  const { context, page } = await openApp(browser, server.url);
  await startWorkshop(page, { threshold: 3 });
  const last = code.at(-1) === "0" ? "1" : "0";
  const garbled = code.slice(0, -1) + last;
  // A Cyrillic А looks like the Latin A: the report must name it, or the line looks right.
  const lookAlike = `Kari: ${code.slice(0, 1)}\u0410${code.slice(2)}`;
  await page.getByLabel("Svarkoder, én per linje").fill(`${code.toLowerCase()}\n${code}\n${garbled}\nhei\n${lookAlike}`);
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  const report = page.locator(".import-report");
  await report.getByText("Lagt til: 1. Like svar satt til side: 1. Avvist: 3.").waitFor();
  // Only the rejected lines are left in the field, numbered as in the report.
  const field = page.getByLabel("Svarkoder, én per linje");
  assert.equal(await field.inputValue(), `${garbled}\nhei\n${lookAlike}`);
  assert.match(await report.textContent(), /Linje 1: kontrolltegnene stemmer ikke/);
  assert.match(await report.textContent(), /Linje 2: for kort/);
  assert.match(await report.textContent(), /Linje 3: tegnet «А \(U\+0410\)» finnes ikke i svarkoder/);
  assert.match(await report.textContent(), /Feltet «Svarkoder, én per linje» har nå bare de avviste linjene/);
  await page.getByText("Svar samlet: 1").waitFor();
  // Added again (or a double click): the pooled code is not offered as an alike
  // answer once more; the one alike answer set aside before stays on offer.
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  await report.getByText("Lagt til: 0. Like svar satt til side: 1. Avvist: 3.").waitFor();
  await page.getByText("Svar samlet: 1").waitFor();
  await context.close();
});

test("a paste of thousands of wrong lines lists the first 200 and counts the rest", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await startWorkshop(page);
  const lines = Array.from({ length: 5000 }, (_, i) => `rad ${i + 1};Oslo;42`).join("\n");
  // As pasted (Playwright's fill types multi-line text slowly, in Chromium's editing code).
  await page.getByLabel("Svarkoder, én per linje").evaluate((field, text) => {
    field.value = text;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }, lines);
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  const report = page.locator(".import-report");
  await report.getByText("Lagt til: 0. Like svar satt til side: 0. Avvist: 5000.").waitFor();
  assert.equal(await report.locator("li").count(), 201);
  assert.equal(await report.locator("li").last().textContent(), "… og 4800 til, som ikke er listet her");
  assert.equal((await page.getByLabel("Svarkoder, én per linje").inputValue()).split("\n").length, 5000, "every refused line stays to fix");
  assert.deepEqual(errors, []);
  await context.close();
});

test("three people who answered exactly alike can be counted as three", async () => {
  const { code } = await codeFromOwnDevice(4);
  const { context, page, errors } = await openApp(browser, server.url);
  await startWorkshop(page, { threshold: 3 });
  await page.getByLabel("Svarkoder, én per linje").fill(`${code}\n${code}\n${code}`);
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  const report = page.locator(".import-report");
  await report.getByText("Lagt til: 1. Like svar satt til side: 2. Avvist: 0.").waitFor();
  await page.getByText("Svar samlet: 1").waitFor();
  assert.match(await report.textContent(), /Kom de fra ulike personer som svarte likt, kan du telle dem med/);
  // The report and its offer stay through a language switch, now in nynorsk.
  await page.getByLabel("Språk").selectOption("nn");
  await report.getByText("Lagde til: 1. Like svar sette til side: 2. Avviste: 0.").waitFor();
  await page.getByLabel("Språk").selectOption("nb");
  await page.getByRole("button", { name: "Tell med som ulike personer (2)" }).click();
  await report.getByText("Lagt til: 3. Like svar satt til side: 0. Avvist: 0.").waitFor();
  await page.getByText("Svar samlet: 3").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.className), "import-report", "focus stays by the report");
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText("3 har svart.").waitFor();
  // Back from another screen, the last import's report is gone.
  await page.getByRole("button", { name: "Tilbake til workshopen" }).click();
  await page.getByText("Svar samlet: 3").waitFor();
  assert.equal((await report.textContent()).trim(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("alike answers stay on offer while a refused line is fixed and added", async () => {
  const [{ code: a }, { code: b }] = [await codeFromOwnDevice(2), await codeFromOwnDevice(4)];
  const typo = (b[0] === "Z" ? "Y" : "Z") + b.slice(1);
  const { context, page, errors } = await openApp(browser, server.url);
  await startWorkshop(page, { threshold: 3 });
  const field = page.getByLabel("Svarkoder, én per linje");
  await field.fill(`${a}\n${a}\n${typo}`);
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  const report = page.locator(".import-report");
  await report.getByText("Lagt til: 1. Like svar satt til side: 1. Avvist: 1.").waitFor();
  assert.equal(await field.inputValue(), typo, "only the refused line is left");
  // The facilitator fixes it first; the alike answer must not drop out uncounted.
  await field.fill(b);
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  await report.getByText("Lagt til: 1. Like svar satt til side: 1. Avvist: 0.").waitFor();
  await page.getByRole("button", { name: "Tell med som ulike personer (1)" }).click();
  await page.getByText("Svar samlet: 3").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("response files are imported many at a time", async () => {
  const files = [];
  const codes = [];
  for (const value of [2, 3, 5]) {
    const { file, code } = await codeFromOwnDevice(value);
    files.push(file);
    codes.push(code);
  }
  const dir = scratchFolder();
  const broken = join(dir, "broken.json");
  await writeFile(broken, "{\"not\": \"a response\"}");
  // A list of codes kept in a text file, one of them cut short.
  const list = join(dir, "koder.txt");
  await writeFile(list, `${codes[1]}\n${codes[2].slice(0, 4)}\n`);
  // A file chosen by mistake, far larger than any list of codes: refused unread.
  const huge = join(dir, "video.txt");
  await writeFile(huge, Buffer.alloc(11 * 1024 * 1024, "A"));
  const { context, page } = await openApp(browser, server.url);
  await startWorkshop(page, { threshold: 3 });
  await page.getByLabel("Svarfiler (du kan velge eller slippe mange)").setInputFiles([...files, broken, files[0], list, huge]);
  const report = page.locator(".import-report");
  await report.getByText("Lagt til: 3. Like svar satt til side: 2. Avvist: 3.").waitFor();
  assert.match(await report.textContent(), /Fil 4: filen er ikke en svarfil/);
  assert.match(await report.textContent(), /Fil 6, linje 2: for kort – det mangler tegn i svarkoden/);
  assert.match(await report.textContent(), /Fil 7: filen er større enn 10 MB og ble ikke lest/);
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText("3 har svart.").waitFor();
  await context.close();
});

/** A Y4M video whose every frame shows `qr` (greyscale) on white, for Chromium's fake camera. */
async function fakeCameraVideo(qr) {
  const size = 400;
  const y = Buffer.alloc(size * size, 235);
  const offset = Math.floor((size - qr.width) / 2);
  for (let row = 0; row < qr.height; row++) {
    for (let col = 0; col < qr.width; col++) y[(row + offset) * size + col + offset] = qr.luma[row * qr.width + col];
  }
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`);
  const file = scratchPath("qr.y4m");
  await writeFile(file, Buffer.concat([header, ...Array(10).fill(frame)]));
  return file;
}

test("a QR code shown on a phone is scanned by the facilitator's camera; without a camera, a message", async () => {
  const { qr } = await codeFromOwnDevice(3);
  const camera = await launch([
    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
    `--use-file-for-fake-video-capture=${await fakeCameraVideo(qr)}`,
  ]);
  try {
    const { context, page, errors } = await openApp(camera, server.url);
    await context.grantPermissions(["camera"]);
    await startWorkshop(page, { threshold: 3 });
    await page.getByRole("button", { name: "Skann med kameraet" }).click();
    await page.locator(".import-report").getByText("Lagt til: 1. Like svar satt til side: 0. Avvist: 0.").waitFor();
    await page.getByText("Svar samlet: 1").waitFor();
    await page.getByRole("button", { name: "Stopp kameraet" }).click();
    // Shown again after the camera restarts, it is the next person's alike code: set aside, and offered.
    await page.getByRole("button", { name: "Skann med kameraet" }).click();
    await page.locator(".import-report").getByText("Lagt til: 1. Like svar satt til side: 1. Avvist: 0.").waitFor();
    await page.getByRole("button", { name: "Stopp kameraet" }).click();
    await page.getByRole("button", { name: "Tell med som ulike personer (1)" }).click();
    await page.getByText("Svar samlet: 2").waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await camera.close();
  }

  // The ordinary headless browser has no camera: the facilitator is told to paste codes.
  const { context, page } = await openApp(browser, server.url);
  await startWorkshop(page);
  await page.getByRole("button", { name: "Skann med kameraet" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("alert").getByText("Kameraet kan ikke brukes her").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Skann med kameraet", "focus stays on the button");
  await context.close();
});

test("a camera allowed after the scanner is gone is let go at once, without an error", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await startWorkshop(page);
  // The browser asks for the camera, and the facilitator answers only later.
  await page.evaluate(() => {
    window.stoppedTracks = 0;
    navigator.mediaDevices.getUserMedia = () => new Promise((resolve) => {
      window.allowCamera = () => {
        const stream = document.createElement("canvas").captureStream();
        for (const track of stream.getTracks()) {
          const stop = track.stop.bind(track);
          track.stop = () => { window.stoppedTracks++; stop(); };
        }
        resolve(stream);
      };
    });
  });
  await page.getByRole("button", { name: "Skann med kameraet" }).click();
  // Meanwhile the page is drawn anew in English: the scanner that asked is gone.
  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("button", { name: "Scan with the camera" }).waitFor();
  await page.evaluate(() => window.allowCamera());
  await page.waitForFunction(() => window.stoppedTracks === 1);
  assert.deepEqual(errors, [], "no panic");
  assert.equal(await page.locator("video.camera-video:not(.hidden)").count(), 0, "no video shown");
  await context.close();
});

test("the slides move by keyboard, with a reveal step and a counter", async () => {
  const { context, page, errors } = await openApp(browser, server.url, { viewport: { width: 1920, height: 1080 } });
  await startWorkshop(page, { threshold: 3 });
  for (const value of [3, 4, 5]) await kioskParticipant(page, value);
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByRole("button", { name: "Presenter på storskjerm" }).click();
  const counter = page.locator(".slide-counter");
  const total = resources.factors.length + 1;
  await counter.getByText(`Lysbilde 1 av ${total}`).waitFor();
  assert.equal(await page.locator(".slide canvas").count(), 0, "the overview starts hidden");
  // What is projected says it is not KS' survey, as the result on screen does.
  assert.match(await page.locator(".slide-lead").textContent(), /3 har svart\. Dette er ikke KS' offisielle 10-FAKTOR-undersøkelse\./);
  await page.keyboard.press("ArrowRight");
  await page.locator(".slide canvas.distribution-chart").waitFor();
  // The whole overview fits a 1366×768, 1280×720 or 1024×768 projector, and grows on a 1080p one.
  const chartHeights = [];
  for (const [width, height] of [[1366, 768], [1280, 720], [1024, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.waitForFunction(() => {
      const chart = document.querySelector(".slide canvas.distribution-chart").getBoundingClientRect();
      const legend = document.querySelector(".slide .scale-legend").getBoundingClientRect();
      const slides = document.querySelector(".presentation");
      return chart.bottom <= legend.top && slides.scrollHeight <= slides.clientHeight;
    }, null, { timeout: 3000 }).catch(() => assert.fail(`the overview does not fit ${width}×${height}`));
    chartHeights.push(await page.locator(".slide canvas.distribution-chart").evaluate((c) => c.getBoundingClientRect().height));
  }
  // The chart is redrawn for the new size a moment after it fits, so this waits for it.
  await page.waitForFunction((smaller) =>
    document.querySelector(".slide canvas.distribution-chart").getBoundingClientRect().height > smaller * 1.2,
  chartHeights[0], { timeout: 3000 }).catch(() => assert.fail(`a larger screen gets a larger chart: ${chartHeights}`));
  await page.keyboard.press("ArrowRight");
  await counter.getByText(`Lysbilde 2 av ${total}`).waitFor();
  assert.equal(await page.locator(".slide h1").textContent(), resources.factors[0].name.nb);
  await page.getByText("Hva tror dere?").waitFor();
  // A factor's slide, revealed, fits a 720- or 768-line projector too, buttons included.
  await page.keyboard.press("ArrowRight");
  await page.locator(".slide canvas.distribution-chart").waitFor();
  // Its bar is in words too, option by option, as on the group page.
  assert.match(await page.locator(".slide canvas.distribution-chart").getAttribute("aria-label"),
    /· n\s=\s3\. ([^,]+\s\d+\s%, ){4}[^,]+\s\d+\s%$/);
  for (const [width, height] of [[1280, 720], [1366, 768]]) {
    await page.setViewportSize({ width, height });
    await page.waitForFunction(() => {
      const slides = document.querySelector(".presentation");
      return slides.scrollHeight <= slides.clientHeight && document.querySelector(".slide-nav").getBoundingClientRect().bottom <= innerHeight;
    }, null, { timeout: 3000 }).catch(() => assert.fail(`a factor's slide does not fit ${width}×${height}`));
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press("End");
  await counter.getByText(`Lysbilde ${total} av ${total}`).waitFor();
  await page.keyboard.press("ArrowLeft");
  await counter.getByText(`Lysbilde ${total - 1} av ${total}`).waitFor();
  // With a modifier the key is the browser's (Alt+Left is "back").
  await page.keyboard.press("Control+ArrowLeft");
  await page.waitForTimeout(100);
  await counter.getByText(`Lysbilde ${total - 1} av ${total}`).waitFor();
  await page.keyboard.press("Home");
  await counter.getByText(`Lysbilde 1 av ${total}`).waitFor();
  // The overview, once seen, is not hidden again.
  await page.locator(".slide canvas.distribution-chart").waitFor();
  // Space goes on, as in presentation programs; on a button it presses that button.
  await page.keyboard.press("Space");
  await counter.getByText(`Lysbilde 2 av ${total}`).waitFor();
  await page.getByRole("button", { name: "Forrige" }).focus();
  await page.keyboard.press("Space");
  await counter.getByText(`Lysbilde 1 av ${total}`).waitFor();
  const fontSize = await page.locator(".presentation").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 28, `text at least 28 px, got ${fontSize}`);
  // Tab stays on the slides: the page they cover (with "Slett svarene mine") takes no focus.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const onSlides = await page.evaluate(() => document.activeElement === document.body || document.querySelector(".presentation").contains(document.activeElement));
    assert.ok(onSlides, `Tab ${i + 1} left the slides`);
  }
  // A browser may refuse full screen even where it is enabled: the slides say so, and nothing throws.
  await page.evaluate(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError("Permissions check failed"));
  });
  const refused = page.getByRole("status").filter({ hasText: "Fullskjerm ble avvist: trykk F11" });
  assert.equal(await refused.count(), 0);
  await page.getByRole("button", { name: "Fullskjerm" }).click();
  await refused.waitFor();
  // The hint takes the button's place, and focus stays on the slides.
  assert.equal(await page.getByRole("button", { name: "Fullskjerm" }).count(), 0);
  assert.ok(await page.evaluate(() => document.querySelector(".presentation").contains(document.activeElement)));
  // Leaving goes back where the slides were opened (the hub), to the button that opened them.
  await page.keyboard.press("Escape");
  await page.getByText("Svar samlet: 3").waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent.trim() === "Presenter på storskjerm", null, { timeout: 2000 })
    .catch(() => assert.fail("focus is not on the button that opened the slides"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a factor too few answered shows no count anywhere: not on screen, nor in the CSV or the result file", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  // Four people, threshold 3; only two of them answered Autonomi.
  const factorOf = resources.factors.flatMap((factor) => factor.items.map(() => factor.id));
  const responses = [0, 1, 2, 3].map((person) =>
    ["kiosk", factorOf.map((factor) => (factor === "autonomi" ? (person < 2 ? 1 + person : 0) : 4 + (person % 2)))]);
  await page.evaluate((workshop) => localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify({ schema: 1, data: workshop })),
    { name: "G", instrument: "ressurser", version: 1, threshold: 3, responses });
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText("4 har svart.").waitFor();
  const csv = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tabell (CSV)" }).click();
  const table = (await readFile(await (await csv).path(), "utf8")).replace(/^\ufeff/, "").trim().split("\r\n").map((line) => line.split(";"));
  const autonomy = table.find((row) => row[0] === "Autonomi");
  assert.ok(autonomy.slice(1).every((cell) => cell === ""), `Autonomi's row tells: ${autonomy.join(";")}`);
  assert.equal(table.find((row) => row[0] === "Rolleklarhet")[1], "4");
  const json = page.waitForEvent("download");
  await page.getByRole("button", { name: "Resultatfil for neste runde (JSON)" }).click();
  const factors = JSON.parse(await readFile(await (await json).path(), "utf8")).data.factors;
  assert.ok(!factors.some((factor) => factor.id === "autonomi"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a share shown beside a count hidden as fewer than 3 is withheld when, with n, it would tell that count", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  // Five people answer only Emosjonelle krav: one "Alltid" (high), four "Av og til" (some).
  const factorOf = risks.factors.flatMap((factor) => factor.items.map(() => factor.id));
  const responses = [0, 1, 2, 3, 4].map((person) =>
    ["kiosk", factorOf.map((factor) => (factor === "emosjonelle_krav" ? (person === 0 ? 5 : 3) : 0))]);
  await page.evaluate((workshop) => localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify({ schema: 1, data: workshop })),
    { name: "G", instrument: "risiko", version: 1, threshold: 5, responses });
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText("5 har svart.").waitFor();
  // "80 %" some beside "fewer than 3" high of five would tell that exactly one is highly exposed.
  const row = await page.locator(".score-table tr", { has: page.getByRole("rowheader", { name: "Emosjonelle krav" }) }).first().innerText();
  assert.match(row, /^Emosjonelle krav\s+Snitt og fordeling er skjult for å verne anonymiteten · Høy eksponering: færre enn 3, noe: skjult · n\s=\s5$/);
  assert.doesNotMatch(row, /80/);
  const csv = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tabell (CSV)" }).click();
  const table = (await readFile(await (await csv).path(), "utf8")).replace(/^\ufeff/, "").trim().split("\r\n").map((line) => line.split(";"));
  const column = (name) => table[0].indexOf(name);
  const emotional = table.find((row) => row[0] === "Emosjonelle krav");
  assert.deepEqual([emotional[column("Høy eksponering (%)")], emotional[column("Noe eksponering (%)")]], ["færre enn 3", "skjult"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a plan made from the group's result asks first where the device's plan already has content", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const items = resources.factors.flatMap((factor) => factor.items);
  const responses = [0, 1, 2].map((person) => ["kiosk", items.map(() => 2 + person)]);
  const personal = { focus: [{ instrument: "risiko", factor: "mobbing" }], keep: [], deselected: [], measures: [] };
  await page.evaluate(([workshop, plan]) => {
    localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify({ schema: 1, data: workshop }));
    localStorage.setItem("arbeidsmiljo.plan", JSON.stringify({ schema: 1, data: plan }));
  }, [{ name: "G", instrument: "ressurser", version: 1, threshold: 3, responses }, personal]);
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByRole("button", { name: "Lag handlingsplan fra gruppens resultat" }).click();
  // Not shown yet: the facilitator's own plan would come up with the group's, maybe on the projector.
  await page.getByText("Handlingsplanen på denne enheten har innhold fra før.", { exact: false }).waitFor();
  assert.equal(await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).count(), 0);
  await page.getByRole("button", { name: "Ja, åpne planen" }).click();
  await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("Risiko's overview slide, twelve rows, four legends and a long name, fits a 1024×768 or 1280×720 projector in Norwegian and English, and says why a bar is missing", async () => {
  const { context, page, errors } = await openApp(browser, server.url, { viewport: { width: 1024, height: 768 } });
  // Six people who answered "Aldri" or "Sjelden" (or "Nei"/"Helt uenig", the same positions) throughout.
  const items = risks.factors.flatMap((factor) => factor.items);
  // As long as a name may be (80 characters).
  const longName = "Felles personalmøte for avdelingene helse, omsorg, velferd og kommunalteknikk 26";
  const responses = [0, 1, 2, 3, 4, 5].map((person) => ["kiosk", items.map((_, i) => 1 + ((person + i) % 2))]);
  await page.evaluate((workshop) => localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify({ schema: 1, data: workshop })),
    { name: longName, instrument: "risiko", version: 1, threshold: 3, responses });
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.getByText("6 har svart.").waitFor();
  // In words too: the combined measures and the reported-only risks have no distribution.
  await page.getByText("Fordelingen i prosent").click();
  const words = (name) => page.locator(".distribution-details tr", { has: page.getByRole("rowheader", { name, exact: true }) }).locator("td");
  assert.equal(await words("Høye krav og lav kontroll").textContent(), "Ingen fordeling: målet kombinerer to deler");
  assert.equal(await words("Mobbing").textContent(), "Ingen fordeling: bare om noen har opplevd det");
  // The table for a spreadsheet: exposure shares as numbers, high and some.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tabell (CSV)" }).click();
  const table = (await readFile(await (await download).path(), "utf8")).replace(/^\ufeff/, "").trim().split("\r\n").map((line) => line.split(";"));
  const [header] = table;
  const column = (name) => header.indexOf(name);
  assert.ok(column("Høy eksponering (%)") > 0 && column("Noe eksponering (%)") > 0, header.join(";"));
  const longWeeks = table.find((row) => row[0] === "Lange arbeidsuker");
  for (const name of ["Høy eksponering (%)", "Noe eksponering (%)"]) {
    assert.match(longWeeks[column(name)], /^(\d+(,\d)?|færre enn 3)$/, `${name}: ${longWeeks[column(name)]}`);
  }

  const fits = async (what) => {
    for (const [width, height] of [[1024, 768], [1280, 720]]) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction(() => {
        const slides = document.querySelector(".presentation");
        const nav = document.querySelector(".slide-nav").getBoundingClientRect();
        const buttons = [...document.querySelectorAll(".slide-nav button")].map((b) => b.getBoundingClientRect().top);
        return slides.scrollHeight <= slides.clientHeight && nav.bottom <= innerHeight && new Set(buttons).size === 1;
      }, null, { timeout: 3000 }).catch(() => assert.fail(`the slide (${what}) does not fit ${width}×${height} with its buttons on one line`));
    }
  };
  await page.getByRole("button", { name: "Presenter på storskjerm" }).first().click();
  await page.keyboard.press("ArrowRight");
  await page.locator(".slide canvas.distribution-chart").waitFor();
  await fits("nb");
  // The whole name is shown, wrapped rather than cut short.
  assert.equal(await page.locator(".slide h1").textContent(), longName);
  assert.ok(await page.locator(".slide h1").evaluate((h1) => h1.scrollHeight <= h1.clientHeight), "the name is cut short");
  // A factor's slide, revealed, with its chart, legend and questions.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.locator(".slide canvas.distribution-chart").waitFor();
  await fits("nb, a factor's slide");
  // Home: the overview, still revealed.
  await page.keyboard.press("Home");
  // One legend per response scale and direction: how often (for "Få utviklingsmuligheter",
  // where "Alltid" is the good answer, with its colours the other way), yes or no, and agreement.
  assert.equal(await page.locator(".slide .scale-legend").count(), 4);
  // English labels and legends are longer.
  await page.keyboard.press("Escape");
  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("button", { name: "Present on a projector" }).first().click();
  await page.keyboard.press("ArrowRight");
  await page.locator(".slide canvas.distribution-chart").waitFor();
  await fits("en");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the group's picture, made on a phone, keeps a long name and every value inside its frame", async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(server.url);
  // Six people, answers spread over the options, so the values are long ("færre enn 3").
  const items = risks.factors.flatMap((factor) => factor.items.map(() => risks.scales.find((s) => s.id === factor.scale).points));
  const responses = [0, 1, 2, 3, 4, 5].map((person) => ["kiosk", items.map((points, i) => 1 + ((person + i) % points))]);
  const name = "Felles personalmøte for avdelingene helse, omsorg, velferd og kommunalteknikk 26";
  await page.evaluate((workshop) => localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify({ schema: 1, data: workshop })),
    { name, instrument: "risiko", version: 1, threshold: 3, responses });
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Bilde (PNG)" }).click();
  const file = scratchPath("profil.png");
  await (await download).saveAs(file);
  // The picture's margins (48 px each side) hold no ink.
  const viewer = await context.newPage();
  const inked = await viewer.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const columns = (x) => context.getImageData(x, 0, 40, image.height).data;
    const dark = (pixels) => pixels.some((value, i) => i % 4 !== 3 && value < 200);
    return { left: dark(columns(0)), right: dark(columns(image.width - 40)) };
  }, (await readFile(file)).toString("base64"));
  assert.deepEqual(inked, { left: false, right: false });
  assert.deepEqual(errors, []);
  await context.close();
});
