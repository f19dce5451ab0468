import { assert, assertEquals } from "./std.ts";
import { runStates } from "./run_states.ts";
import type { Experiment } from "./experiment.ts";
import type { ExperimentResult } from "./runner.ts";

const exp = (id: string, steps?: number) =>
  ({ id, title: `T ${id}`, ...(steps !== undefined ? { trainingSteps: () => steps } : {}) }) as unknown as Experiment;
const result = (id: string, backend = "cpu-blas", cached = false) =>
  ({
    id,
    runs: [],
    params: {},
    backend: { name: backend },
    provenance: { date: "2026-12-02T00:00:00Z" },
    ...(cached ? { cached: { date: "2026-12-01T10:00:00Z", commit: "abc" } } : {}),
  }) as unknown as ExperimentResult;

Deno.test("every registry experiment gets a run state with its reason", () => {
  const exps = [exp("a"), exp("b"), exp("c"), exp("d"), exp("e")];
  const fresh = [result("a"), result("b", "cpu-blas", true)];
  const states = runStates(exps, [...fresh, result("c")], {
    fresh,
    errors: [{ id: "d", message: "worker exit 3" }],
    selected: ["a", "b", "d"],
    wanted: ["a", "b", "d", "e"],
  });
  assertEquals(states.map((s) => s.state), [
    "run",
    "cached from 2026-12-01 (commit abc)",
    "earlier result from 2026-12-02 (not run this time)",
    "not run: error (worker exit 3)",
    "not run: another shard",
  ]);
});

Deno.test("a run on a slower backend than the baseline's, and a trainer with no training step, are flagged", () => {
  const [s] = runStates([exp("a", 0)], [result("a", "wasm")], { baselineBackend: "cpu-blas" });
  assertEquals(s.flags, [
    "ran on wasm, slower than the baseline's cpu-blas",
    "executed no training step, although it trains",
  ]);
  const [ok] = runStates([exp("a", 12)], [result("a")], { baselineBackend: "cpu-blas" });
  assert(ok.flags.length === 0);
});
