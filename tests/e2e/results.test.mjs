// The results show the right numbers in the table, a drawn chart, and the risk reading.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { answerPage, goNext, itemIds, launch, openApp, serveDist } from "./fixtures/app.mjs";
import { itemOf, resources, risks } from "./fixtures/instruments.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });


test("resource results: table values, band labels, not-enough-answers, and a sharp non-blank chart", async () => {
  const { context, page, errors } = await openApp(browser, server.url, { viewport: { width: 1280, height: 900 } });
  await context.close();
  const hidpi = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  const p = await hidpi.newPage();
  p.on("pageerror", (error) => errors.push(String(error)));
  await p.goto(server.url);
  await p.getByLabel("Ressurser", { exact: true }).check();
  await p.getByRole("button", { name: "Start" }).click();

  // Factor i gets the mean target[i]; the last factor gets one answer only (fewer than half).
  const target = [5, 4, 3, 2, 1, 5, 4, 3, 2, 1];
  for (let index = 0; index < 10; index++) {
    const ids = await itemIds(p);
    if (index === 9) {
      await p.locator(`#${ids[0]}-4`).check();
    } else {
      await answerPage(p, (id) => (itemOf(resources, id).item.reversed ? 6 - target[index] : target[index]));
    }
    await goNext(p);
  }
  await p.getByRole("heading", { name: "Før du ser resultatene" }).waitFor();
  const unanswered = resources.factors[9].items.length - 1;
  assert.match(await p.locator(".review-page").textContent(), new RegExp(`Du har ikke svart på ${unanswered} av utsagnene`));
  await p.getByRole("button", { name: "Se resultatene" }).click();

  const rows = await p.locator(".score-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
  assert.equal(rows.length, 10);
  await p.getByText("Dette er ikke KS' offisielle 10-FAKTOR-undersøkelse, og tallene kan ikke sammenlignes med KS' snitt.").waitFor();
  const band = (score) => (score >= 4.5 ? "Sterkt" : score >= 4 ? "Godt" : score >= 3 ? "Forbedre" : "Prioriter");
  for (let index = 0; index < 9; index++) {
    const factor = resources.factors[index];
    const n = factor.items.length;
    assert.deepEqual(rows[index], [
      factor.name.nb, `${target[index]},0`, String((target[index] - 1) * 25), band(target[index]), `${n} av ${n}`,
    ]);
  }
  assert.deepEqual(rows[9].slice(1), ["\u2013", "\u2013", "Ikke nok svar", `1 av ${resources.factors[9].items.length}`]);
  assert.equal(await p.locator("section.red-flag").count(), 0, "no risk section when only resources were chosen");

  const canvas = p.locator("canvas.profile-chart");
  await p.waitForFunction(() => {
    const c = document.querySelector("canvas.profile-chart");
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]) painted++;
    return painted > (c.width * c.height) / 20;
  });
  const size = await canvas.evaluate((c) => ({ width: c.width, css: c.clientWidth }));
  assert.equal(size.width, size.css * 2, "backing store scaled by devicePixelRatio");
  assert.match(await canvas.getAttribute("aria-label"), /Sterkest: .*Svakest: /);

  // The chart redraws in the new theme's colours, and at the new width after a resize.
  const fingerprint = () => canvas.evaluate((c) => {
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 97) hash = (hash * 31 + data[i]) >>> 0;
    return hash;
  });
  const light = await fingerprint();
  await p.getByLabel("Utseende").selectOption("dark");
  await p.waitForFunction(async (before) => {
    const c = document.querySelector("canvas.profile-chart");
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 97) hash = (hash * 31 + data[i]) >>> 0;
    return hash !== before;
  }, light);
  await p.setViewportSize({ width: 360, height: 800 });
  await p.waitForFunction(() => {
    const c = document.querySelector("canvas.profile-chart");
    return c.width === c.clientWidth * 2 && c.clientWidth < 400;
  });
  assert.equal(await canvas.getAttribute("role"), "img");
  const strongest = await p.locator(".highlights h4").first().textContent();
  assert.match(strongest, new RegExp(`^${resources.factors[0].name.nb}`));
  assert.equal(await p.locator(".highlights h3").first().textContent(), "Dette er sterkest – ta vare på det");
  assert.deepEqual(errors, []);
  await hidpi.close();
});

