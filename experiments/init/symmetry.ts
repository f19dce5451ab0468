/**
 * A small two-layer classifier trained from a chosen initialization, to show what constant
 * initialization does to the hidden units (they stay identical: symmetry is never broken).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";

/** The outcome of one training run. */
export interface SymmetryRun {
  /** Largest difference between any hidden unit's parameters and unit 0's, after training. */
  maxUnitDiff: number;
  /** Training accuracy after training. */
  accuracy: number;
  /** Loss every `every` steps, starting at step 0. */
  losses: number[];
  /** Gradient-descent updates executed (counted in the loop, for the run-state guard). */
  steps: number;
}

/** Noisy XOR: four clusters at (±1, ±1), label 1 where x1·x2 > 0. No single hidden unit can fit it. */
export function xorData(rng: Rng, n: number, noise: number): { x: number[][]; y: number[] } {
  const x: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(2) ? 1 : -1, b = rng.int(2) ? 1 : -1;
    x.push([a + rng.normal(0, noise), b + rng.normal(0, noise)]);
    y.push(a * b > 0 ? 1 : 0);
  }
  return { x, y };
}

/**
 * Trains `2 → hidden (tanh) → 1 (sigmoid)` with full-batch gradient descent (tf.train.sgd).
 * `init` gives the initial W1, W2 as flat arrays: constant or random; `jitter`, only under the
 * falsifier "constant-jitter", adds 1e-3·randn to W1.
 */
export async function trainSymmetry(
  tf: typeof tfjs,
  data: { x: number[][]; y: number[] },
  init: { w1: number[]; w2: number[] },
  o: { hidden: number; steps: number; lr: number; every: number },
  jitter?: Rng,
): Promise<SymmetryRun> {
  const x = tf.tensor2d(data.x), y = tf.tensor2d(data.y, [data.y.length, 1]);
  // The falsifier "constant-jitter": a tiny 1e-3·randn added to W1 "to be safe" breaks the symmetry.
  const w1Init = jitter ? init.w1.map((w) => w + jitter.normal(0, 1e-3)) : init.w1;
  const [W1, b1, W2, b2] = tf.tidy(() => [
    tf.variable(tf.tensor2d(w1Init, [2, o.hidden])),
    tf.variable(tf.zeros([o.hidden])),
    tf.variable(tf.tensor2d(init.w2, [o.hidden, 1])),
    tf.variable(tf.zeros([1])),
  ]);
  const logits = () => tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, W1), b1)), W2), b2);
  const loss = () => tf.losses.sigmoidCrossEntropy(y, logits()) as tfjs.Scalar;
  const opt = tf.train.sgd(o.lr);
  // The losses are read once at the end, not one wait per recorded step (on WebGPU each wait is a
  // round trip of ~11 ms in Deno); the values are the same.
  const lossTensors: tfjs.Tensor[] = [];
  let updates = 0;
  for (let step = 0; step <= o.steps; step++) {
    if (step % o.every === 0) lossTensors.push(tf.tidy(loss));
    if (step < o.steps) {
      tf.tidy(() => void opt.minimize(loss));
      updates++;
    }
  }
  const accuracy = tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.greater(logits(), 0), tf.cast(y, "bool")), "float32")));
  const [w1, bb1, w2, acc, losses] = await Promise.all([
    W1.array(),
    b1.data(),
    W2.array(),
    accuracy.data(),
    Promise.all(lossTensors.map(async (l) => (await l.data())[0])),
  ]);
  tf.dispose(lossTensors);
  let maxUnitDiff = 0;
  for (let j = 1; j < o.hidden; j++) {
    const d = Math.max(
      Math.abs(w1[0][j] - w1[0][0]),
      Math.abs(w1[1][j] - w1[1][0]),
      Math.abs(bb1[j] - bb1[0]),
      Math.abs(w2[j][0] - w2[0][0]),
    );
    maxUnitDiff = Math.max(maxUnitDiff, d);
  }
  tf.dispose([x, y, W1, b1, W2, b2, accuracy]);
  opt.dispose();
  return { maxUnitDiff, accuracy: acc[0], losses, steps: updates };
}
