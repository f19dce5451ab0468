/**
 * The per-seed data of the augmentation experiment.
 * @module
 */
import type { measureCropScale, measureElastic, measureJitter, measurePca } from "./measure.ts";
import type { measureCropSampler, measurePcaFit } from "./fit_checks.ts";
import type { SixNineResult } from "./six_nine.ts";
import type { TtaResult } from "./tta.ts";
import type { Showcase } from "./showcase.ts";

/** Held-out accuracy without and with augmentation at one training-set size (E4). */
export interface SizeResult {
  size: number;
  accNone: number;
  accAug: number;
  /** Paired per-image differences (correct with augmentation − correct without) over the test set. */
  paired: { sum: number; sumSq: number; count: number };
  /** Training steps each arm executed (counted in the training loop). */
  steps: { none: number; aug: number };
}

/** What one seed's run returns. */
export interface AugData {
  e1: SixNineResult;
  crop: Awaited<ReturnType<typeof measureCropScale>>;
  /** The crop sampler as the pipeline configures it, against the claimed distribution. */
  sampler: ReturnType<typeof measureCropSampler>;
  jitter: Awaited<ReturnType<typeof measureJitter>>;
  pca: Awaited<ReturnType<typeof measurePca>>;
  /** The PCA colour fit against the covariance of the training pixels. */
  pcaFit: ReturnType<typeof measurePcaFit>;
  elastic: Awaited<ReturnType<typeof measureElastic>>;
  sizes: SizeResult[];
  tta: { augmented: TtaResult; plainModel: TtaResult; fullStrength: TtaResult };
  showcase: Showcase;
}
