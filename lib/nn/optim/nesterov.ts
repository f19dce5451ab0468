/**
 * Nesterov momentum as on the slide, in the same EMA form as momentum but with the gradient
 * taken at the look-ahead point:
 * v_{t+1} = ρ·v_t + (1 − ρ)·∇ε(θ_t − η·ρ·v_t); θ_{t+1} = θ_t − η·v_{t+1}.
 * @module
 */
import { checkSizes, type Optimizer } from "./types.ts";
import { emaUpdate, type MomentumOptions, type VelocityState } from "./momentum.ts";

/**
 * Nesterov momentum: {@link Optimizer.gradientPoint} is the look-ahead θ − η·ρ·v.
 * @example
 * ```ts
 * const opt = nesterov({ lr: 1, rho: 0.5 });
 * opt.gradientPoint({ vel: Float32Array.of(2) }, Float32Array.of(0)); // [-1]
 * ```
 */
export function nesterov(o: MomentumOptions): Optimizer<VelocityState> {
  return {
    name: `Nesterov ρ=${o.rho}`,
    init: (n) => ({ vel: new Float32Array(n) }),
    gradientPoint(state, params) {
      const ahead = new Float32Array(params.length);
      for (let i = 0; i < params.length; i++) ahead[i] = params[i] - o.lr * o.rho * state.vel[i];
      return ahead;
    },
    step(state, params, grad) {
      checkSizes("nesterov", params, grad);
      return emaUpdate(o, state, params, grad);
    },
  };
}
