/**
 * The falsifiers of the augmentation claims: planted bugs (the `fault` parameter, switched on at
 * the place the bug would live) and wrong beliefs (parameter values that make a claim false).
 * Most run one seed at a reduced budget: the behaviour checks do not need the trained classifiers.
 * @module
 */
import type { Falsifier } from "../../lib/experiment.ts";

/** A reduced budget for falsifiers whose point does not need the E4/E5 training (one seed). */
const CHEAP = {
  steps: "20",
  hidden: "32",
  testSize: "100",
  ttaSize: "50",
  sixNineTrain: "200",
  sixNineTest: "100",
  pcaImages: "200",
  checkImages: "32",
};

/** E1: a flip that is not an involution. */
export const E1_FALSIFIERS: Falsifier[] = [{
  name: "off-by-one horizontal flip",
  description: "The horizontal flip reads column w − j instead of w − 1 − j (clamped at the edge): the mirrored " +
    "image is shifted by one column, so flipping twice does not give the image back.",
  set: { fault: "flip-off-by-one", ...CHEAP },
  seeds: 1,
}];

/** E2: a junk PCA covariance, a no-op crop sampler, swapped jitter ranges. */
export const E2_FALSIFIERS: Falsifier[] = [
  {
    name: "PCA fit on planar-read pixels",
    description: "The PCA colour fit reads the channels-last training images as planar RGB (a layout mix-up): its " +
      "eigen-decomposition is consistent with itself but not with the covariance of the training pixels.",
    set: { fault: "pca-planar", ...CHEAP },
    seeds: 1,
  },
  {
    name: "no-op crop sampler",
    description: "The crop options are lost on the way to the sampler (zoom [1, 1], no shift): every crop is the " +
      "identity instead of a log-uniform zoom with a uniform shift.",
    set: { fault: "crop-noop", ...CHEAP },
    seeds: 1,
  },
  {
    name: "jitter ranges swapped",
    description: "The brightness and contrast ranges reach the jitter sampler in swapped order (brightness ±0.3, " +
      "contrast 1 ± 0.2 instead of ±0.2 and 1 ± 0.3).",
    set: { fault: "jitter-swapped", ...CHEAP },
    seeds: 1,
  },
];

/** E3: offsets per pixel instead of on a coarse grid. */
export const E3_FALSIFIERS: Falsifier[] = [{
  name: "elastic offsets per pixel",
  description: "Elastic offsets drawn at every pixel (a 28×28 grid on 28×28 digits) instead of on a coarse grid " +
    "that is interpolated: the displacement field is white noise, not smooth.",
  set: { grid: "28", ...CHEAP },
  seeds: 1,
}];

/** E4: an augmentation that does not preserve labels. */
export const E4_FALSIFIERS: Falsifier[] = [{
  name: "rotations up to ±180°",
  description: "The wrong belief that more augmentation is always better: random rotations up to ±180° on digits " +
    "turn 6s into 9s (and most digits into shapes the test set does not hold).",
  set: { maxDegrees: "180" },
  seeds: 1,
}];

/** E5: test-time augmentation done wrong. */
export const E5_FALSIFIERS: Falsifier[] = [
  {
    name: "TTA averages copies of the wrong image",
    description: "The augmented copies are averaged in reversed batch order, so each test image's prediction is " +
      "the average over copies of another image.",
    set: { fault: "tta-misaligned", ...CHEAP },
    seeds: 1,
  },
  {
    name: "TTA at full training strength",
    description: "The wrong belief that test-time copies should be augmented as strongly as training ones " +
      "(ttaStrength 1).",
    set: { ttaStrength: "1" },
    seeds: 1,
  },
];
