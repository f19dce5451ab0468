/**
 * A training-time augmentation pipeline: random crop and scale combined with a random rotation
 * (one bilinear resampling), then an elastic deformation, then colour jitter. Each step is
 * skipped when its range is zero.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";
import type { AffineMap } from "./sample.ts";
import { warpAffine } from "./sample.ts";
import { cropScaleMap, rotationMap, sampleAngles, sampleCropScales } from "./geometric.ts";
import { elasticDeform, sampleGridOffsets } from "./elastic.ts";
import { colourJitter, sampleJitter } from "./colour.ts";

/** Ranges of the pipeline's random augmentations. */
export interface AugmentOptions {
  /** Zoom range of random crops and scales ([1, 1] for none). */
  zoom: [number, number];
  /** Extra crop shift, ±pixels. */
  pad: number;
  /** Rotation range, ±degrees. */
  maxDegrees: number;
  /** Elastic grid size (nodes per side) and offset std in pixels (0 for none). */
  grid: number;
  sigma: number;
  /** Colour jitter: brightness ±, contrast 1 ± (0 for none). */
  brightness: number;
  contrast: number;
}

/** The digit augmentation used by default in this project (the `augmentation` experiment's ci ranges). */
export const DIGIT_AUGMENTATION: AugmentOptions = {
  zoom: [0.9, 1.15],
  pad: 2,
  maxDegrees: 15,
  grid: 4,
  sigma: 1.5,
  brightness: 0,
  contrast: 0,
};

/** Composes two affine maps about the centre: first `inner` (crop/scale), then `outer` (rotation). */
function compose(outer: AffineMap, inner: AffineMap): AffineMap {
  // src = A_i·(A_o·(p − c) + t_o) + c + t_i
  const [a, b, c, d] = inner.a, [e, f, g, h] = outer.a;
  return {
    a: [a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h],
    t: [a * outer.t[0] + b * outer.t[1] + inner.t[0], c * outer.t[0] + d * outer.t[1] + inner.t[1]],
  };
}

/** Augments a batch ([N, H, W, C] in [0, 1]) with fresh random parameters from `rng`. */
export function augmentBatch(tf: typeof tfjs, images: tfjs.Tensor4D, rng: Rng, o: AugmentOptions): tfjs.Tensor4D {
  const [n, h] = images.shape;
  return tf.tidy(() => {
    let x = images;
    const geometric = o.zoom[0] !== 1 || o.zoom[1] !== 1 || o.pad > 0 || o.maxDegrees > 0;
    if (geometric) {
      const crops = sampleCropScales(rng, n, h, { zoom: o.zoom, pad: o.pad });
      const angles = sampleAngles(rng, n, o.maxDegrees);
      x = warpAffine(tf, x, crops.map((c, i) => compose(rotationMap(angles[i]), cropScaleMap(c))));
    }
    if (o.sigma > 0) x = elasticDeform(tf, x, sampleGridOffsets(rng, n, o.grid, o.sigma));
    if (o.brightness > 0 || o.contrast > 0) x = colourJitter(tf, x, sampleJitter(rng, n, o.brightness, o.contrast));
    return x === images ? tf.clone(images) : x;
  });
}
