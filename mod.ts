/**
 * claimbook: every claim of a deep-learning lecture as an experiment that runs on TensorFlow.js,
 * checks itself over several seeds, and renders a static HTML report.
 *
 * A claim is declared with {@link defineExperiment} in one file of `experiments/`; the runner
 * ({@link runExperiment}) runs it per seed on the backend chosen by {@link initBackend}, and the
 * verdict builders in `checks` compare the run's own numbers with what the lecture says.
 *
 * @example
 * ```ts
 * import { defineExperiment, approx } from "./mod.ts";
 * export default defineExperiment({
 *   id: "demo", title: "Demo", lecture: ["A slide"], summary: "What the slide says.",
 *   params: { n: { ci: 100, full: 10000, min: 1, integer: true, doc: "Samples." } },
 *   seeds: { ci: 3, full: 10 },
 *   async run({ rng, params }) {
 *     const xs = rng.normals(params.n);
 *     return { mean: xs.reduce((a, b) => a + b, 0) / xs.length };
 *   },
 *   claims: [{
 *     id: "A1", kind: "value", statement: "randn has mean 0",
 *     check: (runs) => ({ ...approx(runs[0].data.mean, 0, { abs: 0.5 }), summary: "The sample mean is near 0." }),
 *   }],
 * });
 * ```
 * @module
 */
export * from "./lib/experiment.ts";
export * from "./lib/checks.ts";
export * from "./lib/charts/mod.ts";
export * from "./lib/params.ts";
export * from "./lib/rng.ts";
export * from "./lib/stats.ts";
export { BACKEND_ORDER, type BackendName, BackendUnavailable, initBackend } from "./lib/backend.ts";
export { type ClaimResult, type ClaimStatus, type ExperimentResult, isFailure, runExperiment } from "./lib/runner.ts";
export * from "./lib/data/dataset.ts";
export { loadEmbeddedMnist } from "./lib/data/mnist.ts";
