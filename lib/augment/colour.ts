/**
 * Colour augmentations: the slides' simple colour jitter (random brightness and contrast) and
 * AlexNet's PCA colour augmentation (offsets along the principal components of the training
 * set's RGB pixels). Outputs are clipped to [0, 1].
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";
import type { Dataset } from "../data/dataset.ts";
import { type Eigen, jacobiEigen } from "./eigen.ts";

type Tensor4D = tfjs.Tensor4D;

/** One image's jitter: `out = clip((x − m)·contrast + m + brightness)`, m the image's per-channel mean. */
export interface Jitter {
  brightness: number;
  contrast: number;
}

/** Draws brightness uniform in ±maxBrightness and contrast uniform in 1 ± maxContrast. */
export function sampleJitter(rng: Rng, n: number, maxBrightness: number, maxContrast: number): Jitter[] {
  return Array.from({ length: n }, () => ({
    brightness: rng.uniform(-maxBrightness, maxBrightness),
    contrast: rng.uniform(1 - maxContrast, 1 + maxContrast),
  }));
}

/** Applies one {@link Jitter} per image. */
export function colourJitter(tf: typeof tfjs, images: Tensor4D, jitter: readonly Jitter[]): Tensor4D {
  const n = images.shape[0];
  if (jitter.length !== n) throw new Error(`colourJitter: ${jitter.length} jitters for ${n} images`);
  return tf.tidy(() => {
    const m = tf.mean(images, [1, 2], true);
    const c = tf.tensor4d(jitter.map((j) => j.contrast), [n, 1, 1, 1]);
    const b = tf.tensor4d(jitter.map((j) => j.brightness), [n, 1, 1, 1]);
    return tf.clipByValue(tf.add(tf.add(tf.mul(tf.sub(images, m), c), m), b), 0, 1) as Tensor4D;
  });
}

/** The principal components of a training set's RGB pixels. */
export interface PcaColour {
  /** Mean RGB pixel. */
  mean: number[];
  /** The 3×3 covariance of all RGB pixels. */
  covariance: number[][];
  /** Its eigenvalues (descending) and unit eigenvectors. */
  eigen: Eigen;
}

/** Step 1 of the slide: PCA of all [R, G, B] pixels of the training set (covariance in float64). */
export function fitPcaColour(ds: Dataset): PcaColour {
  if (ds.channels !== 3) throw new Error(`fitPcaColour: dataset "${ds.name}" has ${ds.channels} channel(s), not RGB`);
  const pixels = ds.images.length / 3;
  const mean = [0, 0, 0];
  for (let i = 0; i < ds.images.length; i++) mean[i % 3] += ds.images[i];
  for (let k = 0; k < 3; k++) mean[k] /= pixels;
  const cov = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (let p = 0; p < pixels; p++) {
    const r = ds.images[3 * p] - mean[0], g = ds.images[3 * p + 1] - mean[1], b = ds.images[3 * p + 2] - mean[2];
    const d = [r, g, b];
    for (let i = 0; i < 3; i++) for (let j = i; j < 3; j++) cov[i][j] += d[i] * d[j];
  }
  for (let i = 0; i < 3; i++) {
    for (let j = i; j < 3; j++) {
      cov[i][j] /= pixels - 1;
      cov[j][i] = cov[i][j];
    }
  }
  return { mean, covariance: cov, eigen: jacobiEigen(cov) };
}

/**
 * Step 2: the colour offset of each image, `Σ_k α_k · sqrt(λ_k) · p_k` for sampled magnitudes α
 * (AlexNet draws α_k ~ N(0, 0.1²) and writes λ_k; with pixels in [0, 1] we scale by sqrt(λ_k), the
 * std along the component, so that α is a fraction of that std).
 */
export function pcaOffsets(pca: PcaColour, alphas: readonly number[][]): number[][] {
  const { values, vectors } = pca.eigen;
  return alphas.map((alpha) =>
    [0, 1, 2].map((c) => alpha.reduce((s, a, k) => s + a * Math.sqrt(Math.max(0, values[k])) * vectors[k][c], 0))
  );
}

/** Draws AlexNet's magnitudes: α_k ~ N(0, std²) for the 3 components of each image. */
export function sampleAlphas(rng: Rng, n: number, std: number): number[][] {
  return Array.from({ length: n }, () => [rng.normal(0, std), rng.normal(0, std), rng.normal(0, std)]);
}

/** Step 3: adds each image's offset to all its pixels (clipped to [0, 1]). */
export function addColourOffsets(tf: typeof tfjs, images: Tensor4D, offsets: readonly number[][]): Tensor4D {
  const n = images.shape[0];
  if (images.shape[3] !== 3) throw new Error(`addColourOffsets: images have ${images.shape[3]} channel(s), not RGB`);
  return tf.tidy(() => tf.clipByValue(tf.add(images, tf.tensor4d(offsets.flat(), [n, 1, 1, 3])), 0, 1) as Tensor4D);
}
