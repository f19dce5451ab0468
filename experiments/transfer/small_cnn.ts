/**
 * A small convolutional classifier for the transfer experiment: conv 3×3 layers (each followed by
 * ReLU and 2×2 max-pooling), then dense layers (ReLU after each but the net's last). Trained by
 * mini-batch SGD with momentum with per-layer learning-rate multipliers (0 freezes a layer),
 * optional augmentation of each image batch, and JSON (de)serialisation of its weights. Only tfjs
 * ops with gradients on every backend (conv2d, maxPool, matMul). All randomness from an {@link Rng}.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import { type MinibatchOptions, trainSoftmaxClassifier } from "../../lib/nn/minibatch_training.ts";
import type { Rng } from "../../lib/rng.ts";

/** One layer: a 3×3 convolution (+ ReLU + 2×2 max-pool) or a dense layer. */
export interface CnnLayer {
  kind: "conv" | "dense";
  /** conv: [k, k, Cin, Cout]; dense: [Din, Dout]. */
  w: tfjs.Variable;
  b: tfjs.Variable;
}

/** A stack of layers; convolutions first, then dense layers. */
export interface SmallCnn {
  layers: CnnLayer[];
}

/** The architecture: input image shape, conv channel counts, dense widths (the last is the classes). */
export interface CnnSpec {
  input: [number, number, number];
  channels: number[];
  dense: number[];
}

/** Weights as plain numbers, e.g. for a cache. */
export interface SmallCnnJSON {
  kinds: ("conv" | "dense")[];
  shapes: number[][];
  weights: number[][];
  biases: number[][];
}

/** Kernel size of the convolutions. */
export const KERNEL = 3;

/** A new conv layer with He-normal weights (std sqrt(2/(k·k·Cin))) and zero bias. */
export function createConvLayer(tf: typeof tfjs, cin: number, cout: number, rng: Rng): CnnLayer {
  const fan = KERNEL * KERNEL * cin;
  const w = rng.normals(fan * cout, Math.sqrt(2 / fan));
  return tf.tidy(() => ({
    kind: "conv" as const,
    w: tf.variable(tf.tensor4d(w, [KERNEL, KERNEL, cin, cout])),
    b: tf.variable(tf.zeros([cout])),
  }));
}

/** A new dense layer with He-normal weights (std sqrt(2/Din); sqrt(1/Din) for an output layer), zero bias. */
export function createDenseLayer(tf: typeof tfjs, din: number, dout: number, rng: Rng, output = false): CnnLayer {
  const w = rng.normals(din * dout, Math.sqrt((output ? 1 : 2) / din));
  return tf.tidy(() => ({
    kind: "dense" as const,
    w: tf.variable(tf.tensor2d(w, [din, dout])),
    b: tf.variable(tf.zeros([dout])),
  }));
}

/** Number of features after the convolutions (each halves height and width, rounding down). */
export function flatSize(spec: CnnSpec): number {
  let [h, w, c] = spec.input;
  for (const ch of spec.channels) [h, w, c] = [Math.floor(h / 2), Math.floor(w / 2), ch];
  return h * w * c;
}

/** A new net of architecture `spec`. */
export function createSmallCnn(tf: typeof tfjs, spec: CnnSpec, rng: Rng): SmallCnn {
  const layers: CnnLayer[] = [];
  let cin = spec.input[2];
  spec.channels.forEach((c, i) => {
    layers.push(createConvLayer(tf, cin, c, rng.fork(`conv${i}`)));
    cin = c;
  });
  let din = flatSize(spec);
  spec.dense.forEach((d, i) => {
    layers.push(createDenseLayer(tf, din, d, rng.fork(`dense${i}`), i === spec.dense.length - 1));
    din = d;
  });
  return { layers };
}

/**
 * The output of layers [from, to) for `x` (images [N, H, W, C] before a conv layer, any [N, …]
 * before a dense one, which flattens it); ReLU follows every layer but the net's last.
 */
export function forwardCnn(
  tf: typeof tfjs,
  net: SmallCnn,
  x: tfjs.Tensor,
  from = 0,
  to = net.layers.length,
): tfjs.Tensor {
  return tf.tidy(() => {
    let h = x;
    for (let i = from; i < to; i++) {
      const l = net.layers[i];
      if (l.kind === "conv") {
        if (h.rank !== 4) throw new Error(`forwardCnn: conv layer ${i} needs [N, H, W, C] input, got rank ${h.rank}`);
        const z = tf.add(tf.conv2d(h as tfjs.Tensor4D, l.w as tfjs.Tensor4D, 1, "same"), l.b);
        h = tf.maxPool(tf.relu(z) as tfjs.Tensor4D, 2, 2, "valid");
      } else {
        const flat = h.rank === 2 ? h as tfjs.Tensor2D : tf.reshape(h, [h.shape[0], -1]) as tfjs.Tensor2D;
        const z = tf.add(tf.matMul(flat, l.w as tfjs.Tensor2D), l.b);
        h = i < net.layers.length - 1 ? tf.relu(z) : z;
      }
    }
    return h;
  });
}

