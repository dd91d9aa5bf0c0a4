// Writes bench/survey.json: the app's questionnaire (both built-in
// instruments, ressurser then risiko) as a SurveyJS survey, so the benchmark
// compares two pages that present the same questions. One page per factor,
// one radiogroup per item, the factor's scale labels as values 1..k and
// "don't know" as 0, all in Bokmål as the app shows by default.
// Run again after changing instruments/: node bench/make-survey.mjs
import { readFile, writeFile } from "node:fs/promises";

const read = async (path) => JSON.parse(await readFile(new URL(`../${path}`, import.meta.url)));
const dontKnow = (await read("locales/nb.json")).scale.dont_know;

const pages = [];
for (const instrument of [await read("instruments/ressurser.json"), await read("instruments/risiko.json")]) {
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale]));
  for (const factor of instrument.factors) {
    const scale = scales.get(factor.scale);
    pages.push({
      name: `${instrument.id}.${factor.id}`,
      title: factor.name.nb,
      elements: factor.items.map((item) => ({
        type: "radiogroup",
        name: item.id,
        title: item.text.nb,
        choices: [
          ...scale.labels.map((label, index) => ({ value: index + 1, text: label.nb })),
          { value: 0, text: dontKnow },
        ],
      })),
    });
  }
}

const survey = { title: "Arbeidsmiljøprofilen", showQuestionNumbers: "on", pages };
await writeFile(new URL("survey.json", import.meta.url), `${JSON.stringify(survey, null, 2)}\n`);
console.log(`bench/survey.json: ${pages.length} pages, ${pages.reduce((n, page) => n + page.elements.length, 0)} questions`);
