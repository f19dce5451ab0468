import { assert, assertEquals } from "../std.ts";
import { compareResultDirs, resultDifferences } from "./same_results.ts";

const result = (over: { b1?: string; mean?: number; seconds?: number; status?: string } = {}) => ({
  id: "optimizers-sgd",
  provenance: { date: String(Math.random()), durationMs: Math.random() },
  runs: [{ seed: 1, data: { mean: over.mean ?? 0.5, timing: { gd: { seconds: over.seconds ?? 0.3 } } } }],
  claims: [{
    id: "B1",
    status: over.status ?? "pass",
    verdict: { measured: { "1. SGD much faster than batch GD for large m": over.b1 ?? "true (0.3 s)" } },
  }],
});

Deno.test("same results: provenance and the documented wall-clock numbers are ignored", () => {
  assertEquals(resultDifferences(result(), result({ seconds: 0.9, b1: "true (0.9 s)" })), []);
});

Deno.test("same results: a changed number, status or missing claim is named with its path", () => {
  assertEquals(resultDifferences(result(), result({ mean: 0.5000001 })), ["runs.1.data.mean: 0.5 → 0.5000001"]);
  assertEquals(resultDifferences(result(), result({ status: "fail" })), ['claims.B1.status: "pass" → "fail"']);
  const fewer = { ...result(), claims: [] };
  assertEquals(resultDifferences(result(), fewer), ["claims.B1: only in the first"]);
});

Deno.test("same results: directories are compared per experiment file", async () => {
  const [a, b] = [await Deno.makeTempDir(), await Deno.makeTempDir()];
  try {
    await Deno.writeTextFile(`${a}/optimizers-sgd.json`, JSON.stringify(result()));
    await Deno.writeTextFile(`${b}/optimizers-sgd.json`, JSON.stringify(result({ mean: 1 })));
    await Deno.writeTextFile(`${a}/init.json`, JSON.stringify({ id: "init", runs: [], claims: [] }));
    const diffs = await compareResultDirs(a, b);
    assert(diffs.includes("optimizers-sgd: runs.1.data.mean: 0.5 → 1"), diffs.join("\n"));
    assert(diffs.includes(`init: only in ${a}`), diffs.join("\n"));
  } finally {
    await Deno.remove(a, { recursive: true });
    await Deno.remove(b, { recursive: true });
  }
});
