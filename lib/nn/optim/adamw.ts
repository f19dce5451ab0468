/**
 * AdamW (Loshchilov & Hutter, arXiv:1711.05101): Adam with decoupled weight decay, and for
 * comparison the coupled form, Adam on the gradient of loss + (λ/2)·‖θ‖² ("Adam + L2").
 * @module
 */
import { atParams, checkSizes, type Optimizer } from "./types.ts";
import { adam, adamMoments, type AdamOptions, type AdamState } from "./adam.ts";

/** Options of {@link adamw} and {@link adamL2}. */
export interface DecayOptions extends AdamOptions {
  /** Weight decay λ. */
  decay: number;
}

/**
 * AdamW: θ ← θ − α·λ·θ − α·m̂ / (sqrt(v̂) + ε); the decay never passes through the moments.
 * @example
 * ```ts
 * const opt = adamw({ lr: 0.1, beta1: 0.9, beta2: 0.999, decay: 0.5 });
 * opt.step(opt.init(1), Float32Array.of(2), Float32Array.of(0)).params; // [1.9]
 * ```
 */
export function adamw(o: DecayOptions): Optimizer<AdamState> {
  const eps = o.eps ?? 1e-7;
  return {
    name: "AdamW",
    init: (n) => ({ m: new Float32Array(n), v: new Float32Array(n), t: 0 }),
    gradientPoint: atParams,
    step(state, params, grad) {
      checkSizes("adamw", params, grad);
      const { m, v, t, c1, c2 } = adamMoments(o, state, grad);
      const next = new Float32Array(params.length);
      for (let i = 0; i < params.length; i++) {
        next[i] = params[i] - o.lr * o.decay * params[i] - o.lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
      }
      return { state: { m, v, t }, params: next };
    },
  };
}

/** Adam + L2: plain Adam fed the gradient g + λ·θ, so the decay is divided by sqrt(v̂) too. */
export function adamL2(o: DecayOptions): Optimizer<AdamState> {
  const inner = adam(o);
  return {
    name: "Adam + L2",
    init: inner.init,
    gradientPoint: atParams,
    step(state, params, grad) {
      checkSizes("adamL2", params, grad);
      const g = new Float32Array(params.length);
      for (let i = 0; i < params.length; i++) g[i] = grad[i] + o.decay * params[i];
      return inner.step(state, params, g);
    },
  };
}
