/**
 * Builds the static HTML report from experiment results: `index.html` (every claim, errata on
 * their own) and one page per experiment (lecture, claims, charts as inline SVG, tables, image
 * grids, parameters, provenance). Nothing is fetched when the pages are viewed.
 * @module
 */
import { Eta } from "eta";
import type { Experiment } from "../experiment.ts";
import type { ClaimResult, ClaimStatus, ExperimentResult } from "../runner.ts";
import { withBaselineLayer } from "../baseline/chart_layer.ts";
import { renderSvg } from "./svg.ts";
import { pngDataUri } from "./png.ts";
import { duration, measureHtml, STATUS_LABEL } from "./format.ts";
import type { Comparison } from "../baseline/compare.ts";
import { changesData, withBaseline } from "./changes.ts";

const eta = new Eta({ views: new URL("./templates", import.meta.url).pathname, autoEscape: true, cache: true });

/** The title of the lecture the claims come from. */
export const LECTURE_TITLE = "CNNs: Training (lecture 4)";

/** What the last `deno task falsify` found for one falsifier (from falsifiers.json), if it ran. */
export interface FalsifierSeen {
  claim: string;
  falsifier: string;
  rejected: boolean;
  summary: string;
}

function claimRow(c: ClaimResult, experiment?: string, seen: readonly FalsifierSeen[] = []) {
  return {
    id: c.id,
    anchor: c.id,
    experiment,
    kind: c.kind,
    statement: c.statement,
    answer: c.answer,
    knownFailure: typeof c.knownFailure === "object"
      ? Object.entries(c.knownFailure).map(([part, why]) => `${part}: ${why}`).join("; ")
      : c.knownFailure,
    inconclusive: c.verdict?.inconclusive,
    fragile: c.fragile,
    falsifiers: (c.falsifiers ?? []).map((f) => ({
      ...f,
      seen: seen.find((o) => o.claim === c.id && o.falsifier === f.name),
    })),
    summary: c.verdict?.summary,
    error: c.error,
    measured: measureHtml(c.verdict?.measured),
    expected: measureHtml(c.verdict?.expected),
    tolerance: c.verdict?.tolerance ?? "",
    status: c.status,
    label: STATUS_LABEL[c.status],
  };
}

/** Renders template `name` with `data` inside the common page layout. */
export function renderPage(name: string, title: string, data: object): string {
  return eta.render("layout", { title, body: eta.render(name, data) });
}

/** The caption's note on a chart drawn with the baseline's layer. */
const BASELINE_NOTE = "Dashed and faded: the baseline's values.";

