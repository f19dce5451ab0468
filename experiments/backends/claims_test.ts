/** H2's judgement of backends that did not run: absent is not a failure, refused by its self-check is. */
import { assert, assertEquals } from "../../lib/std.ts";
import { BackendBroken, BackendUnavailable } from "../../lib/backend.ts";
import { backendsClaims } from "./claims.ts";
import { params } from "./params.ts";
import { notRun, trainedSteps } from "./run.ts";
import type { BackendRun } from "./types.ts";
import type { P } from "./params.ts";

const p = Object.fromEntries(Object.entries(params).map(([k, s]) => [k, s.ci])) as P;
const ok = (name: string): BackendRun => ({
  name,
  device: name,
  measured: { C2: [0.5, 0.25] },
  identical: true,
  trainingSteps: 100,
  ms: 1,
});
const h2 = (runs: BackendRun[]) => backendsClaims[0].check([{ seed: 1, data: { runs } }], p);

Deno.test("H2 holds when two backends agree and an absent one is only noted", () => {
  const absent = notRun("webgpu", new BackendUnavailable("this runtime has no WebGPU"));
  assertEquals(absent.unavailable, "this runtime has no WebGPU");
  const v = h2([ok("cpu"), ok("cpu-blas"), absent]);
  assert(v.pass, v.summary);
});

Deno.test("H2 fails when a named backend is refused by its self-check or throws while running", () => {
  const refused = notRun("cpu-blas", new BackendBroken("its self-check against the stock cpu kernels failed"));
  assertEquals(refused.failed, "its self-check against the stock cpu kernels failed");
  const v = h2([ok("cpu"), ok("wasm"), refused]);
  assert(!v.pass);
  assert(v.summary.startsWith("Not the same numbers"), v.summary);
  const threw = notRun("wasm", new Error("kernel Conv2D failed"));
  assert(!h2([ok("cpu"), ok("cpu-blas"), threw]).pass);
});

Deno.test("trainedSteps sums the training steps every backend recorded, 0 when none trained", () => {
  const seed = (runs: BackendRun[]) => ({ seed: 1, data: { runs } });
  const absent = notRun("webgpu", new BackendUnavailable("this runtime has no WebGPU"));
  assertEquals(absent.trainingSteps, 0);
  assertEquals(trainedSteps([seed([ok("cpu"), ok("wasm"), absent]), seed([ok("cpu")])]), 300);
  assertEquals(trainedSteps([seed([{ ...ok("cpu"), trainingSteps: 0 }, absent]), seed([])]), 0);
  const old = { ...ok("cpu") } as Partial<BackendRun>;
  delete old.trainingSteps;
  assert(Number.isNaN(trainedSteps([seed([old as BackendRun])])), "a result from before the count is unknown");
});
