/**
 * The data one seed of the layers family produces.
 * @module
 */
import type { ConvShape, NormsResult, ParamCount } from "./measure.ts";
import type { BatchNormPattern } from "../../lib/nn/batchnorm_pattern.ts";

/** One A5 run: steps to the target loss (null: not within the budget) and the loss per step. */
export interface TargetRun {
  reachedAt: number | null;
  losses: number[];
}

/** Everything one seed measures. */
export interface LayersData {
  a1: ConvShape[];
  a2: ParamCount[];
  a3: NormsResult;
  /** BatchNorm's train/inference behaviour per batch size. */
  a4: { batch: number; pattern: BatchNormPattern }[];
  a5: { plain: TargetRun; batchNorm: TargetRun };
}
