/**
 * Every falsifier of the registered experiments as a test step (lib/falsify.ts): the step fails
 * unless the claim's check rejects the planted bug. Split into shards like the claims
 * (tests/falsifiers_<i>_test.ts, run side by side by `deno test --parallel`); $CLAIMBOOK_EXPERIMENTS
 * and $CLAIMBOOK_BACKEND select as for the claims.
 * @module
 */
import { experiments } from "../experiments/mod.ts";
import { type BackendName, initBackend } from "../lib/backend.ts";
import { describeSet, falsifierRuns, falsifyRun } from "../lib/falsify.ts";
import { selectedIds, shardIds } from "./claim_steps.ts";

/** The number of shard files (tests/falsifiers_1_test.ts … falsifiers_<FALSIFIER_SHARDS>_test.ts). */
export const FALSIFIER_SHARDS = 2;

/** Registers the falsifiers of shard `index` (1-based) as tests, one test per falsifier run. */
export async function falsifierTests(index: number): Promise<void> {
  const ids = selectedIds().filter((id) => falsifierRuns(experiments.find((e) => e.id === id)!).length > 0);
  const mine = shardIds(ids, FALSIFIER_SHARDS)[index - 1];
  if (!mine.length) return;
  const backend = await initBackend((Deno.env.get("CLAIMBOOK_BACKEND") || "auto") as BackendName);
  for (const exp of experiments.filter((e) => mine.includes(e.id))) {
    for (const run of falsifierRuns(exp)) {
      const names = [...new Set(run.claims.map((c) => c.falsifier))].join("; ");
      Deno.test(`falsifier ${exp.id}: ${names} (${describeSet(exp.id, run.set)})`, async (t) => {
        const outcomes = await falsifyRun(exp, run, { backend });
        for (const o of outcomes) {
          await t.step(`${o.claim} rejects "${o.falsifier}"`, () => {
            if (!o.rejected) {
              throw new Error(
                `${exp.id}/${o.claim} did not reject the falsifier "${o.falsifier}" (${o.description}): ` +
                  `status ${o.status}: ${o.summary}\n  measured ${JSON.stringify(o.measured)}`,
              );
            }
          });
        }
      });
    }
  }
}
