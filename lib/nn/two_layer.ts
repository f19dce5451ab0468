/**
 * The lecture's 2-layer net (`x → FC → ReLU → FC → softmax`, 50 hidden units on the
 * hyper-parameter slide) with TensorFlow.js computing the loss and gradient of a flat parameter
 * vector, so that the hand-written optimizers can train it.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import { type Dataset, imageSize } from "../data/dataset.ts";
import type { BatchModel } from "./softmax_regression.ts";
import type { Rng } from "../rng.ts";
import { softmaxCrossEntropy } from "./softmax_cross_entropy.ts";

/** A {@link BatchModel} with its initial parameters. */
export interface TwoLayerNet extends BatchModel {
  hidden: number;
  /** Kaiming-normal W1, W2 (std sqrt(2/Din)) and zero biases, from `rng`. */
  init(rng: Rng): Float32Array;
}

/**
 * Builds the net for a dataset. Parameters: W1 [d, h], b1 [h], W2 [h, k], b2 [k], flattened.
 * Gradients are computed by tfjs on the active backend; every tensor is disposed.
 */
export function twoLayerNet(tf: typeof tfjs, ds: Dataset, hidden: number): TwoLayerNet {
  const d = imageSize(ds), k = ds.classNames.length, h = hidden;
  const sizes = [d * h, h, h * k, k], size = sizes.reduce((a, b) => a + b, 0);
  const batch = (idx: ArrayLike<number>) => {
    const x = new Float32Array(idx.length * d), y = new Int32Array(idx.length);
    for (let r = 0; r < idx.length; r++) {
      x.set(ds.images.subarray(idx[r] * d, (idx[r] + 1) * d), r * d);
      y[r] = ds.labels[idx[r]];
    }
    return { x, y };
  };
  const split = (params: Float32Array) => {
    let o = 0;
    return sizes.map((n) => params.subarray(o, o += n));
  };
  const lossOf =
    (x: tfjs.Tensor2D, y: tfjs.Tensor2D) => (w1: tfjs.Tensor, b1: tfjs.Tensor, w2: tfjs.Tensor, b2: tfjs.Tensor) =>
      softmaxCrossEntropy(
        tf,
        y,
        tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1 as tfjs.Tensor2D), b1)), w2 as tfjs.Tensor2D), b2),
      );
  const tensors = (params: Float32Array, idx: ArrayLike<number>) => {
    const { x, y } = batch(idx), [w1, b1, w2, b2] = split(params);
    return {
      x: tf.tensor2d(x, [idx.length, d]),
      y: tf.oneHot(tf.tensor1d(y, "int32"), k).toFloat() as tfjs.Tensor2D,
      ws: [tf.tensor2d(w1, [d, h]), tf.tensor1d(b1), tf.tensor2d(w2, [h, k]), tf.tensor1d(b2)],
    };
  };
  return {
    size,
    hidden,
    init(rng) {
      const p = new Float32Array(size);
      p.set(rng.normals(d * h, Math.sqrt(2 / d)), 0);
      p.set(rng.normals(h * k, Math.sqrt(2 / h)), d * h + h);
      return p;
    },
    async lossGrad(params, idx) {
      const [value, grad] = tf.tidy(() => {
        const t = tensors(params, idx);
        const f = lossOf(t.x, t.y);
        const { value, grads } = tf.valueAndGrads(f)(t.ws);
        return [value, tf.concat(grads.map((g) => g.flatten()))];
      });
      const [l, g] = await Promise.all([value.data(), grad.data()]);
      tf.dispose([value, grad]);
      return { loss: l[0], grad: Float32Array.from(g) };
    },
    async loss(params, idx) {
      const value = tf.tidy(() => {
        const t = tensors(params, idx);
        return lossOf(t.x, t.y)(t.ws[0], t.ws[1], t.ws[2], t.ws[3]);
      });
      const l = (await value.data())[0];
      value.dispose();
      return l;
    },
  };
}
