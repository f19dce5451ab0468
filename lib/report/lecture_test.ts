/** Slide parsing and citation matching, on small texts shaped like the lecture's export, and on the lecture itself. */
import { assert, assertEquals } from "../std.ts";
import {
  brokenCitations,
  brokenMessage,
  findSlide,
  matchCitations,
  normalizeTitle,
  parseSlides,
  titleMatches,
} from "./lecture.ts";
import { DEFAULT_LECTURE } from "./lecture_source.ts";

const DECK = [
  "",
  "Machine Learning for Image Analysis",
  "",
  "Problems of SGD",
  "",
  "- jitter",
  "- noisy gradients",
  "",
  "Problems of SGD",
  "",
  "- jitter",
  "- noisy gradients",
  "- saddle points",
  "",
  "AdaGrad",
  "",
  "```",
  "grad_squared = 0",
  "",
  "Not A Title",
  "",
  "```",
  "",
  "$$",
  "",
  "Inside Math",
  "",
  "$$",
  "",
  "Adam",
  "",
  "SGD",
  "",
  "weights += -learning_rate * grad",
  "",
  "AdamW: <https://arxiv.org/pdf/1711.05101>",
  "",
  "Let's try to train now...",
  "",
  "lr 1e-6: the loss barely moves.",
  "",
  'Wu and He, "Group Normalization", ECCV 2018',
  "",
  "- a list item",
  "",
  "Double check that the loss is reasonable:",
  "",
  "loss ~ 2.3",
].join("\n");

Deno.test("slides start at lone title lines; builds merge; code, math, lists and credits are not titles", () => {
  const slides = parseSlides(DECK, ["AdamW", "Let's try to train now"]);
  assertEquals(slides.map((s) => s.title), [
    "Machine Learning for Image Analysis",
    "Problems of SGD",
    "AdaGrad",
    "Adam",
    "AdamW: <https://arxiv.org/pdf/1711.05101>",
    "Let's try to train now...",
    "Double check that the loss is reasonable:",
  ]);
  const sgd = slides[1];
  assertEquals([sgd.line, sgd.builds], [4, 2]);
  assertEquals(sgd.text, "- jitter\n- noisy gradients\n- saddle points", "the last build gives the text");
  assert(slides[2].text.includes("Not A Title") && slides[2].text.includes("Inside Math"));
  // "Adam" has no text of its own: it takes in the sub-heading "SGD" and its code, but stops at the cited "AdamW".
  assertEquals(slides[3].text, "SGD\n\nweights += -learning_rate * grad");
  assertEquals(slides[5].text.split("\n").at(-1), "- a list item", "a figure credit is part of the slide");
  assertEquals(slides.at(-1)!.endLine, DECK.split("\n").length);
});

Deno.test("without the cited list an empty slide takes in the next heading; CRLF text parses the same", () => {
  const slides = parseSlides(DECK.replaceAll("\n", "\r\n"));
  assertEquals(slides.map((s) => s.title).slice(3, 5), ["Adam", "AdamW: <https://arxiv.org/pdf/1711.05101>"]);
  assertEquals(slides[4].text.split("\n")[0], "Let's try to train now...", "the empty AdamW slide takes in the next");
});

Deno.test("titles match once normalised, or as a prefix that ends at a word boundary", () => {
  assertEquals(
    normalizeTitle("  Double check  that the loss is reasonable: "),
    "double check that the loss is reasonable",
  );
  assertEquals(normalizeTitle("Let's try to train now..."), "let's try to train now");
  assert(titleMatches("Let's try to train now", "Let's try to train now..."));
  assert(titleMatches("AdamW", "AdamW: <https://arxiv.org/pdf/1711.05101>"));
  assert(
    titleMatches("Which of the following about SGD are true?", "Which of the following about SGD are true? Check all"),
  );
  assert(!titleMatches("Adam", "AdamW: <https://arxiv.org/pdf/1711.05101>"), "Adam is not AdamW");
  assert(!titleMatches("", "Adam"));
  const slides = parseSlides(DECK, ["AdamW"]);
  assertEquals(findSlide(slides, "adam"), 3, "an exact match wins over a prefix");
  assertEquals(findSlide(slides, "AdamW"), 4);
  assertEquals(findSlide(slides, "RMSprop"), undefined);
});

Deno.test("a citation the text no longer has is broken; a note in parentheses is not", () => {
  const slides = parseSlides(DECK, ["AdamW"]);
  const citations = matchCitations(slides, [
    { id: "optimizers", lecture: ["Problems of SGD", "AdamW", "RMSprop"] },
    { id: "backends", lecture: ["(method) results do not depend on the backend"] },
  ]);
  assertEquals(citations.map((c) => c.slide), [1, 4, undefined, undefined]);
  assertEquals(citations[3].note, true);
  const broken = brokenCitations(citations);
  assertEquals(broken.map((c) => `${c.experiment}: ${c.title}`), ["optimizers: RMSprop"]);
  assertEquals(
    brokenMessage(broken[0], "04-cnn-training.txt"),
    'Broken citation: experiment "optimizers" cites slide "RMSprop", which 04-cnn-training.txt no longer has',
  );
});

Deno.test("the lecture's own text: its slide titles are found where they stand", async () => {
  const text = await Deno.readTextFile(DEFAULT_LECTURE).catch(() => undefined);
  if (text === undefined) return console.warn("lecture_test: ../shared/lecture/04-cnn-training.txt not found; skipped");
  const cited = ["Convolution Layer: Summary", "RMSprop", "AdamW", "Double check that the loss is reasonable"];
  const slides = parseSlides(text, cited);
  const found = cited.map((t) => findSlide(slides, t));
  assert(found.every((i) => i !== undefined), JSON.stringify(found));
  const lines = text.split("\n");
  for (const i of found) assertEquals(lines[slides[i!].line - 1].trim(), slides[i!].title);
  assert(slides[found[1]!].text.includes("grad_squared"), "RMSprop: the slide with the update rule");
  assert(slides.length > 100 && slides.length < 400, `${slides.length} slides`);
});
