// From results to an action plan: focus areas, two measures, one thing left
// out, saved across a reload, exported, and restored from its file.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { answerPage, goNext, launch, serveDist, stored } from "./fixtures/app.mjs";
import { itemOf, risks } from "./fixtures/instruments.mjs";

/** Good on every resource factor but role clarity; one reported incident of bullying; no other risk. */
function mostlyGood(id) {
  if (id.startsWith("r_mob")) return 2;
  const risk = itemOf(risks, id);
  if (risk) return risk.item.reversed || ["control", "reward"].includes(risk.item.part) ? 5 : 1;
  return id.startsWith("rk") ? 2 : 5;
}

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("a plan with two measures and one left out survives a reload and exports", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(server.url);
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < 22; index++) {
    await answerPage(page, mostlyGood);
    await goNext(page);
  }
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor();

  // Suggestions: the bullying flag first, then role clarity.
  const suggested = await page.locator(".area-table tbody tr").evaluateAll((rows) =>
    rows.slice(0, 2).map((row) => row.querySelector("th").textContent));
  assert.match(suggested[0], /^Mobbing/);
  assert.match(suggested[1], /^Rolleklarhet/);

  await page.locator("#focus-0").check();
  await page.locator("#focus-1").check();
  // A double click (or a double tap) adds the idea once, and its button then says so.
  const idea = page.locator(".ideas").first().getByRole("button").first();
  await idea.dblclick();
  assert.match(await idea.getAttribute("aria-label"), /^Lagt til: /);
  assert.equal(await idea.getAttribute("aria-disabled"), "true");
  await page.getByLabel("Eget tiltak").fill("Faste avklaringsmøter hver mandag");
  await page.getByRole("button", { name: "Legg til eget tiltak" }).click();
  await page.getByRole("heading", { name: "Valgte tiltak (2)" }).waitFor();
  // A catalogue measure is a long sentence: its field shows all of it, without scrolling.
  const hidden = await page.locator("#measure-0-what").evaluate((field) =>
    field.scrollWidth - field.clientWidth + Math.max(0, field.scrollHeight - field.clientHeight));
  assert.ok(hidden <= 1, `${hidden} px of the measure's text hidden in its field`);
  await page.locator("#measure-1-owner").selectOption({ label: "Verneombud" });
  // Every field has an id of its own, so each label names its own control.
  const duplicateIds = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
  });
  assert.deepEqual(duplicateIds, []);
  await page.getByLabel("Kostnad og innsats").nth(1).selectOption({ label: "Høy" });
  assert.equal((await page.locator("#measure-1-cost option:checked").textContent()).trim(), "Høy");
  await page.locator("#measure-1-deadline").fill("2027-03-31");
  await page.locator("#measure-1-deadline").dispatchEvent("change");
  await page.getByRole("button", { name: "Legg til noe dere velger bort" }).click();
  // Focus goes to the new row, above the button; its remove button says which row.
  await page.waitForFunction(() => document.activeElement?.id === "deselected-0-what");
  await page.getByRole("button", { name: "Fjern punkt 1 fra «Valgt bort nå»" }).waitFor();
  await page.locator("#deselected-0-what").fill("Autonomi");
  await page.locator("#deselected-0-what").blur();
  await page.locator("#deselected-0-reason").fill("Fungerer godt nok nå");
  await page.locator("#deselected-0-reason").blur();
  await page.locator("canvas").first().waitFor();
  // The quick wins are named by number, so none reads as a count; each measure's place is told in words.
  assert.equal(await page.locator(".effort-impact figcaption").innerText(), [
    "Antall tiltak plassert etter kostnad og forventet effekt: 2. Raske gevinster (lav kostnad, god effekt): tiltak nr. 1.",
    "Tiltak 1: forventet effekt høy, kostnad og innsats lav.",
    "Tiltak 2: forventet effekt middels, kostnad og innsats høy.",
  ].join("\n"));
  assert.equal(await page.locator(".effort-impact canvas").getAttribute("aria-hidden"), "true");

  await page.reload();
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  await page.getByRole("heading", { name: "Valgte tiltak (2)" }).waitFor();
  assert.equal(await page.locator("#measure-1-what").inputValue(), "Faste avklaringsmøter hver mandag");
  assert.equal(await page.locator("#measure-1-deadline").inputValue(), "2027-03-31");
  assert.equal(await page.locator("#deselected-0-reason").inputValue(), "Fungerer godt nok nå");
  assert.ok(await page.locator("#focus-0").isChecked());

  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Last ned som Markdown" }).click(),
  ]);
  const text = await readFile(await markdown.path(), "utf8");
  assert.match(text, /^# Handlingsplan/);
  assert.match(text, /\| 2 \| Faste avklaringsmøter hver mandag \| Mobbing \| Verneombud \| 31.03.2027 \|/);
  assert.match(text, /- Autonomi: Fungerer godt nok nå/);

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Last ned som CSV (Excel)" }).click(),
  ]);
  const csvText = await readFile(await csv.path(), "utf8");
  assert.ok(csvText.startsWith("\uFEFF"), "CSV starts with a byte-order mark");
  assert.match(csvText, /Faste avklaringsmøter hver mandag;Mobbing;Verneombud;31.03.2027;/);

  // The plan file restores the plan; a broken file changes nothing.
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Last ned planfil" }).click(),
  ]);
  const planFile = await file.path();
  const before = (await stored(page))["arbeidsmiljo.plan"];
  await page.locator("#plan-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{\"schema\":1,\"data\":{\"focus\":") });
  await page.getByText("Filen kunne ikke leses som en plan. Ingenting er endret.").waitFor();
  assert.equal((await stored(page))["arbeidsmiljo.plan"], before);
  const newer = (await readFile(planFile, "utf8")).replace(/^\{"schema":1,/, "{\"schema\":2,");
  assert.notEqual(newer, await readFile(planFile, "utf8"));
  await page.locator("#plan-file").setInputFiles({ name: "newer.json", mimeType: "application/json", buffer: Buffer.from(newer) });
  await page.getByText("Filen er laget av en nyere versjon av appen og kan ikke leses her. Ingenting er endret.").waitFor();
  assert.equal((await stored(page))["arbeidsmiljo.plan"], before);
  // A valid plan padded past 10 MB is refused unread: a file that large was picked by mistake.
  const padded = Buffer.concat([await readFile(planFile), Buffer.alloc(10.5 * 1024 * 1024, " ")]);
  await page.locator("#plan-file").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: padded });
  await page.getByText("Filen kunne ikke leses som en plan. Ingenting er endret.").waitFor();
  assert.equal((await stored(page))["arbeidsmiljo.plan"], before);
  // Removing asks first, so a second press cannot take the next measure too.
  await page.getByRole("button", { name: "Fjern tiltaket" }).last().click();
  await page.getByText("Vil du fjerne tiltak 2, med ansvarlig, frist og oppfølging? Det kan ikke angres.").waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === "Ja, fjern tiltaket");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Fjern tiltaket 2");
  assert.equal(await page.locator(".measure").count(), 2, "cancelled: both measures kept");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.textContent === "Ja, fjern tiltaket");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Valgte tiltak (1)" }).waitFor();
  // Its button went with it: focus lands on the list's heading, not the top of the page.
  await page.waitForFunction(() => document.activeElement?.id === "chosen-measures");
  await page.locator("#plan-file").setInputFiles(planFile);
  await page.getByText("Planen er hentet fra filen.").waitFor();
  await page.getByRole("heading", { name: "Valgte tiltak (2)" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a fourth focus area is refused with a message", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < 22; index++) {
    await answerPage(page, () => 1);
    await goNext(page);
  }
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  for (const index of [0, 1, 2]) await page.locator(`#focus-${index}`).check();
  await page.locator("#focus-3").click();
  assert.equal(await page.locator("#focus-3").isChecked(), false);
  await page.getByText("Du kan velge høyst 3 innsatsområder").waitFor();
  await page.close();
});

