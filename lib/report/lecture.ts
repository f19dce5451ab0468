/**
 * The lecture's text file as slides, and the experiments' slide citations matched against it.
 *
 * The text file (`../shared/lecture/04-cnn-training.txt`) is the deck exported to plain text: it has
 * no slide markers. A slide starts at its title: a line that stands alone between blank lines (or at
 * the start of the file), outside code fences and `$$` math blocks, not indented, not a list item,
 * emphasis, math, heading mark, quotation or figure credit, beginning with a capital letter or digit,
 * at most {@link MAX_TITLE} characters, and not ending like a sentence (".", ",", ";"; "..." is allowed).
 * Back-to-back slides with the same title are the builds of one slide and are merged (the last build,
 * which shows the most, gives the text). A slide with no text below its title (its first line is a
 * sub-heading, or it is a picture) takes in the next heading and its text, unless that heading is
 * one the experiments cite or one with builds: those always start a slide.
 * Sub-headings inside a slide ("SGD" above a code block) also pass as titles, so a reconstructed slide
 * can end early; its line numbers point into the file.
 * @module
 */

/** The longest line taken as a slide title. */
export const MAX_TITLE = 80;

/** One slide of the lecture, as reconstructed from the text file. */
export interface Slide {
  /** The title as written in the file. */
  title: string;
  /** 1-based line of the title (the first build). */
  line: number;
  /** 1-based last line of the slide (the last build). */
  endLine: number;
  /** The slide's text below its title (the last build), trimmed. */
  text: string;
  /** How many builds were merged into this slide. */
  builds: number;
}

/** A slide title as the experiments cite it, resolved against the lecture. */
export interface Citation {
  /** The experiment that cites the slide. */
  experiment: string;
  /** The title as cited. */
  title: string;
  /** The index of the matched slide in the parsed list; absent for a broken citation or a note. */
  slide?: number;
  /** A citation in parentheses, e.g. "(method) …": a note about the method, not a slide. */
  note?: boolean;
}

const NOT_TITLE_START = /^[-*+$#|>([“"'→←\\!<`_~=]/;
const NOT_TITLE = /et al\.|copyright|https?:\/\/(?!\S*>$)|\b(19|20)\d\d$/i;

function isTitleText(line: string): boolean {
  const t = line.trim();
  if (!t || line !== line.trimStart() || t.length > MAX_TITLE) return false;
  if (NOT_TITLE_START.test(t) || /^\d+\.\s/.test(t) || NOT_TITLE.test(t)) return false;
  if (!/^[\p{Lu}\d]/u.test(t)) return false;
  return !(/[.,;]$/.test(t) && !t.endsWith("..."));
}

/** Normalises a title for matching: lower case, one space, no trailing punctuation or ellipsis. */
export function normalizeTitle(title: string): string {
  return title.toLowerCase().replace(/\s+/g, " ").trim().replace(/(\s*[:.!?…,;])+$/u, "").trim();
}

/** The 0-based line numbers of the slide titles in `lines`. */
function titleLines(lines: readonly string[]): number[] {
  const out: number[] = [];
  let fence = false;
  let math = false;
  const blank = (i: number) => i < 0 || i >= lines.length || lines[i].trim() === "";
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t.startsWith("```")) {
      fence = !fence;
      continue;
    }
    if (!fence && t === "$$") math = !math;
    if (fence || math) continue;
    if (blank(i - 1) && blank(i + 1) && isTitleText(lines[i])) out.push(i);
  }
  return out;
}

/**
 * Splits the lecture's text into slides (see the module notes for how slides are found);
 * `cited` are the titles the experiments cite, each of which starts a slide of its own.
 * @example
 * ```ts
 * const slides = parseSlides("Adam\n\nfirst step\n\nAdamW\n\ndecoupled decay\n");
 * slides.map((s) => s.title); // ["Adam", "AdamW"]
 * ```
 */
export function parseSlides(text: string, cited: readonly string[] = []): Slide[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const starts = titleLines(lines);
  const raw = starts.map((start, k) => {
    const end = (starts[k + 1] ?? lines.length) - 1;
    return { title: lines[start].trim(), line: start + 1, endLine: end + 1, body: lines.slice(start + 1, end + 1) };
  });
  const slides: Slide[] = [];
  const isTitle = (k: number) =>
    cited.some((c) => titleMatches(c, raw[k].title)) ||
    normalizeTitle(raw[k + 1]?.title ?? "") === normalizeTitle(raw[k].title);
  for (const [k, r] of raw.entries()) {
    const text = r.body.join("\n").replace(/^\s*\n|\s+$/g, "");
    const last = slides.at(-1);
    if (last && (normalizeTitle(last.title) === normalizeTitle(r.title))) {
      last.endLine = r.endLine;
      last.builds++;
      if (text.trim()) last.text = text;
    } else if (last && !last.text.trim() && !isTitle(k)) {
      last.endLine = r.endLine;
      last.text = `${r.title}\n\n${text}`.trim();
    } else {
      slides.push({ title: r.title, line: r.line, endLine: r.endLine, text, builds: 1 });
    }
  }
  return slides;
}

/** Whether `slideTitle` is what `cited` names: equal once normalised, or starting with it at a word boundary. */
export function titleMatches(cited: string, slideTitle: string): boolean {
  const c = normalizeTitle(cited);
  const s = normalizeTitle(slideTitle);
  if (!c) return false;
  return s === c || (s.startsWith(c) && /^[^\p{L}\p{N}]/u.test(s.slice(c.length)));
}

/**
 * The index of the slide a cited title names: the first exact match (once normalised) that has text
 * (else the first exact match), else the first slide whose title starts with it ("AdamW" names
 * "AdamW: <https://…>"); undefined when none does.
 */
export function findSlide(slides: readonly Slide[], cited: string): number | undefined {
  const exact = slides.flatMap((s, i) => normalizeTitle(s.title) === normalizeTitle(cited) ? [i] : []);
  if (exact.length) return exact.find((i) => slides[i].text.trim()) ?? exact[0];
  const prefix = slides.findIndex((s) => titleMatches(cited, s.title));
  return prefix >= 0 ? prefix : undefined;
}

/**
 * Resolves every experiment's `lecture` titles against the slides, in the experiments' order.
 * A title in parentheses is a note, not a slide; any other title that no slide has is broken.
 * @example
 * ```ts
 * const slides = parseSlides("Adam\n\nfirst step\n");
 * matchCitations(slides, [{ id: "optimizers", lecture: ["Adam", "Adagrad"] }]);
 * // [{ experiment: "optimizers", title: "Adam", slide: 0 }, { experiment: "optimizers", title: "Adagrad" }]
 * ```
 */
export function matchCitations(
  slides: readonly Slide[],
  experiments: readonly { id: string; lecture: readonly string[] }[],
): Citation[] {
  return experiments.flatMap((e) =>
    e.lecture.map((title): Citation => {
      if (title.trim().startsWith("(")) return { experiment: e.id, title, note: true };
      const slide = findSlide(slides, title);
      return slide === undefined ? { experiment: e.id, title } : { experiment: e.id, title, slide };
    })
  );
}

/** The citations that name no slide of the lecture (notes in parentheses are not broken). */
export function brokenCitations(citations: readonly Citation[]): Citation[] {
  return citations.filter((c) => !c.note && c.slide === undefined);
}

/** One line per broken citation, for stderr and the page. */
export function brokenMessage(c: Citation, file: string): string {
  return `Broken citation: experiment "${c.experiment}" cites slide "${c.title}", which ${file} no longer has`;
}
