/**
 * Small statistics helpers for the augmentation claims: a paired confidence interval for the
 * accuracy difference of test-time augmentation.
 * @module
 */

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