const rolleklarhet = { instrument: "ressurser", factor: "rolleklarhet" };
const kravKontroll = { instrument: "risiko", factor: "krav_kontroll" };
const measure = (what, area = rolleklarhet) => ({ what, area, owner: "leader", deadline: "2027-01-31", next_evaluation: null,
  effect: "medium", cost: "medium", level: "group", kind: "health_promoting", history: [] });

/** Opens the plan screen straight from saved results, with `plan` saved. */
async function openPlan(plan, { clock } = {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  if (clock) await context.clock.install({ time: clock });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(server.url);
  await page.evaluate((plan) => {
    localStorage.setItem("arbeidsmiljo.session", JSON.stringify({ schema: 1, data: { choice: "both", position: "results", answers: {} } }));
    localStorage.setItem("arbeidsmiljo.plan", JSON.stringify({ schema: 1, data: plan }));
  }, plan);
  await page.reload();
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor();
  return { context, page, errors };
}

const savedPlan = async (page) => JSON.parse((await stored(page))["arbeidsmiljo.plan"]).data;

test("leaving out an area takes a button, so arrow keys on the list add nothing", async () => {
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [], deselected: [] });
  const picker = page.getByLabel("Velg bort et område");
  await picker.focus();
  for (let press = 0; press < 3; press++) await page.keyboard.press("ArrowDown");
  assert.deepEqual((await savedPlan(page)).deselected, []);
  const chosen = await picker.inputValue();
  assert.notEqual(chosen, "");
  await page.getByRole("button", { name: "Velg bort området" }).click();
  await page.locator("#deselected-0-what").waitFor();
  assert.equal(await page.locator("#deselected-0-what").inputValue(), chosen);
  assert.equal(await picker.inputValue(), "", "the list is back at its prompt");
  assert.equal(await picker.locator("option", { hasText: chosen }).count(), 0, "an area left out is not offered again");
  // Nor under its name in another language: the list holds the name as text.
  const english = { Oppgavemotivasjon: "Task motivation", Mestringstro: "Confidence in own ability", Autonomi: "Autonomy" };
  assert.ok(chosen in english, `${chosen} is one of the first areas`);
  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("heading", { level: 1, name: "Action plan" }).waitFor();
  const names = (await page.getByLabel("Leave out an area").locator("option").allTextContents()).map((name) => name.trim());
  assert.ok(names.includes("Use of skills"));
  assert.ok(!names.includes(english[chosen]));
  assert.deepEqual(errors, []);
  await context.close();
});

