/**
 * Deep ReLU nets on real digits from Kaiming, Xavier and 0.01·randn init (claim C9, He et al. 2015).
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { deepInitClaims } from "./claims.ts";
import { deepInitCharts, deepInitTables } from "./report.ts";

export default defineExperiment({
  id: "deep-init",
  title: "Deep ReLU nets: Kaiming vs Xavier vs 0.01·randn in training",
  lecture: ["Weight Initialization: Kaiming / MSRA Initialization"],
  summary: "Beyond the slides (He et al. 2015): the init that keeps the activation std of a ReLU net constant, " +
    "std = √(2/Din), lets a deep net (here ≥ 20 dense ReLU layers on MNIST digits) train with plain SGD; with Xavier's " +
    "1/√Din the signal halves every two layers and with 0.01·randn it vanishes, and so do the gradients: the same " +
    "SGD barely moves the loss from ln 10.",
  params,
  seeds: { ci: 1, full: 5 },
  run,
  claims: deepInitClaims,
  trainingSteps: trainedSteps,
  charts: deepInitCharts,
  tables: deepInitTables,
});
