/**
 * Measurements of E2 against the claimed distributions and the training data: the crop sampler's
 * zooms and shifts against the claimed log-uniform zoom and uniform shift (Kolmogorov–Smirnov
 * distances), and the PCA colour fit's eigenvectors and eigenvalues against the covariance of the
 * training pixels, measured here.
 * @module
 */
import type { Rng } from "../../lib/rng.ts";
import type { Dataset } from "../../lib/data/dataset.ts";
import { type CropScaleOptions, sampleCropScales } from "../../lib/augment/geometric.ts";
import type { PcaColour } from "../../lib/augment/colour.ts";

/**
 * Kolmogorov–Smirnov distance of a sample from the uniform distribution on [0, 1].
 * @example
 * ```ts
 * ksUniform([0.25, 0.75]); // 0.25
 * ```
 */
export function ksUniform(us: readonly number[]): number {
  const s = [...us].sort((a, b) => a - b);
  const n = s.length;
  let d = 0;
  s.forEach((u, i) => (d = Math.max(d, (i + 1) / n - u, u - i / n)));
  return d;
}

/** The asymptotic critical value of the one-sample KS distance at `level` for `n` draws. */
export function ksCritical(n: number, level: number): number {
  return Math.sqrt(-Math.log(level / 2) / 2) / Math.sqrt(n);
}

/**
 * Draws `n` crops from the sampler as the pipeline configures it (`sampled`) and measures them
 * against the claimed ranges (`claimed`): zoom log-uniform in [lo, hi], each shift uniform in
 * ±((size − size/zoom)/2 + pad).
 */
export function measureCropSampler(
  rng: Rng,
  n: number,
  size: number,
  sampled: CropScaleOptions,
  claimed: CropScaleOptions,
) {
  const crops = sampleCropScales(rng, n, size, sampled);
  const [lo, hi] = claimed.zoom;
  const span = Math.log(hi) - Math.log(lo);
  const zoomU = crops.map((c) => (span > 0 ? (Math.log(c.zoom) - Math.log(lo)) / span : 0.5));
  const shiftU: number[] = [];
  let outside = 0;
  for (const c of crops) {
    const slack = Math.max(0, (size - size / c.zoom) / 2) + claimed.pad;
    for (const d of [c.dx, c.dy]) {
      if (Math.abs(d) > slack + 1e-9) outside++;
      shiftU.push(slack > 0 ? (d + slack) / (2 * slack) : 0.5);
    }
  }
  const zooms = crops.map((c) => c.zoom);
  return {
    draws: n,
    zoomKs: ksUniform(zoomU),
    shiftKs: ksUniform(shiftU),
    outsideClaimed: outside + zoomU.filter((u) => u < -1e-12 || u > 1 + 1e-12).length,
    zoomRange: [Math.min(...zooms), Math.max(...zooms)],
  };
}

/**
 * The covariance of all RGB pixels of the training images (float64, n − 1), and how far the PCA
 * fit's eigen-decomposition is from it: max |Σ λ_k p_k p_kᵀ − C| and max ‖C p_k − λ_k p_k‖, both
 * relative to the trace of C.
 */
export function measurePcaFit(train: Dataset, pca: PcaColour) {
  const px = train.images.length / 3;
  const m = [0, 0, 0];
  for (let p = 0; p < px; p++) for (let c = 0; c < 3; c++) m[c] += train.images[3 * p + c];
  for (let c = 0; c < 3; c++) m[c] /= px;
  const cov = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (let p = 0; p < px; p++) {
    for (let i = 0; i < 3; i++) {
      const di = train.images[3 * p + i] - m[i];
      for (let j = 0; j < 3; j++) cov[i][j] += di * (train.images[3 * p + j] - m[j]);
    }
  }
  cov.forEach((row) => row.forEach((_, j) => (row[j] /= px - 1)));
  const trace = cov[0][0] + cov[1][1] + cov[2][2];
  const { values, vectors } = pca.eigen;
  let reconstruction = 0, residual = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const r = values.reduce((s, l, k) => s + l * vectors[k][i] * vectors[k][j], 0);
      reconstruction = Math.max(reconstruction, Math.abs(r - cov[i][j]) / trace);
    }
  }
  vectors.forEach((v, k) => {
    const cv = cov.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
    residual = Math.max(residual, Math.hypot(...cv.map((x, i) => x - values[k] * v[i])) / trace);
  });
  return { pixels: px, covariance: cov, reconstruction, residual };
}
