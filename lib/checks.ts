/**
 * Verdict builders: small, honest comparisons that state their tolerance in words.
 * Each returns the pieces of a {@link Verdict}; the claim adds its sentence.
 * @module
 */
import type { Measure, SeedRun, Verdict } from "./experiment.ts";

/** Formats a number for verdicts and tables: 4 significant digits, exponent when tiny or huge. */
export function fmt(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined) return "—";
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3 ? x.toExponential(digits - 1) : String(Number(x.toPrecision(digits)));
}

/** A tolerance: absolute, relative, or both (a value passes if it is within either). */
export interface Tolerance {
  abs?: number;
  rel?: number;
}

/** Words for a tolerance: "±0.02", "±5%", "±0.02 or ±5%". */
export function describeTolerance(tol: Tolerance): string {
  const parts = [];
  if (tol.abs !== undefined) parts.push(`±${fmt(tol.abs)}`);
  if (tol.rel !== undefined) parts.push(`±${fmt(tol.rel * 100)}%`);
  if (parts.length === 0) throw new Error("A tolerance needs abs or rel");
  return parts.join(" or ");
}

/** Whether `measured` is within `tol` of `expected`. NaN is never close; an infinity only to itself. */
export function isClose(measured: number, expected: number, tol: Tolerance): boolean {
  if (Number.isNaN(measured) || Number.isNaN(expected)) return false;
  if (measured === expected) return true;
  if (!Number.isFinite(measured) || !Number.isFinite(expected)) return false;
  const d = Math.abs(measured - expected);
  return (tol.abs !== undefined && d <= tol.abs) ||
    (tol.rel !== undefined && d <= tol.rel * Math.abs(expected));
}

/**
 * Compares one number with its expectation.
 * @example
 * ```ts
 * approx(0.491, 0.49, { abs: 0.02 }).pass; // true
 * ```
 */
export function approx(
  measured: number,
  expected: number,
  tol: Tolerance,
): Pick<Verdict, "pass" | "measured" | "expected" | "tolerance"> {
  return { pass: isClose(measured, expected, tol), measured, expected, tolerance: describeTolerance(tol) };
}

/** Compares two series element by element; passes when every element is close. */
export function approxAll(
  measured: readonly number[],
  expected: readonly number[],
  tol: Tolerance,
): Pick<Verdict, "pass" | "measured" | "expected" | "tolerance"> & { worst: number } {
  if (measured.length !== expected.length) {
    throw new Error(`approxAll: ${measured.length} measured values against ${expected.length} expected`);
  }
  let worst = 0;
  let pass = true;
  measured.forEach((m, i) => {
    worst = Math.max(worst, Math.abs(m - expected[i]));
    if (!isClose(m, expected[i], tol)) pass = false;
  });
  return {
    pass,
    measured: round(measured),
    expected: round(expected),
    tolerance: `${describeTolerance(tol)} each`,
    worst,
  };
}

/** Rounds numbers for display in a verdict (keeps 4 significant digits; NaN and ±Inf become the words "NaN", "+Inf", "-Inf"). */
export function round(xs: readonly number[], digits = 4): (number | string)[] {
  return xs.map((x) => Number.isFinite(x) ? Number(x.toPrecision(digits)) : fmt(x));
}

/** Whether a series is monotone in the given direction (strictly unless `strict` is false). */
export function isMonotone(xs: readonly number[], direction: "increasing" | "decreasing", strict = true): boolean {
  for (let i = 1; i < xs.length; i++) {
    const d = xs[i] - xs[i - 1];
    if (direction === "increasing" ? (strict ? d <= 0 : d < 0) : (strict ? d >= 0 : d > 0)) return false;
  }
  return xs.length > 0;
}

/** The result of a rule over seeds. */
export interface SeedRule {
  pass: boolean;
  /** Seeds for which the predicate held. */
  held: number;
  total: number;
  /** The rule in words: "holds in ≥ 80% of seeds (4 of 5 needed)". */
  rule: string;
  /** Per-seed outcome, for the report. */
  perSeed: Record<string, boolean>;
}

