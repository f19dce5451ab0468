/**
 * Multinomial logistic (softmax) regression on image datasets, written out in plain float math:
 * the per-sample loss and its gradient, and the mini-batch mean of both. The slides' quizzes are
 * about this kind of model ("SGD is not only for linear regression").
 * @module
 */
import { type Dataset, imageSize } from "../data/dataset.ts";

/** A model whose parameters are one flat vector and whose loss is a mean over samples. */
export interface BatchModel {
  /** Number of parameters. */
  size: number;
  /** Mean cross-entropy and its gradient over the samples `idx`. */
  lossGrad(params: Float32Array, idx: ArrayLike<number>): Promise<{ loss: number; grad: Float32Array }>;
  /** Mean cross-entropy over the samples `idx`. */
  loss(params: Float32Array, idx: ArrayLike<number>): Promise<number>;
}

/** Indices 0 … n − 1. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Softmax regression `p = softmax(x·W + b)` with W stored row-major ([pixels, classes]) then b.
 * @example
 * ```ts
 * const model = softmaxRegression(train);
 * const { loss } = await model.lossGrad(new Float32Array(model.size), range(10)); // ln 10
 * ```
 */
export function softmaxRegression(ds: Dataset): BatchModel & {
  /** Adds sample i's gradient (times `scale`) into `acc`; returns its loss. */
  accumulate(params: Float32Array, i: number, acc: Float64Array, scale: number): number;
} {
  const d = imageSize(ds), k = ds.classNames.length, size = d * k + k;
  const z = new Float64Array(k);
  // Non-zero pixels of each image, for speed (MNIST is mostly background).
  const nz: Int32Array[] = [];
  for (let i = 0; i < ds.count; i++) {
    const idx: number[] = [];
    for (let j = 0; j < d; j++) if (ds.images[i * d + j] !== 0) idx.push(j);
    nz.push(Int32Array.from(idx));
  }
  const forward = (params: Float32Array, i: number): number => {
    for (let c = 0; c < k; c++) z[c] = params[d * k + c];
    const base = i * d;
    for (const j of nz[i]) {
      const x = ds.images[base + j], row = j * k;
      for (let c = 0; c < k; c++) z[c] += x * params[row + c];
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, z[c]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(z[c] - max);
    const logSum = max + Math.log(sum);
    for (let c = 0; c < k; c++) z[c] = Math.exp(z[c] - logSum); // z now holds probabilities
    return logSum - (Math.log(z[ds.labels[i]]) + logSum);
  };
  const accumulate = (params: Float32Array, i: number, acc: Float64Array, scale: number): number => {
    const loss = forward(params, i);
    z[ds.labels[i]] -= 1;
    const base = i * d;
    for (const j of nz[i]) {
      const x = ds.images[base + j] * scale, row = j * k;
      for (let c = 0; c < k; c++) acc[row + c] += x * z[c];
    }
    for (let c = 0; c < k; c++) acc[d * k + c] += scale * z[c];
    return loss;
  };
  return {
    size,
    accumulate,
    lossGrad(params, idx) {
      const acc = new Float64Array(size), n = idx.length;
      let loss = 0;
      for (let r = 0; r < n; r++) loss += accumulate(params, idx[r], acc, 1 / n);
      return Promise.resolve({ loss: loss / n, grad: Float32Array.from(acc) });
    },
    loss(params, idx) {
      let loss = 0;
      for (let r = 0; r < idx.length; r++) loss += forward(params, idx[r]);
      return Promise.resolve(loss / idx.length);
    },
  };
}
