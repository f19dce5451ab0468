/**
 * The parameters of the `optimizers-sgd` experiment: training-set sizes, learning rates, update
 * budgets and the quiz factors of B1–B5.
 * @module
 */
import { faultParam, numberParam as num, type ParamValues } from "../../lib/params.ts";

/** The parameter specs of the `optimizers-sgd` experiment. */
export const params = {
  bigM: num(5000, 9000, "Training-set size m for 'SGD is faster when m is large' (B1).", 10, 10000, true),
  target: num(0.6, 0.5, "Training loss both GD and SGD must reach (B1 timing).", 0, 10),
  gdLr: num(0.5, 0.5, "Batch-GD learning rate (B1, B2).", 0, 100),
  sgdLr: num(0.01, 0.01, "SGD learning rate, batch 1 (B1, B3).", 0, 100),
  fasterFactor: num(2, 2, "'Much faster': SGD must need less than 1/factor of batch GD's time.", 1, 1000),
  maxGdSteps: num(200, 400, "Step budget of batch GD (B1).", 1, 1e6, true),
  smallM: num(500, 1000, "Training-set size of the per-update loss curves (B1).", 10, 10000, true),
  curveUpdates: num(60, 200, "Updates whose full training loss is recorded (B1).", 2, 1e5, true),
  hidden: num(50, 50, "Hidden units of the small NN trained with SGD (B1).", 1, 4096, true),
  nnUpdates: num(500, 3000, "SGD updates (batch 1) of logistic regression and the small NN (B1).", 1, 1e6, true),
  shuffleM: num(1000, 3000, "Training-set size of the sorted-vs-shuffled epoch (B1).", 10, 10000, true),
  b2M: num(64, 256, "Training-set size of the mini-batch identity (B2).", 2, 10000, true),
  b2Epochs: num(3, 5, "Epochs of the mini-batch identity (B2).", 1, 1000, true),
  quizM: num(2000, 8000, "Training-set size of the learning-rate quiz (B3).", 10, 10000, true),
  quizUpdates: num(2000, 20000, "SGD updates (batch 1) per learning-rate run (B3).", 10, 1e6, true),
  window: num(100, 1000, "Running average over the last k samples (the slide: 1000).", 1, 1e6, true),
  smallFactor: num(100, 100, "'Very small α' = α / factor (B3).", 1, 1e6),
  tinyFactor: num(1000, 1000, "'Poorly tuned α' = α / factor for the flat averaged loss (B3).", 1, 1e9),
  bigFactor: num(10, 10, "Large α = α · factor, then reduced back by it (B3, 'reducing α').", 1, 1e6),
  scheduleRange: num(10, 10, "Schedules change α by this factor over the run (B3).", 1, 1e6),
  noiseM: num(1000, 5000, "Training-set size for the gradient-noise measurement (B5).", 10, 10000, true),
  noiseBatches: {
    ci: [1, 4, 16, 64, 256],
    full: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    doc: "Mini-batch sizes b (B5).",
    min: 1,
    max: 10000,
    integer: true,
  },
  noiseDraws: num(100, 400, "Mini-batches drawn per b (B5).", 2, 1e6, true),
  noiseWarmup: num(200, 200, "SGD updates before measuring the gradient noise (B5).", 0, 1e6, true),
  level: num(0.05, 0.05, "Level of the one-sided sign test over seeds of the quizzes (B1, B3).", 0.001, 0.49),
  noiseZ: num(
    4,
    4,
    "B5: allowed deviation from the prediction, in standard errors of the measured variance.",
    0.5,
    100,
  ),
  fault: faultParam({
    "replace": "B5's mini-batch sampler draws its b indices with replacement",
    "batch-sum": "mini-batch GD steps by α·Σ over the batch, forgetting the 1/b (B2)",
    "schedule-grows": "the 'decreasing' learning-rate schedule has the exponent's sign flipped, so α grows (B3)",
  }),
};
/** Resolved parameters of the experiment. */
export type P = ParamValues<typeof params>;
