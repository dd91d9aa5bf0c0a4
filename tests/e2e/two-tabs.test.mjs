// Two tabs on the same device: each takes in the other's saves at once
// (the storage event), so neither overwrites the other's answers, and each
// keeps its own place in the questionnaire.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { answerPage, itemIds, launch, serveDist, stored, storedSession } from "./fixtures/app.mjs";
import { resources } from "./fixtures/instruments.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function tab(context) {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: "Start" }).waitFor();
  return page;
}

/** A plan of measures named `names`, each on one area, as the app saves it. */
function planOf(names) {
  const area = { instrument: "ressurser", factor: "rolleklarhet" };
  const measure = (what) => ({ what, area, owner: "leader", deadline: null, next_evaluation: null,
    effect: "medium", cost: "medium", level: "group", kind: "health_promoting", history: [] });
  return { focus: [area], keep: [], measures: names.map(measure), deselected: [] };
}

/** Two tabs on the plan of measures `names`, reached from saved results. */
async function twoTabsOnPlan(context, names, more = {}) {
  const a = await tab(context);
  await a.evaluate((plan) => {
    localStorage.setItem("arbeidsmiljo.session", JSON.stringify({ schema: 1, data: { choice: "resources", position: "results", answers: {} } }));
    localStorage.setItem("arbeidsmiljo.plan", JSON.stringify({ schema: 1, data: plan }));
  }, { ...planOf(names), ...more });
  const b = await tab(context);
  await a.reload();
  for (const page of [a, b]) {
    await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
    await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  }
  return [a, b];
}

test("answers given in two tabs are all kept, and each tab keeps its page", async () => {
  const context = await browser.newContext();
  const [a, b] = [await tab(context), await tab(context)];

  await a.getByRole("button", { name: "Start" }).click();
  const [first, second] = await itemIds(a);
  await a.locator(`#${first}-4`).check();

  // B sees the session A started, resumes it, and shows A's answer.
  await b.getByRole("button", { name: "Fortsett der du slapp" }).click();
  assert.ok(await b.locator(`#${first}-4`).isChecked());
  await b.locator(".page-nav .button-primary").click();
  const [third] = await itemIds(b);
  await b.locator(`#${third}-2`).check();

  // A was not moved to B's page, and sees B's answer arrive in storage.
  assert.deepEqual((await itemIds(a)).slice(0, 2), [first, second]);
  await a.locator(`#${second}-5`).check();

  // B, which never touched the first page again, has A's later answer too.
  await b.locator(".page-nav .button-secondary").first().click();
  await b.locator(`#${second}-5`).waitFor();
  assert.ok(await b.locator(`#${second}-5`).isChecked());

  const answers = (await storedSession(a)).answers.ressurser;
  assert.deepEqual({ [first]: answers[first], [second]: answers[second], [third]: answers[third] }, { [first]: 4, [second]: 5, [third]: 2 });
  await context.close();
});

test("a plan edited in two tabs keeps both edits", async () => {
  const context = await browser.newContext();
  const a = await tab(context);
  await a.evaluate(() => localStorage.setItem("arbeidsmiljo.session",
    JSON.stringify({ schema: 1, data: { choice: "resources", position: "results", answers: {} } })));
  const b = await tab(context);
  await a.reload();
  for (const page of [a, b]) {
    await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
    await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  }
  await a.locator("#focus-0").check();
  await b.locator("#keep-1").check();
  await a.locator("#focus-2").check();
  assert.ok(await b.locator("#focus-2").isChecked(), "B shows A's latest choice");
  const plan = JSON.parse(await a.evaluate(() => localStorage.getItem("arbeidsmiljo.plan"))).data;
  assert.equal(plan.focus.length, 2);
  assert.equal(plan.keep.length, 1);
  await context.close();
});

