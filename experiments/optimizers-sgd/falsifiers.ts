/**
 * The falsifiers of the `optimizers-sgd` claims: realistic bugs and mis-tunings, switched on through
 * the run's own parameters (`fault`, or a learning rate). Each run shrinks the budgets of the parts
 * it does not judge, so that all of them together cost about as much as two ci runs.
 * @module
 */
import type { Falsifier } from "../../lib/experiment.ts";

/** B1's races, curves and models, shrunk (for runs that judge B2, B3 or B5 only). */
const noB1 = {
  bigM: "200",
  target: "2.2",
  smallM: "100",
  curveUpdates: "2",
  nnUpdates: "10",
  shuffleM: "100",
  hidden: "5",
};
/** B3's learning-rate quiz, shrunk (it still covers B5's 200 warm-up updates). */
const noB3 = { quizM: "200", quizUpdates: "200" };
/** B5's gradient-noise measurement, shrunk. */
const noB5 = { noiseM: "200", noiseDraws: "2", noiseBatches: "1" };

/** B1: batch GD at 10× its learning rate: its loss rises and it never reaches the target. */
export const gdLr10x: Falsifier = {
  name: "batch-GD learning rate 10× too large",
  description: "Batch GD runs at α = 5 instead of 0.5: its full training loss goes up between iterations and it " +
    "never reaches the target loss, so neither 'falls every iteration' nor a won race can be shown.",
  set: { gdLr: "5", ...noB3, ...noB5 },
};

/** B2: the mini-batch step forgets the 1/b of the average. */
export const batchSum: Falsifier = {
  name: "mini-batch step without 1/b",
  description: "Mini-batch GD updates θ −= α·Σ over the batch instead of α·(1/b)·Σ: B = 1 is still SGD, but B = m " +
    "takes m-times larger steps than batch GD.",
  set: { fault: "batch-sum", ...noB1, ...noB3, ...noB5 },
  seeds: 1,
};

/** B3: the 'decreasing' schedule's exponent has the wrong sign. */
export const scheduleGrows: Falsifier = {
  name: "decay schedule that grows",
  description: "The decreasing schedule α·√f·f^(−t/n) is coded with f^(+t/n): α rises from √f·α to f^1.5·α, so the " +
    "'decreasing' run ends worse than the increasing one.",
  set: { fault: "schedule-grows", ...noB1, ...noB5 },
};

/** B5: indices drawn with replacement. */
export const withReplacement: Falsifier = {
  name: "mini-batches drawn with replacement",
  description: "The batch sampler draws its b indices with replacement, so the variance is σ²/b without the " +
    "finite-population factor (m − b)/(m − 1): 34% above the prediction at b = 256 of m = 1000.",
  set: { fault: "replace", ...noB1, ...noB3 },
  seeds: 1,
};
