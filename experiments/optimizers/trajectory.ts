/**
 * Measurements on optimizer trajectories: steps to reach a loss, direction reversals (jitter),
 * overshoot past the minimum, and the best learning rate on a grid.
 * @module
 */
import { minimize, type Optimizer } from "../../lib/nn/optim/types.ts";
import type { Objective } from "./problems.ts";

/** Steps until the loss first falls to `target` or below (null if it never does within `maxSteps`). */
export function stepsToReach<S>(
  opt: Optimizer<S>,
  f: Objective,
  start: Float32Array,
  target: number,
  maxSteps: number,
): number | null {
  if (f.loss(start) <= target) return 0;
  const t = minimize(opt, f, start, maxSteps, (l) => l <= target);
  const last = t.losses[t.losses.length - 1];
  return last <= target ? t.losses.length - 1 : null;
}

/** Steps until |p[axis]| first exceeds `threshold` (null if never within `maxSteps`). */
export function stepsToLeave<S>(
  opt: Optimizer<S>,
  f: Objective,
  start: Float32Array,
  axis: number,
  threshold: number,
  maxSteps: number,
): number | null {
  const out = (p: Float32Array) => Math.abs(p[axis]) > threshold;
  if (out(start)) return 0;
  const t = minimize(opt, f, start, maxSteps, (_l, _s, p) => out(p));
  return out(t.params[t.params.length - 1]) ? t.params.length - 1 : null;
}

/** Coordinates of the trajectory along a unit direction. */
export function along(params: readonly Float32Array[], dir: readonly number[]): number[] {
  return params.map((p) => p[0] * dir[0] + p[1] * dir[1]);
}

/** Number of times the step along `xs` changes sign (direction reversals: zig-zag, jitter). */
export function reversals(xs: readonly number[]): number {
  let n = 0;
  for (let i = 2; i < xs.length; i++) {
    const a = xs[i - 1] - xs[i - 2], b = xs[i] - xs[i - 1];
    if (a * b < 0) n++;
  }
  return n;
}

/** Largest excursion past the minimum at 0, as a fraction of the start |xs[0]| (0: never crosses). */
export function overshoot(xs: readonly number[]): number {
  const s = Math.sign(xs[0]);
  let worst = 0;
  for (const x of xs) worst = Math.max(worst, -s * x);
  return worst / Math.abs(xs[0]);
}

/** A log-spaced grid of `n` values from `lo` to `hi`. */
export function logGrid(lo: number, hi: number, n: number): number[] {
  if (n === 1) return [lo];
  return Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1)));
}

/** The grid value with the fewest steps (ties: the smaller value); steps null when none succeeds. */
export function bestOnGrid(grid: readonly number[], steps: (lr: number) => number | null) {
  let best: { lr: number; steps: number | null } = { lr: grid[0], steps: null };
  for (const lr of grid) {
    const s = steps(lr);
    if (s !== null && (best.steps === null || s < best.steps)) best = { lr, steps: s };
  }
  return best;
}
