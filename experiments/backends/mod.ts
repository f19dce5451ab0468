/**
 * Claim H2: the same experiment gives the same numbers on every backend (within a stated
 * float32 tolerance), and the same seed on the same backend gives bit-identical data.
 * The init family's value claims are recomputed on each backend in this one process.
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { backendsClaims } from "./claims.ts";
import { backendsCharts, backendsTables } from "./report.ts";

export default defineExperiment({
  id: "backends",
  title: "Backends agree, and runs are reproducible",
  lecture: ["(method) every stochastic check states its seeds; results do not depend on the backend"],
  summary: "Not a slide but a promise of the method (claim H2): the init family's value claims are measured again on " +
    "each available backend (stock JavaScript, native BLAS, WebAssembly, WebGPU) with the same seed, compared with " +
    "the first backend within a float32 tolerance, and each backend's run is repeated to show it is bit-identical.",
  params,
  seeds: { ci: 1, full: 2 },
  run,
  claims: backendsClaims,
  trainingSteps: trainedSteps,
  charts: backendsCharts,
  tables: backendsTables,
});
