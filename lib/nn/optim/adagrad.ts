/**
 * AdaGrad as on the slide:
 * `grad_squared += grad * grad; weights += -learning_rate * grad / (np.sqrt(grad_squared) + 1e-7)`.
 * @module
 */
import { atParams, checkSizes, type Optimizer } from "./types.ts";

/** Options of {@link adagrad} and the RMSProp variants. */
export interface AdaptiveOptions {
  lr: number;
  /** The slides' 1e-7. */
  eps?: number;
}

/** The per-coordinate accumulator of squared gradients. */
export interface SquaredState {
  gradSquared: Float32Array;
}

/** The per-coordinate step size α / (sqrt(G) + ε) an accumulator gives (what multiplies the gradient). */
export function effectiveStep(state: SquaredState, lr: number, eps = 1e-7): number[] {
  return Array.from(state.gradSquared, (g) => lr / (Math.sqrt(g) + eps));
}

/** θ ← θ − α·g / (sqrt(G) + ε) with an already updated accumulator G. */
export function scaledStep(lr: number, eps: number, params: Float32Array, grad: Float32Array, g2: Float32Array) {
  const next = new Float32Array(params.length);
  for (let i = 0; i < params.length; i++) next[i] = params[i] - lr * grad[i] / (Math.sqrt(g2[i]) + eps);
  return next;
}

/**
 * AdaGrad: accumulates every squared gradient, so the step per coordinate only shrinks.
 * @example
 * ```ts
 * const opt = adagrad({ lr: 0.1 });
 * opt.step(opt.init(1), Float32Array.of(1), Float32Array.of(4)).params; // ≈ [0.9]
 * ```
 */
export function adagrad(o: AdaptiveOptions): Optimizer<SquaredState> {
  const eps = o.eps ?? 1e-7;
  return {
    name: "AdaGrad",
    init: (n) => ({ gradSquared: new Float32Array(n) }),
    gradientPoint: atParams,
    step(state, params, grad) {
      checkSizes("adagrad", params, grad);
      const g2 = new Float32Array(params.length);
      for (let i = 0; i < params.length; i++) g2[i] = state.gradSquared[i] + grad[i] * grad[i];
      return { state: { gradSquared: g2 }, params: scaledStep(o.lr, eps, params, grad, g2) };
    },
  };
}
