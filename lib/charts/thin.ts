/**
 * Thinning long series for charts and result files.
 * @module
 */

/** About `n` evenly spread indices of a series of `length` items, always with the first and last. */
export function thin(length: number, n: number): number[] {
  if (length <= 0) return [];
  if (length <= n) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (n - 1);
  return [...new Set(Array.from({ length: n }, (_, i) => Math.round(i * step)))];
}
