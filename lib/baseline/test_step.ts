/**
 * The baseline step of `deno task test` (tests/claim_steps.ts): each experiment's result is
 * compared with reports/baseline/ci.json when that file exists; a regression fails the step with
 * one line per claim, drift is printed (and fails with CLAIMBOOK_STRICT=1).
 * @module
 */
import type { Profile } from "../params.ts";
import type { ExperimentResult } from "../runner.ts";
import { failsRun, only } from "./compare.ts";
import { baselinePath, readBaselineIfAny } from "./file.ts";
import { compareRun } from "./hook.ts";
import { changeLines } from "./print.ts";
import type { Baseline } from "./types.ts";

const loaded = new Map<string, Promise<Baseline | undefined>>();

/** Whether drift fails the step ($CLAIMBOOK_STRICT=1). */
export function strictFromEnv(env = Deno.env.get("CLAIMBOOK_STRICT")): boolean {
  return env === "1" || env === "true";
}

/**
 * Adds the step "baseline …" to `t` when the profile's baseline exists (`path` for tests).
 * @example
 * ```ts
 * Deno.test("init", async (t) => { const r = await runExperiment(init, opts); await baselineStep(t, r); });
 * ```
 */
export async function baselineStep(
  t: Deno.TestContext,
  result: ExperimentResult,
  path = baselinePath(result.profile as Profile),
  strict = strictFromEnv(),
): Promise<void> {
  if (!loaded.has(path)) loaded.set(path, readBaselineIfAny(path, result.profile));
  const baseline = await loaded.get(path)!;
  if (!baseline) return;
  await t.step(`baseline: ${result.id} against ${path}`, () => {
    const c = only(compareRun(baseline, [result], "this test run"), [result.id]);
    const lines = changeLines(c);
    if (failsRun(c, strict)) {
      throw new Error(
        `${result.id} changed against ${path}:\n${lines.join("\n")}\n` +
          "If intended: review, then `deno task report` and `deno task baseline --update`.",
      );
    }
    for (const l of lines.filter((x) => /^\s+(drift|news)/.test(x))) console.log(l);
  });
}
