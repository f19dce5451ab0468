/**
 * Intervals for the transfer check (E6). The unit of replication is the seed: each seed draws its
 * own little and much training sets, initialisations and batch orders, and its strategies are
 * compared on one shared test set, so a seed gives one paired difference of accuracies, and the
 * interval over seeds carries the seed-to-seed variation. (Pooling the per-image differences of all
 * seeds into one interval, as this check once did, leaves that variation out: 3 seeds then gave
 * "significant" differences whose sign changed with the seed set and with the BLAS kernels' rounding.)
 * @module
 */
import { mean, sampleStd } from "../../lib/checks.ts";

/** Two-sided 95% quantiles of Student's t (0.975) for 1 … 30 degrees of freedom. */
const T975 = [
  12.706,
  4.303,
  3.182,
  2.776,
  2.571,
  2.447,
  2.365,
  2.306,
  2.262,
  2.228,
  2.201,
  2.179,
  2.16,
  2.145,
  2.131,
  2.12,
  2.11,
  2.101,
  2.093,
  2.086,
  2.08,
  2.074,
  2.069,
  2.064,
  2.06,
  2.056,
  2.052,
  2.048,
  2.045,
  2.042,
];

/** The 0.975 quantile of Student's t with `df` ≥ 1 degrees of freedom (table to 30, then a series in 1/df). */
export function t975(df: number): number {
  if (!(df >= 1) || !Number.isInteger(df)) {
    throw new Error(`t975: degrees of freedom must be an integer ≥ 1, not ${df}`);
  }
  if (df <= T975.length) return T975[df - 1];
  const z = 1.959963984540054;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/** A mean over seeds with its two-sided 95% Student-t interval; lo = hi = mean with one seed (no interval). */
export interface SeedInterval {
  mean: number;
  lo: number;
  hi: number;
  /** Number of seeds. */
  n: number;
}

/**
 * Mean and 95% Student-t interval of one paired difference per seed.
 * @example
 * ```ts
 * seedCi([0.05, 0.07, 0.06]); // mean 0.06, interval 0.06 ± 4.303·0.01/√3
 * ```
 */
export function seedCi(perSeed: readonly number[]): SeedInterval {
  const n = perSeed.length;
  if (n === 0) throw new Error("seedCi: no seeds");
  const m = mean(perSeed);
  if (n === 1) return { mean: m, lo: m, hi: m, n };
  const half = t975(n - 1) * sampleStd(perSeed) / Math.sqrt(n);
  return { mean: m, lo: m - half, hi: m + half, n };
}
