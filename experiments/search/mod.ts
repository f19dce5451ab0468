/**
 * Hyper-parameter search (claims G6–G8): coarse-to-fine random search in log space, random vs
 * grid search at equal budget, and the "worrying" best value at the edge of its range. The data
 * is loaded by lib/data (this file does no I/O): `--set search.data=idx`.
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { loadInputs, run, trainedSteps } from "./run.ts";
import { searchClaims } from "./claims.ts";
import { searchCharts, searchTables } from "./report.ts";

export default defineExperiment({
  id: "search",
  title: "Hyper-parameter search: coarse to fine, random vs grid",
  lecture: ["Hyperparameter Optimization", "Random Search vs. Grid Search", "Validation strategy"],
  summary: "The lecture searches the 2-layer net's learning rate and regularization in log space: a coarse stage " +
    "(100 trials × 5 epochs, reg = 10**uniform(-5, 5), lr = 10**uniform(-6, -3)) narrows the ranges for a finer, " +
    "longer stage; random search beats grid search when one parameter matters and the other does not (Bergstra & " +
    "Bengio 2012); and a best value at the edge of its range is 'worrying': the optimum may lie outside it.",
  params,
  seeds: { ci: 1, full: 1 },
  run,
  inputs: loadInputs,
  claims: searchClaims,
  trainingSteps: trainedSteps,
  charts: searchCharts,
  tables: searchTables,
});
