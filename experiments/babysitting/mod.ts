/**
 * Babysitting the learning process (claims G1–G5, H1): the lecture's 2-layer net and its sanity
 * checks. The data is loaded by lib/data (this file does no I/O): `--set babysitting.data=idx`.
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { loadInputs, run, trainedSteps } from "./run.ts";
import { babysittingClaims } from "./claims.ts";
import { babysittingCharts, babysittingTables } from "./report.ts";

export default defineExperiment({
  id: "babysitting",
  title: "Babysitting the learning process: the 2-layer net's sanity checks",
  lecture: ["Babysitting the learning process", "Double check that the loss is reasonable", "Let's try to train now"],
  summary: "The lecture's 2-layer net (50 hidden ReLU units, W = 1e-4·randn, softmax loss + 0.5·reg·ΣW²) is " +
    "checked before any search: the initial loss is ln(10) ≈ 2.30 for 10 classes, cranking up the " +
    "regularization raises it (3.07 at reg 1e3), 20 examples can be overfitted to 100% accuracy, and the " +
    "learning rate is bracketed: 1e-6 barely moves the loss, 1e6 gives NaN, too high a rate explodes, " +
    "leaving a rough range of [1e-5, 1e-3]. Images are mean-subtracted raw pixels, as in the lecture.",
  params,
  seeds: { ci: 1, full: 2 },
  run,
  inputs: loadInputs,
  claims: babysittingClaims,
  trainingSteps: trainedSteps,
  charts: babysittingCharts,
  tables: babysittingTables,
});
