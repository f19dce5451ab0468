import { assert, assertEquals } from "./std.ts";
import { defineExperiment } from "./experiment.ts";
import { firstSeedOfSet, markdownTable, stabilityTasks, summarise } from "./stability.ts";
import type { ExperimentResult } from "./runner.ts";

const exp = defineExperiment({
  id: "toy",
  title: "Toy",
  lecture: ["Slide"],
  summary: "A toy.",
  params: {},
  seeds: { ci: 3, full: 5 },
  run: () => Promise.resolve({}),
  claims: ["A1", "A2"].map((id) => ({
    id,
    kind: "value" as const,
    statement: id,
    check: () => ({ pass: true, measured: 1, expected: 1, tolerance: "exact", summary: "" }),
  })),
});

function result(seeds: number[], statuses: string[]): ExperimentResult {
  return {
    id: "toy",
    seeds,
    claims: statuses.map((status, i) => ({ id: `A${i + 1}`, status, verdict: { summary: `A${i + 1} ${status}` } })),
    provenance: { durationMs: 1500 },
  } as unknown as ExperimentResult;
}

Deno.test("seed sets are disjoint: set k of an experiment with n seeds starts at k·n + 1", () => {
  assertEquals([0, 1, 2].map((k) => firstSeedOfSet(k, 3)), [1, 4, 7]);
  const tasks = stabilityTasks([exp], { sets: 2, profile: "ci", backend: "cpu", out: "r/stability" });
  assertEquals(tasks.map((t) => [t.key, t.out, t.flags.at(-1)]), [
    ["toy#1", "r/stability/set-1", "1"],
    ["toy#2", "r/stability/set-2", "4"],
  ]);
});

Deno.test("summarise counts the sets a claim held in and keeps the failing sets' numbers", () => {
  const { claims, seconds } = summarise([exp], [
    [result([1, 2, 3], ["pass", "pass"])],
    [result([4, 5, 6], ["pass", "fail"])],
    [],
  ]);
  assertEquals(claims.map((c) => [c.claim, c.held, c.sets]), [["A1", 2, 3], ["A2", 1, 3]]);
  assertEquals(claims[1].failed.map((f) => [f.set, f.status]), [[2, "fail"], [3, "missing"]]);
  assertEquals(claims[1].failed[0].seeds, [4, 5, 6]);
  assertEquals(seconds.toy, [1.5, 1.5, null]);
  const table = markdownTable({
    profile: "ci",
    backend: "cpu",
    sets: 3,
    date: "",
    claims,
    seconds,
    errors: {},
    wallSeconds: 3,
  });
  assert(table.startsWith("0 of 2 claims held in all 3 disjoint seed sets"), table);
  assert(table.includes("| A2 | toy | 1/3 | set 2 (seeds 4,5,6): fail; set 3: missing |"), table);
});
