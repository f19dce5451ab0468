/**
 * The training loop shared by claimbook's small classifiers: shuffled mini-batches, softmax
 * cross-entropy, SGD with momentum and a learning-rate multiplier per layer (0 freezes a layer).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";
import { softmaxCrossEntropy } from "./softmax_cross_entropy.ts";

/** Options of {@link trainSoftmaxClassifier}. */
export interface MinibatchOptions {
  lr: number;
  /** Learning-rate multiplier per layer (default 1 each); 0 freezes the layer. */
  lrScale?: readonly number[];
  /** Momentum (default 0.9), in the library form v = μ·v + g. */
  momentum?: number;
  steps: number;
  batch: number;
  rng: Rng;
}

/**
 * Trains the weights and biases of `layers` in place so that `logits(x)` classifies `labels`;
 * `prepare` may transform each batch of inputs (e.g. augment it) inside the step.
 * Returns the mean training loss of the last 10% of steps.
 */
export async function trainSoftmaxClassifier(
  tf: typeof tfjs,
  layers: readonly { w: tfjs.Variable; b: tfjs.Variable }[],
  logits: (xb: tfjs.Tensor) => tfjs.Tensor,
  x: tfjs.Tensor,
  labels: ArrayLike<number>,
  classes: number,
  o: MinibatchOptions,
  prepare?: (xb: tfjs.Tensor) => tfjs.Tensor,
): Promise<number> {
  const n = x.shape[0];
  const batch = Math.min(o.batch, n);
  const mu = o.momentum ?? 0.9;
  const scales = o.lrScale ?? layers.map(() => 1);
  const trained = layers.flatMap((l, i) => scales[i] > 0 ? [{ v: l.w, s: scales[i] }, { v: l.b, s: scales[i] }] : []);
  const velocity = trained.map((t) => tf.zeros(t.v.shape));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(labels), "int32"), classes).toFloat());
  let order: number[] = [], pos = n;
  const tail = Math.max(1, Math.floor(o.steps / 10));
  const tailLosses: tfjs.Scalar[] = [];
  for (let step = 0; step < o.steps; step++) {
    if (pos + batch > n) {
      order = o.rng.shuffle(Array.from({ length: n }, (_, i) => i));
      pos = 0;
    }
    const idx = order.slice(pos, pos + batch);
    pos += batch;
    const loss = tf.tidy(() => {
      const ids = tf.tensor1d(idx, "int32");
      const gathered = tf.gather(x, ids);
      const xb = prepare ? prepare(gathered) : gathered;
      const yb = tf.gather(y, ids);
      const { value, grads } = tf.variableGrads(
        () => softmaxCrossEntropy(tf, yb, logits(xb)),
        trained.map((t) => t.v),
      );
      trained.forEach((t, i) => {
        const v = tf.add(tf.mul(velocity[i], mu), grads[t.v.name]);
        velocity[i].dispose();
        velocity[i] = tf.keep(v);
        t.v.assign(tf.sub(t.v, tf.mul(v, o.lr * t.s)));
      });
      return value;
    });
    if (step >= o.steps - tail) tailLosses.push(loss);
    else loss.dispose();
  }
  const vals = await Promise.all(tailLosses.map(async (l) => (await l.data())[0]));
  tf.dispose([...tailLosses, ...velocity, y]);
  return vals.reduce((a, b) => a + b, 0) / Math.max(1, vals.length);
}