/** Disposes a net's variables. */
export function disposeCnn(net: SmallCnn): void {
  for (const l of net.layers) {
    l.w.dispose();
    l.b.dispose();
  }
}

/** A copy of the net's layers [from, to) (new variables) followed by `extra` layers. */
export function copyCnnLayers(tf: typeof tfjs, net: SmallCnn, from: number, to: number, extra: CnnLayer[] = []) {
  return {
    layers: [
      ...net.layers.slice(from, to).map((l) =>
        tf.tidy(() => ({ kind: l.kind, w: tf.variable(l.w.clone()), b: tf.variable(l.b.clone()) }))
      ),
      ...extra,
    ],
  } satisfies SmallCnn;
}

/** The net's weights as plain numbers. */
export async function cnnToJSON(net: SmallCnn): Promise<SmallCnnJSON> {
  const out: SmallCnnJSON = { kinds: [], shapes: [], weights: [], biases: [] };
  for (const l of net.layers) {
    out.kinds.push(l.kind);
    out.shapes.push([...l.w.shape]);
    out.weights.push(Array.from(await l.w.data()));
    out.biases.push(Array.from(await l.b.data()));
  }
  return out;
}

/** A net from {@link cnnToJSON}'s output. */
export function cnnFromJSON(tf: typeof tfjs, json: SmallCnnJSON): SmallCnn {
  return {
    layers: json.weights.map((w, i) =>
      tf.tidy(() => ({
        kind: json.kinds[i],
        w: tf.variable(tf.tensor(w, json.shapes[i])),
        b: tf.variable(tf.tensor1d(json.biases[i])),
      }))
    ),
  };
}

/** Options of {@link trainCnn}. */
export interface CnnTrainOptions extends MinibatchOptions {
  /** Augments each batch of [B, H, W, C] images (then `x` must be images). */
  augment?: (images: tfjs.Tensor4D, rng: Rng) => tfjs.Tensor4D;
  /** Incremented once per training step executed (each step's forward pass), for the run's records. */
  stepCounter?: { count: number };
}

/**
 * Trains `net` in place on `x` ([N, …], the input of the net's first layer) with integer `labels`;
 * returns the mean training loss of the last 10% of steps.
 */
export async function trainCnn(
  tf: typeof tfjs,
  net: SmallCnn,
  x: tfjs.Tensor,
  labels: ArrayLike<number>,
  classes: number,
  o: CnnTrainOptions,
): Promise<number> {
  if (o.augment && x.rank !== 4) throw new Error("trainCnn: augmentation needs [N, H, W, C] images");
  const augment = o.augment;
  const prepare = augment ? (xb: tfjs.Tensor) => augment(xb as tfjs.Tensor4D, o.rng) : undefined;
  const logits = (xb: tfjs.Tensor) => {
    if (o.stepCounter) o.stepCounter.count++;
    return forwardCnn(tf, net, xb);
  };
  return await trainSoftmaxClassifier(tf, net.layers, logits, x, labels, classes, o, prepare);
}

/** Fraction of `x` classified as `labels` (evaluated in chunks of 500). */
export async function cnnAccuracy(
  tf: typeof tfjs,
  net: SmallCnn,
  x: tfjs.Tensor,
  labels: ArrayLike<number>,
): Promise<number> {
  const ok = await cnnCorrectness(tf, net, x, labels);
  return ok.reduce((a, b) => a + b, 0) / Math.max(1, ok.length);
}

/** Per example of `x`: 1 when the net classifies it as its label, else 0 (in batches of 500). */
export async function cnnCorrectness(
  tf: typeof tfjs,
  net: SmallCnn,
  x: tfjs.Tensor,
  labels: ArrayLike<number>,
): Promise<number[]> {
  const ok: number[] = [];
  const n = x.shape[0];
  for (let s = 0; s < n; s += 500) {
    const size = Math.min(500, n - s);
    const pred = tf.tidy(() => {
      const begin = x.shape.map((_, i) => (i === 0 ? s : 0));
      const sz = x.shape.map((d, i) => (i === 0 ? size : d));
      return tf.argMax(forwardCnn(tf, net, tf.slice(x, begin, sz)), 1);
    });
    const p = await pred.data();
    pred.dispose();
    for (let i = 0; i < p.length; i++) ok.push(p[i] === labels[s + i] ? 1 : 0);
  }
  return ok;
}
