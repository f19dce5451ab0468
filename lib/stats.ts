/**
 * Descriptive statistics and Gaussian expectations used by checks and experiments.
 * @module
 */

/** Mean and (population) standard deviation of a sample. */
export function moments(xs: ArrayLike<number>): { mean: number; std: number } {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  const mean = s / xs.length;
  let v = 0;
  for (let i = 0; i < xs.length; i++) v += (xs[i] - mean) ** 2;
  return { mean, std: Math.sqrt(v / xs.length) };
}

/** A histogram with equal bins on [lo, hi]; values outside are clamped to the end bins. */
export interface Histogram {
  lo: number;
  hi: number;
  /** Fraction of the sample in each bin (sums to 1). */
  fractions: number[];
}

/** Bins a sample into `bins` equal bins on [lo, hi]. */
export function histogram(xs: ArrayLike<number>, lo: number, hi: number, bins: number): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const w = (hi - lo) / bins;
  for (let i = 0; i < xs.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((xs[i] - lo) / w)));
    counts[b]++;
  }
  return { lo, hi, fractions: counts.map((c) => c / xs.length) };
}

/** Fraction of a sample satisfying a predicate. */
export function fraction(xs: ArrayLike<number>, predicate: (x: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (predicate(xs[i])) n++;
  return n / xs.length;
}

/**
 * E[f(Z)] for Z ~ N(0, variance), by Simpson's rule on ±10 standard deviations (2000 panels).
 * @example
 * ```ts
 * gaussianExpectation((z) => z * z, 4); // ≈ 4
 * ```
 */
export function gaussianExpectation(f: (z: number) => number, variance: number): number {
  if (variance === 0) return f(0);
  const sd = Math.sqrt(variance), n = 2000, a = -10, h = 20 / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const u = a + i * h;
    const wgt = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    s += wgt * f(u * sd) * Math.exp(-0.5 * u * u);
  }
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

/**
 * The mean-field prediction of per-layer activation std for `x = act(x·W)` with
 * `W ~ N(0, weightStd(din)^2)`: the variance recursion of the Xavier derivation,
 * `Var(z_l) = Din · Var(w) · E[a_{l-1}^2]`, then `std(act(z_l))` under a Gaussian z_l.
 * @param inputSecondMoment E[x^2] of the input (1 for randn)
 */
export function meanFieldStds(
  act: (z: number) => number,
  weightStd: (din: number) => number,
  width: number,
  depth: number,
  inputSecondMoment = 1,
): number[] {
  const out: number[] = [];
  let q = inputSecondMoment;
  for (let l = 0; l < depth; l++) {
    const v = width * weightStd(width) ** 2 * q;
    const m = gaussianExpectation(act, v);
    q = gaussianExpectation((z) => act(z) ** 2, v);
    out.push(Math.sqrt(Math.max(0, q - m * m)));
  }
  return out;
}
