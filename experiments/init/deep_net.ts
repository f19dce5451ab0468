/**
 * The weight-initialization slides' network, written as printed:
 * `for Din, Dout in zip(dims[:-1], dims[1:]): W = scale(Din) * randn(Din, Dout); x = act(x.dot(W))`,
 * plus a backward pass for dL/dW under a fixed random upstream gradient.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { ActivationName } from "./activations.ts";
import { fraction, type Histogram, histogram, moments } from "../../lib/stats.ts";

/** Per-layer statistics of one forward/backward pass. */
export interface LayerStats {
  mean: number;
  std: number;
  /** Fraction of activations with |a| > 0.9 (saturation, for tanh). */
  saturated: number;
  /** Mean of the local gradient act'(z) over the layer. */
  localGrad: number;
  /** Mean |dL/dW| of the layer's weights. */
  gradMeanAbs: number;
  hist: Histogram;
}

/** Options of {@link deepNetStats}. */
export interface DeepNetOptions {
  activation: ActivationName;
  /** Standard-normal weight matrices, one per layer ([Din, Dout]); scaled by `scale(Din)`. */
  normals: tfjs.Tensor2D[];
  scale: (din: number) => number;
  /** The input batch, [batch, width]. */
  input: tfjs.Tensor2D;
  /** The upstream gradient dL/dx_L, [batch, width]. */
  upstream: tfjs.Tensor2D;
  /** Histogram range and bins. */
  histRange: [number, number];
  bins: number;
  /** The run's planted fault (`params.fault`; "none" in real runs). */
  fault?: string;
}

/**
 * Runs the slide's forward pass and a backward pass, and returns per-layer statistics.
 * The backward pass uses explicit transposes so that every matMul is untransposed.
 * Disposes every tensor it makes; the inputs stay owned by the caller.
 */
export async function deepNetStats(tf: typeof tfjs, o: DeepNetOptions): Promise<LayerStats[]> {
  const weights = o.normals.map((z) => tf.mul(z, o.scale(z.shape[0])) as tfjs.Tensor2D);
  const acts: tfjs.Tensor2D[] = [];
  let x = o.input;
  for (const W of weights) {
    const input = x;
    x = tf.tidy(() => {
      const z = tf.matMul(input, W);
      return o.activation === "tanh" ? tf.tanh(z) : tf.relu(z);
    }) as tfjs.Tensor2D;
    acts.push(x);
  }
  const batch = o.input.shape[0];
  // Per-layer scalars stay tensors until the end: one read of all of them instead of a wait per layer
  // (on WebGPU each wait is a round trip of ~11 ms in Deno, whatever the work).
  const gradTensors: tfjs.Tensor[] = new Array(weights.length);
  const localTensors: tfjs.Tensor[] = new Array(weights.length);
  let delta = tf.div(o.upstream, batch) as tfjs.Tensor2D; // L = sum(x_L * upstream) / batch
  for (let l = weights.length - 1; l >= 0; l--) {
    const prev = l === 0 ? o.input : acts[l - 1];
    // The falsifier "backward-unscaled" plants a classic slip: the unscaled randn instead of W.
    const a = acts[l], W = o.fault === "backward-unscaled" ? o.normals[l] : weights[l], upstream = delta;
    const [next, gradAbs, localMean] = tf.tidy(() => {
      const local = o.activation === "tanh" ? tf.sub(1, tf.square(a)) : tf.cast(tf.greater(a, 0), "float32");
      const dz = tf.mul(upstream, local) as tfjs.Tensor2D;
      const dW = tf.matMul(tf.transpose(prev), dz);
      const down = tf.transpose(tf.matMul(W, tf.transpose(dz))) as tfjs.Tensor2D; // dz · W^T
      return [down, tf.mean(tf.abs(dW)), tf.mean(local)];
    });
    delta.dispose();
    delta = next as tfjs.Tensor2D;
    gradTensors[l] = gradAbs;
    localTensors[l] = localMean;
  }
  delta.dispose();
  const [grads, localGrads, actValues] = await Promise.all([
    Promise.all(gradTensors.map(async (t) => (await t.data())[0])),
    Promise.all(localTensors.map(async (t) => (await t.data())[0])),
    Promise.all(acts.map((a) => a.data())),
  ]);
  tf.dispose([...gradTensors, ...localTensors]);
  const stats: LayerStats[] = [];
  for (const [l, values] of actValues.entries()) {
    const { mean, std } = moments(values);
    stats.push({
      mean,
      std,
      saturated: fraction(values, (v) => Math.abs(v) > 0.9),
      localGrad: localGrads[l],
      gradMeanAbs: grads[l],
      hist: histogram(values, o.histRange[0], o.histRange[1], o.bins),
    });
  }
  tf.dispose([...weights, ...acts]);
  return stats;
}
