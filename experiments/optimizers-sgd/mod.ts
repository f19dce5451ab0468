/**
 * Stochastic and mini-batch gradient descent on MNIST digits: the slides' SGD quizzes (B1, B3),
 * mini-batch = batch GD when B = m (B2), and mini-batch gradient noise against b (B5).
 * @module
 */
import { defineExperiment } from "../../lib/experiment.ts";
import { params } from "./params.ts";
import { run, trainedSteps } from "./run.ts";
import { sgdClaims } from "./claims.ts";
import { sgdCharts } from "./report.ts";

export default defineExperiment({
  id: "optimizers-sgd",
  title: "Stochastic and mini-batch gradient descent: the SGD quizzes on MNIST",
  lecture: ["Which of the following about SGD are true?", "Mini-batch Gradient Descent", "Checking for convergence"],
  summary: "Batch gradient descent uses all m examples per step, SGD one, mini-batch GD b. The slides' quizzes " +
    "ask when SGD is faster, whether its loss must fall every step, whether it only works for linear regression, " +
    "why to shuffle, what a small or a decreasing learning rate does, and how to read the loss averaged over the " +
    "last k samples. Here each quiz statement is tested on softmax regression (and a small net) on MNIST digits, " +
    "with real timing; mini-batch gradient noise is measured against b.",
  params,
  seeds: { ci: 5, full: 5 },
  run,
  claims: sgdClaims,
  trainingSteps: trainedSteps,
  charts: sgdCharts,
});
