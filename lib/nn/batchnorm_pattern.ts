/**
 * BatchNorm's "training adds randomness, testing averages" behaviour, measured on the library's
 * layer (`tf.layers.batchNormalization`): one fixed sample is normalized inside many random
 * batches, in training mode (batch statistics) and in inference mode (running statistics).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";

/** Options of {@link batchNormPattern}. */
export interface BatchNormPatternOptions {
  /** Batch size (the fixed sample plus `batch − 1` others drawn at random from the pool). */
  batch: number;
  /** Number of random batches. */
  batches: number;
  /** Momentum of the running statistics. */
  momentum: number;
  epsilon: number;
}

/** What {@link batchNormPattern} measures (all RMS values are over the sample's output elements). */
export interface BatchNormPattern {
  /** RMS std of the fixed sample's output across batches, training mode. */
  trainSpread: number;
  /** Largest difference of the fixed sample's output between batches, inference mode. */
  inferenceMaxDiff: number;
  /** RMS of the inference-mode output (the scale of the others). */
  outputRms: number;
  /** RMS of (mean of training-mode outputs over batches − inference-mode output). */
  gap: number;
  /** RMS Monte-Carlo standard error of that mean. */
  stdErr: number;
  /** Largest |training-mode output − (x − batch mean)/sqrt(batch var + eps)| (the layer is BatchNorm). */
  definitionMaxDiff: number;
  /** The fixed sample's output element 0 in every batch, training mode (for charts). */
  trainTrace: number[];
  /** The same in inference mode. */
  inferenceTrace: number[];
}

/**
 * Normalizes `pool[0]` inside `batches` random batches drawn from `pool` ([M, ...features], channels
 * last), first in training mode (which also updates the running statistics), then in inference mode.
 */
export async function batchNormPattern(
  tf: typeof tfjs,
  pool: tfjs.Tensor,
  rng: Rng,
  o: BatchNormPatternOptions,
): Promise<BatchNormPattern> {
  const m = pool.shape[0];
  if (o.batch < 2 || o.batch > m) throw new RangeError(`Batch must be in [2, ${m}], got "${o.batch}"`);
  const layer = tf.layers.batchNormalization({ momentum: o.momentum, epsilon: o.epsilon });
  const batches: tfjs.Tensor[] = [];
  for (let b = 0; b < o.batches; b++) {
    const others = rng.shuffle(Array.from({ length: m - 1 }, (_, i) => i + 1)).slice(0, o.batch - 1);
    batches.push(tf.tidy(() => tf.gather(pool, tf.tensor1d([0, ...others], "int32"))));
  }
  const first = (t: tfjs.Tensor) => tf.tidy(() => tf.reshape(tf.slice(t, 0, 1), [-1]));
  const axes = pool.shape.slice(0, -1).map((_, i) => i);
  const train: tfjs.Tensor[] = [];
  let definitionMaxDiff = 0;
  for (const x of batches) {
    const y = layer.apply(x, { training: true }) as tfjs.Tensor;
    const diff = tf.tidy(() => {
      const { mean, variance } = tf.moments(x, axes);
      return tf.max(tf.abs(tf.sub(y, tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, o.epsilon))))));
    });
    definitionMaxDiff = Math.max(definitionMaxDiff, (await diff.data())[0]);
    train.push(first(y));
    tf.dispose([y, diff]);
  }
  const inference = batches.map((x) => tf.tidy(() => first(layer.apply(x, { training: false }) as tfjs.Tensor)));
  const stats = tf.tidy(() => {
    const tr = tf.stack(train), inf = tf.stack(inference);
    const tm = tf.moments(tr, 0), im = tf.mean(inf, 0);
    return [
      tf.sqrt(tf.mean(tm.variance)),
      tf.max(tf.abs(tf.sub(inf, tf.min(inf, 0)))),
      tf.sqrt(tf.mean(tf.square(im))),
      tf.sqrt(tf.mean(tf.square(tf.sub(tm.mean, im)))),
      tf.sqrt(tf.div(tf.mean(tm.variance), o.batches)),
      tf.slice(tr, [0, 0], [-1, 1]),
      tf.slice(inf, [0, 0], [-1, 1]),
    ];
  });
  const values = await Promise.all(stats.map((t) => t.data()));
  tf.dispose([...stats, ...batches, ...train, ...inference]);
  layer.dispose();
  return {
    trainSpread: values[0][0],
    inferenceMaxDiff: values[1][0],
    outputRms: values[2][0],
    gap: values[3][0],
    stdErr: values[4][0],
    definitionMaxDiff,
    trainTrace: Array.from(values[5]),
    inferenceTrace: Array.from(values[6]),
  };
}
