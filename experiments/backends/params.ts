/**
 * The parameters of the backends experiment: which backends, and the init sizes every backend runs.
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";

/** The backends experiment's parameter specs. */
export const params = {
  backends: {
    ci: "cpu,cpu-blas,wasm,webgpu",
    full: "cpu,cpu-blas,wasm,webgpu",
    doc: "Backends to compare, comma-separated; the first one that starts is the reference.",
  },
  width: { ci: 256, full: 1024, min: 8, max: 8192, integer: true, doc: "init.width for every backend's run." },
  steps: { ci: 60, full: 400, min: 1, max: 100000, integer: true, doc: "init.steps (C1 training) for every run." },
  relTolerance: {
    ci: 1e-3,
    full: 1e-3,
    min: 0,
    max: 1,
    doc: "Largest relative difference from the reference allowed.",
  },
  fault: faultParam({
    "seed-per-repeat": "the repeat run is seeded with seed + its index (a loop counter added to the seed)",
    "stale-params": "the backends after the reference run init without the width override (its ci default)",
  }),
};

/** The resolved parameters of the backends experiment. */
export type P = ParamValues<typeof params>;
