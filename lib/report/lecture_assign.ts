/**
 * Which cited slide each claim belongs to. An experiment cites several slides but its claims name
 * none, so each claim goes to the cited slide whose words it shares most (title words count double);
 * a tie goes to the slide cited first.
 * @module
 */

const STOP = new Set(
  ("the and for with that this from are was were but not all any its it's into over than then when what which " +
    "while each per one two does has have had can may must should would will more most less very only also " +
    "same other such their there these those they them his her our out off too how why who whom where here " +
    "slide slides lecture claim")
    .split(" "),
);

/** The content words of a text: lower case, three letters or more, without common words. */
export function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (w.length >= 3 && !STOP.has(w)) out.add(w.replace(/s$/, ""));
  }
  return out;
}

/** A slide as far as assignment needs it. */
export interface SlideWords {
  title: string;
  text: string;
}

/**
 * The index (into `slides`) of the slide that `statement` shares most words with; 0 on a tie at
 * the top or when it shares none.
 * @example
 * ```ts
 * bestSlide("Adam's bias correction fixes the first step", [
 *   { title: "AdaGrad", text: "grad_squared += grad * grad" },
 *   { title: "Adam", text: "bias correction for the fact that moment estimates start at zero" },
 * ]); // 1
 * ```
 */
export function bestSlide(statement: string, slides: readonly SlideWords[]): number {
  const claim = words(statement);
  let best = 0;
  let bestScore = 0;
  slides.forEach((s, i) => {
    const title = words(s.title);
    const body = words(s.text);
    let score = 0;
    for (const w of claim) score += title.has(w) ? 2 : body.has(w) ? 1 : 0;
    if (score > bestScore) best = i, bestScore = score;
  });
  return best;
}
