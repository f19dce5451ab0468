/**
 * The parameters of the deep-init family (C9): a deep ReLU net on real digits, trained from three inits.
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";

/** The planted bugs and wrong beliefs of the falsifiers (claims.ts), by `fault` value. */
export const DEEP_INIT_FAULTS = {
  "kaiming-no-2": "Kaiming's std without the factor 2: 1/√Din (that is Xavier's)",
  "input-fan": "every layer's fan-in taken from the input size (the pixels) instead of the layer's own Din",
};

/** The parameters of the family (every one overridable with --set deep-init.<name>=…). */
export const params = {
  fault: faultParam(DEEP_INIT_FAULTS),
  depth: {
    ci: 20,
    full: 20,
    min: 1,
    max: 200,
    integer: true,
    doc: "Hidden ReLU layers of the dense net (the claim is about ≥ 20; one more linear layer gives the logits). " +
      "At 30 layers, width 64 and lr 0.01 one Kaiming net in two diverged to NaN: lower lr there.",
  },
  width: { ci: 48, full: 64, min: 2, max: 4096, integer: true, doc: "Units of every hidden layer." },
  pool: {
    ci: 2,
    full: 2,
    min: 1,
    max: 4,
    integer: true,
    doc: "Average-pooling factor of the 28×28 digits (2: 14×14 = 196 inputs, 1: 784).",
  },
  trainSize: {
    ci: 1000,
    full: 4000,
    min: 10,
    max: 9000,
    integer: true,
    doc: "Training digits per repeat (a seeded subset of the 10,000 embedded MNIST digits).",
  },
  evalSize: {
    ci: 200,
    full: 500,
    min: 10,
    max: 9000,
    integer: true,
    doc: "Training digits the loss is measured on (the first of the training subset); also the batch of the " +
      "start-of-training probe.",
  },
  batch: { ci: 64, full: 128, min: 1, max: 4096, integer: true, doc: "Minibatch size of SGD." },
  steps: { ci: 500, full: 800, min: 1, max: 100000, integer: true, doc: "SGD steps (the budget)." },
  every: { ci: 10, full: 10, min: 1, max: 1000, integer: true, doc: "The loss is measured every `every` steps." },
  lr: { ci: 0.01, full: 0.01, min: 0, max: 10, doc: "Learning rate of SGD with momentum (the same for every init)." },
  momentum: { ci: 0.9, full: 0.9, min: 0, max: 0.999, doc: "Momentum of SGD (0: plain SGD)." },
  repeats: {
    ci: 5,
    full: 4,
    min: 1,
    max: 20,
    integer: true,
    doc: "Independent comparisons per seed (each its own subset, weights and batch order, on forked rng streams); " +
      "the sign test runs over seeds × repeats.",
  },
  target: {
    ci: 0.5,
    full: 0.5,
    min: 0.01,
    max: 1,
    doc: '"Trains": the loss reaches this fraction of ln 10 (the loss of uniform predictions over 10 classes) ' +
      "within the budget.",
  },
  startTarget: {
    ci: 0.75,
    full: 0.75,
    min: 0.01,
    max: 1,
    doc: '"Starts learning": the loss reaches this fraction of ln 10; the speed comparison is made at it.',
  },
  slower: {
    ci: 4,
    full: 4,
    min: 1.5,
    max: 100,
    doc: '"Far slower": Xavier and 0.01·randn must not start learning within this many times Kaiming\'s steps.',
  },
};
/** Resolved parameter values. */
export type P = ParamValues<typeof params>;
