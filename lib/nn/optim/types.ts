/**
 * The one shape every optimizer of the lecture has: state in, gradient in, new state and
 * parameters out. Parameters and gradients are flat Float32Arrays (float32, like tfjs); steps
 * never modify their inputs.
 * @module
 */

/** What one optimizer step returns. */
export interface StepResult<S> {
  state: S;
  params: Float32Array;
}

/**
 * An optimizer as printed on the slides.
 * @example
 * ```ts
 * const opt = sgd({ lr: 0.1 });
 * let state = opt.init(2), params = Float32Array.of(1, 1);
 * ({ state, params } = opt.step(state, params, Float32Array.of(2, 2))); // params 0.8, 0.8
 * ```
 */
export interface Optimizer<S = unknown> {
  /** Name for charts and tables. */
  readonly name: string;
  /** The state before the first step (velocities, squared-gradient sums … all zero). */
  init(size: number): S;
  /**
   * Where the gradient of this step must be computed. The current parameters for every
   * optimizer except Nesterov, which looks ahead.
   */
  gradientPoint(state: S, params: Float32Array): Float32Array;
  /** One update with the gradient computed at {@link gradientPoint}. */
  step(state: S, params: Float32Array, grad: Float32Array): StepResult<S>;
}

/** The gradient point of every optimizer that does not look ahead. */
export const atParams = <S>(_state: S, params: Float32Array): Float32Array => params;

/** Throws when a gradient and the parameters disagree in size. */
export function checkSizes(name: string, params: Float32Array, grad: Float32Array): void {
  if (params.length !== grad.length) {
    throw new RangeError(`${name}: gradient of size ${grad.length} for ${params.length} parameters`);
  }
}

/** One trajectory of {@link minimize}: parameters and loss after each step (index 0 = start). */
export interface Trajectory {
  params: Float32Array[];
  losses: number[];
}

/**
 * Runs `steps` updates of `opt` on a deterministic objective and keeps the whole trajectory.
 * Stops early when `stop(loss, step, params)` says so.
 */
export function minimize<S>(
  opt: Optimizer<S>,
  f: { loss(p: Float32Array): number; grad(p: Float32Array): Float32Array },
  start: Float32Array,
  steps: number,
  stop?: (loss: number, step: number, params: Float32Array) => boolean,
): Trajectory {
  let state = opt.init(start.length);
  let params: Float32Array = Float32Array.from(start);
  const out: Trajectory = { params: [params], losses: [f.loss(params)] };
  for (let t = 1; t <= steps; t++) {
    const g = f.grad(opt.gradientPoint(state, params));
    ({ state, params } = opt.step(state, params, g));
    const l = f.loss(params);
    out.params.push(params);
    out.losses.push(l);
    if (!Number.isFinite(l) || stop?.(l, t, params)) break;
  }
  return out;
}
