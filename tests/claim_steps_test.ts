import { assertEquals, assertThrows } from "../lib/std.ts";
import { selectedIds, shardIds } from "./claim_steps.ts";
import { experiments } from "../experiments/mod.ts";

Deno.test("shards: every experiment in exactly one shard, the longest ones apart", () => {
  const ids = experiments.map((e) => e.id);
  const shards = shardIds(ids, 2);
  assertEquals(shards.flat().sort(), [...ids].sort());
  assertEquals(shardIds(["a", "b", "c"], 2, { a: 5, b: 4, c: 3 }), [["a"], ["b", "c"]]);
});

Deno.test("CLAIMBOOK_EXPERIMENTS: an unknown id is an error, not a run of no test", () => {
  assertThrows(() => selectedIds("init,inti"), Error, "unknown experiments: inti");
  assertEquals(selectedIds("search, init"), ["init", "search"]);
  assertEquals(selectedIds(undefined).length, experiments.length);
});
