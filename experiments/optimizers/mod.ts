/**
 * Advanced optimization: jitter, saddles, momentum, Nesterov, AdaGrad, RMSProp (and its slide's
 * erratum), Adam and AdamW, on 2-D surfaces with stated properties and on MNIST digits
 * (claims B4, B6–B15; the SGD quizzes B1–B3 and B5 are in `optimizers-sgd`).
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { optimizerClaims } from "./claims.ts";
import { optimizerCharts } from "./report.ts";

export default defineExperiment({
  id: "optimizers",
  title: "Advanced optimization: momentum, Nesterov, AdaGrad, RMSProp, Adam, AdamW",
  lecture: [
    "Problems of SGD",
    "Introducing a momentum Algorithm",
    "Nesterow Momentum",
    "AdaGrad",
    "RMSprop",
    "Adam",
    "AdamW",
  ],
  summary: "Plain SGD jitters on ill-conditioned losses (large ratio of Hessian eigenvalues), stalls near saddle " +
    "points and follows noisy mini-batch gradients. Momentum (velocity v = ρv + (1−ρ)g) and Nesterov's look-ahead " +
    "damp the jitter and roll through flat regions; AdaGrad and RMSProp scale each coordinate by its accumulated " +
    "squared gradients; Adam combines both, with a bias correction for the zero-initialised moments; AdamW decouples " +
    "the weight decay. The RMSProp slide's code has `+=` where `=` is meant.",
  params,
  seeds: { ci: 5, full: 10 },
  run,
  claims: optimizerClaims,
  trainingSteps: trainedSteps,
  charts: optimizerCharts,
});
