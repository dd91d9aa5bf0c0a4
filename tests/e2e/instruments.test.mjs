// Bring your own questionnaire: load the documented example file, answer
// it, see its profile, pool it in a workshop and plan from it; a broken file
// lists every problem and changes nothing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { answerPage, kioskParticipant, launch, openApp, scratchPath, serveDist, stored } from "./fixtures/app.mjs";

const examplePath = fileURLToPath(new URL("../../docs/example-instrument.json", import.meta.url));
const example = JSON.parse(await readFile(examplePath, "utf8"));
const title = example.title.nb;

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function loadFile(page, path) {
  await page.getByLabel("Last inn spørreskjemafil (JSON)").setInputFiles(path);
}

test("a loaded questionnaire is answered, scored, pooled and planned like a built-in one", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await loadFile(page, examplePath);
  await page.getByText(`«${title}» er lastet inn og kan velges over.`).waitFor();
  await page.getByText(/9 utsagn · identitet barnehage-kort v1 · [0-9a-f]{8}/).waitFor();
  // The message stays through a language switch, naming the questionnaire in the new language.
  await page.getByLabel("Språk").selectOption("en");
  await page.getByText(`“${example.title.en}” is loaded and can be chosen above.`).waitFor();
  await page.getByLabel("Language").selectOption("nb");

  // It survives a reload, and is offered beside the built-in choices.
  await page.reload();
  await page.getByLabel(title, { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  for (const [index, factor] of example.factors.entries()) {
    await page.getByRole("heading", { level: 1, name: factor.name.nb }).waitFor();
    assert.match(await page.locator(".progress-text").textContent(), new RegExp(`^Del ${index + 1} av 3`));
    // 4 on every statement: a reversed one scores 2, so the factor's mean shows reversal.
    await answerPage(page, () => 4);
    await page.locator(".page-nav .button-primary").click();
  }
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  const rows = await page.locator(".score-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => tr.innerText.replace(/\s+/g, " ").trim()));
  assert.equal(rows.length, 3);
  assert.match(rows.find((row) => row.startsWith("Støtte fra kollegene")), /4,0/);
  assert.match(rows.find((row) => row.startsWith("Rom for egne pedagogiske valg")), /3,3/, "(4 + 4 + 2) / 3");
  assert.equal(await page.locator(".risk-results").count(), 0, "no risk section for a resource file");
  assert.equal(await page.getByText(/ikke KS' offisielle/).count(), 0, "a file of its own is not said to be near KS' survey");
  await page.getByText("Del anonymt med gruppen").click();
  const code = (await page.locator(".share-code").textContent()).trim();

  // The plan offers the loaded questionnaire's factors.
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  await page.getByRole("rowheader", { name: /Rom for egne pedagogiske valg/ }).waitFor();

  // A workshop on it pools its codes, and refuses a code for a built-in questionnaire.
  await page.goto(server.url);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByLabel(title).check();
  await page.getByLabel("Minste antall svar før noe vises").fill("3");
  await page.getByRole("button", { name: "Start workshopen" }).click();
  await kioskParticipant(page, () => 5, 3);
  await kioskParticipant(page, () => 3, 3);
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  const builtInCode = "03HN-XVMV-GHER-8F1Z-H9C0-A619-CE8";
  await page.getByLabel("Svarkoder, én per linje").fill(`${code}\n${builtInCode}`);
  await page.getByRole("button", { name: "Legg til kodene" }).click();
  await page.getByText("Lagt til: 1. Like svar satt til side: 0. Avvist: 1").waitFor();
  // Renumbered to the field, which now holds only the refused code.
  await page.getByText("Linje 1: koden gjelder et annet spørreskjema (Ressurser i arbeidet)").waitFor();
  assert.equal(await page.getByLabel("Svarkoder, én per linje").inputValue(), builtInCode);
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  await page.locator(".score-table").first().getByText("Meningsfullt arbeid").waitFor();
  assert.match(await page.locator(".score-table").first().innerText(), /Støtte fra kollegene\s+Snitt\s4,0\s·\sGodt\s·\sn\s=\s3/, "two kiosk answers (5, 3) and the code (4)");

  // It cannot be removed while the workshop uses it.
  await page.goto(server.url);
  await page.getByRole("button", { name: `Fjern ${title}` }).click();
  await page.getByRole("button", { name: "Ja, fjern" }).click();
  await page.getByText(`«${title}» brukes i workshopen som pågår. Avslutt workshopen først.`).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a factor named by one very long word wraps in the group's table, which keeps every result in view", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const long = structuredClone(example);
  const word = "Arbeidsmiljøutviklingssamarbeidskoordineringsansvarsfordelingsprosessevalueringen";
  long.factors[2].name.nb = word;
  const path = scratchPath("langt-navn.json");
  await writeFile(path, JSON.stringify(long));
  await loadFile(page, path);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByLabel(title).check();
  await page.getByLabel("Minste antall svar før noe vises").fill("3");
  await page.getByRole("button", { name: "Start workshopen" }).click();
  for (const answer of [5, 4, 3]) await kioskParticipant(page, () => answer, 3);
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByRole("button", { name: "Vis gruppens resultat" }).click();
  const table = page.locator(".score-table").first();
  await table.getByText(word).waitFor();
  // Nothing to scroll sideways to: the mean sits inside the visible table.
  const overflow = await page.locator(".table-wrap").first().evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth);
  assert.ok(overflow <= 0, `the table is ${overflow} px wider than its frame`);
  assert.match(await table.innerText(), /Snitt\s4,0/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a one-factor questionnaire explains its own scale and levels, and asks for no more answers to compare", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const single = structuredClone(example);
  single.factors = single.factors.slice(0, 1);
  single.band_sets[0].bands[1].min = 2.5;
  const path = scratchPath("en-faktor.json");
  await writeFile(path, JSON.stringify(single));
  await loadFile(page, path);
  await page.getByLabel(title, { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 4);
  await page.locator(".page-nav .button-primary").click();
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  await page.getByText("Skår fra 1 til 5, der høyere er bedre. Nivåene: Prioriter under 2,5, Forbedre fra 2,5, Godt fra 4.").waitFor();
  assert.equal(await page.getByText("Svar på flere utsagn").count(), 0);
  assert.equal(await page.locator(".highlights").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a workshop whose questionnaire is gone says so, keeps its answers, and carries on once the file is back", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await loadFile(page, examplePath);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByLabel(title).check();
  await page.getByRole("button", { name: "Start workshopen" }).click();
  await kioskParticipant(page, () => 4, 3);
  await page.getByRole("button", { name: "Avslutt svarrunden" }).click();
  await page.getByText("Svar samlet: 1").waitFor();
  // The file's saved text is gone (or no longer readable by this version).
  await page.evaluate(() => localStorage.removeItem("arbeidsmiljo.instruments"));
  await page.reload();
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("alert").getByText("Spørreskjemaet for denne workshopen finnes ikke på denne enheten").waitFor();
  await page.getByText("Svar samlet: 1").waitFor();
  assert.equal(await page.getByRole("button", { name: "Start en svarrunde" }).count(), 0, "no button that does nothing");
  assert.equal(await page.getByRole("button", { name: "Vis gruppens resultat" }).count(), 0);
  await page.getByRole("button", { name: "Til startsiden" }).click();
  await loadFile(page, examplePath);
  await page.getByRole("button", { name: "Åpne workshopmodus" }).click();
  await page.getByRole("button", { name: "Start en svarrunde" }).waitFor();
  await page.getByText("Svar samlet: 1").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a broken file lists every problem with its line, and changes nothing", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const broken = structuredClone(example);
  delete broken.title.nn;
  broken.factors[1].items[2].id = "bh-kol1";
  broken.band_sets[0].bands[1].min = 0.5;
  broken.factors[2].scale = "frekvens";
  broken.id = "Barnehage kort";
  const path = scratchPath("broken.json");
  await writeFile(path, JSON.stringify(broken, null, 2));
  await loadFile(page, path);

  await page.getByText("Filen ble ikke lastet inn, og ingenting er endret. Problemer å rette (6):").waitFor();
  const problems = await page.locator(".instrument-problems li").allTextContents();
  const expected = [
    /^Linje 2, id: «Barnehage kort» er ikke en gyldig id/,
    /^Linje 5, title: mangler tekst på Norsk nynorsk \(nn\)$/,
    /^Linje \d+, band_sets\[0\]\.bands\[1\]\.min: 0,5 ligger utenfor skalaen$/,
    /^Linje \d+, band_sets\[0\]\.bands\[1\]\.min: båndene må komme i stigende rekkefølge$/,
    /^Linje \d+, factors\[1\]\.items\[2\]\.id: id-en «bh-kol1» er brukt før$/,
    /^Linje \d+, factors\[2\]\.scale: skalaen «frekvens» finnes ikke i filen$/,
  ];
  assert.equal(problems.length, expected.length, problems.join("\n"));
  for (const pattern of expected) assert.ok(problems.some((text) => pattern.test(text)), `${pattern} in\n${problems.join("\n")}`);
  // The line numbers point into the file as written.
  const lines = JSON.stringify(broken, null, 2).split("\n");
  const scaleLine = Number(problems.find((text) => text.includes("factors[2].scale")).match(/Linje (\d+)/)[1]);
  assert.match(lines[scaleLine - 1], /"scale": "frekvens"/);

  assert.equal(await page.getByText("Innlastede spørreskjemaer").count(), 0);
  assert.equal((await stored(page))["arbeidsmiljo.instruments"], undefined);

  // An empty file says so, rather than calling it broken JSON.
  await page.locator("#instrument-file").setInputFiles({ name: "tom.json", mimeType: "application/json", buffer: Buffer.alloc(0) });
  await page.getByText("Filen er tom eller kunne ikke leses. Ingenting er endret.").waitFor();
  assert.equal((await stored(page))["arbeidsmiljo.instruments"], undefined);

  // Not JSON at all: one problem, with its line.
  await writeFile(path, '{\n  "id": "x",\n  "version": 1\n  "lens": "resource"\n}');
  await loadFile(page, path);
  await page.getByText("Linje 4, Hele filen: ikke gyldig JSON: det mangler et komma, eller en } eller ] (kolonne 3)").waitFor();
  // A typo in a field name is named, in the user's language.
  const typo = structuredClone(example);
  typo.factors[0].items[0].reverse = true;
  await writeFile(path, JSON.stringify(typo, null, 2));
  await loadFile(page, path);
  await page.getByText(/^Linje \d+, Hele filen: feltet «reverse» finnes ikke i formatet \(skrivefeil\?\) \(kolonne \d+\)$/).waitFor();
  // The problems stay through a language switch, in the new language.
  await page.getByLabel("Språk").selectOption("en");
  await page.getByText(/^Line \d+, The whole file: the field “reverse”/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("removing a loaded questionnaire removes it, the answers given on it and their results, from the choices and from storage", async () => {
  const { context, page } = await openApp(browser, server.url);
  await loadFile(page, examplePath);
  await page.getByLabel(title, { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  for (const _ of example.factors) {
    await answerPage(page, () => 4);
    await page.locator(".page-nav .button-primary").click();
  }
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  const kept = async () => JSON.parse((await stored(page))["arbeidsmiljo.history"] ?? "{\"data\":{\"snapshots\":[]}}").data.snapshots;
  assert.ok((await stored(page))["arbeidsmiljo.session"], "the answers are saved");
  assert.deepEqual((await kept()).map((snapshot) => snapshot.instrument), [example.id], "and its results, for the next time");
  await page.goto(server.url);
  // The same file again is refused: the id is taken.
  await loadFile(page, examplePath);
  await page.getByText(/et spørreskjema med id-en «barnehage-kort» er lastet inn allerede/).waitFor();
  await page.getByLabel(title, { exact: true }).check();
  await page.getByRole("button", { name: `Fjern ${title}` }).click();
  await page.getByText(`Fjerne «${title}»? Svarene du har gitt på det, og resultatene av dem, slettes også. Handlingsplanen din blir værende.`).waitFor();
  await page.getByRole("button", { name: "Ja, fjern" }).click();
  await page.getByText(`«${title}» er fjernet.`).waitFor();
  assert.equal(await page.getByLabel(title, { exact: true }).count(), 0);
  assert.ok(await page.getByLabel("Begge deler (anbefalt)").isChecked(), "the pick falls back to the default");
  assert.equal((await stored(page))["arbeidsmiljo.instruments"], undefined);
  assert.equal((await stored(page))["arbeidsmiljo.session"], undefined, "its answers are gone too");
  assert.deepEqual(await kept(), [], "and their results");
  // A reload brings back neither the questionnaire nor its answers.
  await page.reload();
  await page.getByRole("button", { name: "Start" }).waitFor();
  assert.equal(await page.getByLabel(title, { exact: true }).count(), 0);
  assert.equal((await stored(page))["arbeidsmiljo.session"], undefined);
  await context.close();
});

test("answers to a questionnaire that is no longer loaded wait for its file, and resume once it is back", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await loadFile(page, examplePath);
  await page.getByLabel(title, { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  await answerPage(page, () => 4);
  // The file is lost (say, storage was full when it was loaded); its answers are not.
  await page.evaluate(() => localStorage.removeItem("arbeidsmiljo.instruments"));
  await page.reload();
  const resume = page.locator(".resume");
  await resume.getByText(/Svarene er til spørreskjemaet «barnehage-kort v1 · [0-9a-f]{8}», som ikke er lastet inn/).waitFor();
  assert.equal(await page.getByRole("button", { name: "Fortsett der du slapp" }).count(), 0, "no button that leads nowhere");

  // Another version under the same id (a statement reworded, say) does not take the answers on,
  // and removing it keeps them for the version they were given to.
  const second = scratchPath("v2.json");
  await writeFile(second, (await readFile(examplePath, "utf8")).replace('"version": 1', '"version": 2'));
  await loadFile(page, second);
  await resume.getByText(/«barnehage-kort v1 · [0-9a-f]{8}», som ikke er lastet inn/).waitFor();
  assert.equal(await page.getByRole("button", { name: "Fortsett der du slapp" }).count(), 0);
  await page.locator(".loaded-instruments li").first().getByRole("button").click();
  await page.getByRole("button", { name: "Ja, fjern" }).click();
  await resume.getByText(/«barnehage-kort v1 · [0-9a-f]{8}», som ikke er lastet inn/).waitFor();

  await loadFile(page, examplePath);
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await page.getByRole("heading", { level: 1, name: example.factors[0].name.nb }).waitFor();
  assert.equal(await page.locator("fieldset.statement input:checked").count(), example.factors[0].items.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test("focus areas from a questionnaire no longer offered are listed, so they can be unticked", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const gone = ["a", "b", "c"].map((factor) => ({ instrument: "fjernet-skjema", factor }));
  await page.evaluate((focus) => localStorage.setItem("arbeidsmiljo.plan",
    JSON.stringify({ schema: 1, data: { focus, keep: [], measures: [], deselected: [] } })), gone);
  await page.reload();
  await loadFile(page, examplePath);
  await page.getByLabel(title, { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < example.factors.length; index++) {
    await answerPage(page, () => 4);
    await page.locator(".page-nav .button-primary").click();
  }
  await page.getByRole("button", { name: "Lag en handlingsplan" }).click();
  const rows = page.locator(".area-table tbody tr");
  const orphans = rows.filter({ hasText: "Ikke med i denne profilen" });
  assert.equal(await orphans.count(), 3);
  assert.deepEqual(await orphans.locator("th").evaluateAll((cells) => cells.map((cell) => cell.firstChild.textContent)), ["a", "b", "c"]);

  // Three are chosen, so a fourth is refused until one of them is unticked.
  await page.locator("#focus-0").click();
  await page.getByText("Du kan velge høyst 3 innsatsområder").waitFor();
  await orphans.first().getByRole("checkbox").first().uncheck();
  await page.locator("#focus-0").check();
  const plan = JSON.parse((await stored(page))["arbeidsmiljo.plan"]).data;
  assert.equal(plan.focus.length, 3);
  assert.deepEqual(plan.focus.filter((area) => area.instrument === "fjernet-skjema").map((area) => area.factor), ["b", "c"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("HTML and script in every text of a loaded file render as plain text", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const poison = (value) => {
    if (typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map(poison);
    const out = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = ["nb", "nn", "en"].includes(key) && typeof inner === "string" ? `${inner} ${hostile}` : poison(inner);
    }
    return out;
  };
  const path = scratchPath("hostile.json");
  await writeFile(path, JSON.stringify(poison(example)));
  await loadFile(page, path);
  await page.locator(".loaded-instruments").waitFor();
  await page.getByLabel(`${title} ${hostile}`, { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < 3; index++) {
    await answerPage(page, () => 3);
    await page.locator(".page-nav .button-primary").click();
  }
  await page.getByRole("heading", { name: "Din arbeidsmiljøprofil" }).waitFor();
  const main = page.locator("main");
  assert.ok((await main.innerText()).includes(hostile), "the markup is shown as text");
  assert.equal(await page.locator("main img, main script").count(), 0, "and never becomes elements");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a saved questionnaire this version cannot read is named when it is removed, without promising its answers go", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.locator("#instrument-file").setInputFiles("docs/example-instrument.json");
  await page.locator(".loaded-instruments li").first().waitFor();
  const saved = JSON.parse((await stored(page))["arbeidsmiljo.instruments"]);
  saved.data.push('{"id": "gammel", "version": 1');
  await page.evaluate((text) => localStorage.setItem("arbeidsmiljo.instruments", text), JSON.stringify(saved));
  await page.reload();
  const broken = page.locator(".loaded-instruments li").nth(1);
  await broken.getByRole("button").click();
  // Which answers were given to it cannot be told, so none are promised gone.
  await page.getByText("Fjerne filen som ikke kan leses? Svar som er gitt på den, blir liggende.").waitFor();
  await page.getByRole("button", { name: "Ja, fjern" }).click();
  await page.getByText("«En lagret spørreskjemafil som denne versjonen av appen ikke kan lese» er fjernet.").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a file too large for storage is refused without being read", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.evaluate(() => {
    window.__reads = 0;
    const text = File.prototype.text;
    File.prototype.text = function () { window.__reads += 1; return text.call(this); };
  });
  await page.locator("#instrument-file").setInputFiles({ name: "stor.json", mimeType: "application/json", buffer: Buffer.alloc(2 * 1024 * 1024, " ") });
  await page.getByText("filen er 2048 KB; høyst 400 KB kan lastes inn", { exact: false }).waitFor();
  assert.equal(await page.evaluate(() => window.__reads), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
