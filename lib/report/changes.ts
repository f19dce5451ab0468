/**
 * The report's view of a baseline comparison: the data of the "Changes since the baseline" section
 * (templates/changes.eta, on the index and on the `deno task diff` page) and the baseline column of
 * an experiment page's claim table.
 * @module
 */
import type { Change, Comparison, Severity } from "../baseline/compare.ts";
import { counts, sortedChanges, what } from "../baseline/print.ts";
import { escapeHtml, measureHtml, STATUS_LABEL } from "./format.ts";
import type { ClaimStatus } from "../runner.ts";

const HEADINGS: Record<Severity, string> = {
  regression: "Regressions (a claim that held fails now)",
  drift: "Drift (a number outside its band, a changed text, a removed claim)",
  news: "News (a claim that failed holds now)",
  info: "Notes (environment, parameters, seeds, run time, added claims)",
};

/** The data templates/changes.eta renders. */
export interface ChangesData {
  /** Whether to link claims to their experiment pages (the index does; a diff page does not). */
  links: boolean;
  old: { source: string; commit: string; backend: string; created: string };
  now: { source: string; commit: string; backend: string };
  compared: Comparison["compared"];
  counts: { severity: Severity; count: number }[];
  groups: { severity: Severity; heading: string; rows: (Change & { what: string })[] }[];
}

/** Shapes a comparison for templates/changes.eta. */
export function changesData(c: Comparison, links: boolean): ChangesData {
  const n = counts(c);
  const sorted = sortedChanges(c);
  return {
    links,
    old: {
      source: c.old.source,
      commit: c.old.environment.commit,
      backend: `${c.old.environment.backend} (${c.old.environment.device})`,
      created: c.old.created,
    },
    now: {
      source: c.new.source,
      commit: c.new.environment.commit,
      backend: `${c.new.environment.backend} (${c.new.environment.device})`,
    },
    compared: c.compared,
    counts: (["regression", "drift", "news", "info"] as const).map((severity) => ({ severity, count: n[severity] })),
    groups: (["regression", "drift", "news", "info"] as const)
      .map((severity) => ({
        severity,
        heading: HEADINGS[severity],
        rows: sorted.filter((x) => x.severity === severity).map((x) => ({ ...x, what: what(x) })),
      }))
      .filter((g) => g.rows.length > 0),
  };
}

/** The baseline cell of one claim: its status, its measured value, and what drifted. */
export function baselineCell(c: Comparison, experiment: string, claim: string): string {
  const old = c.old.experiments[experiment]?.claims[claim];
  if (!old) return `<span class="muted">not in the baseline</span>`;
  const status = old.status as ClaimStatus;
  const mine = c.changes.filter((x) => x.experiment === experiment && x.claim === claim && x.severity === "drift");
  const drift = mine.map((x) =>
    `<li>${escapeHtml(`${what(x)}: ${x.old ?? ""} → ${x.new ?? ""}${x.band ? ` (band ${x.band})` : ""}`)}</li>`
  ).join("");
  return `<span class="badge ${escapeHtml(status)}">${escapeHtml(STATUS_LABEL[status] ?? status)}</span> ` +
    measureHtml(old.measured) +
    (drift ? `<br><span class="muted">Drift:</span><ul class="measure">${drift}</ul>` : "");
}

/** Adds the baseline cell (`baseline`, HTML) to an experiment page's claim rows when there is a comparison. */
export function withBaseline<R extends { id: string }>(
  rows: R[],
  experiment: string,
  c: Comparison | undefined,
): (R & { baseline?: string })[] {
  if (!c || !(experiment in c.old.experiments)) return rows;
  return rows.map((r) => ({ ...r, baseline: baselineCell(c, experiment, r.id) }));
}
