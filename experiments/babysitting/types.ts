/**
 * The data one seed of the babysitting experiment produces: the initial losses at the lecture's
 * sizes (G1, G2), the overfitting log (G3), one epoch table per learning rate (G4, G5) and the
 * gradient checks (H1).
 * @module
 */
import type { DataInfo } from "../../lib/data/prepare.ts";
import type { EpochRow } from "../../lib/nn/classifier_trainer.ts";
import type { Real } from "../../lib/nn/real.ts";
import type { ParamName } from "../../lib/nn/two_layer_net.ts";

/** The result for one parameter array. */
export interface GradCheckResult {
  param: ParamName;
  /** Entries checked (the largest gradients first, then random ones), kinks included. */
  entries: number;
  /** The array's largest |analytic gradient|. */
  gradScale: number;
  /** Largest relative error over checked entries with |a| ≥ 1% of gradScale ("NaN" if none). */
  maxRelError: Real;
  /** Largest |a − n| / gradScale over every checked entry. */
  maxScaledError: number;
  /** Entries skipped because w ± h switched a ReLU on or off (finite differences are wrong there). */
  kinks: number;
}

/** One directional check of the tfjs training net: the analytic g·u against the difference quotient. */
export interface TfGradCheckResult {
  param: ParamName;
  /** "gradient" or "gradient on half the entries". */
  direction: string;
  /** g·u from the analytic float32 gradient. */
  analytic: number;
  /** (L(w + h·u) − L(w − h·u)) / 2h of the net's own float32 loss. */
  numerical: number;
  h: number;
  /** |analytic − numerical| / (|analytic| + |numerical|) ("NaN" for a zero gradient). */
  relError: Real;
}

/** One learning-rate run: the epoch table of the lecture. */
export interface LrRun {
  lr: number;
  rows: EpochRow[];
}

/** What one seed produces. */
export interface BabysitData {
  data: DataInfo;
  /** G1/G2 at the lecture's sizes (3,072 inputs). */
  lectureSize: { D: number; inputs: string; dataLoss: number; sumSqW: number; lossHighReg: number; logitRange: number };
  overfit: EpochRow[];
  lrRuns: LrRun[];
  /** G4: more independent runs at the low rate (the first is the sweep's), their epoch tables. */
  lowRepeats: EpochRow[][];
  gradCheck: { init: GradCheckResult[]; trained: GradCheckResult[] };
  /** H1 on the tfjs net that trains: at G3's start (reg 0) and after G3 (reg runReg). */
  tfGradCheck: { init: TfGradCheckResult[]; trained: TfGradCheckResult[] };
}