test("the area picked to leave out stays picked when an area is ticked above it, and goes when it is ticked itself", async () => {
  const { context, page, errors } = await openPlan({ focus: [], keep: [], measures: [], deselected: [] });
  const picker = page.getByLabel("Velg bort et område");
  const row = (name) => page.locator(".area-table tbody tr", { has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await picker.selectOption("Mestringstro");
  // Ticked above it, the list loses a row: the pick must not slide to the next area.
  await row("Oppgavemotivasjon").locator("input[id^='focus-']").check();
  assert.equal(await picker.inputValue(), "Mestringstro");
  // Kept, it is no longer offered: the pick is gone rather than another area in its place.
  await row("Mestringstro").locator("input[id^='keep-']").check();
  assert.equal(await picker.inputValue(), "");
  await page.getByRole("button", { name: "Velg bort området" }).click();
  assert.deepEqual((await savedPlan(page)).deselected, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an area left out and then ticked above says the plan contradicts itself, until one of them goes", async () => {
  const { context, page, errors } = await openPlan({ focus: [], keep: [], measures: [], deselected: [] });
  await page.getByLabel("Velg bort et område").selectOption("Autonomi");
  await page.getByRole("button", { name: "Velg bort området" }).click();
  const what = page.locator("#deselected-0-what");
  await what.waitFor();
  const autonomy = page.locator(".area-table tbody tr", { has: page.getByRole("rowheader", { name: /^Autonomi/ }) }).locator("input[id^='focus-']");
  await autonomy.check();
  const warning = page.locator("#deselected-0-ticked");
  assert.equal(await warning.textContent(), "Dette området er også krysset av over, som innsatsområde eller bevaringsområde. Fjern det ene.");
  assert.equal(await what.getAttribute("aria-describedby"), "deselected-0-ticked");
  await autonomy.uncheck();
  // The message goes; its empty element stays, so the field's description points at something.
  await warning.waitFor({ state: "hidden" });
  assert.equal(await warning.textContent(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a measure's follow-up draft stays with its measure when one above or below it is removed", async () => {
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [measure("A"), measure("B"), measure("C")], deselected: [] });
  await page.locator(".measure").first().locator("summary").click();
  await page.locator("#measure-0-note").fill("Notat om A");
  // A measure below goes: A keeps its number, and its draft.
  await page.getByRole("button", { name: "Fjern tiltaket 3" }).click();
  await page.getByRole("button", { name: "Ja, fjern tiltaket" }).click();
  await page.getByRole("heading", { name: "Valgte tiltak (2)" }).waitFor();
  assert.equal(await page.locator("#measure-0-note").inputValue(), "Notat om A");
  // A measure above goes: B moves up a number, and its draft with it.
  await page.locator(".measure").nth(1).locator("summary").click();
  await page.locator("#measure-1-note").fill("Notat om B");
  await page.getByRole("button", { name: "Fjern tiltaket 1" }).click();
  await page.getByRole("button", { name: "Ja, fjern tiltaket" }).click();
  await page.getByRole("heading", { name: "Valgte tiltak (1)" }).waitFor();
  assert.equal(await page.locator("#measure-0-what").inputValue(), "B");
  assert.equal(await page.locator("#measure-0-note").inputValue(), "Notat om B", "B's note moved with B, and A's is gone");
  // Nor does a note begun on the last measure come back on a new one with its number.
  await page.getByLabel("Eget tiltak").fill("D");
  await page.getByLabel("Eget tiltak").press("Enter");
  await page.locator(".measure").nth(1).locator("summary").click();
  await page.locator("#measure-1-note").fill("Notat om D");
  await page.getByRole("button", { name: "Fjern tiltaket 1" }).click();
  await page.getByRole("button", { name: "Ja, fjern tiltaket" }).click();
  await page.getByRole("heading", { name: "Valgte tiltak (1)" }).waitFor();
  assert.equal(await page.locator("#measure-0-note").inputValue(), "Notat om D");
  await page.getByLabel("Eget tiltak").fill("E");
  await page.getByLabel("Eget tiltak").press("Enter");
  await page.locator("#measure-1-what").waitFor();
  assert.equal(await page.locator("#measure-1-note").inputValue(), "", "D's note did not stay behind for E");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a follow-up keeps the user's later evaluation date, and one recorded by mistake can be taken back", async () => {
  const chosen = { ...measure("A"), next_evaluation: "2099-06-01" };
  const overdue = { ...measure("B"), next_evaluation: "2020-01-31" };
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [chosen, overdue], deselected: [] });
  await context.clock.setFixedTime(new Date(2027, 0, 15, 12));
  // A passed evaluation date is told, in words.
  const due = (index) => page.locator(".measure").nth(index).locator(".measure-meta .tag", { hasText: "Tid for evaluering" });
  assert.deepEqual([await due(0).count(), await due(1).count()], [0, 1]);
  for (const index of [0, 1]) {
    await page.locator(".measure").nth(index).locator("summary").click();
    await page.locator(`#measure-${index}-note`).fill(`Notat ${index + 1}`);
    await page.getByRole("button", { name: `Registrer oppfølging ${index + 1}` }).click();
  }
  await page.locator(".measure").nth(1).locator(".history li").waitFor();
  let saved = await savedPlan(page);
  assert.equal(saved.measures[0].next_evaluation, "2099-06-01", "the date the user chose stays");
  assert.equal(saved.measures[1].next_evaluation, "2027-04-15", "a passed date moves a quarter on from the follow-up");
  assert.equal(await due(1).count(), 0, "no longer due once followed up");
  assert.deepEqual(saved.measures.map((m) => m.history.map((e) => e.note)), [["Notat 1"], ["Notat 2"]]);

  await page.getByRole("button", { name: "Fjern siste oppfølging 1" }).click();
  await page.getByRole("button", { name: "Ja, fjern oppfølgingen" }).click();
  await page.locator(".measure").first().locator(".history li").waitFor({ state: "detached" });
  saved = await savedPlan(page);
  assert.deepEqual(saved.measures.map((m) => m.history.length), [0, 1], "only measure 1's follow-up went");
  assert.equal(saved.measures[0].next_evaluation, "2099-06-01");
  assert.equal(await page.locator(".measure").first().locator("summary").textContent(), "Oppfølging: Planlagt");
  // Its button went with the last follow-up; focus stays in the measure's follow-up (moved there in the next frame).
  await page.waitForFunction(() => document.activeElement.id === "measure-0-note", null, { timeout: 2000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("an open question to remove a follow-up closes when its measure moves, rather than pass to the next one", async () => {
  const followed = (what) => ({ ...measure(what), history: [{ date: "2026-09-01", progress: "ongoing", note: `${what} i gang` }] });
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [followed("A"), followed("B"), followed("C")], deselected: [] });
  await page.locator(".measure").nth(1).locator("summary").click();
  await page.getByRole("button", { name: "Fjern siste oppfølging 2" }).click();
  await page.getByRole("button", { name: "Ja, fjern oppfølgingen" }).waitFor();
  await page.getByRole("button", { name: "Fjern tiltaket 1" }).click();
  await page.getByRole("button", { name: "Ja, fjern tiltaket" }).click();
  await page.getByRole("heading", { name: "Valgte tiltak (2)" }).waitFor();
  // B is now number 1; number 2 is C, whose follow-up no question was asked about.
  await page.locator(".measure").nth(1).locator("summary").click();
  assert.equal(await page.getByRole("button", { name: "Ja, fjern oppfølgingen" }).count(), 0);
  assert.deepEqual((await savedPlan(page)).measures.map((m) => m.history.length), [1, 1]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an open question to remove a measure closes when another measure moves to its number", async () => {
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [measure("A"), measure("B"), measure("C")], deselected: [] });
  await page.getByRole("button", { name: "Fjern tiltaket 2" }).click();
  await page.getByRole("button", { name: "Fjern tiltaket 1" }).click();
  await page.getByRole("button", { name: "Ja, fjern tiltaket" }).first().click();
  await page.getByRole("heading", { name: "Valgte tiltak (2)" }).waitFor();
  // The question asked about B does not stay open on C, which is number 2 now.
  assert.equal(await page.getByRole("button", { name: "Ja, fjern tiltaket" }).count(), 0);
  assert.deepEqual((await savedPlan(page)).measures.map((m) => m.what), ["B", "C"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("focus areas a plan file brings from a questionnaire not on this device are listed at once, ticked, and can be unticked", async () => {
  const { context, page, errors } = await openPlan({ focus: [], keep: [], measures: [], deselected: [] });
  const rows = await page.locator(".area-table tbody tr").count();
  const elsewhere = ["a", "b", "c"].map((factor) => ({ instrument: "barnehage", factor }));
  const file = JSON.stringify({ schema: 1, data: { focus: elsewhere, keep: [], measures: [measure("A")], deselected: [] } });
  await page.locator("#plan-file").setInputFiles({ name: "plan.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await page.getByText("Planen er hentet fra filen.").waitFor();
  assert.equal(await page.locator(".area-table tbody tr").count(), rows + 3);
  const focus = page.locator(`#focus-${rows}`);
  assert.ok(await focus.isChecked());
  await focus.uncheck();
  assert.deepEqual((await savedPlan(page)).focus, elsewhere.slice(1));
  // Unticked, it stays listed, so it can be ticked again.
  await focus.check();
  assert.equal((await savedPlan(page)).focus.length, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("texts typed and not yet added survive a language switch, and deleting everything drops them", async () => {
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [measure("A")], deselected: [] });
  await page.getByLabel("Eget tiltak").fill("Faste avklaringsmøter");
  await page.locator(".measure").first().locator("summary").click();
  await page.locator("#measure-0-note").fill("Halvveis");
  await page.locator("#measure-0-progress").selectOption({ label: "Gjennomført" });
  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("heading", { level: 1, name: "Action plan" }).waitFor();
  assert.equal(await page.getByLabel("Your own measure").inputValue(), "Faste avklaringsmøter");
  assert.equal(await page.locator("#measure-0-note").inputValue(), "Halvveis");
  assert.equal(await page.locator("#measure-0-progress option:checked").textContent(), "Done");
  assert.ok(await page.locator("#measure-0-note").isVisible(), "the follow-up stays open");
  // Added, the text leaves the field for good.
  await page.getByLabel("Your own measure").press("Enter");
  await page.locator("#measure-1-what").waitFor();
  await page.getByLabel("Language").selectOption("nb");
  await page.getByRole("heading", { level: 1, name: "Handlingsplan" }).waitFor();
  assert.equal(await page.getByLabel("Eget tiltak").inputValue(), "");
  assert.equal(await page.locator("#measure-0-note").inputValue(), "Halvveis");

  // The workshop's set-up and its pasted codes too; deleting everything drops them.
  await page.getByRole("button", { name: "Slett svarene mine" }).click();
  await page.getByRole("button", { name: "Ja, slett alt" }).click();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByLabel("Navn på workshopen").fill("Personalmøte");
  await page.locator("#workshop-threshold").fill("3");
  await page.getByLabel("Språk").selectOption("nn");
  await page.getByLabel("Namn på workshopen").waitFor();
  assert.equal(await page.locator("#workshop-name").inputValue(), "Personalmøte");
  assert.equal(await page.locator("#workshop-threshold").inputValue(), "3");
  await page.getByRole("button", { name: "Slett svara mine" }).click();
  await page.getByRole("button", { name: "Ja, slett alt" }).click();
  await page.getByRole("button", { name: "Opne workshopmodus" }).click();
  assert.equal(await page.locator("#workshop-name").inputValue(), "");
  assert.equal(await page.locator("#workshop-threshold").inputValue(), "5");
  await page.locator("#workshop-name").fill("Personalmøte");
  await page.getByRole("button", { name: "Start workshopen" }).click();
  await page.getByLabel("Svarkodar, éin per linje").fill("ikkje ein kode enno");
  await page.getByLabel("Språk").selectOption("nb");
  assert.equal(await page.getByLabel("Svarkoder, én per linje").inputValue(), "ikkje ein kode enno");
  assert.deepEqual(errors, []);
  await context.close();
});

test("retyping part of a date keeps the saved date; an impossible date, or a year out of range, left in the field changes nothing and says so", async () => {
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [measure("A")], deselected: [] });
  const deadline = page.locator("#measure-0-deadline");
  const problem = page.locator("#measure-0-deadline-problem");
  const saved = async () => (await savedPlan(page)).measures[0].deadline;
  await deadline.focus();
  await page.keyboard.press("Backspace");
  await page.waitForTimeout(100);
  assert.equal(await saved(), "2027-01-31");
  // Left half-typed: the field shows the saved date again, and says it was not changed.
  await page.keyboard.press("Shift+Tab");
  await problem.waitFor();
  assert.equal(await deadline.inputValue(), "2027-01-31");
  assert.equal(await deadline.getAttribute("aria-invalid"), "true");
  assert.equal(await deadline.getAttribute("aria-describedby"), "measure-0-deadline-problem");
  // Typed digit by digit (month, day, year), the year passes through "0002".
  await page.keyboard.press("Tab");
  await page.keyboard.type("12312028");
  await page.waitForTimeout(100);
  assert.equal(await saved(), "2028-12-31");
  await problem.waitFor({ state: "hidden" });
  await deadline.blur();
  // 31 February, typed over it: the "3" on the way is a whole date (3 February),
  // saved for a moment; leaving the impossible date undoes the edit.
  await deadline.focus();
  await page.keyboard.type("0231");
  await deadline.blur();
  await problem.waitFor();
  assert.equal(await saved(), "2028-12-31");
  assert.equal(await deadline.inputValue(), "2028-12-31");
  await deadline.fill("2201-01-01");
  await deadline.dispatchEvent("change");
  assert.equal(await saved(), "2028-12-31");
  await deadline.blur();
  assert.equal(await deadline.inputValue(), "2028-12-31", "left, the field shows what is saved");
  await problem.waitFor();
  await deadline.fill("");
  await deadline.dispatchEvent("change");
  assert.equal(await saved(), null, "emptied on purpose, the date goes");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an own measure is added with Enter, and its area and kind can be changed", async () => {
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet, kravKontroll], keep: [], measures: [], deselected: [] });
  // Nothing written: told so, with focus back in the field, and nothing added.
  await page.getByRole("button", { name: "Legg til eget tiltak" }).click();
  // In a status region, so that it is heard after Enter in the field too.
  await page.locator("[role=status]#own-measure-problem", { hasText: "Skriv tiltaket i feltet først." }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "own-measure");
  assert.equal(await page.getByLabel("Eget tiltak").getAttribute("aria-invalid"), "true");
  assert.deepEqual((await savedPlan(page)).measures, []);
  await page.getByLabel("Eget tiltak").fill("Faste avklaringsmøter");
  assert.equal(await page.getByText("Skriv tiltaket i feltet først.").count(), 0, "gone once something is written");
  await page.getByLabel("Eget tiltak").press("Enter");
  await page.getByRole("heading", { name: "Valgte tiltak (1)" }).waitFor();
  // Its fields are heard with the measure they belong to.
  await page.getByRole("group", { name: /^1\. Rolleklarhet/ }).getByLabel("Frist").waitFor();
  await page.locator("#measure-0-area").selectOption({ label: "Høye krav og lav kontroll" });
  let saved = (await savedPlan(page)).measures[0];
  assert.deepEqual(saved.area, kravKontroll);
  assert.equal(saved.kind, "risk_reducing");
  await page.locator("#measure-0-area").selectOption({ label: "Ikke knyttet til et område" });
  saved = (await savedPlan(page)).measures[0];
  assert.equal(saved.area, null);
  assert.equal(saved.kind, "risk_reducing", "no area leaves the kind as it was");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a plan file that replaced the plan can be undone; one naming an area twice is refused", async () => {
  const mine = { focus: [rolleklarhet], keep: [], measures: [measure("Min")], deselected: [] };
  const { context, page, errors } = await openPlan(mine);
  const file = (data) => ({ name: "plan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ schema: 1, data })) });
  await page.locator("#plan-file").setInputFiles(file({ focus: [rolleklarhet, rolleklarhet], keep: [], measures: [], deselected: [] }));
  await page.getByText("Filen kunne ikke leses som en plan. Ingenting er endret.").waitFor();
  await page.locator(".measure").first().locator("summary").click();
  await page.locator("#measure-0-note").fill("Notat om Min");
  await page.locator("#plan-file").setInputFiles(file({ focus: [], keep: [], measures: [measure("Fra fil")], deselected: [] }));
  await page.getByText("Planen er hentet fra filen.").waitFor();
  assert.equal(await page.locator("#measure-0-what").inputValue(), "Fra fil");
  assert.equal(await page.locator("#measure-0-note").inputValue(), "", "a note begun on the replaced plan goes with it");
  // Undo is offered until the plan is changed.
  await page.locator("#measure-0-what").fill("Fra fil, endret");
  await page.locator("#measure-0-what").blur();
  const undo = page.getByRole("button", { name: "Angre: hent tilbake planen du hadde" });
  await undo.waitFor({ state: "detached" });
  const edited = await savedPlan(page);
  assert.equal(edited.measures[0].what, "Fra fil, endret");
  await page.locator("#plan-file").setInputFiles(file(mine));
  await page.getByText("Planen er hentet fra filen.").waitFor();
  assert.equal(await page.locator("#measure-0-what").inputValue(), "Min");
  await undo.click();
  await page.getByText("Planen du hadde, er hentet tilbake.").waitFor();
  assert.equal(await page.locator("#measure-0-what").inputValue(), "Fra fil, endret");
  assert.deepEqual(await savedPlan(page), edited);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the printed plan says what the screen says: an evaluation due, a dash for an empty list, and dates whole", async () => {
  const due = { ...measure("Faste avklaringsmøter"), next_evaluation: "2026-01-15" };
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [due], deselected: [] });
  // About an A4 page's width.
  await page.setViewportSize({ width: 720, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const printed = await page.locator(".plan-summary").evaluate((summary) => ({
    lists: [...summary.querySelectorAll("ul")].map((list) => list.innerText.trim()),
    cells: [...summary.querySelectorAll("tbody td")].map((cell) => cell.innerText),
    dates: [...summary.querySelectorAll("tbody .date")].map((date) => [date.firstChild.textContent, getComputedStyle(date).whiteSpace]),
    fits: summary.querySelector("table").scrollWidth <= summary.clientWidth,
  }));
  assert.deepEqual(printed.lists, ["Rolleklarhet", "–", "–"]);
  assert.equal(printed.cells[5], "15.01.2026 (Tid for evaluering)");
  assert.deepEqual(printed.dates, [["31.01.2027", "nowrap"], ["15.01.2026", "nowrap"]]);
  assert.ok(printed.fits, "the table fits the page");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a plan left open past midnight tells an evaluation due on the new day", async () => {
  const tomorrow = { ...measure("Faste avklaringsmøter"), next_evaluation: "2027-03-08" };
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [tomorrow], deselected: [] },
    { clock: new Date(2027, 2, 7, 23, 58) });
  const due = page.locator(".measure-meta .tag", { hasText: "Tid for evaluering" });
  assert.equal(await due.count(), 0);
  await context.clock.runFor("03:00");
  await due.waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a device clock showing a year the app cannot use is told, and the warning goes once the clock is set right", async () => {
  // A flat clock battery: the first of January 1999.
  const { context, page, errors } = await openPlan({ focus: [rolleklarhet], keep: [], measures: [measure("Faste avklaringsmøter")], deselected: [] },
    { clock: new Date(1999, 0, 1, 12, 0) });
  const warning = page.getByRole("alert").filter({ hasText: "Klokken på denne enheten viser en dato appen ikke kan bruke." });
  await warning.waitFor();
  assert.match(await warning.textContent(), /Til da kan ikke oppfølging av tiltak registreres/);
  await context.clock.setSystemTime(new Date(2027, 2, 7, 12, 0));
  await context.clock.runFor("01:01");
  await warning.waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});
