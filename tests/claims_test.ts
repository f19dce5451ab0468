/**
 * Every claim of every registered experiment, as a test step at the `ci` profile, on the
 * backend `auto` picks (or the one named in $CLAIMBOOK_BACKEND). Select experiments with
 * $CLAIMBOOK_EXPERIMENTS (comma-separated ids) and the number of seeds with $CLAIMBOOK_SEEDS.
 */
import { experiments } from "../experiments/mod.ts";
import { type BackendName, initBackend } from "../lib/backend.ts";
import { isFailure, runExperiment } from "../lib/runner.ts";
import { fmt } from "../lib/checks.ts";

const only = Deno.env.get("CLAIMBOOK_EXPERIMENTS")?.split(",").filter((s) => s);
const seeds = Number(Deno.env.get("CLAIMBOOK_SEEDS")) || undefined;
const backend = await initBackend((Deno.env.get("CLAIMBOOK_BACKEND") || "auto") as BackendName);

for (const exp of experiments.filter((e) => !only || only.includes(e.id))) {
  Deno.test(`${exp.id} (ci profile, ${backend.name})`, async (t) => {
    const result = await runExperiment(exp, { profile: "ci", backend, seeds });
    for (const claim of result.claims) {
      await t.step(`${claim.id} ${claim.kind}: ${claim.statement.slice(0, 80)}`, () => {
        if (isFailure(claim.status)) {
          const v = claim.verdict;
          throw new Error(
            `${exp.id}/${claim.id} ${claim.status}: ${claim.error ?? v?.summary}\n` +
              `  measured ${JSON.stringify(v?.measured)}\n  expected ${
                JSON.stringify(v?.expected)
              }\n  tolerance ${v?.tolerance}` +
              ` (seeds ${result.seeds.join(", ")}; ${fmt(result.provenance.durationMs / 1000)} s)`,
          );
        }
      });
    }
  });
}