test("a follow-up note begun in one tab stays with its measure when another tab removes one above it", async () => {
  const context = await browser.newContext();
  const [a, b] = await twoTabsOnPlan(context, ["A", "B", "C"]);
  await a.locator(".measure").nth(1).locator("summary").click();
  await a.locator("#measure-1-note").fill("Notat om B");
  await b.getByRole("button", { name: "Fjern tiltaket 1" }).click();
  await b.getByRole("button", { name: "Ja, fjern tiltaket" }).click();
  await a.getByRole("heading", { name: "Valgte tiltak (2)" }).waitFor();
  assert.equal(await a.locator("#measure-0-what").inputValue(), "B");
  assert.equal(await a.locator("#measure-0-note").inputValue(), "Notat om B", "the note moved up with B");
  assert.equal(await a.locator("#measure-1-note").inputValue(), "", "not left behind on C");
  await context.close();
});

test("a measure's text, or a reason left out, being typed in one tab stays when another tab records a follow-up", async () => {
  const context = await browser.newContext();
  const [a, b] = await twoTabsOnPlan(context, ["A"], { deselected: [{ what: "Autonomi", reason: "" }] });
  const followUp = async (note, count) => {
    await b.locator("#measure-0-note").fill(note);
    await b.getByRole("button", { name: "Registrer oppfølging 1" }).click();
    await a.locator(".measure").first().locator(".history li").nth(count - 1).waitFor({ state: "attached" });
  };
  await b.locator(".measure").first().locator("summary").click();
  await a.locator("#measure-0-what").fill("A, og et møte hver fredag");
  await followUp("Startet", 1);
  assert.equal(await a.locator("#measure-0-what").inputValue(), "A, og et møte hver fredag");
  // Leaving the field saves it, beside B's follow-up.
  await a.locator("#measure-0-what").press("Tab");
  await a.waitForFunction(() => JSON.parse(localStorage.getItem("arbeidsmiljo.plan")).data.measures[0].what !== "A");
  const [measure] = JSON.parse(await a.evaluate(() => localStorage.getItem("arbeidsmiljo.plan"))).data.measures;
  assert.equal(measure.what, "A, og et møte hver fredag");
  assert.deepEqual(measure.history.map((evaluation) => evaluation.note), ["Startet"]);
  // The same for the reason an area is left out.
  await a.locator("#deselected-0-reason").fill("Går bra nå");
  await followUp("Halvveis", 2);
  assert.equal(await a.locator("#deselected-0-reason").inputValue(), "Går bra nå");
  await context.close();
});

