/**
 * The benchmark workloads, the same math as ../shared/bench/reference_numpy.py: one SGD train step
 * of the lecture's 2-layer net (batch 100, 3072 → 50 ReLU → 10, softmax cross-entropy), one of a
 * small CNN (batch 64, 28×28×1 → conv3×3×16 ReLU → maxpool2 → conv3×3×32 ReLU → maxpool2 → dense
 * 10), and a 1024² matrix product.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { createRng, type Rng } from "../rng.ts";
import { softmaxCrossEntropy } from "../nn/softmax_cross_entropy.ts";

/** A prepared workload: `step` runs one unit of work and resolves when the backend is done. */
export interface Workload {
  name: string;
  step(i: number): Promise<void>;
  dispose(): void;
}

function normal(rng: Rng, shape: number[], std: number): tf.Tensor {
  return tf.tensor(rng.normals(shape.reduce((a, b) => a * b, 1), std), shape);
}

function oneHot(rng: Rng, n: number): tf.Tensor {
  return tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from({ length: n }, () => rng.int(10)), "int32"), 10).toFloat());
}

/** A train step on `batches` of (x, one-hot y) for a model given as a logits function of its variables. */
function trainStep(
  name: string,
  vars: tf.Variable[],
  batches: [tf.Tensor, tf.Tensor][],
  logits: (x: tf.Tensor) => tf.Tensor,
): Workload {
  const optimizer = tf.train.sgd(0.1);
  return {
    name,
    async step(i) {
      const [x, y] = batches[i % batches.length];
      const cost = optimizer.minimize(() => softmaxCrossEntropy(tf, y, logits(x)) as tf.Scalar, true, vars);
      await cost!.data();
      cost!.dispose();
    },
    dispose() {
      optimizer.dispose();
      for (const v of vars) v.dispose();
      for (const [x, y] of batches) tf.dispose([x, y]);
    },
  };
}

/** The lecture's 2-layer net train step. */
export function mlpStep(seed = 0): Workload {
  const rng = createRng(seed);
  const w1 = tf.variable(normal(rng, [3072, 50], 0.01));
  const b1 = tf.variable(tf.zeros([50]));
  const w2 = tf.variable(normal(rng, [50, 10], 0.01));
  const b2 = tf.variable(tf.zeros([10]));
  const batches: [tf.Tensor, tf.Tensor][] = Array.from(
    { length: 20 },
    () => [normal(rng, [100, 3072], 1), oneHot(rng, 100)],
  );
  return trainStep("mlp", [w1, b1, w2, b2], batches, (x) => tf.relu(x.matMul(w1).add(b1)).matMul(w2).add(b2));
}

/** The small CNN train step. */
export function cnnStep(seed = 0): Workload {
  const rng = createRng(seed);
  const k1 = tf.variable(normal(rng, [3, 3, 1, 16], Math.sqrt(2 / 9)));
  const c1 = tf.variable(tf.zeros([16]));
  const k2 = tf.variable(normal(rng, [3, 3, 16, 32], Math.sqrt(2 / 144)));
  const c2 = tf.variable(tf.zeros([32]));
  const wd = tf.variable(normal(rng, [1568, 10], Math.sqrt(1 / 1568)));
  const bd = tf.variable(tf.zeros([10]));
  const batches: [tf.Tensor, tf.Tensor][] = Array.from(
    { length: 10 },
    () => [normal(rng, [64, 28, 28, 1], 1), oneHot(rng, 64)],
  );
  return trainStep("cnn", [k1, c1, k2, c2, wd, bd], batches, (x) => {
    const a1 = tf.maxPool(
      tf.relu(tf.conv2d(x as tf.Tensor4D, k1 as tf.Tensor4D, 1, "same").add(c1)) as tf.Tensor4D,
      2,
      2,
      "valid",
    );
    const a2 = tf.maxPool(tf.relu(tf.conv2d(a1, k2 as tf.Tensor4D, 1, "same").add(c2)) as tf.Tensor4D, 2, 2, "valid");
    return a2.reshape([x.shape[0], 1568]).matMul(wd).add(bd);
  });
}

/** A 1024×1024 by 1024×1024 matrix product. */
export function matmul1024(seed = 0): Workload {
  const rng = createRng(seed);
  const a = normal(rng, [1024, 1024], 1);
  const b = normal(rng, [1024, 1024], 1);
  return {
    name: "matmul1024",
    async step() {
      const c = tf.matMul(a, b);
      await c.data();
      c.dispose();
    },
    dispose() {
      tf.dispose([a, b]);
    },
  };
}
