/**
 * Every claim of the registered experiments as a test step at the `ci` profile, on the backend
 * `auto` picks (or the one named in $CLAIMBOOK_BACKEND), split into shards so that `deno test
 * --parallel` runs the shards' files (tests/claims_<i>_test.ts) side by side. Select experiments
 * with $CLAIMBOOK_EXPERIMENTS (comma-separated ids; an unknown id is an error) and the number of
 * seeds with $CLAIMBOOK_SEEDS. Each experiment's last step compares it with reports/baseline/ci.json when that
 * file exists: a regression fails it (drift too with $CLAIMBOOK_STRICT=1).
 * @module
 */
import { experiments } from "../experiments/mod.ts";
import { type BackendName, initBackend } from "../lib/backend.ts";
import { isFailure, runExperiment } from "../lib/runner.ts";
import { fmt } from "../lib/checks.ts";
import { baselineStep } from "../lib/baseline/test_step.ts";

/** The number of shard files (tests/claims_1_test.ts … claims_<SHARDS>_test.ts). */
export const SHARDS = 2;

/** Seconds of each family's ci run on cpu-blas (measured; balances the shards, a new family counts 10 s). */
const CI_SECONDS: Readonly<Record<string, number>> = {
  transfer: 45,
  init: 22,
  backends: 20,
  augmentation: 17,
  layers: 12,
  "optimizers-sgd": 12,
  regularization: 11,
  babysitting: 9,
  search: 9,
  optimizers: 6,
};

/** Longest first onto the lightest shard: shard index (0-based) → experiment ids. */
export function shardIds(ids: readonly string[], shards: number, seconds = CI_SECONDS): string[][] {
  const out = Array.from({ length: shards }, () => ({ ids: [] as string[], load: 0 }));
  const order = [...ids].sort((a, b) => (seconds[b] ?? 10) - (seconds[a] ?? 10) || ids.indexOf(a) - ids.indexOf(b));
  for (const id of order) {
    const lightest = out.reduce((m, s) => (s.load < m.load ? s : m));
    lightest.ids.push(id);
    lightest.load += seconds[id] ?? 10;
  }
  return out.map((s) => s.ids);
}

/** The experiment ids $CLAIMBOOK_EXPERIMENTS selects (all when unset); throws on an unknown id. */
export function selectedIds(env = Deno.env.get("CLAIMBOOK_EXPERIMENTS")): string[] {
  const ids = experiments.map((e) => e.id);
  const only = env?.split(",").map((s) => s.trim()).filter((s) => s);
  if (!only?.length) return ids;
  const unknown = only.filter((id) => !ids.includes(id));
  if (unknown.length) {
    throw new Error(
      `CLAIMBOOK_EXPERIMENTS names unknown experiments: ${unknown.join(", ")} (known: ${ids.join(", ")})`,
    );
  }
  return ids.filter((id) => only.includes(id));
}

/** Registers the claims of shard `index` (1-based) as tests. */
export async function claimTests(index: number): Promise<void> {
  const mine = shardIds(selectedIds(), SHARDS)[index - 1];
  if (!mine.length) return;
  const seeds = Number(Deno.env.get("CLAIMBOOK_SEEDS")) || undefined;
  const backend = await initBackend((Deno.env.get("CLAIMBOOK_BACKEND") || "auto") as BackendName);
  for (const exp of experiments.filter((e) => mine.includes(e.id))) {
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
      await baselineStep(t, result); // compared with reports/baseline/ci.json when it exists
    });
  }
}
