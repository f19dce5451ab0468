/**
 * The lecture's 2-layer net on the tfjs backend (a GPU where there is one): the same maths as
 * two_layer_net.ts — scores = relu(X·W1 + b1)·W2 + b2, the numpy-style softmax
 * `exp(s − max s) / Σ exp(s − max s)`, loss `mean(−log p_y) + 0.5·reg·(ΣW1² + ΣW2²)` and the
 * hand-written gradients of the slides — in float32 tensors. NaN and ±Inf propagate as in numpy
 * (an underflowing probability gives an infinite cost), at float32's range instead of float64's.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import { PARAM_NAMES, type ParamName, type TwoLayerModel } from "./two_layer_net.ts";

/** The four parameters as tensors: W1 (D × H), b1 (H), W2 (H × C), b2 (C). */
export type TfParams = Record<ParamName, tfjs.Tensor>;

/** Uploads a model's parameters (rounded to float32). */
export function uploadModel(tf: typeof tfjs, m: TwoLayerModel): TfParams {
  return {
    W1: tf.tensor2d(Float32Array.from(m.W1), [m.D, m.H]),
    b1: tf.tensor1d(Float32Array.from(m.b1)),
    W2: tf.tensor2d(Float32Array.from(m.W2), [m.H, m.C]),
    b2: tf.tensor1d(Float32Array.from(m.b2)),
  };
}

/** Copies the tensors' values back into `m` (in place). */
export async function downloadModel(p: TfParams, m: TwoLayerModel): Promise<void> {
  const values = await Promise.all(PARAM_NAMES.map((k) => p[k].data()));
  PARAM_NAMES.forEach((k, i) => m[k].set(values[i] as Float32Array));
}

/** The class scores, N × C (call inside `tf.tidy`). */
export function scoresTf(tf: typeof tfjs, p: TfParams, X: tfjs.Tensor2D): tfjs.Tensor2D {
  return tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(X, p.W1), p.b1)), p.W2), p.b2) as tfjs.Tensor2D;
}

/** The regularization term 0.5·reg·(ΣW1² + ΣW2²) (call inside `tf.tidy`). */
export function regLossTf(tf: typeof tfjs, p: TfParams, reg: number): tfjs.Scalar {
  return tf.mul(0.5 * reg, tf.add(tf.sum(tf.square(p.W1)), tf.sum(tf.square(p.W2))));
}

/**
 * The loss of a batch (inputs N × D, one-hot labels N × C) and, unless `withGrads` is false, the
 * gradients by backpropagation written out as on the slides. `withLoss` false skips the loss (a
 * training step whose cost nobody reads). Call inside `tf.tidy`.
 */
export function lossAndGradsTf(
  tf: typeof tfjs,
  p: TfParams,
  X: tfjs.Tensor2D,
  oneHot: tfjs.Tensor2D,
  reg: number,
  withGrads = true,
  withLoss = true,
): { loss?: tfjs.Scalar; grads?: TfParams } {
  const N = X.shape[0];
  const h = tf.relu(tf.add(tf.matMul(X, p.W1), p.b1));
  const s = tf.add(tf.matMul(h, p.W2), p.b2);
  const e = tf.exp(tf.sub(s, tf.max(s, 1, true)));
  const probs = tf.div(e, tf.sum(e, 1, true));
  const loss = withLoss
    ? tf.add(tf.div(tf.neg(tf.sum(tf.log(tf.sum(tf.mul(probs, oneHot), 1)))), N), regLossTf(tf, p, reg)) as tfjs.Scalar
    : undefined;
  if (!withGrads) return { loss };
  const ds = tf.div(tf.sub(probs, oneHot), N); // (probs − onehot(y)) / N
  const dh = tf.mul(tf.matMul(ds, p.W2, false, true), tf.step(h)); // the ReLU passes the gradient where active
  return {
    loss,
    grads: {
      W1: tf.add(tf.matMul(X, dh, true, false), tf.mul(reg, p.W1)),
      b1: tf.sum(dh, 0),
      W2: tf.add(tf.matMul(h, ds, true, false), tf.mul(reg, p.W2)),
      b2: tf.sum(ds, 0),
    },
  };
}

/** One-hot rows for integer labels (float32, N × C). */
export function oneHotTf(tf: typeof tfjs, y: ArrayLike<number>, C: number): tfjs.Tensor2D {
  const out = new Float32Array(y.length * C);
  for (let i = 0; i < y.length; i++) out[i * C + y[i]] = 1;
  return tf.tensor2d(out, [y.length, C]);
}
