/**
 * Plain (stochastic) gradient descent, as on the slide:
 * `weights += -learning_rate * gradient`.
 * @module
 */
import { atParams, checkSizes, type Optimizer } from "./types.ts";

/** Options of {@link sgd}. */
export interface SgdOptions {
  lr: number;
}

/**
 * Plain SGD: θ ← θ − α·g. Stateless.
 * @example
 * ```ts
 * sgd({ lr: 0.5 }).step(null, Float32Array.of(1), Float32Array.of(1)).params; // [0.5]
 * ```
 */
export function sgd(o: SgdOptions): Optimizer<null> {
  return {
    name: "SGD",
    init: () => null,
    gradientPoint: atParams,
    step(state, params, grad) {
      checkSizes("sgd", params, grad);
      const next = new Float32Array(params.length);
      for (let i = 0; i < params.length; i++) next[i] = params[i] - o.lr * grad[i];
      return { state, params: next };
    },
  };
}
