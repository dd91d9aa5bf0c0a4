// Writes bench/survey.json: the app's questionnaire (both built-in
// instruments, ressurser then risiko) as a SurveyJS survey, so the benchmark
// compares two pages that present the same questions. One page per factor,
// one radiogroup per item, the factor's scale labels as values 1..k and
// "don't know" as 0, all in Bokmål as the app shows by default.
// Also writes bench/survey-start.json: the same survey behind a start page
// like the app's (its introduction, the choice of questionnaire and a "Start"
// button), so a load can also be compared step for step.
// Run again after changing instruments/ or locales/: node bench/make-survey.mjs
import { readFile, writeFile } from "node:fs/promises";

const read = async (path) => JSON.parse(await readFile(new URL(`../${path}`, import.meta.url)));
const texts = await read("locales/nb.json");
const dontKnow = texts.scale.dont_know;

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

const { start, choice } = texts;
const startPage = {
  name: "start",
  elements: [
    {
      type: "html",
      name: "introduction",
      html: `<p>${start.lead}</p><ul>${[start.time, start.privacy, start.anonymous, start.not_ks].map((fact) => `<li>${fact}</li>`).join("")}</ul>`,
    },
    {
      type: "radiogroup",
      name: "choice",
      title: start.choose_heading,
      hideNumber: true,
      defaultValue: "both",
      choices: ["both", "resources", "risks"].map((value) => ({ value, text: `${choice[value]}: ${choice[`${value}_detail`]}` })),
    },
  ],
};

const write = async (file, survey) => {
  await writeFile(new URL(file, import.meta.url), `${JSON.stringify(survey, null, 2)}\n`);
  console.log(`bench/${file}: ${survey.pages.length} pages, ${survey.pages.reduce((n, page) => n + page.elements.length, 0)} elements`);
};
const survey = { title: "Arbeidsmiljøprofilen", showQuestionNumbers: "on", pages };
await write("survey.json", survey);
await write("survey-start.json", { ...survey, firstPageIsStartPage: true, startSurveyText: start.begin, pages: [startPage, ...pages] });
