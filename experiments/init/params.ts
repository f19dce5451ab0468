/**
 * The parameters of the init experiment (the slides' net size, the C5 layers, the C1 classifier, the C8 conv).
 * @module
 */
import { faultParam, type ParamValues } from "../../lib/params.ts";

/** The init experiment's parameter specs. */
export const params = {
  width: {
    ci: 4096,
    full: 4096,
    min: 8,
    max: 8192,
    integer: true,
    doc: "Hidden size of every layer (Din = Dout); the slides use 4096.",
  },
  depth: { ci: 6, full: 6, min: 2, max: 50, integer: true, doc: "Number of layers; the slides use 6." },
  batch: { ci: 16, full: 16, min: 1, max: 1024, integer: true, doc: "Batch of randn inputs; the slides use 16." },
  smallScale: { ci: 0.01, full: 0.01, min: 0, max: 10, doc: "Weight std of the 'small random numbers' slide (C2)." },
  largeScale: { ci: 0.05, full: 0.05, min: 0, max: 10, doc: "Weight std of the 'increase std' slide (C3)." },
  bins: { ci: 40, full: 40, min: 5, max: 200, integer: true, doc: "Histogram bins per layer." },
  varianceDins: {
    ci: [64, 256, 1024],
    full: [16, 64, 256, 1024, 4096],
    min: 1,
    max: 8192,
    integer: true,
    doc: "Din values of the random linear layers for C5.",
  },
  varianceBatch: { ci: 512, full: 1024, min: 16, max: 8192, integer: true, doc: "Samples (and outputs) per C5 layer." },
  hidden: { ci: 8, full: 16, min: 2, max: 256, integer: true, doc: "Hidden units of the C1 classifier." },
  constant: { ci: 0.5, full: 0.5, min: -10, max: 10, doc: "The constant every C1 weight starts at." },
  steps: { ci: 400, full: 2000, min: 1, max: 100000, integer: true, doc: "Gradient steps of the C1 classifier." },
  lr: { ci: 0.5, full: 0.5, min: 0, max: 100, doc: "Learning rate of the C1 classifier." },
  convChannels: { ci: 16, full: 64, min: 1, max: 512, integer: true, doc: "Input channels of the C8 conv layer." },
  convKernel: { ci: 3, full: 5, min: 1, max: 11, integer: true, doc: "Kernel size of the C8 conv layer." },
  fault: faultParam({
    "constant-jitter": "the 'constant' C1 init gets a tiny 1e-3·randn jitter (symmetry broken)",
    "small-var": "the 0.01 of the small-random net taken as the variance: std sqrt(0.01) = 0.1 (C2)",
    "backward-unscaled":
      "the backward pass multiplies by the unscaled randn matrix instead of W = scale·randn (C2's dL/dW)",
    "xavier-tanh-1.3": "Xavier-tanh at 1.3/sqrt(Din) instead of 1/sqrt(Din) (C4)",
    "relu-inputs": "C5's inputs are ReLU outputs (mean > 0): Var(x) is not E[x²] (C5)",
    "xavier-relu-1.2": "Xavier-ReLU at 1.2/sqrt(Din) instead of 1/sqrt(Din) (C6)",
    "kaiming-as-printed": "the corrected Kaiming net run with the slide's printed code, randn/sqrt(Din) (C7)",
    "fanin-k": "the conv's fan-in taken as kernel_size·C_in instead of kernel_size²·C_in (C8)",
  }),
};

/** The resolved parameters of the init experiment. */
export type P = ParamValues<typeof params>;
