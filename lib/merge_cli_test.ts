import { assertEquals, assertThrows } from "./std.ts";
import { mergeShards } from "./merge_cli.ts";
import { UsageError } from "./params.ts";
import type { ExperimentResult } from "./runner.ts";
import type { Experiment } from "./experiment.ts";

const r = (id: string, commit = "abc", profile = "ci", backend = "cpu-blas", seeds = [1]) =>
  ({ id, profile, seeds, backend: { name: backend }, provenance: { commit } }) as unknown as ExperimentResult;
const exp = (id: string) => ({ id }) as unknown as Experiment;

Deno.test("merge puts shards together in registry order", () => {
  const merged = mergeShards(
    [{ dir: "s1", results: [r("c"), r("a")] }, { dir: "s2", results: [r("b")] }],
    ["a", "b", "c"].map(exp),
  );
  assertEquals(merged.map((m) => m.id), ["a", "b", "c"]);
});

Deno.test("merge refuses shards of different runs (unless --allow-mixed) and an experiment twice", () => {
  const ids = ["a", "b"].map(exp);
  const cases: [ExperimentResult, RegExp][] = [
    [r("b", "def"), /has commit def, "s1" has abc: merge the shards of one run, or pass --allow-mixed/],
    [r("b", "abc", "full"), /has profile full/],
    [r("b", "abc", "ci", "wasm"), /has backend wasm/],
    [r("a"), /"a" seed 1 is in both "s1" and "s2"/],
  ];
  for (const [other, message] of cases) {
    const shards = [{ dir: "s1", results: [r("a")] }, { dir: "s2", results: [other] }];
    const e = assertThrows(() => mergeShards(shards, ids), UsageError);
    assertEquals(message.test(e.message), true, e.message);
  }
  assertEquals(
    mergeShards([{ dir: "s1", results: [r("a")] }, { dir: "s2", results: [r("b", "x")] }], ids, true).length,
    2,
  );
});
