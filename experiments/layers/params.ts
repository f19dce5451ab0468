/**
 * The parameters of the layers family (A1–A5).
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";

/** The planted bugs of the falsifiers (claims.ts), by `fault` value. */
export const LAYERS_FAULTS = {
  "pad-twice": "the slide's P added by zeroPadding2d and then the conv's own 'same' padding on top (padded twice)",
  "depth-1": "the conv layer built for a 1-channel input whatever D_in (inputShape [16, 16, 1])",
  "bn-channels-first": "BatchNorm's statistics over axes (N, W, C) per row, the channels-first axes [0, 2, 3] on " +
    "channels-last data, instead of (N, H, W) per channel",
  "bn-inference-in-training": "BatchNorm left in inference mode while training (tfjs's default without " +
    "{training: true}): it normalizes with its initial running statistics, mean 0 and variance 1",
};

/** Every parameter is overridable with --set layers.<name>=…. */
export const params = {
  fault: faultParam(LAYERS_FAULTS),
  sizes: {
    ci: [7, 28, 32],
    full: [7, 8, 15, 28, 32, 33, 64],
    min: 5,
    max: 256,
    integer: true,
    doc: "Input widths W (= heights) for the conv output sizes of A1.",
  },
  depthIn: { ci: 3, full: 3, min: 1, max: 64, integer: true, doc: "Input depth of the A1 conv layers." },
  filters: { ci: 32, full: 64, min: 1, max: 512, integer: true, doc: "Number of filters K of the A1 conv layers." },
  countDepths: { ci: [1, 3, 16], full: [1, 3, 16, 64], min: 1, max: 512, integer: true, doc: "Input depths for A2." },
  countFilters: {
    ci: [32, 64],
    full: [32, 64, 128, 256],
    min: 1,
    max: 1024,
    integer: true,
    doc: "Filter counts K for A2.",
  },
  normBatch: { ci: 8, full: 16, min: 2, max: 128, integer: true, doc: "Images in the A3 batch." },
  normChannels: { ci: 8, full: 16, min: 2, max: 128, integer: true, doc: "Channels C of the A3 feature maps." },
  groups: { ci: 4, full: 4, min: 1, max: 128, integer: true, doc: "Groups G of GroupNorm (must divide C)." },
  eps: { ci: 1e-5, full: 1e-5, min: 0, max: 1, doc: "ε of the normalizations." },
  bnBatches: { ci: 60, full: 200, min: 2, max: 10000, integer: true, doc: "Random batches per batch size in A4." },
  bnBatchSizes: {
    ci: [4, 16, 64],
    full: [4, 16, 64, 256],
    min: 2,
    max: 1024,
    integer: true,
    doc: "Batch sizes of A4.",
  },
  bnMomentum: { ci: 0.9, full: 0.9, min: 0, max: 1, doc: "Momentum of the running statistics in A4 and A5." },
  pool: { ci: 2, full: 2, min: 1, max: 4, integer: true, doc: "Average-pooling factor of the A5 digits (2: 14×14)." },
  trainSize: { ci: 600, full: 5000, min: 32, max: 9000, integer: true, doc: "Training digits for A5." },
  convN: { ci: 2, full: 2, min: 1, max: 4, integer: true, doc: "N: (conv, ReLU) pairs per stage." },
  convFilters: {
    ci: [4, 8],
    full: [8, 16],
    min: 1,
    max: 256,
    integer: true,
    doc: "Filters of each of the M stages (M = its length).",
  },
  fc: {
    ci: [32],
    full: [64],
    min: 1,
    max: 4096,
    integer: true,
    doc: "Units of the K (FC, ReLU) layers (K = its length).",
  },
  batch: { ci: 32, full: 64, min: 1, max: 1024, integer: true, doc: "Minibatch size for A5." },
  lr: { ci: 0.02, full: 0.02, min: 0, max: 10, doc: "SGD learning rate for A5 (both nets)." },
  momentum: { ci: 0.9, full: 0.9, min: 0, max: 0.999, doc: "SGD momentum for A5." },
  target: { ci: 0.5, full: 0.2, min: 0, max: 10, doc: "Target training loss (mean over the window) for A5." },
  window: { ci: 10, full: 20, min: 1, max: 1000, integer: true, doc: "Steps averaged for the A5 training loss." },
  maxSteps: { ci: 300, full: 1500, min: 1, max: 100000, integer: true, doc: "Step budget per A5 net." },
};
/** Resolved parameter values. */
export type P = ParamValues<typeof params>;
