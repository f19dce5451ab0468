/**
 * A comparison as text for the terminal: a summary line, one line per change (regressions first),
 * and the table `deno task diff` prints.
 * @module
 */
import type { Change, Comparison, Severity } from "./compare.ts";

/** The order changes are listed in. */
export const SEVERITY_ORDER: readonly Severity[] = ["regression", "drift", "news", "info"];

/** Changes sorted by severity, then in their order of discovery. */
export function sortedChanges(c: Comparison): Change[] {
  return [...c.changes].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** How many changes of each severity. */
export function counts(c: Comparison): Record<Severity, number> {
  const out: Record<Severity, number> = { regression: 0, drift: 0, news: 0, info: 0 };
  for (const x of c.changes) out[x.severity]++;
  return out;
}

/**
 * "Compared with reports/baseline/ci.json (commit abc, cpu-blas): 10 experiments, 60 claims, 400 numbers:
 * 1 regression, 2 drift, 0 news, 3 notes".
 */
export function summaryLine(c: Comparison): string {
  const n = counts(c);
  const k = c.compared;
  return `Compared with ${c.old.source} (commit ${
    c.old.environment.commit || "unknown"
  }, ${c.old.environment.backend}): ` +
    `${k.experiments} experiments, ${k.claims} claims, ${k.numbers} numbers: ${n.regression} regression${
      n.regression === 1 ? "" : "s"
    }, ${n.drift} drift, ${n.news} news, ${n.info} note${n.info === 1 ? "" : "s"}`;
}

/** One line per change, prefixed by its severity ("REGRESSION", "drift", "news", "note"). */
export function changeLines(c: Comparison): string[] {
  const tag: Record<Severity, string> = { regression: "REGRESSION", drift: "drift", news: "news", info: "note" };
  return sortedChanges(c).map((x) => `  ${tag[x.severity].padEnd(10)} ${x.message}`);
}

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.min(48, Math.max(...rows.map((r) => r[i].length))));
  return rows.map((r) =>
    r.map((v, i) => (v.length > widths[i] ? v.slice(0, widths[i] - 1) + "…" : v.padEnd(widths[i]))).join("  ")
      .trimEnd()
  );
}

const KIND_LABEL: Partial<Record<Change["kind"], string>> = {
  "claim-added": "claim added",
  "claim-removed": "claim removed",
  "experiment-added": "not in the baseline",
  "experiment-missing": "not in the new side",
  time: "run time",
};

/** What a change is about, in a word or two: the number's or field's name, or its kind. */
export function what(x: Change): string {
  return x.name ?? KIND_LABEL[x.kind] ?? x.kind;
}

/** The changes as a table: severity, where, what, old, new, band. */
export function changeTable(c: Comparison): string[] {
  if (!c.changes.length) return ["  no changes"];
  const rows = sortedChanges(c).map((x) => [
    x.severity,
    x.claim ? `${x.experiment}/${x.claim}` : x.experiment || "environment",
    what(x),
    x.old ?? "",
    x.new ?? "",
    x.band ?? "",
  ]);
  return pad([["severity", "where", "what", "baseline", "new", "band"], ...rows]);
}
