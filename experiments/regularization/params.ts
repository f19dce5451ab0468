/**
 * The parameters of the regularization family (D1–D7).
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";

/** The planted bugs and wrong beliefs of the falsifiers (claims.ts), by `fault` value. */
export const REGULARIZATION_FAULTS = {
  "l2-no-half": "the L2 term as λ·ΣW² without the code's ½ (the slide's formula)",
  "l2-minus": "the L2 term subtracted from the data loss (wrong sign)",
  "swap-keep-drop": "keep and drop swapped in the mask (U = rand ≥ p: p becomes the drop probability)",
  "rate-is-keep": "the keep probability passed as tfjs's drop rate (rate = p instead of 1 − p)",
  "no-rescale": "inverted dropout without its rescaling (h·U in training, no division by p)",
  "ln-for-log10": "the mask count's exponent from Math.log (ln) instead of Math.log10",
};

/** The parameters of the family (every one overridable with --set regularization.<name>=…). */
export const params = {
  fault: faultParam(REGULARIZATION_FAULTS),
  keep: {
    ci: 0.5,
    full: 0.5,
    min: 0.05,
    max: 0.95,
    doc: "Keep probability p of dropout (the slides' p; tfjs rate = 1 − p).",
  },
  asymKeep: {
    ci: 0.2,
    full: 0.2,
    min: 0.05,
    max: 0.95,
    doc: "A second keep probability, away from 0.5, at which D2–D4 are measured too (at p = 0.5 keeping and " +
      "dropping are symmetric, so a mask with the two swapped looks right).",
  },
  regInputPad: {
    ci: 2,
    full: 2,
    min: 0,
    max: 8,
    integer: true,
    doc: "Zero padding around the 28×28 digits for D1; 2 with grey-to-RGB gives the lecture's 32·32·3 = 3072 inputs.",
  },
  regHidden: {
    ci: 50,
    full: 50,
    min: 1,
    max: 4096,
    integer: true,
    doc: "Hidden units of D1's 2-layer net (lecture 50).",
  },
  regScale: { ci: 1e-4, full: 1e-4, min: 0, max: 1, doc: "Weight std of D1's net (lecture 1e-4·randn)." },
  l2: { ci: 1e3, full: 1e3, min: 0, max: 1e9, doc: "λ of the L2 term 0.5·λ·ΣW² (lecture 1e3)." },
  l1: { ci: 10, full: 10, min: 0, max: 1e9, doc: "λ of the L1 term λ·Σ|W|." },
  regBatch: { ci: 200, full: 1000, min: 10, max: 5000, integer: true, doc: "Real images in D1's loss." },
  maskUnits: {
    ci: 4096,
    full: 4096,
    min: 1,
    max: 65536,
    integer: true,
    doc: "Units of the D2 and D5 layer (slide 4096).",
  },
  maskBatch: { ci: 16, full: 64, min: 1, max: 1024, integer: true, doc: "Rows per D2 forward pass." },
  maskPasses: { ci: 10, full: 50, min: 1, max: 1000, integer: true, doc: "Forward passes for D2." },
  neuronW: { ci: [0.8, -1.5], full: [0.8, -1.5], min: -100, max: 100, doc: "Weights w1, w2 of the D3 neuron." },
  neuronInput: { ci: [2, 1], full: [2, 1], min: -100, max: 100, doc: "Inputs x, y of the D3 neuron." },
  neuronSamples: { ci: 20000, full: 200000, min: 10, max: 1e7, integer: true, doc: "Monte-Carlo masks for D3." },
  expectSamples: { ci: 400, full: 2000, min: 10, max: 100000, integer: true, doc: "Masks averaged per unit in D4." },
  expectUnits: { ci: 1024, full: 4096, min: 8, max: 65536, integer: true, doc: "Units of the D4 activation vector." },
  pool: {
    ci: 2,
    full: 2,
    min: 1,
    max: 4,
    integer: true,
    doc: "Average-pooling factor of the digits for D6/D7 (2: 14×14).",
  },
  trainSize: { ci: 200, full: 500, min: 10, max: 8000, integer: true, doc: "Training digits for D7 (a small subset)." },
  valSize: { ci: 500, full: 2000, min: 10, max: 5000, integer: true, doc: "Validation digits for D6/D7." },
  hidden: {
    ci: [128, 128, 128],
    full: [256, 256, 256],
    min: 1,
    max: 8192,
    integer: true,
    doc: "Hidden layer widths of the over-parameterized net (dropout after each).",
  },
  steps: { ci: 150, full: 300, min: 1, max: 100000, integer: true, doc: "Full-batch Adam steps for D7." },
  d7Repeats: {
    ci: 2,
    full: 2,
    min: 1,
    max: 20,
    integer: true,
    doc: "Independent D7 comparisons per seed (each its own split, initial weights and masks); the sign test " +
      "runs over seeds × repeats.",
  },
  lr: { ci: 2e-3, full: 1e-3, min: 0, max: 10, doc: "Adam learning rate for D7." },
  mcSamples: {
    ci: [1, 4, 16, 64, 256, 1024],
    full: [1, 4, 16, 64, 256, 1024, 2048],
    min: 1,
    max: 100000,
    integer: true,
    doc: "Checkpoints (number of masks) of D6's Monte-Carlo average; the last is the total.",
  },
  mcControl: {
    ci: 128,
    full: 2048,
    min: 2,
    max: 100000,
    integer: true,
    doc: "Masks averaged for D6's linear control (its gap in standard errors does not depend on the count).",
  },
  mcInputs: {
    ci: 100,
    full: 200,
    min: 1,
    max: 5000,
    integer: true,
    doc: "Validation digits whose outputs D6 averages.",
  },
  bnBatch: {
    ci: 32,
    full: 32,
    min: 2,
    max: 1024,
    integer: true,
    doc: "Batch size of the BatchNorm row of the pattern table.",
  },
  bnBatches: { ci: 100, full: 400, min: 2, max: 10000, integer: true, doc: "Random batches of that row." },
};
/** Resolved parameter values. */
export type P = ParamValues<typeof params>;