/** In how many runs the predicate holds, and its outcome per seed. */
function countSeeds<D>(
  runs: readonly SeedRun<D>[],
  predicate: (data: D, seed: number) => boolean,
): { held: number; perSeed: Record<string, boolean> } {
  const perSeed: Record<string, boolean> = {};
  let held = 0;
  for (const r of runs) {
    const ok = predicate(r.data, r.seed);
    perSeed[`seed ${r.seed}`] = ok;
    if (ok) held++;
  }
  return { held, perSeed };
}

/**
 * Judges a statistical claim: the predicate must hold in at least `minFraction` of the seeds.
 * @example
 * ```ts
 * seedsFraction(runs, (d) => d.withBn < d.withoutBn, 0.8);
 * ```
 */
export function seedsFraction<D>(
  runs: readonly SeedRun<D>[],
  predicate: (data: D, seed: number) => boolean,
  minFraction: number,
): SeedRule {
  if (runs.length === 0) throw new Error("seedsFraction: no runs");
  if (!(minFraction > 0 && minFraction <= 1)) {
    throw new Error(`seedsFraction: minFraction must be in (0, 1], got ${minFraction} (0 would pass anything)`);
  }
  const { held, perSeed } = countSeeds(runs, predicate);
  const needed = Math.ceil(minFraction * runs.length - 1e-9);
  return {
    pass: held >= needed,
    held,
    total: runs.length,
    rule: `holds in ≥ ${fmt(minFraction * 100)}% of seeds (${needed} of ${runs.length} needed)`,
    perSeed,
  };
}

/** A {@link SeedRule} decided by a test: its p-value, and why it is inconclusive when it is. */
export interface SeedTest extends SeedRule {
  /** One-sided p-value of the observed count under the null hypothesis. */
  pValue: number;
  /** Set when there are too few seeds for the test to reach its level: "3 seeds, the test needs 5". */
  inconclusive?: string;
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2). */
export function binomialTail(k: number, n: number): number {
  let term = 0.5 ** n; // C(n, 0) / 2^n
  let tail = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) tail += term;
    term = term * (n - i) / (i + 1);
  }
  return Math.min(1, tail);
}

/** The fewest seeds with which a one-sided sign test can reach `level` (all seeds holding). */
export function seedsNeeded(level: number): number {
  return Math.ceil(Math.log2(1 / level) - 1e-9);
}

/**
 * Judges a statistical claim with a one-sided sign test: the predicate compares two arms (or a value
 * with its claimed side) per seed; the null hypothesis is "holds in at most half the seeds", rejected
 * when P(≥ held of n | p = 1/2) ≤ `level`. With fewer seeds than the test needs it is inconclusive.
 * @example
 * ```ts
 * const t = signTest(runs, (d) => d.withBn < d.withoutBn); // needs 5 seeds at level 0.05
 * ```
 */
export function signTest<D>(
  runs: readonly SeedRun<D>[],
  predicate: (data: D, seed: number) => boolean,
  level = 0.05,
): SeedTest {
  if (runs.length === 0) throw new Error("signTest: no runs");
  if (!(level > 0 && level < 0.5)) throw new Error(`signTest: level must be in (0, 0.5), got ${level}`);
  const { held, perSeed } = countSeeds(runs, predicate);
  const n = runs.length;
  const pValue = binomialTail(held, n);
  const needed = seedsNeeded(level);
  const inconclusive = n < needed ? `${n} seed${n === 1 ? "" : "s"}, the test needs ${needed}` : undefined;
  return {
    pass: !inconclusive && pValue <= level,
    held,
    total: n,
    rule: `one-sided sign test at level ${fmt(level)}: held in ${held} of ${n} seeds, p = ${fmt(pValue, 3)}` +
      ` (null hypothesis: holds in at most half the seeds)`,
    perSeed,
    pValue,
    ...(inconclusive ? { inconclusive } : {}),
  };
}

/** Mean of a list (NaN for an empty list). */
export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

/** Sample standard deviation (n - 1). */
export function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

/** Element-wise mean over seeds of equally long series. */
export function meanOverSeeds(series: readonly (readonly number[])[]): number[] {
  return series[0].map((_, i) => mean(series.map((s) => s[i])));
}

/** Builds a measured/expected pair of records from named values (for multi-part verdicts). */
export function record(entries: [string, number | string | boolean | null][]): Measure {
  return Object.fromEntries(entries.map(([k, v]) => [k, typeof v === "number" ? Number(v.toPrecision(4)) : v]));
}
