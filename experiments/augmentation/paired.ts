/**
 * Small statistics helpers for the augmentation claims: a paired confidence interval for the
 * accuracy difference of test-time augmentation.
 * @module
 */
import type { SeedRun } from "../../lib/experiment.ts";
import type { AugData } from "./types.ts";

/** Two-sided 97.5% quantile of the standard normal (for 95% intervals). */
export const Z95 = 1.959963984540054;

/**
 * Mean and 95% normal-approximation confidence interval of paired differences given their sum,
 * sum of squares and count (differences of per-example correctness, in [−1, 1]).
 * @example
 * ```ts
 * pairedInterval(5, 9, 100); // mean 0.05 with its interval
 * ```
 */
export function pairedInterval(sum: number, sumSq: number, count: number): { mean: number; lo: number; hi: number } {
  const mean = sum / count;
  const variance = count > 1 ? (sumSq - count * mean * mean) / (count - 1) : 0;
  const half = Z95 * Math.sqrt(Math.max(0, variance) / count);
  return { mean, lo: mean - half, hi: mean + half };
}

/** Sum, sum of squares and count of the paired differences `a[i] − b[i]` (per-example correctness). */
export function pairedSums(a: readonly number[], b: readonly number[]): { sum: number; sumSq: number; count: number } {
  let sum = 0, sumSq = 0;
  a.forEach((x, i) => {
    sum += x - b[i];
    sumSq += (x - b[i]) ** 2;
  });
  return { sum, sumSq, count: a.length };
}

/** The paired interval of pooled per-seed sums. */
export function pooledInterval(t: readonly { sum: number; sumSq: number; count: number }[]) {
  return pairedInterval(
    t.reduce((s, x) => s + x.sum, 0),
    t.reduce((s, x) => s + x.sumSq, 0),
    t.reduce((s, x) => s + x.count, 0),
  );
}

/** The paired interval of one TTA arm's accuracy difference, pooled over the seeds' per-image sums. */
export const ttaInterval = (runs: readonly SeedRun<AugData>[], key: keyof AugData["tta"]) => {
  const t = runs.map((r) => r.data.tta[key].paired);
  return pairedInterval(
    t.reduce((s, x) => s + x.sum, 0),
    t.reduce((s, x) => s + x.sumSq, 0),
    t.reduce((s, x) => s + x.count, 0),
  );
};
