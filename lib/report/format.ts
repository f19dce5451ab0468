/**
 * Formatting of measured and expected values, statuses and durations for the report.
 * @module
 */
import type { Measure } from "../experiment.ts";
import type { ClaimStatus } from "../runner.ts";
import { fmt } from "../checks.ts";

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function scalar(v: unknown): string {
  if (typeof v === "number") return fmt(v);
  if (v === null) return "—";
  if (typeof v === "boolean") return v ? "true" : "false";
  return String(v);
}

/** A measure as HTML: numbers formatted, lists inline, records as a bullet list. */
export function measureHtml(m: Measure | undefined): string {
  if (m === undefined) return "";
  if (Array.isArray(m)) return escapeHtml(`[${m.map(scalar).join(", ")}]`);
  if (m !== null && typeof m === "object") {
    const items = Object.entries(m).map(([k, v]) =>
      `<li>${escapeHtml(k)}: ${escapeHtml(Array.isArray(v) ? `[${v.map(scalar).join(", ")}]` : scalar(v))}</li>`
    );
    return `<ul class="measure">${items.join("")}</ul>`;
  }
  return escapeHtml(scalar(m));
}

/** The badge text of a status. */
export const STATUS_LABEL: Record<ClaimStatus, string> = {
  pass: "pass",
  fail: "FAIL",
  "expected-fail": "known failure",
  "unexpected-pass": "unexpected pass",
  inconclusive: "inconclusive",
  error: "error",
};

/** A duration in words: "850 ms", "12.3 s", "4 min 05 s". */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}
