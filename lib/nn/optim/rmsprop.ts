/**
 * RMSProp, twice: the correct leaky average `grad_squared = decay_rate * grad_squared + (1 - decay_rate) * grad * grad`,
 * and the slide's code exactly as printed, `grad_squared += decay_rate * grad_squared + (1 - decay_rate) * grad * grad`
 * (an erratum: the accumulator then grows like (1 + decay_rate)^t).
 * @module
 */
import { atParams, checkSizes, type Optimizer } from "./types.ts";
import { type AdaptiveOptions, scaledStep, type SquaredState } from "./adagrad.ts";

/** Options of the RMSProp variants. */
export interface RmspropOptions extends AdaptiveOptions {
  /** decay_rate, e.g. 0.9 or 0.99. */
  decay: number;
}

function rmspropVariant(o: RmspropOptions, asPrinted: boolean): Optimizer<SquaredState> {
  const eps = o.eps ?? 1e-7;
  return {
    name: asPrinted ? "RMSProp as printed (+=)" : "RMSProp",
    init: (n) => ({ gradSquared: new Float32Array(n) }),
    gradientPoint: atParams,
    step(state, params, grad) {
      checkSizes("rmsprop", params, grad);
      const g2 = new Float32Array(params.length);
      for (let i = 0; i < params.length; i++) {
        const leaky = o.decay * state.gradSquared[i] + (1 - o.decay) * grad[i] * grad[i];
        g2[i] = asPrinted ? state.gradSquared[i] + leaky : leaky;
      }
      return { state: { gradSquared: g2 }, params: scaledStep(o.lr, eps, params, grad, g2) };
    },
  };
}

/**
 * RMSProp with `=`: a leaky average of squared gradients.
 * @example
 * ```ts
 * const opt = rmsprop({ lr: 0.1, decay: 0.9 });
 * opt.step(opt.init(1), Float32Array.of(1), Float32Array.of(2)).state.gradSquared; // ≈ [0.4]
 * ```
 */
export function rmsprop(o: RmspropOptions): Optimizer<SquaredState> {
  return rmspropVariant(o, false);
}

/** The RMSProp slide's code as printed, with `+=` (erratum B10). */
export function rmspropAsPrinted(o: RmspropOptions): Optimizer<SquaredState> {
  return rmspropVariant(o, true);
}
