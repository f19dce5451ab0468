/**
 * The data one seed of the `optimizers-sgd` experiment produces: the timed races and loss curves
 * of B1, the mini-batch trajectories of B2, the learning-rate quiz runs of B3 and the gradient
 * noise of B5.
 * @module
 */

/** A point of a timed run: updates so far, seconds of update work so far, full training loss. */
export interface TimedPoint {
  updates: number;
  seconds: number;
  loss: number;
}

/** A run timed to a target loss; `updates` and `seconds` are null when it never got there. */
export interface TimedRun {
  reached: boolean;
  updates: number | null;
  seconds: number | null;
  curve: TimedPoint[];
}

/** The running average of the sample loss after `t` samples. */
export interface AveragePoint {
  t: number;
  avg: number;
}

/** One mini-batch size of B2: its distance to the batch-GD and the SGD parameters. */
export interface MinibatchRun {
  batch: number;
  diffToBatchGD: number;
  diffToSGD: number;
}

/** B2: the largest batch-GD weight and one row per mini-batch size. */
export interface MinibatchTrajectories {
  scale: number;
  runs: MinibatchRun[];
}

/** One mini-batch size of B5: the measured gradient variance and the predicted one. */
export interface NoiseRow {
  batch: number;
  /** Mean of ‖g_b − g‖² over the draws. */
  variance: number;
  /** Standard error of that mean: the draws' sample std / √draws. */
  se: number;
  predicted: number;
}

/** B5: the per-sample gradient variance σ² and one row per mini-batch size. */
export interface GradientNoise {
  sigma2: number;
  rows: NoiseRow[];
}

/** One learning-rate run of the B3 quiz: the final full loss and the averaged sample loss. */
export interface QuizRun {
  fullLoss: number;
  avg: AveragePoint[];
  firstAvg: number;
  lastAvg: number;
}

/** A training loss before and after SGD. */
export interface LossChange {
  initial: number;
  final: number;
}

/** Data of one seed. */
export interface SgdData {
  timing: { gd: TimedRun; sgd: TimedRun };
  timingSmall: {
    gdSeconds: number | null;
    gdUpdates: number | null;
    sgdSeconds: number | null;
    sgdUpdates: number | null;
  };
  increases: { gd: number; sgd: number; gdCurve: number[]; sgdCurve: number[] };
  models: { logistic: LossChange; nn: LossChange; logisticAvg: AveragePoint[]; nnAvg: AveragePoint[] };
  shuffle: { shuffled: number; sorted: number; lastLabelSorted: number };
  b2: MinibatchTrajectories;
  quiz: {
    tuned: QuizRun;
    small: QuizRun;
    tiny: QuizRun;
    bigKept: QuizRun;
    bigReduced: QuizRun;
    increasing: QuizRun;
    decreasing: QuizRun;
  };
  noise: GradientNoise;
}
