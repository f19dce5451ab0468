import { assertEquals } from "../std.ts";
import { explainChange, seedsText } from "./explain.ts";
import type { KeyParts } from "./key.ts";

const base: KeyParts = {
  experiment: "init",
  profile: "ci",
  seeds: [1, 2, 3],
  params: { width: 512, depths: [2, 3] },
  backend: { name: "cpu-blas", device: "OpenBLAS" },
  versions: { deno: "2.9.6", tfjs: "4.22.0", lockfile: "aa" },
  modules: { "experiments/init/nets.ts": "1", "lib/stats.ts": "2" },
};

Deno.test("explainChange names every changed part in words", () => {
  assertEquals(explainChange(base, base), []);
  const now: KeyParts = {
    ...base,
    seeds: [1, 2, 3, 4, 5],
    params: { width: 1024, depths: [2, 3] },
    backend: { name: "wasm", device: "WebAssembly" },
    versions: { ...base.versions, lockfile: "bb" },
    modules: { "experiments/init/nets.ts": "9", "lib/charts/line.ts": "3" },
  };
  assertEquals(explainChange(base, now), [
    "experiments/init/nets.ts changed",
    "lib/charts/line.ts added to its imports",
    "lib/stats.ts no longer imported",
    "seeds 1–3 → 1–5",
    "init.width 512 → 1024",
    "new backend (cpu-blas → wasm)",
    "deno.lock changed (dependencies)",
  ]);
  assertEquals(seedsText([1, 4, 7]), "1, 4, 7");
});
