/**
 * SGD + momentum in the slide's exponential-moving-average form:
 * `vel = rho*vel + (1-rho)*gradient; weights += -learning_rate*vel`.
 * @module
 */
import { atParams, checkSizes, type Optimizer } from "./types.ts";

/** Options of {@link momentum} and {@link nesterov}. */
export interface MomentumOptions {
  lr: number;
  /** Friction ρ, "typically 0.9 or 0.99". */
  rho: number;
}

/** The velocity of momentum methods. */
export interface VelocityState {
  vel: Float32Array;
}

/** v_{t+1} = ρ·v_t + (1 − ρ)·g; θ_{t+1} = θ_t − α·v_{t+1}. */
export function emaUpdate(
  o: MomentumOptions,
  state: VelocityState,
  params: Float32Array,
  grad: Float32Array,
): { state: VelocityState; params: Float32Array } {
  const vel = new Float32Array(params.length), next = new Float32Array(params.length);
  for (let i = 0; i < params.length; i++) {
    vel[i] = o.rho * state.vel[i] + (1 - o.rho) * grad[i];
    next[i] = params[i] - o.lr * vel[i];
  }
  return { state: { vel }, params: next };
}

/**
 * SGD + momentum, EMA form (the slide's). Equals the library form `v = ρv + g`, θ −= α'v with
 * α' = α(1 − ρ).
 * @example
 * ```ts
 * const opt = momentum({ lr: 1, rho: 0.9 });
 * opt.step(opt.init(1), Float32Array.of(0), Float32Array.of(1)).params; // [-0.1]
 * ```
 */
export function momentum(o: MomentumOptions): Optimizer<VelocityState> {
  return {
    name: `momentum ρ=${o.rho}`,
    init: (n) => ({ vel: new Float32Array(n) }),
    gradientPoint: atParams,
    step(state, params, grad) {
      checkSizes("momentum", params, grad);
      return emaUpdate(o, state, params, grad);
    },
  };
}
