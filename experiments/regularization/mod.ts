/**
 * Regularization: weight penalties, dropout and the "training adds randomness, testing averages"
 * pattern (claims D1–D7).
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { regularizationClaims } from "./claims.ts";
import { regularizationCharts, regularizationTables } from "./report.ts";

export default defineExperiment({
  id: "regularization",
  title: "Regularization: weight penalties and dropout",
  lecture: [
    "Recap: Additional Term in Loss",
    "Regularization: Dropout",
    "Dropout: Test Time",
    "Dropout Summary",
    "Regularization: A common pattern",
  ],
  summary: "A regularization term λ·R(θ) is added to the data loss (L2: ΣW², L1: Σ|W|). Dropout sets each hidden " +
    "unit to zero with probability 1 − p in every forward pass (p = probability of keeping a unit, 0.5 is common): " +
    "it trains an ensemble of 2^n weight-sharing models. At test time the randomness is averaged out approximately by " +
    "scaling the activations by p (vanilla dropout) or, equivalently, by dividing by p during training (inverted " +
    "dropout). The general pattern: training adds randomness, testing averages over it.",
  params,
  seeds: { ci: 3, full: 5 },
  run,
  claims: regularizationClaims,
  trainingSteps: trainedSteps,
  charts: regularizationCharts,
  tables: regularizationTables,
});
