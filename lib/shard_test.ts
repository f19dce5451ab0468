import { assertEquals } from "./std.ts";
import { assertThrows } from "./std.ts";
import { parseShard, shardPlan } from "./shard.ts";
import { seedBlocks } from "./seed_blocks.ts";
import { UsageError } from "./params.ts";

const ids = ["a", "b", "c", "d", "e"];
/** The ids of each share, for one-seed experiments (never split). */
const shardShares = (ids: readonly string[], count: number, durations?: ReadonlyMap<string, number>) =>
  shardPlan(ids.map((id) => ({ id, first: 1, seeds: 1 })), count, durations).map((s) => s.map((u) => u.id));

Deno.test("shards partition the experiments, deterministically", () => {
  const shares = shardShares(ids, 2);
  assertEquals(shares, [["a", "c", "e"], ["b", "d"]]);
  assertEquals(shares.flat().sort(), ids);
  const timed = shardShares(ids, 2, new Map([["a", 45], ["b", 20], ["c", 17], ["d", 12], ["e", 9]]));
  assertEquals(timed, [["a", "e"], ["b", "c", "d"]]);
  assertEquals(shardShares(ids, 3)[1], ["b", "e"]);
  assertEquals(shardShares(ids, 7).flat().sort(), ids, "more shards than experiments: some shares are empty");
});

Deno.test("--shard text is parsed or refused with the fix", () => {
  assertEquals(parseShard("2/4"), { index: 2, count: 4 });
  for (const bad of ["0/2", "3/2", "1", "a/b", "1/0"]) {
    assertThrows(() => parseShard(bad), UsageError, "--shard expects i/n");
  }
});

Deno.test("shardPlan splits an experiment longer than a fair share into seed blocks, and balances the rest", () => {
  const exps = [
    { id: "long", first: 1, seeds: 10 },
    { id: "mid", first: 1, seeds: 5 },
    { id: "one", first: 1, seeds: 1 },
    { id: "short", first: 1, seeds: 3 },
  ];
  // 100 + 20 + 15 + 5 = 140 over 4 shares: fair 35; "long" (100) needs 3 blocks (4, 3, 3 seeds)
  const plan = shardPlan(exps, 4, new Map([["long", 100], ["mid", 20], ["one", 15], ["short", 5]]));
  const longBlocks = plan.flatMap((s) => s.filter((u) => u.id === "long").flatMap((u) => u.blocks));
  assertEquals(longBlocks.sort((a, b) => a.first - b.first), [
    { first: 1, count: 4 },
    { first: 5, count: 3 },
    { first: 8, count: 3 },
  ]);
  for (const id of ["mid", "one", "short"]) {
    assertEquals(plan.flat().filter((u) => u.id === id).length, 1, `${id} is not split`);
  }
  const seeds = (id: string) => plan.flat().filter((u) => u.id === id).flatMap((u) => u.blocks).map((b) => b.count);
  assertEquals(seeds("long").reduce((a, b) => a + b), 10, "every seed in exactly one share");
  assertEquals(plan.map((s) => s.map((u) => u.id)), [["long"], ["long", "short"], ["long"], ["mid", "one"]]);
  assertEquals(shardPlan(exps, 4), shardPlan(exps, 4), "deterministic");
  assertEquals(
    shardPlan(exps, 2).map((s) => s.map((u) => u.id)),
    [["long", "one"], ["mid", "short"]],
    "no durations: whole experiments, round-robin",
  );
});

Deno.test("seedBlocks: contiguous, near-equal, never more blocks than seeds", () => {
  assertEquals(seedBlocks(1, 10, 4), [{ first: 1, count: 3 }, { first: 4, count: 3 }, { first: 7, count: 2 }, {
    first: 9,
    count: 2,
  }]);
  assertEquals(seedBlocks(3, 2, 5), [{ first: 3, count: 1 }, { first: 4, count: 1 }]);
  assertEquals(seedBlocks(1, 4, 1), [{ first: 1, count: 4 }]);
});
