/**
 * Paired confidence intervals for the transfer check (E6): differences of per-test-image
 * correctness between strategies or cells, pooled over the seeds.
 * @module
 */

/** Two-sided 97.5% quantile of the standard normal (for 95% intervals). */
export const Z95 = 1.959963984540054;

/** Per-image correctness ("0"/"1" per image) as numbers. */
export const bits = (s: string): number[] => Array.from(s, (c) => (c === "1" ? 1 : 0));

/**
 * Mean and 95% normal-approximation confidence interval of paired differences, pooled over seeds.
 * @example
 * ```ts
 * pairedCi([[1, 0, 0, 1]]); // mean 0.5 with its interval
 * ```
 */
export function pairedCi(perSeed: readonly (readonly number[])[]): { mean: number; lo: number; hi: number; n: number } {
  const xs = perSeed.flat();
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  const half = Z95 * Math.sqrt(variance / n);
  return { mean, lo: mean - half, hi: mean + half, n };
}
