/**
 * The baseline check of `deno task report` and `deno task test`: load the profile's baseline
 * (when there is one), compare the run with it, print the changes, and say whether they fail the
 * run (a regression; drift too with --strict or CLAIMBOOK_STRICT=1).
 * @module
 */
import type { Profile } from "../params.ts";
import type { ExperimentResult } from "../runner.ts";
import { compare, type Comparison, failsRun, only } from "./compare.ts";
import { baselinePath, readBaseline, readBaselineIfAny } from "./file.ts";
import { changeLines, summaryLine } from "./print.ts";
import { snapshot } from "./snapshot.ts";
import type { Baseline } from "./types.ts";

/**
 * The baseline a run compares with: `flag` (from --baseline; "none" for no comparison) or, by
 * default, reports/baseline/<profile>.json when it exists. A bad file throws a UsageError (exit 2).
 */
export async function loadRunBaseline(profile: Profile, flag?: string): Promise<Baseline | undefined> {
  if (flag === "none") return undefined;
  return flag ? await readBaseline(flag, profile) : await readBaselineIfAny(baselinePath(profile), profile);
}

/** Compares a run's results (those of the baseline's profile) with the baseline. */
export function compareRun(baseline: Baseline, results: readonly ExperimentResult[], source: string): Comparison {
  return compare(baseline, snapshot(results.filter((r) => r.profile === baseline.profile), baseline.profile, source));
}

/**
 * Prints the comparison of the experiments this run ran (`ids`): the summary, then one line per
 * change (with `quiet`, regressions and drift only). Returns whether it fails the run.
 */
export function reportBaseline(
  io: { out(line: string): void },
  c: Comparison,
  ids: readonly string[],
  strict: boolean,
  quiet = false,
): boolean {
  const mine = only(c, ids);
  io.out(summaryLine(mine));
  const lines = changeLines(mine);
  for (const l of quiet ? lines.filter((x) => /^\s+(REGRESSION|drift)/.test(x)) : lines) io.out(l);
  const fails = failsRun(mine, strict);
  if (fails) {
    io.out(
      strict && !mine.changes.some((x) => x.severity === "regression")
        ? "Drift fails this run (--strict). If it is intended: review, then `deno task baseline --update`."
        : "A regression fails this run. If the change is intended: review, then `deno task baseline --update`.",
    );
  }
  return fails;
}
