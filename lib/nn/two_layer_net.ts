/**
 * The lecture's 2-layer net, written as on its slides: `W1 = 1e-4·randn(D, H)`, `b1 = 0`,
 * `W2 = 1e-4·randn(H, C)`, `b2 = 0`; scores = relu(X·W1 + b1)·W2 + b2; softmax loss plus
 * `0.5·reg·Σ W1² + 0.5·reg·Σ W2²`; hand-written (analytic) gradients. Plain float64 JavaScript, like
 * the lecture's numpy: NaN and ±Inf arise exactly where numpy's would (probabilities from
 * `exp(s − max s)`, loss `−log p_y`, so an underflowing probability gives an infinite cost). This is
 * the reference: the gradient check (H1) and the initial-loss checks use it; training runs the same
 * maths as tfjs ops on the backend (two_layer_tf.ts, tested against this file).
 * @module
 */
import type { Rng } from "../rng.ts";

/** The parameters of the 2-layer net (row-major). */
export interface TwoLayerModel {
  /** Inputs, hidden units, classes. */
  D: number;
  H: number;
  C: number;
  /** D × H. */
  W1: Float64Array;
  b1: Float64Array;
  /** H × C. */
  W2: Float64Array;
  b2: Float64Array;
}

/** The parameter names, in the lecture's order. */
export const PARAM_NAMES = ["W1", "b1", "W2", "b2"] as const;
/** One parameter's name. */
export type ParamName = (typeof PARAM_NAMES)[number];

/** `init_two_layer_model(input_size, hidden_size, output_size)` of the slides (weights `std·randn`). */
export function initTwoLayerModel(D: number, H: number, C: number, rng: Rng, std = 1e-4): TwoLayerModel {
  return {
    D,
    H,
    C,
    W1: Float64Array.from(rng.normals(D * H, 1), (x) => std * x),
    b1: new Float64Array(H),
    W2: Float64Array.from(rng.normals(H * C, 1), (x) => std * x),
    b2: new Float64Array(C),
  };
}

/** A deep copy of a model. */
export function cloneModel(m: TwoLayerModel): TwoLayerModel {
  return { ...m, W1: m.W1.slice(), b1: m.b1.slice(), W2: m.W2.slice(), b2: m.b2.slice() };
}

/** Inputs: `N` rows of `D` values (row-major). */
export interface Batch {
  X: ArrayLike<number>;
  N: number;
}

/** The hidden activations relu(X·W1 + b1), N × H. */
export function hidden(m: TwoLayerModel, { X, N }: Batch): Float64Array {
  const { D, H, W1, b1 } = m;
  const h = new Float64Array(N * H);
  for (let i = 0; i < N; i++) h.set(b1, i * H);
  let i = 0;
  // Four rows at a time share each load of W1 (same sums, in the same order, as one row at a time).
  for (; i + 3 < N; i += 4) {
    const r0 = i * H, r1 = r0 + H, r2 = r1 + H, r3 = r2 + H;
    const a0 = i * D, a1 = a0 + D, a2 = a1 + D, a3 = a2 + D;
    for (let k = 0; k < D; k++) {
      const x0 = X[a0 + k], x1 = X[a1 + k], x2 = X[a2 + k], x3 = X[a3 + k];
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue; // e.g. a constant border pixel
      const w = k * H;
      for (let j = 0; j < H; j++) {
        const wv = W1[w + j];
        h[r0 + j] += x0 * wv;
        h[r1 + j] += x1 * wv;
        h[r2 + j] += x2 * wv;
        h[r3 + j] += x3 * wv;
      }
    }
  }
  for (; i < N; i++) {
    const row = i * H;
    for (let k = 0; k < D; k++) {
      const x = X[i * D + k], w = k * H;
      for (let j = 0; j < H; j++) h[row + j] += x * W1[w + j];
    }
  }
  for (let q = 0; q < h.length; q++) if (h[q] < 0) h[q] = 0; // np.maximum(0, ·): NaN stays NaN
  return h;
}

/** The class scores relu(X·W1 + b1)·W2 + b2, N × C (with the hidden activations). */
export function scores(m: TwoLayerModel, batch: Batch): { scores: Float64Array; hidden: Float64Array } {
  const { H, C, W2, b2 } = m, N = batch.N;
  const h = hidden(m, batch);
  const s = new Float64Array(N * C);
  for (let i = 0; i < N; i++) {
    for (let c = 0; c < C; c++) s[i * C + c] = b2[c];
    for (let j = 0; j < H; j++) {
      const a = h[i * H + j];
      if (a === 0) continue;
      for (let c = 0; c < C; c++) s[i * C + c] += a * W2[j * C + c];
    }
  }
  return { scores: s, hidden: h };
}

