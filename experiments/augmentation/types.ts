/**
 * The per-seed data of the augmentation experiment.
 * @module
 */
import type { measureCropScale, measureElastic, measureJitter, measurePca } from "./measure.ts";
import type { SixNineResult } from "./six_nine.ts";
import type { TtaResult } from "./tta.ts";
import type { Showcase } from "./showcase.ts";

/** Held-out accuracy without and with augmentation at one training-set size (E4). */
export interface SizeResult {
  size: number;
  accNone: number;
  accAug: number;
}

/** What one seed's run returns. */
export interface AugData {
  e1: SixNineResult;
  crop: Awaited<ReturnType<typeof measureCropScale>>;
  jitter: Awaited<ReturnType<typeof measureJitter>>;
  pca: Awaited<ReturnType<typeof measurePca>>;
  elastic: Awaited<ReturnType<typeof measureElastic>>;
  sizes: SizeResult[];
  tta: { augmented: TtaResult; plainModel: TtaResult; fullStrength: TtaResult };
  showcase: Showcase;
}
