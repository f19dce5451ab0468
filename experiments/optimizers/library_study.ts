/**
 * The slides' optimizers against TensorFlow.js's: the same real gradients (softmax regression on
 * MNIST mini-batches) go to both, step for step, and the parameters are compared (B7, B12).
 * Also Adam's first step with and without bias correction on a real gradient (B11).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { BatchModel } from "../../lib/nn/softmax_regression.ts";
import type { Optimizer } from "../../lib/nn/optim/types.ts";
import { adam } from "../../lib/nn/optim/adam.ts";
import type { Rng } from "../../lib/rng.ts";

/** Per-step agreement of two optimizers fed identical gradients. */
export interface Agreement {
  /** Steps executed (counted in the loop). */
  steps: number;
  /** Largest |θ_slide − θ_library| over all coordinates, after each step. */
  maxAbsDiff: number[];
  /** Largest |θ| after each step (scale of the comparison). */
  maxAbs: number[];
  /** Largest |Δθ| of a single step (scale of one update). */
  maxStep: number;
}

/**
 * Disposes a tfjs optimizer completely. MomentumOptimizer.dispose (tfjs 4.22) forgets the
 * learning-rate scalar its SGD base class keeps, so that one is disposed here too.
 */
export function disposeOptimizer(opt: tfjs.Optimizer): void {
  opt.dispose();
  const c = (opt as unknown as { c?: tfjs.Tensor }).c;
  if (opt.getClassName() === "Momentum" && c && !c.isDisposed) c.dispose();
}

/** A random mini-batch of `b` indices from [0, n). */
export function miniBatch(rng: Rng, n: number, b: number): number[] {
  return Array.from({ length: b }, () => rng.int(n));
}

/**
 * Feeds the gradient at the slide optimizer's parameters to both the slide optimizer and a tfjs
 * optimizer holding its own copy of the parameters; compares after every step.
 */
export async function compareWithLibrary(
  tf: typeof tfjs,
  slide: Optimizer<unknown>,
  library: tfjs.Optimizer,
  model: BatchModel,
  o: { steps: number; batch: number; n: number; rng: Rng; start: Float32Array },
): Promise<Agreement> {
  let params: Float32Array = Float32Array.from(o.start);
  let state = slide.init(params.length);
  const v = tf.tidy(() => tf.variable(tf.tensor1d(params), true));
  const out: Agreement = { steps: 0, maxAbsDiff: [], maxAbs: [], maxStep: 0 };
  try {
    for (let t = 0; t < o.steps; t++) {
      const { grad } = await model.lossGrad(slide.gradientPoint(state, params), miniBatch(o.rng, o.n, o.batch));
      const next = slide.step(state, params, grad);
      const g = tf.tensor1d(grad);
      library.applyGradients({ [v.name]: g });
      g.dispose();
      const lib = await v.data();
      let diff = 0, big = 0;
      for (let i = 0; i < lib.length; i++) {
        diff = Math.max(diff, Math.abs(lib[i] - next.params[i]));
        big = Math.max(big, Math.abs(next.params[i]));
        out.maxStep = Math.max(out.maxStep, Math.abs(next.params[i] - params[i]));
      }
      out.maxAbsDiff.push(diff);
      out.maxAbs.push(big);
      params = next.params;
      state = next.state;
      out.steps++;
    }
  } finally {
    disposeOptimizer(library);
    v.dispose();
  }
  return out;
}

/**
 * B11: Adam's first update per coordinate, in units of α, with and without bias correction, on
 * the gradient of a real mini-batch at θ = 0. Coordinates with |g| below `minGrad` (where ε
 * matters) are left out.
 */
export async function adamFirstStep(
  model: BatchModel,
  o: { lr: number; beta1: number; beta2: number; batch: number; n: number; rng: Rng; minGrad: number },
) {
  const zero = new Float32Array(model.size);
  const { grad } = await model.lossGrad(zero, miniBatch(o.rng, o.n, o.batch));
  const ratios = (biasCorrection: boolean) => {
    const opt = adam({ lr: o.lr, beta1: o.beta1, beta2: o.beta2, biasCorrection });
    const p = opt.step(opt.init(model.size), zero, grad).params;
    const r: number[] = [];
    for (let i = 0; i < p.length; i++) if (Math.abs(grad[i]) >= o.minGrad) r.push(Math.abs(p[i]) / o.lr);
    return r.sort((a, b) => a - b);
  };
  const raw = ratios(false), corrected = ratios(true);
  const q = (xs: number[], f: number) => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))];
  return {
    coordinates: raw.length,
    nonZeroGradients: grad.filter((g) => g !== 0).length,
    raw: { median: q(raw, 0.5), p05: q(raw, 0.05), p95: q(raw, 0.95) },
    corrected: { median: q(corrected, 0.5), p05: q(corrected, 0.05), p95: q(corrected, 0.95) },
  };
}