function specHref(spec: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(spec));
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:application/json;base64,${btoa(bin)}`; // compact JSON in base64: a third of the URL-encoded size
}

/** Renders one experiment's page. */
export async function experimentPage(
  exp: Experiment,
  result: ExperimentResult,
  seen: readonly FalsifierSeen[] = [],
  comparison?: Comparison,
): Promise<string> {
  const ok = !result.error && result.runs.length > 0;
  const charts = ok && exp.charts ? exp.charts(result.runs, result.params) : [];
  const tables = ok && exp.tables ? exp.tables(result.runs, result.params) : [];
  const grids = ok && exp.images ? exp.images(result.runs, result.params) : [];
  const p = result.provenance;
  const baselineRows = (title: string) => comparison?.old.experiments[exp.id]?.charts?.[title];
  return renderPage("experiment", exp.title, {
    id: exp.id,
    title: exp.title,
    summary: exp.summary,
    lecture: exp.lecture,
    profile: result.profile,
    seeds: result.seeds.join(", "),
    time: duration(p.durationMs),
    error: result.error,
    claims: withBaseline(result.claims.map((c) => claimRow(c, undefined, seen)), exp.id, comparison),
    charts: await Promise.all(charts.map(async (ch, i) => ({
      title: ch.title,
      caption: baselineRows(ch.title) ? `${ch.caption ? `${ch.caption} ` : ""}${BASELINE_NOTE}` : ch.caption,
      svg: await renderSvg(baselineRows(ch.title) ? withBaselineLayer(ch.spec, baselineRows(ch.title)!) : ch.spec),
      file: `${exp.id}-chart-${i + 1}.vl.json`,
      href: specHref(ch.spec),
    }))),
    tables: tables.map((t) => ({
      ...t,
      rows: t.rows.map((r) =>
        r.map((v) => (v === null ? "—" : typeof v === "number" && !Number.isFinite(v) ? String(v) : v))
      ),
    })),
    images: await Promise.all(grids.map(async (g) => ({
      ...g,
      images: await Promise.all(
        g.images.map(async (im) => ({
          label: im.label,
          src: await pngDataUri(im.pixels, im.width, im.height, im.channels),
        })),
      ),
    }))),
    params: Object.entries(result.params).map(([name, value]) => ({
      name,
      value: Array.isArray(value) ? value.join(", ") : String(value),
      doc: exp.params[name]?.doc ?? "",
      overridden: result.overridden.includes(name),
    })),
    provenance: [
      [
        "Backend",
        `${result.backend.name} (tfjs "${result.backend.tfjsBackend}"): ${result.backend.device}${
          result.backend.softwareFallback ? " — software fallback" : ""
        }`,
      ],
      ...result.backend.refused.map((r) => [`Refused: ${r.name}`, r.reason]),
      ["Profile", result.profile],
      ["Seeds", result.seeds.join(", ")],
      ["Commit", p.commit],
      ["Date", p.date],
      ["Duration", `${duration(p.durationMs)} (per seed: ${p.seedMs.map(duration).join(", ")})`],
      ["Versions", `Deno ${p.deno}, V8 ${p.v8}, TypeScript ${p.typescript}, TensorFlow.js ${p.tfjs}, ${p.os}`],
    ],
  });
}

/** Counts claims per status, in a fixed order, leaving out zero counts. */
export function countStatuses(
  results: readonly ExperimentResult[],
): { status: ClaimStatus; label: string; count: number }[] {
  const order: ClaimStatus[] = ["pass", "fail", "expected-fail", "unexpected-pass", "inconclusive", "error"];
  const all = results.flatMap((r) => r.claims);
  return order.map((status) => ({
    status,
    label: STATUS_LABEL[status],
    count: all.filter((c) => c.status === status).length,
  }))
    .filter((s) => s.count > 0 || s.status === "pass");
}

/** How an experiment of the registry came into this report: run now, cached, an earlier result, or not run (why). */
export interface RunState {
  id: string;
  title: string;
  /** "run", "cached from … (commit …)", "earlier result of …", "not run: …". */
  state: string;
  /** Warnings: a slower backend than the baseline's, no training step where it trains. */
  flags: string[];
}

/** Renders the index page over all results (with the run state of every registry experiment when given). */
export function indexPage(
  results: readonly ExperimentResult[],
  comparison?: Comparison,
  runStates: readonly RunState[] = [],
): string {
  const claims = results.flatMap((r) => r.claims.map((c) => claimRow(c, r.id)));
  const first = results[0];
  return renderPage("index", "All claims", {
    lecture: LECTURE_TITLE,
    profile: [...new Set(results.map((r) => r.profile))].join(", "),
    backend: first?.backend ?? { name: "none", device: "", softwareFallback: false, refused: [] },
    date: first?.provenance.date ?? "",
    counts: countStatuses(results),
    experiments: results.map((r) => ({
      id: r.id,
      title: r.title,
      error: r.error,
      total: r.claims.length,
      passed: r.claims.filter((c) => c.status === "pass" || c.status === "expected-fail").length,
      seeds: r.seeds.length,
      time: duration(r.provenance.durationMs),
      state: runStates.find((x) => x.id === r.id),
    })),
    notRun: runStates.filter((x) => !results.some((r) => r.id === x.id)),
    changes: comparison ? changesData(comparison, true) : undefined,
    errata: claims.filter((c) => c.kind === "erratum").map((c) => ({ ...c, anchor: `erratum-${c.id}` })),
    claims,
  });
}
