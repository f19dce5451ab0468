/** The lecture view: slide order, claims beside their slides, errata standing out, broken citations. */
import { assert, assertEquals, assertMatch } from "../std.ts";
import type { Experiment } from "../experiment.ts";
import type { ClaimResult, ExperimentResult } from "../runner.ts";
import { chartNamesClaim, lecturePage } from "./lecture_page.ts";
import { bestSlide, words } from "./lecture_assign.ts";

const TEXT = [
  "AdaGrad",
  "",
  "grad_squared += grad * grad",
  "",
  "RMSprop",
  "",
  "grad_squared += decay_rate * grad_squared (the slide's typo)",
  "",
  "Weight Initialization: Xavier Initialization",
  "",
  "std = 1/sqrt(Din) keeps the activations nicely scaled",
].join("\n");

function exp(id: string, lecture: string[]): Experiment {
  return { id, title: `The ${id} family`, lecture } as unknown as Experiment;
}

function claim(id: string, kind: string, statement: string, status: ClaimResult["status"]): ClaimResult {
  return {
    id,
    kind,
    statement,
    status,
    verdict: { pass: status === "pass", measured: 0.5, expected: 0.7, tolerance: "", summary: `${id} summary` },
  } as ClaimResult;
}

function result(id: string, claims: ClaimResult[]): ExperimentResult {
  return { id, title: id, claims } as unknown as ExperimentResult;
}

// The registry cites init's slide before optimizers' ones; the lecture has them the other way round.
const registry = [
  exp("init", ["Weight Initialization: Xavier Initialization"]),
  exp("optimizers", ["RMSprop", "AdaGrad"]),
  exp("backends", ["(method) results do not depend on the backend"]),
];
const results = [
  result("init", [claim("C4", "value", "Xavier keeps the activation std nicely scaled", "pass")]),
  result("optimizers", [
    claim("B9", "comparison", "AdaGrad's grad_squared grows, so its steps shrink", "pass"),
    claim("B11", "erratum", "The RMSprop slide's += decay_rate update diverges", "pass"),
    claim("B12", "value", "Adam beats RMSprop untuned", "expected-fail"),
  ]),
  result("backends", [claim("H2", "value", "Backends agree", "pass")]),
];

Deno.test("slides come in the lecture's order, each with the claims that share its words", async () => {
  const view = await lecturePage(registry, results, { path: "deck.txt", text: TEXT });
  assertEquals(view.broken, []);
  const titles = [...view.html.matchAll(/data-slide-title="([^"]+)"/g)].map((m) => m[1]);
  assertEquals(titles, ["AdaGrad", "RMSprop", "Weight Initialization: Xavier Initialization"]);
  const section = (title: string) => view.html.split(`data-slide-title="${title}"`)[1].split("<section")[0];
  assertMatch(section("AdaGrad"), /grad_squared \+= grad \* grad[\s\S]*href="optimizers.html#B9"/);
  assertMatch(section("RMSprop"), /class="claim erratum" id="lecture-B11"[\s\S]*Erratum: the slide is wrong/);
  assertMatch(section("RMSprop"), /class="claim known" id="lecture-B12"/);
  assertMatch(section("Weight Initialization: Xavier Initialization"), /href="index.html#C4"/);
  assertMatch(view.html, /id="not-on-a-slide"[\s\S]*results do not depend on the backend[\s\S]*H2/);
  assertMatch(view.html, /<b>1<\/b> erratum[\s\S]*<b>1<\/b> known failure\./);
});

Deno.test("a cited title the text no longer has is a broken citation, on the page and returned", async () => {
  const reg = [...registry.slice(0, 2), exp("search", ["Random Search vs. Grid Search"])];
  const view = await lecturePage(reg, results, { path: "deck.txt", text: TEXT });
  assertEquals(view.broken, [
    'Broken citation: experiment "search" cites slide "Random Search vs. Grid Search", which deck.txt no longer has',
  ]);
  assertMatch(view.html, /id="broken"[\s\S]*data-broken="Random Search vs. Grid Search"/);
  assert(!view.html.includes('href="search.html"'), "no link to a page this report does not have");
});

Deno.test("without the text file the cited titles are listed in the registry's order, none broken", async () => {
  const view = await lecturePage(registry, results);
  assertEquals(view.broken, []);
  const titles = [...view.html.matchAll(/data-slide-title="([^"]+)"/g)].map((m) => m[1]);
  assertEquals(titles, ["Weight Initialization: Xavier Initialization", "RMSprop", "AdaGrad"]);
  assert(!view.html.includes("<pre>"));
});

Deno.test("a claim goes to the slide it shares most words with; ties and no overlap go to the first", () => {
  assertEquals([...words("The Adam's steps, and the RMSProp")], ["adam", "step", "rmsprop"]);
  const slides = [{ title: "AdaGrad", text: "" }, { title: "Adam", text: "bias correction" }];
  assertEquals(bestSlide("Adam's bias correction", slides), 1);
  assertEquals(bestSlide("nothing in common", slides), 0);
});

Deno.test("a chart is matched to a claim when its title names the claim's id as a word", () => {
  assert(chartNamesClaim("Training loss per learning rate (G4, G5)", "G5"));
  assert(chartNamesClaim("B15 — optimizer trajectories", "B15"));
  assert(!chartNamesClaim("B15 — optimizer trajectories", "B1"));
  assert(!chartNamesClaim("Overfitting 20 examples (G3)", "G"));
});
