/**
 * The parameters of the augmentation experiment, per profile.
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";

/** The parameter declarations of the augmentation experiment. */
export const params = {
  trainSizes: {
    ci: [200],
    full: [100, 300, 1000],
    min: 10,
    max: 5000,
    integer: true,
    doc: "Training-set sizes for E4 (the claim is judged at the smallest).",
  },
  testSize: { ci: 1000, full: 3000, min: 100, max: 5000, integer: true, doc: "Held-out digits for E4." },
  hidden: { ci: 100, full: 256, min: 4, max: 2048, integer: true, doc: "Hidden units of the E4/E5 classifier." },
  steps: { ci: 250, full: 1500, min: 1, max: 100000, integer: true, doc: "SGD steps (batch 50) of each E4 training." },
  lr: { ci: 0.05, full: 0.05, min: 0, max: 10, doc: "Learning rate (SGD, momentum 0.9) of every classifier." },
  zoom: { ci: [0.9, 1.15], full: [0.9, 1.15], min: 0.2, max: 5, doc: "Zoom range of random crops and scales." },
  pad: { ci: 2, full: 2, min: 0, max: 14, doc: "Extra random shift of crops, ± pixels." },
  maxDegrees: { ci: 15, full: 15, min: 0, max: 180, doc: "Random rotation range, ± degrees." },
  grid: { ci: 4, full: 4, min: 2, max: 28, integer: true, doc: "Elastic grid size (nodes per side)." },
  sigma: { ci: 1.5, full: 1.5, min: 0, max: 10, doc: "Std of the elastic grid offsets, pixels." },
  maxBrightness: { ci: 0.2, full: 0.2, min: 0, max: 1, doc: "Colour jitter: brightness offset range ±." },
  maxContrast: { ci: 0.3, full: 0.3, min: 0, max: 1, doc: "Colour jitter: contrast factor range 1 ±." },
  alphaStd: { ci: 0.1, full: 0.1, min: 0, max: 10, doc: "PCA colour: std of the sampled magnitudes α (AlexNet 0.1)." },
  pcaImages: { ci: 1000, full: 5000, min: 10, max: 10000, integer: true, doc: "Colourised digits the PCA is fit on." },
  checkImages: { ci: 64, full: 256, min: 4, max: 2000, integer: true, doc: "Images of the E2/E3 measurements." },
  ttaCopies: { ci: 8, full: 8, min: 1, max: 64, integer: true, doc: "Augmented copies per test image (E5)." },
  ttaStrength: {
    ci: 0.25,
    full: 0.25,
    min: 0,
    max: 1,
    doc: "Test-time augmentation ranges as a fraction of the training ranges (full strength is measured too).",
  },
  ttaSize: { ci: 500, full: 2000, min: 10, max: 5000, integer: true, doc: "Test digits of the E5 evaluation." },
  sixNineTrain: { ci: 1000, full: 1400, min: 10, max: 1500, integer: true, doc: "Training 6s and 9s of E1." },
  sixNineTest: { ci: 500, full: 500, min: 10, max: 1000, integer: true, doc: "Test 6s and 9s of E1." },
  fault: faultParam({
    "flip-off-by-one": "the horizontal flip reads column w − j instead of w − 1 − j (clamped at the edge)",
    "pca-planar": "the PCA colour fit reads the channels-last training pixels as planar (channels-first) RGB",
    "crop-noop": "the crop options are lost on the way to the sampler (zoom [1, 1], no shift): identity crops",
    "jitter-swapped": "the brightness and contrast ranges are passed to the jitter sampler in swapped order",
    "tta-misaligned": "test-time augmentation averages the predictions of copies of the wrong image (batch reversed)",
  }),
};
/** The resolved parameter values. */
export type P = ParamValues<typeof params>;