test("strongest factors that are only at 'Forbedre' are not praised as worth keeping", async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByLabel("Ressurser", { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  // The first two factors at 3 (Forbedre), the rest at 2 (Prioriter).
  for (let index = 0; index < resources.factors.length; index++) {
    const value = index < 2 ? 3 : 2;
    await answerPage(page, (id) => (itemOf(resources, id).item.reversed ? 6 - value : value));
    await goNext(page);
  }
  // Every statement answered: the results come without the review.
  const headings = await page.locator(".highlights h3").allTextContents();
  assert.deepEqual(headings, ["Dette er sterkest", "Dette kan bli bedre"]);
  const strongest = await page.locator(".highlights section").first().locator("h4").allTextContents();
  assert.deepEqual(strongest, resources.factors.slice(0, 2).map((factor) => `${factor.name.nb} – 3,0 · Forbedre`));
  assert.equal(await page.locator(".score-table thead th").nth(1).textContent(), "Skår (1–5)");
  assert.deepEqual(errors, []);
});

test("risk results: a reported incident of bullying is flagged with where to get help, and high strain is named", async () => {
  const { page, errors } = await openApp(browser, server.url);
  await page.getByLabel("Risiko", { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  for (const factor of risks.factors) {
    await answerPage(page, (id) => {
      const { item } = itemOf(risks, id);
      if (factor.id === "mobbing") return 2;
      if (item.part === "demands") return 5;
      if (item.part === "control") return 1;
      return item.reversed ? (factor.scale === "ja_nei" ? 1 : 5) : 1;
    });
    await goNext(page);
  }
  const flag = page.locator("section.red-flag");
  await flag.waitFor();
  assert.match(await flag.textContent(), /Mobbing/);
  assert.match(await flag.textContent(), /verneombudet/);
  assert.match(await flag.textContent(), /Bedriftshelsetjenesten/);
  assert.match(await flag.textContent(), /Arbeidstilsynet/);
  assert.doesNotMatch(await flag.textContent(), /Vold og trusler/);
  const mine = page.locator(".quadrant-cell.mine");
  assert.match(await mine.textContent(), /Høy belastning.*Du er her/);
  assert.equal(await page.locator("canvas.profile-chart").count(), 0, "no resource chart when only risks were chosen");
  assert.deepEqual(errors, []);
});

test("the results show the change since the previous assessment, and link to the guide", async () => {
  const { page, errors } = await openApp(browser, server.url);
  // An assessment from May 2026, dated to the month only, as the app keeps it.
  await page.evaluate(() => localStorage.setItem("arbeidsmiljo.history", JSON.stringify({
    schema: 1,
    // The third mean is hand-edited off the scale.
    data: { snapshots: [{ month: "2026-05", instrument: "ressurser", version: 1, means: { oppgavemotivasjon: 2.5, autonomi: 1e19 } }] },
  })));
  await page.reload();
  await page.getByLabel("Ressurser", { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < 10; index++) {
    await answerPage(page, (id) => (itemOf(resources, id).item.reversed ? 2 : 4));
    await goNext(page);
  }
  await page.getByRole("columnheader", { name: "Endring siden 05.2026" }).waitFor();
  const first = await page.locator(".score-table tbody tr").first().locator("td").last().textContent();
  assert.equal(first, "+1,5");
  const second = await page.locator(".score-table tbody tr").nth(1).locator("td").last().textContent();
  assert.equal(second, "\u2013", "no earlier score for this factor");
  const third = await page.locator(".score-table tbody tr").nth(2).locator("td").last().textContent();
  assert.equal(third, "\u2013", "no change from a mean off the scale");
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem("arbeidsmiljo.history"))).data.snapshots;
  assert.equal(kept.length, 2);
  assert.match(kept[1].month, /^\d{4}-\d{2}$/, "this assessment is dated to the month only");

  await page.getByRole("button", { name: "Slik jobber dere videre" }).click();
  await page.getByRole("heading", { level: 1, name: "Slik jobber dere videre" }).waitFor();
  await page.getByRole("button", { name: "Tilbake" }).click();
  await page.getByRole("heading", { level: 1, name: "Din arbeidsmiljøprofil" }).waitFor();
  assert.deepEqual(errors, []);
});

test("results looked at again in a later month are not a new assessment; answers changed then are", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const kept = async () => JSON.parse(await page.evaluate(() => localStorage.getItem("arbeidsmiljo.history"))).data.snapshots
    .map((snapshot) => `${snapshot.month} ${snapshot.means.oppgavemotivasjon}`);
  await context.clock.setFixedTime(new Date(2027, 0, 15, 12));
  await page.reload();
  await page.getByLabel("Ressurser", { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  for (let index = 0; index < 10; index++) {
    await answerPage(page, (id) => (itemOf(resources, id).item.reversed ? 2 : 4));
    await goNext(page);
  }
  await page.getByRole("heading", { level: 1, name: "Din arbeidsmiljøprofil" }).waitFor();
  assert.deepEqual(await kept(), ["2027-01 4"]);

  // March: the same results opened again are still January's, with nothing to compare.
  await context.clock.setFixedTime(new Date(2027, 2, 10, 12));
  await page.reload();
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await page.getByRole("heading", { level: 1, name: "Din arbeidsmiljøprofil" }).waitFor();
  assert.deepEqual(await kept(), ["2027-01 4"]);
  assert.equal(await page.getByRole("columnheader", { name: /^Endring siden/ }).count(), 0);

  // An answer changed in March makes it March's assessment, compared with January's.
  await page.getByRole("button", { name: "Endre svarene" }).click();
  await page.getByRole("button", { name: resources.factors[0].name.nb, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: resources.factors[0].name.nb }).waitFor();
  await answerPage(page, (id) => (itemOf(resources, id).item.reversed ? 1 : 5));
  await page.locator(".page-nav .button-primary", { hasText: "Se resultatene" }).click();
  await page.getByRole("columnheader", { name: "Endring siden 01.2027" }).waitFor();
  assert.deepEqual(await kept(), ["2027-01 4", "2027-03 5"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a page opened from the review leads back to the review, not on to the next page", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await page.getByLabel("Risiko", { exact: true }).check();
  await page.getByRole("button", { name: "Start" }).click();
  // The first statement of pages 2 and 4 is left unanswered.
  const skipped = {};
  for (let index = 0; index < risks.factors.length; index++) {
    const ids = await itemIds(page);
    if (index === 1 || index === 3) skipped[index] = ids.shift();
    for (const id of ids) await page.locator(`#${id}-1`).check();
    await goNext(page);
  }
  const review = page.getByRole("heading", { level: 1, name: "Før du ser resultatene" });
  for (const index of [1, 3]) {
    await review.waitFor();
    // The tab's title names the screen as its heading does.
    assert.match(await page.title(), /^Før du ser resultatene – /);
    await page.getByRole("button", { name: `${risks.factors[index].name.nb}: 1 ubesvart` }).click();
    await page.locator(`#${skipped[index]}-1`).check();
    // It says where it leads.
    assert.equal((await page.locator(".page-nav .button-primary").textContent()).trim(), "Se resultatene");
    await goNext(page);
  }
  // Page 4 was still open after page 2: back to the review, then on to the results.
  await page.getByRole("heading", { level: 1, name: "Din arbeidsmiljøprofil" }).waitFor();

  // "Endre svarene" offers every part, and a changed part leads straight back.
  await page.getByRole("button", { name: "Endre svarene" }).click();
  await page.getByRole("heading", { level: 1, name: "Endre svarene" }).waitFor();
  assert.match(await page.title(), /^Endre svarene – /);
  assert.equal(await page.locator(".unanswered-list li").count(), risks.factors.length);
  await page.getByRole("button", { name: risks.factors[5].name.nb, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: risks.factors[5].name.nb }).waitFor();
  await page.locator(".page-nav .button-primary", { hasText: "Se resultatene" }).click();
  await page.getByRole("heading", { level: 1, name: "Din arbeidsmiljøprofil" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("risk results with every answer \"vet ikke\" say so, with no blank cell or empty list", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const answers = Object.fromEntries(risks.factors.flatMap((factor) => factor.items).map((item) => [item.id, 0]));
  await page.evaluate((answers) => localStorage.setItem("arbeidsmiljo.session",
    JSON.stringify({ schema: 1, data: { choice: "risks", position: "results", answers: { risiko: answers } } })), answers);
  await page.reload();
  await page.getByRole("button", { name: "Fortsett der du slapp" }).click();
  await page.getByRole("heading", { level: 1, name: "Din arbeidsmiljøprofil" }).waitFor();
  const details = await page.locator(".score-table tbody tr td:last-child").allTextContents();
  assert.equal(details.length, risks.factors.length);
  assert.ok(details.every((text) => text.trim() !== ""), `every row explains itself: ${details}`);
  await page.getByText("Svarene dine peker ikke på noen av disse risikoene.", { exact: false }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
