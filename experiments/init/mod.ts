/**
 * Weight initialization and activation statistics (claims C1–C8).
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { initClaims } from "./claims.ts";
import { initCharts, initTables } from "./report.ts";

export default defineExperiment({
  id: "init",
  title: "Weight initialization and activation statistics",
  lecture: [
    "Weight Initialization",
    "Weight Initialization: Activation Statistics",
    "Weight Initialization: Xavier Initialization",
    "Weight Initialization: What about ReLU?",
    "Weight Initialization: Kaiming / MSRA Initialization",
  ],
  summary: "A 6-layer net of width 4096 (x = act(x·W), batch 16 of randn inputs) shows what the weight scale does to " +
    "the activations: 0.01·randn makes them shrink to zero, 0.05·randn saturates tanh, Xavier (1/sqrt(Din)) keeps " +
    "tanh nets well scaled but lets ReLU nets collapse, and Kaiming (sqrt(2/Din)) fixes ReLU. Constant initialization " +
    "never breaks the symmetry between hidden units. For conv layers, Din = kernel_size² · input_channels.",
  params,
  seeds: { ci: 2, full: 10 },
  run,
  claims: initClaims,
  trainingSteps: trainedSteps,
  charts: initCharts,
  tables: initTables,
});