test("a follow-up note begun in one tab goes when another tab reads in a plan file with other measures", async () => {
  const context = await browser.newContext();
  const [a, b] = await twoTabsOnPlan(context, ["A", "B"]);
  await a.locator(".measure").nth(1).locator("summary").click();
  await a.locator("#measure-1-note").fill("Notat om B");
  const file = JSON.stringify({ schema: 1, data: planOf(["C", "D"]) });
  await b.locator("#plan-file").setInputFiles({ name: "plan.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await a.waitForFunction(() => document.querySelector("#measure-1-what")?.value === "D");
  // B's note is not left on D, where "Registrer oppfølging" would record it.
  await a.locator(".measure").nth(1).locator("summary").click();
  assert.equal(await a.locator("#measure-1-note").inputValue(), "");
  await context.close();
});

test("a tab showing the results follows a new assessment begun in another tab, and keeps none of it in the history", async () => {
  const context = await browser.newContext();
  const a = await tab(context);
  const items = resources.factors.flatMap((factor) => factor.items.map((item) => item.id));
  const session = (answers, position) => ({ schema: 1, data: { choice: "resources", position, answers: { ressurser: answers } } });
  await a.evaluate((saved) => localStorage.setItem("arbeidsmiljo.session", JSON.stringify(saved)),
    session(Object.fromEntries(items.map((id) => [id, 4])), "results"));
  const b = await tab(context);
  await b.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await b.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  const before = await b.evaluate(() => localStorage.getItem("arbeidsmiljo.history"));
  // Tab A starts anew and answers the first statement.
  await a.evaluate((saved) => localStorage.setItem("arbeidsmiljo.session", JSON.stringify(saved)),
    session({ [items[0]]: 2 }, { page: 0 }));
  await b.getByRole("heading", { level: 1, name: resources.factors[0].name.nb }).waitFor();
  assert.ok(await b.locator(`#${items[0]}-2`).isChecked());
  assert.equal(await b.evaluate(() => localStorage.getItem("arbeidsmiljo.history")), before);
  await context.close();
});

test("a workshop ended in another tab takes its import report, and the offer in it, along", async () => {
  const context = await browser.newContext();
  const a = await tab(context);
  const b = await tab(context);
  await a.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await a.getByRole("button", { name: "Start workshopen" }).click();
  const line = "NOT-A-CODE";
  await a.getByLabel("Svarkoder, én per linje").fill(line);
  await a.getByRole("button", { name: "Legg til kodene" }).click();
  const report = a.locator(".import-report");
  await report.getByText("Avvist: 1.").waitFor();
  await b.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await b.getByRole("button", { name: "Avslutt og slett svarene" }).click();
  await b.getByRole("button", { name: "Ja, slett" }).click();
  await a.getByRole("button", { name: "Start workshopen" }).waitFor();
  await a.getByRole("button", { name: "Start workshopen" }).click();
  await a.getByText("Svar samlet: 0").waitFor();
  assert.equal((await a.locator(".import-report").textContent()).trim(), "", "the new workshop starts without the old report");
  await context.close();
});

test("a kiosk turn under way when another tab ends the workshop and starts a new one is not pooled into the new one", async () => {
  const context = await browser.newContext();
  const a = await tab(context);
  const b = await tab(context);
  // A hidden page gets no animation frames, which clicks wait for.
  await a.bringToFront();
  await a.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await a.getByRole("button", { name: "Start workshopen" }).click();
  await a.getByRole("button", { name: "Start en svarrunde" }).click();
  await a.locator("fieldset.statement").first().waitFor();
  const firstPage = await itemIds(a);
  await answerPage(a, () => 5);
  await a.locator(".page-nav .button-primary").click();
  await a.waitForFunction((first) => document.querySelector("fieldset.statement")?.dataset.item !== first, firstPage[0]);

  await b.bringToFront();
  await b.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await b.getByRole("button", { name: "Avslutt og slett svarene" }).click();
  await b.getByRole("button", { name: "Ja, slett" }).click();
  await b.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await b.getByRole("button", { name: "Start workshopen" }).click();
  await b.getByText("Svar samlet: 0").waitFor();

  // A's turn starts over, blank, for the new workshop.
  await a.bringToFront();
  await a.waitForFunction((first) => document.querySelector("fieldset.statement")?.dataset.item === first, firstPage[0]);
  assert.equal(await a.locator("fieldset.statement input:checked").count(), 0, "nothing of the turn begun for the ended workshop is kept");
  const thanks = a.getByRole("heading", { name: "Takk – gi enheten videre" });
  while (!(await thanks.isVisible())) {
    await answerPage(a, () => 2);
    await a.locator(".page-nav .button-primary").click();
    await Promise.race([thanks.waitFor(), a.waitForFunction(() => !document.querySelector("fieldset.statement input:checked"))]);
  }
  await b.getByText("Svar samlet: 1").waitFor();
  const { responses } = JSON.parse((await stored(a))["arbeidsmiljo.workshop"]).data;
  assert.deepEqual(responses.map(([source, values]) => [source, values.every((value) => value === 2)]), [["kiosk", true]],
    "only the new turn is pooled, with none of the first turn's answers");
  await context.close();
});

test("a save by a newer version of the app in another tab is never overwritten", async () => {
  const context = await browser.newContext();
  const [a, b] = [await tab(context), await tab(context)];
  await a.getByRole("button", { name: "Start" }).click();
  const [first, second] = await itemIds(a);
  await a.locator(`#${first}-4`).check();

  const newer = JSON.stringify({ schema: 99, data: { future: true } });
  await b.evaluate((text) => localStorage.setItem("arbeidsmiljo.session", text), newer);
  await a.getByText("er lagret av en nyere versjon av appen.", { exact: false }).waitFor();
  // A goes on in memory: its next answer is shown, not written over the newer entry.
  await a.locator(`#${second}-5`).check();
  assert.ok(await a.locator(`#${second}-5`).isChecked());
  assert.equal(await a.evaluate(() => localStorage.getItem("arbeidsmiljo.session")), newer);
  await a.getByText("er lagret av en nyere versjon av appen.", { exact: false }).waitFor();
  assert.equal(await a.getByText("Nettleseren lar ikke appen lagre noe.", { exact: false }).count(), 0, "the message keeps the real reason");
  await context.close();
});

test("a group result open in another tab holds back one new answer there as well", async () => {
  const context = await browser.newContext();
  const a = await tab(context);
  const count = resources.factors.flatMap((factor) => factor.items).length;
  const answers = (person) => Array.from({ length: count }, (_, i) => 1 + ((person * 7 + i * 3) % 5));
  // Tab A pools answers as the app does: what is stored, plus the new ones.
  const pool = (people) => a.evaluate(([people, fresh]) => {
    const saved = JSON.parse(localStorage.getItem("arbeidsmiljo.workshop")) ?? { schema: 1, data: {
      name: "Personalmøte", instrument: "ressurser", version: 1, threshold: 5, responses: [] } };
    saved.data.responses = [...saved.data.responses, ...fresh.map((answers) => ["kiosk", answers])]
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    localStorage.setItem("arbeidsmiljo.workshop", JSON.stringify(saved));
  }, [people, people.map(answers)]);
  await pool([0, 1, 2, 3, 4, 5]);
  // Tab B is the projector, showing the group's result.
  const b = await tab(context);
  await b.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await b.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await b.getByText("6 har svart.").waitFor();
  await pool([6, 7, 8, 9, 10]);
  await b.getByText("11 har svart.").waitFor();
  // What B showed is noted in storage, where A's next save starts from.
  await a.waitForFunction(() => JSON.parse(localStorage.getItem("arbeidsmiljo.workshop")).data.shown_with === 11);
  await pool([11]);
  await b.getByText(/^Nye svar siden resultatet sist ble vist: 1\./).waitFor();
  assert.equal(await b.getByText("12 har svart.").count(), 0);
  await context.close();
});

test("everything deleted in one tab stays deleted: the other tab writes nothing back, not even its language", async () => {
  const context = await browser.newContext();
  const a = await tab(context);
  await a.evaluate(() => {
    localStorage.setItem("arbeidsmiljo.prefs", JSON.stringify({ schema: 1, data: { lang: "nn", theme: "dark" } }));
    localStorage.setItem("arbeidsmiljo.session", JSON.stringify({ schema: 1, data: { choice: "resources", position: { page: 0 }, answers: {} } }));
  });
  await a.reload();
  const b = await tab(context);
  await a.getByRole("button", { name: "Slett svara mine" }).click();
  await a.getByRole("button", { name: "Ja, slett alt" }).click();
  await a.getByText("Alt appen hadde lagra i denne nettlesaren, er sletta.").waitFor();
  // B takes in the deletion (bokmål, the default, with no entry) and leaves storage empty.
  await b.getByRole("button", { name: "Start" }).waitFor();
  await b.waitForFunction(() => document.documentElement.lang === "nb");
  await a.waitForTimeout(300);
  assert.deepEqual(await a.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("arbeidsmiljo."))), []);
  await context.close();
});
