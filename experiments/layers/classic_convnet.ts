/**
 * The lecture's classic architecture `[(conv, ReLU)*N, Pool]*M, (FC, ReLU)*K, Softmax`, optionally
 * with BatchNorm between every conv and its ReLU ("Batch-, Layer- or InstanceNorm after conv or FC for
 * faster convergence"), and its training by minibatch SGD with momentum until a target training loss.
 * The convs are 3×3 'same' ({@link conv2dSame}, trainable on every backend), the pools 2×2 max.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { softmaxCrossEntropy } from "../../lib/nn/softmax_cross_entropy.ts";
import { conv2dSame } from "./conv_grad.ts";
import { batchNorm } from "./norms.ts";

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
  /** BatchNorm (training mode, learnable γ and β) between every conv and its ReLU; the conv then has no bias. */
  batchNorm: boolean;
  /** The family's planted bug (params.ts `fault`), if any. */
  fault?: string;
}

/** The parameters of the net. */
export interface ClassicNet {
  options: ClassicNetOptions;
  /** Per conv: filter [3, 3, C_in, C_out], and bias or (γ, β). */
  convs: { w: tfjs.Variable; b?: tfjs.Variable; gamma?: tfjs.Variable; beta?: tfjs.Variable }[];
  /** The K hidden FC layers, then the output layer. */
  dense: { w: tfjs.Variable; b: tfjs.Variable }[];
}

const variable = (tf: typeof tfjs, values: Float32Array | number[], shape: number[]) =>
  tf.tidy(() => tf.variable(tf.tensor(values, shape)));

/**
 * Creates the net with He-normal weights drawn from `rng` (the same rng state gives the same conv and FC
 * weights with and without BatchNorm) and zero biases, γ = 1, β = 0.
 */
export function createClassicNet(tf: typeof tfjs, o: ClassicNetOptions, rng: Rng): ClassicNet {
  const convs: ClassicNet["convs"] = [];
  let [h, w, c] = o.input;
  for (const k of o.filters) {
    for (let j = 0; j < o.n; j++) {
      const conv: ClassicNet["convs"][number] = {
        w: variable(tf, rng.normals(9 * c * k, Math.sqrt(2 / (9 * c))), [3, 3, c, k]),
      };
      if (o.batchNorm) {
        conv.gamma = variable(tf, new Array(k).fill(1), [k]);
        conv.beta = variable(tf, new Array(k).fill(0), [k]);
      } else conv.b = variable(tf, new Array(k).fill(0), [k]);
      convs.push(conv);
      c = k;
    }
    [h, w] = [Math.floor(h / 2), Math.floor(w / 2)];
  }
  const dense: ClassicNet["dense"] = [];
  let din = h * w * c;
  for (const units of [...o.fc, o.classes]) {
    const std = units === o.classes ? Math.sqrt(2 / (din + units)) : Math.sqrt(2 / din);
    dense.push({
      w: variable(tf, rng.normals(din * units, std), [din, units]),
      b: variable(tf, new Array(units).fill(0), [units]),
    });
    din = units;
  }
  return { options: o, convs, dense };
}

/** Every trainable variable of the net. */
export function classicNetVariables(net: ClassicNet): tfjs.Variable[] {
  return [
    ...net.convs.flatMap((c) => [c.w, c.b, c.gamma, c.beta].filter((v): v is tfjs.Variable => v !== undefined)),
    ...net.dense.flatMap((d) => [d.w, d.b]),
  ];
}

/** The logits of a batch `x` [N, H, W, C] (BatchNorm in training mode: batch statistics). */
export function classicNetLogits(tf: typeof tfjs, net: ClassicNet, x: tfjs.Tensor4D): tfjs.Tensor2D {
  return tf.tidy(() => {
    let h = x;
    let i = 0;
    for (const _ of net.options.filters) {
      for (let j = 0; j < net.options.n; j++, i++) {
        const c = net.convs[i];
        let z: tfjs.Tensor4D = conv2dSame(tf, h, c.w as tfjs.Tensor4D);
        if (c.b) z = tf.add(z, c.b);
        else {
          const fault = net.options.fault;
          // The fault: inference mode, with running statistics never updated from their start (mean 0, var 1).
          const normalized = fault === "bn-inference-in-training"
            ? tf.div(z, Math.sqrt(1 + 1e-5)) as tfjs.Tensor4D
            : batchNorm(tf, z, 1e-5, fault);
          z = tf.add(tf.mul(normalized, c.gamma!), c.beta!) as tfjs.Tensor4D;
        }
        h = tf.relu(z);
      }
      h = tf.maxPool(h, 2, 2, "valid");
    }
    let a: tfjs.Tensor2D = tf.reshape(h, [h.shape[0], -1]);
    net.dense.forEach((d, l) => {
      const z = tf.add(tf.matMul(a, d.w), d.b) as tfjs.Tensor2D;
      a = l < net.dense.length - 1 ? tf.relu(z) : z;
    });
    return a;
  });
}

/** Disposes the variables of the net. */
export function disposeClassicNet(tf: typeof tfjs, net: ClassicNet): void {
  tf.dispose(classicNetVariables(net));
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
 * Trains the net by SGD with momentum on the softmax loss of random minibatches of (x, y) until the
 * windowed training loss reaches the target (or `maxSteps`). Returns the step it was reached at (null
 * if never) and the minibatch losses.
 */
export async function stepsToTarget(
  tf: typeof tfjs,
  net: ClassicNet,
  x: tfjs.Tensor4D,
  y: tfjs.Tensor2D,
  rng: Rng,
  o: TargetOptions,
): Promise<{ reachedAt: number | null; losses: number[] }> {
  const optimizer = tf.train.momentum(o.lr, o.momentum);
  const vars = classicNetVariables(net);
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
      const loss = optimizer.minimize(
        () => softmaxCrossEntropy(tf, yb, classicNetLogits(tf, net, xb as tfjs.Tensor4D)),
        true,
        vars,
      );
      losses.push((await loss!.data())[0]);
      tf.dispose([idx, xb, yb, loss!]);
      if (losses.length >= o.window) {
        const recent = losses.slice(-o.window);
        if (recent.reduce((a, b) => a + b, 0) / o.window <= o.target) reachedAt = s;
      }
    }
  } finally {
    optimizer.dispose();
    // tfjs 4.22's MomentumOptimizer.dispose() does not call SGD's, which disposes the scalar `c` (−lr).
    (optimizer as unknown as { c?: tfjs.Tensor }).c?.dispose();
  }
  return { reachedAt, losses };
}
