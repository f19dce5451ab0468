/**
 * The lecture's classic architecture `[(conv, ReLU)*N, Pool]*M, (FC, ReLU)*K, Softmax`, built from
 * tfjs layers, optionally with BatchNorm after every conv ("Batch-, Layer- or InstanceNorm after conv
 * or FC for faster convergence"), and trained by minibatch SGD until a target training loss.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";

/** The shape of the net. */
export interface ClassicNetOptions {
  /** Input [height, width, channels]. */
  input: [number, number, number];
  /** (conv, ReLU) pairs per stage. */
  n: number;
  /** Filters of each of the M stages (its length is M). */
  filters: number[];
  /** Units of each of the K (FC, ReLU) layers (its length is K). */
  fc: number[];
  classes: number;
  /** BatchNorm between every conv and its ReLU (the conv then has no bias). */
  batchNorm: boolean;
  /** Seeds the initializers; the same rng state gives the same weights. */
  rng: Rng;
}

/** Builds the net (3×3 'same' convs, 2×2 max-pooling, He-initialised). */
export function classicConvNet(tf: typeof tfjs, o: ClassicNetOptions): tfjs.Sequential {
  const model = tf.sequential();
  let first = true;
  const shape = () => (first ? { inputShape: o.input } : {});
  for (const k of o.filters) {
    for (let j = 0; j < o.n; j++) {
      model.add(tf.layers.conv2d({
        ...shape(),
        filters: k,
        kernelSize: 3,
        padding: "same",
        useBias: !o.batchNorm,
        kernelInitializer: tf.initializers.heNormal({ seed: o.rng.seedInt() }),
      }));
      first = false;
      if (o.batchNorm) model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
      model.add(tf.layers.reLU());
    }
    model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  }
  model.add(tf.layers.flatten());
  for (const units of o.fc) {
    model.add(tf.layers.dense({
      units,
      activation: "relu",
      kernelInitializer: tf.initializers.heNormal({ seed: o.rng.seedInt() }),
    }));
  }
  model.add(tf.layers.dense({
    units: o.classes,
    activation: "softmax",
    kernelInitializer: tf.initializers.glorotNormal({ seed: o.rng.seedInt() }),
  }));
  return model;
}

/** Options of {@link stepsToTarget}. */
export interface TargetOptions {
  batch: number;
  lr: number;
  momentum: number;
  maxSteps: number;
  /** Training loss to reach: the mean minibatch loss over the last `window` steps. */
  target: number;
  window: number;
}

/**
 * Trains `model` by SGD with momentum on random minibatches of (x, y) until the windowed training
 * loss reaches the target (or `maxSteps`). Returns the step it was reached at (null if never) and the
 * loss curve.
 */
export async function stepsToTarget(
  tf: typeof tfjs,
  model: tfjs.Sequential,
  x: tfjs.Tensor,
  y: tfjs.Tensor,
  rng: Rng,
  o: TargetOptions,
): Promise<{ reachedAt: number | null; losses: number[] }> {
  const optimizer = tf.train.momentum(o.lr, o.momentum);
  model.compile({ optimizer, loss: "categoricalCrossentropy" });
  const count = x.shape[0];
  const losses: number[] = [];
  let order: number[] = [], pos = count, reachedAt: number | null = null;
  try {
    for (let s = 1; s <= o.maxSteps && reachedAt === null; s++) {
      if (pos + o.batch > count) {
        order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
        pos = 0;
      }
      const idx = tf.tensor1d(order.slice(pos, pos + o.batch), "int32");
      pos += o.batch;
      const [xb, yb] = [tf.gather(x, idx), tf.gather(y, idx)];
      const loss = await model.trainOnBatch(xb, yb);
      tf.dispose([idx, xb, yb]);
      losses.push(Array.isArray(loss) ? loss[0] : loss);
      if (losses.length >= o.window) {
        const recent = losses.slice(-o.window);
        if (recent.reduce((a, b) => a + b, 0) / o.window <= o.target) reachedAt = s;
      }
    }
  } finally {
    optimizer.dispose();
  }
  return { reachedAt, losses };
}
