/**
 * Datasets as plain design matrices for hand-written models: one row per image, the training
 * set's mean image subtracted (as in the lecture: `X -= mean_image`), on a stated pixel scale.
 * @module
 */
import { type Dataset, imageSize } from "./dataset.ts";

/** N rows of D values (row-major) with their labels. */
export interface Matrix {
  X: Float32Array;
  y: Uint8Array;
  N: number;
  D: number;
}

/**
 * The images of `ds` as rows `scale·(x − mean)`, where `mean` is a per-pixel mean image in [0, 1]
 * (the training set's). With `scale` 255 this is the lecture's raw-pixel mean subtraction.
 */
export function designMatrix(ds: Dataset, mean: Float32Array, scale: number): Matrix {
  const D = imageSize(ds);
  if (mean.length !== D) throw new RangeError(`Mean image has ${mean.length} values, the images ${D}`);
  const X = new Float32Array(ds.count * D);
  for (let i = 0; i < ds.count; i++) {
    for (let j = 0; j < D; j++) X[i * D + j] = scale * (ds.images[i * D + j] - mean[j]);
  }
  return { X, y: ds.labels.slice(0, ds.count), N: ds.count, D };
}

/** The rows at `indices`, in that order. */
export function rows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const n = indices.length, X = new Float32Array(n * m.D), y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    X.set(m.X.subarray(indices[i] * m.D, (indices[i] + 1) * m.D), i * m.D);
    y[i] = m.y[indices[i]];
  }
  return { X, y, N: n, D: m.D };
}
