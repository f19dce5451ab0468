import { assertEquals } from "./std.ts";
import { assertThrows } from "./std.ts";
import { parseShard, shardIds, shardShares } from "./shard.ts";
import { UsageError } from "./params.ts";

const ids = ["a", "b", "c", "d", "e"];

Deno.test("shards partition the experiments, deterministically", () => {
  const shares = shardShares(ids, 2);
  assertEquals(shares, [["a", "c", "e"], ["b", "d"]]);
  assertEquals(shares.flat().sort(), ids);
  const timed = shardShares(ids, 2, new Map([["a", 45], ["b", 20], ["c", 17], ["d", 12], ["e", 9]]));
  assertEquals(timed, [["a", "e"], ["b", "c", "d"]]);
  assertEquals(shardIds(ids, { index: 2, count: 3 }), ["b", "e"]);
  assertEquals(shardShares(ids, 7).flat().sort(), ids, "more shards than experiments: some shares are empty");
});

Deno.test("--shard text is parsed or refused with the fix", () => {
  assertEquals(parseShard("2/4"), { index: 2, count: 4 });
  for (const bad of ["0/2", "3/2", "1", "a/b", "1/0"]) {
    assertThrows(() => parseShard(bad), UsageError, "--shard expects i/n");
  }
});
