/**
 * The lecture view (`lecture.html`): the lecture in its own order, every slide an experiment cites
 * with the slide's own text (when the lecture's text file is at hand) and, beside it, the claims
 * that belong to it: verdict, measured vs expected, its chart (small ones inline), links to the experiment
 * page and the index.
 * Errata and known failures stand out; a cited title that the text file no longer has is a broken
 * citation, listed at the top of the page and returned to the caller (the CLI fails the run on it).
 * @module
 */
import type { Experiment } from "../experiment.ts";
import type { ClaimResult, ExperimentResult } from "../runner.ts";
import { renderPage } from "./build.ts";
import { renderSvg } from "./svg.ts";
import { measureHtml, STATUS_LABEL } from "./format.ts";
import { brokenCitations, brokenMessage, type Citation, matchCitations, parseSlides, type Slide } from "./lecture.ts";
import { bestSlide } from "./lecture_assign.ts";
import type { LectureSource } from "./lecture_source.ts";

/** The rendered page and the broken citations it found (one message each). */
export interface LectureView {
  html: string;
  broken: string[];
}

/** What the page shows of one claim. */
interface ClaimCard {
  id: string;
  experiment: string;
  kind: string;
  statement: string;
  status: string;
  label: string;
  measured: string;
  expected: string;
  summary?: string;
  knownFailure?: string;
  erratum: boolean;
  /** The claim's chart, small enough to show inline, or a link to it on the experiment page. */
  chart?: { title: string; svg?: string; href: string };
}

/** Largest chart SVG shown inline on the lecture view (bigger ones are linked). */
const INLINE_CHART_BYTES = 60_000;

/** Whether a chart's title names claim `id` as a word ("… (G4, G5)", "B15 — …"; B1 is not B15). */
export function chartNamesClaim(title: string, id: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9])${id}(?![0-9])`).test(title);
}

/** The first chart of `exp` that names each claim: rendered when small, else linked. */
async function claimCharts(exp: Experiment, result: ExperimentResult): Promise<Map<string, ClaimCard["chart"]>> {
  const out = new Map<string, ClaimCard["chart"]>();
  if (result.error || !result.runs?.length || !exp.charts) return out;
  const charts = exp.charts(result.runs, result.params);
  for (const c of result.claims) {
    const i = charts.findIndex((ch) => chartNamesClaim(ch.title, c.id));
    if (i < 0) continue;
    const svg = await renderSvg(charts[i].spec);
    const href = `${exp.id}.html#chart-${i + 1}`;
    out.set(c.id, { title: charts[i].title, href, ...(svg.length <= INLINE_CHART_BYTES ? { svg } : {}) });
  }
  return out;
}

/** One cited slide with the experiments that cite it and the claims placed on it. */
interface Section {
  anchor: string;
  title: string;
  lines: string;
  text: string;
  cited: { id: string; title: string; ran: boolean }[];
  claims: ClaimCard[];
}

function card(c: ClaimResult, experiment: string): ClaimCard {
  return {
    id: c.id,
    experiment,
    kind: c.kind,
    statement: c.statement,
    status: c.status,
    label: STATUS_LABEL[c.status],
    measured: measureHtml(c.verdict?.measured),
    expected: measureHtml(c.verdict?.expected),
    summary: c.verdict?.summary ?? c.error,
    knownFailure: typeof c.knownFailure === "object"
      ? Object.entries(c.knownFailure).map(([part, why]) => `${part}: ${why}`).join("; ")
      : c.knownFailure,
    erratum: c.kind === "erratum",
  };
}

/** Without the text file: one title-only slide per distinct cited title, in the registry's order. */
function slidesFromCitations(registry: readonly Experiment[]): { slides: Slide[]; citations: Citation[] } {
  const slides: Slide[] = [];
  const citations = registry.flatMap((e) =>
    e.lecture.map((title): Citation => {
      if (title.trim().startsWith("(")) return { experiment: e.id, title, note: true };
      let slide = slides.findIndex((s) => s.title === title);
      if (slide < 0) slide = slides.push({ title, line: 0, endLine: 0, text: "", builds: 1 }) - 1;
      return { experiment: e.id, title, slide };
    })
  );
  return { slides, citations };
}

/**
 * Renders the lecture view over `results` (registry order); `source` is the lecture's text file,
 * without which the page lists the cited titles in the registry's order, without slide text.
 * @example
 * ```ts
 * const view = await lecturePage(registry, results, { path: "04-cnn-training.txt", text });
 * if (view.broken.length) console.error(view.broken.join("\n"));
 * ```
 */
export async function lecturePage(
  registry: readonly Experiment[],
  results: readonly ExperimentResult[],
  source?: LectureSource,
): Promise<LectureView> {
  const { slides, citations } = source
    ? (() => {
      const slides = parseSlides(source.text, registry.flatMap((e) => e.lecture));
      return { slides, citations: matchCitations(slides, registry) };
    })()
    : slidesFromCitations(registry);
  const file = source?.path ?? "the lecture";
  const broken = brokenCitations(citations);
  const sections = new Map<number, Section>();
  const unplaced: { experiment: string; note: string; claims: ClaimCard[] }[] = [];
  for (const exp of registry) {
    const result = results.find((r) => r.id === exp.id);
    const own = [
      ...new Set(citations.filter((c) => c.experiment === exp.id && c.slide !== undefined).map((c) => c.slide!)),
    ];
    for (const i of own) {
      const s = slides[i];
      const section = sections.get(i) ?? {
        anchor: s.line ? `slide-${s.line}` : `slide-${sections.size + 1}`,
        title: s.title,
        lines: s.line ? `lines ${s.line}–${s.endLine}${s.builds > 1 ? `, ${s.builds} builds` : ""}` : "",
        text: s.text,
        cited: [],
        claims: [],
      };
      section.cited.push({ id: exp.id, title: exp.title, ran: result !== undefined });
      sections.set(i, section);
    }
    if (!result) continue;
    const charts = await claimCharts(exp, result);
    const cards = result.claims.map((c) => ({ ...card(c, exp.id), chart: charts.get(c.id) }));
    if (!own.length) {
      const notes = citations.filter((c) => c.experiment === exp.id && c.note).map((c) => c.title);
      unplaced.push({ experiment: exp.id, note: notes.join("; ") || "its cited slides are missing", claims: cards });
      continue;
    }
    cards.forEach((c, k) => {
      const i = own[bestSlide(result.claims[k].statement, own.map((j) => slides[j]))];
      sections.get(i)!.claims.push(c);
    });
  }
  const ordered = [...sections.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
  const messages = broken.map((c) => brokenMessage(c, file));
  const all = [...ordered.flatMap((s) => s.claims), ...unplaced.flatMap((u) => u.claims)];
  const html = renderPage("lecture", "The lecture, slide by slide", {
    source: source?.path,
    sections: ordered,
    unplaced,
    broken: broken.map((c, k) => ({ ...c, message: messages[k], ran: results.some((r) => r.id === c.experiment) })),
    errata: all.filter((c) => c.erratum).length,
    known: all.filter((c) => c.status === "expected-fail").length,
    claims: all.length,
  });
  return { html, broken: messages };
}
