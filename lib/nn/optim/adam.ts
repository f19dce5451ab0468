/**
 * Adam as on the slides: first and second moments, with or without the bias correction
 * `first_unbias = first_moment / (1 - beta1 ** t)`, `second_unbias = second_moment / (1 - beta2 ** t)`.
 * @module
 */
import { atParams, checkSizes, type Optimizer } from "./types.ts";

/** Options of {@link adam}. */
export interface AdamOptions {
  lr: number;
  beta1: number;
  beta2: number;
  /** The slides' 1e-7. */
  eps?: number;
  /** Divide the moments by (1 − β^t); the slide's "Derivation" code has none. Default true. */
  biasCorrection?: boolean;
}

/** Adam's moments and step counter. */
export interface AdamState {
  m: Float32Array;
  v: Float32Array;
  t: number;
}

/** Updates the moments; returns them and the bias-correction divisors for step t. */
export function adamMoments(o: AdamOptions, state: AdamState, grad: Float32Array) {
  const n = grad.length, m = new Float32Array(n), v = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    m[i] = o.beta1 * state.m[i] + (1 - o.beta1) * grad[i];
    v[i] = o.beta2 * state.v[i] + (1 - o.beta2) * grad[i] * grad[i];
  }
  const t = state.t + 1, correct = o.biasCorrection ?? true;
  return { m, v, t, c1: correct ? 1 - o.beta1 ** t : 1, c2: correct ? 1 - o.beta2 ** t : 1 };
}

/**
 * Adam (with bias correction unless `biasCorrection: false`).
 * @example
 * ```ts
 * const opt = adam({ lr: 0.01, beta1: 0.9, beta2: 0.999 });
 * opt.step(opt.init(1), Float32Array.of(0), Float32Array.of(5)).params; // ≈ [-0.01]
 * ```
 */
export function adam(o: AdamOptions): Optimizer<AdamState> {
  const eps = o.eps ?? 1e-7;
  return {
    name: o.biasCorrection === false ? "Adam, no bias correction" : "Adam",
    init: (n) => ({ m: new Float32Array(n), v: new Float32Array(n), t: 0 }),
    gradientPoint: atParams,
    step(state, params, grad) {
      checkSizes("adam", params, grad);
      const { m, v, t, c1, c2 } = adamMoments(o, state, grad);
      const next = new Float32Array(params.length);
      for (let i = 0; i < params.length; i++) {
        next[i] = params[i] - o.lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
      }
      return { state: { m, v, t }, params: next };
    },
  };
}
