/**
 * The stability page (`stability.html`): per claim, in how many disjoint seed sets it held, and the
 * failing sets' numbers; per experiment, the time of each set.
 * @module
 */
import type { StabilityReport } from "../stability.ts";
import { renderPage } from "./build.ts";
import { duration } from "./format.ts";

/** Renders the stability page of a sweep. */
export function stabilityPage(report: StabilityReport): string {
  return renderPage("stability", "Stability over seed sets", {
    ...report,
    wall: duration(report.wallSeconds * 1000),
    allHeld: report.claims.filter((c) => c.held === c.sets).length,
  });
}
