/** The committed full-profile durations split `transfer` over the 4 shards of the example CI workflow. */
import { assert, assertEquals } from "../lib/std.ts";
import { durationsPath, readDurations, shardPlan } from "../lib/shard.ts";
import { experiments } from "../experiments/mod.ts";

Deno.test("the full profile in 4 shards: every seed once, transfer split, no shard above 1.2× a fair share", async () => {
  const durations = await readDurations(new URL(`../${durationsPath("full")}`, import.meta.url).pathname);
  assertEquals([...durations.keys()].sort(), experiments.map((e) => e.id).sort(), "a duration for every family");
  const inputs = experiments.map((e) => ({ id: e.id, first: 1, seeds: e.seeds.full }));
  const plan = shardPlan(inputs, 4, durations);
  for (const e of inputs) {
    const seeds = plan.flat().filter((u) => u.id === e.id).flatMap((u) =>
      u.blocks.flatMap((b) => Array.from({ length: b.count }, (_, i) => b.first + i))
    );
    assertEquals(seeds.sort((a, b) => a - b), Array.from({ length: e.seeds }, (_, i) => i + 1), e.id);
  }
  assert(plan.every((s) => s.some((u) => u.id === "transfer")), "each shard runs some of transfer's seeds");
  const load = (s: typeof plan[number]) =>
    s.reduce((sum, u) => {
      const seeds = inputs.find((e) => e.id === u.id)!.seeds;
      return sum + durations.get(u.id)! * u.blocks.reduce((n, b) => n + b.count, 0) / seeds;
    }, 0);
  const fair = [...durations.values()].reduce((a, b) => a + b, 0) / 4;
  for (const s of plan) {
    assert(load(s) <= 1.2 * fair, `${Math.round(load(s) / 1000)} s against a fair ${fair / 1000} s`);
  }
});