/** The regularization term 0.5·reg·(Σ W1² + Σ W2²) (biases are not regularized, as on the slides). */
export function regLoss(m: TwoLayerModel, reg: number): number {
  let s = 0;
  for (const w of m.W1) s += w * w;
  for (const w of m.W2) s += w * w;
  return 0.5 * reg * s;
}

/** Softmax probabilities the numpy way: exp(s − max s) / Σ exp(s − max s), row by row. */
export function softmax(s: Float64Array, N: number, C: number): Float64Array {
  const p = new Float64Array(N * C);
  for (let i = 0; i < N; i++) {
    let mx = -Infinity;
    for (let c = 0; c < C; c++) mx = Math.max(mx, s[i * C + c]); // NaN if any score is NaN
    let sum = 0;
    for (let c = 0; c < C; c++) sum += p[i * C + c] = Math.exp(s[i * C + c] - mx);
    for (let c = 0; c < C; c++) p[i * C + c] /= sum;
  }
  return p;
}

/** Loss, its two parts, and (when asked) the gradients of every parameter. */
export interface LossResult {
  loss: number;
  dataLoss: number;
  regLoss: number;
  grads?: Record<ParamName, Float64Array>;
  /** The scores of the batch, N × C. */
  scores: Float64Array;
}

/**
 * The slides' `two_layer_net(X, model, y, reg)`: the mean softmax loss over the batch plus the L2
 * term, and the analytic gradients by backpropagation when `withGrads` is set.
 */
export function lossAndGrads(
  m: TwoLayerModel,
  batch: Batch,
  y: ArrayLike<number>,
  reg: number,
  withGrads = true,
): LossResult {
  const { D, H, C, W1, W2 } = m, { X, N } = batch;
  const { scores: s, hidden: h } = scores(m, batch);
  const p = softmax(s, N, C);
  let data = 0;
  for (let i = 0; i < N; i++) data -= Math.log(p[i * C + y[i]]);
  data /= N;
  const r = regLoss(m, reg);
  if (!withGrads) return { loss: data + r, dataLoss: data, regLoss: r, scores: s };
  // dscores = (probs − onehot(y)) / N
  const ds = p;
  for (let i = 0; i < N; i++) ds[i * C + y[i]] -= 1;
  for (let i = 0; i < ds.length; i++) ds[i] /= N;
  const dW2 = new Float64Array(H * C), db2 = new Float64Array(C);
  const dh = new Float64Array(N * H);
  for (let i = 0; i < N; i++) {
    for (let c = 0; c < C; c++) db2[c] += ds[i * C + c];
    for (let j = 0; j < H; j++) {
      const a = h[i * H + j];
      let g = 0;
      for (let c = 0; c < C; c++) {
        dW2[j * C + c] += a * ds[i * C + c];
        g += ds[i * C + c] * W2[j * C + c];
      }
      dh[i * H + j] = a > 0 ? g : 0; // the ReLU passes the gradient where it was active
    }
  }
  const dW1 = new Float64Array(D * H), db1 = new Float64Array(H);
  for (let i = 0; i < N; i++) for (let j = 0; j < H; j++) db1[j] += dh[i * H + j];
  let i = 0;
  for (; i + 3 < N; i += 4) {
    const r0 = i * H, r1 = r0 + H, r2 = r1 + H, r3 = r2 + H;
    const a0 = i * D, a1 = a0 + D, a2 = a1 + D, a3 = a2 + D;
    for (let k = 0; k < D; k++) {
      const x0 = X[a0 + k], x1 = X[a1 + k], x2 = X[a2 + k], x3 = X[a3 + k];
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      const w = k * H;
      for (let j = 0; j < H; j++) dW1[w + j] += x0 * dh[r0 + j] + x1 * dh[r1 + j] + x2 * dh[r2 + j] + x3 * dh[r3 + j];
    }
  }
  for (; i < N; i++) {
    const row = i * H;
    for (let k = 0; k < D; k++) {
      const x = X[i * D + k], w = k * H;
      for (let j = 0; j < H; j++) dW1[w + j] += x * dh[row + j];
    }
  }
  for (let i = 0; i < dW1.length; i++) dW1[i] += reg * W1[i];
  for (let i = 0; i < dW2.length; i++) dW2[i] += reg * W2[i];
  return { loss: data + r, dataLoss: data, regLoss: r, scores: s, grads: { W1: dW1, b1: db1, W2: dW2, b2: db2 } };
}

/** The predicted class of each row of scores (numpy's argmax: the first maximum; NaN rows give 0). */
export function argmax(s: Float64Array, N: number, C: number): Uint8Array {
  const out = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (s[i * C + c] > s[i * C + best]) best = c;
    out[i] = best;
  }
  return out;
}
