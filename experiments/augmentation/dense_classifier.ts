/**
 * A small fully connected classifier (ReLU hidden layers, linear output, softmax cross-entropy)
 * trained by mini-batch SGD with momentum, with per-layer learning-rate multipliers (0 freezes a
 * layer), optional augmentation of each image batch, and JSON (de)serialisation of its weights.
 * All randomness (initial weights, batch order, augmentation) comes from an {@link Rng}.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import { type MinibatchOptions, trainSoftmaxClassifier } from "../../lib/nn/minibatch_training.ts";
import type { Rng } from "../../lib/rng.ts";

/** One dense layer. */
export interface DenseLayer {
  w: tfjs.Variable;
  b: tfjs.Variable;
}

/** A stack of dense layers; ReLU after every layer but the last. */
export interface DenseNet {
  layers: DenseLayer[];
}

/** Weights as plain numbers, e.g. for a cache. */
export interface DenseNetJSON {
  sizes: number[];
  weights: number[][];
  biases: number[][];
}

/** A new layer with He-normal weights (std sqrt(2/Din); sqrt(1/Din) for an output layer) and zero bias. */
export function createLayer(tf: typeof tfjs, din: number, dout: number, rng: Rng, output = false): DenseLayer {
  const std = Math.sqrt((output ? 1 : 2) / din);
  const w = rng.normals(din * dout, std);
  return tf.tidy(() => ({ w: tf.variable(tf.tensor2d(w, [din, dout])), b: tf.variable(tf.zeros([dout])) }));
}

/** A new net with layer sizes `sizes` (input first, classes last). */
export function createDenseNet(tf: typeof tfjs, sizes: readonly number[], rng: Rng): DenseNet {
  return {
    layers: sizes.slice(1).map((d, i) => createLayer(tf, sizes[i], d, rng, i === sizes.length - 2)),
  };
}

/** The output of layers [from, to) for input `x` ([N, D]); ReLU follows every layer but the net's last. */
export function forward(
  tf: typeof tfjs,
  net: DenseNet,
  x: tfjs.Tensor2D,
  from = 0,
  to = net.layers.length,
): tfjs.Tensor2D {
  return tf.tidy(() => {
    let h = x;
    for (let i = from; i < to; i++) {
      const z = tf.add(tf.matMul(h, net.layers[i].w), net.layers[i].b) as tfjs.Tensor2D;
      h = i < net.layers.length - 1 ? tf.relu(z) : z;
    }
    return h;
  });
}

/** Disposes a net's variables. */
export function disposeNet(net: DenseNet): void {
  for (const l of net.layers) {
    l.w.dispose();
    l.b.dispose();
  }
}

/** A copy of the net's layers [from, to) (new variables) followed by `extra` layers. */
export function copyLayers(
  tf: typeof tfjs,
  net: DenseNet,
  from: number,
  to: number,
  extra: DenseLayer[] = [],
): DenseNet {
  return {
    layers: [
      ...net.layers.slice(from, to).map((l) =>
        tf.tidy(() => ({ w: tf.variable(l.w.clone()), b: tf.variable(l.b.clone()) }))
      ),
      ...extra,
    ],
  };
}

/** The net's weights as plain numbers. */
export async function netToJSON(net: DenseNet): Promise<DenseNetJSON> {
  const weights: number[][] = [], biases: number[][] = [];
  for (const l of net.layers) {
    weights.push(Array.from(await l.w.data()));
    biases.push(Array.from(await l.b.data()));
  }
  return { sizes: [net.layers[0].w.shape[0], ...net.layers.map((l) => l.w.shape[1] as number)], weights, biases };
}

/** A net from {@link netToJSON}'s output. */
export function netFromJSON(tf: typeof tfjs, json: DenseNetJSON): DenseNet {
  return {
    layers: json.weights.map((w, i) =>
      tf.tidy(() => ({
        w: tf.variable(tf.tensor2d(w, [json.sizes[i], json.sizes[i + 1]])),
        b: tf.variable(tf.tensor1d(json.biases[i])),
      }))
    ),
  };
}

/** Options of {@link trainNet}. */
export interface TrainOptions extends MinibatchOptions {
  /**
   * Augments each batch: gets the batch as [B, H, W, C] images and returns new ones
   * (then `imageShape` must be given).
   */
  augment?: (images: tfjs.Tensor4D, rng: Rng) => tfjs.Tensor4D;
  imageShape?: [number, number, number];
  /**
   * The augmentation's own random stream (default: `rng`, the batch order's). Give one so that
   * training with and without augmentation sees the same batch order (common random numbers).
   */
  augmentRng?: Rng;
  /** Incremented once per training step executed (each step's forward pass), for the run's records. */
  stepCounter?: { count: number };
}

/**
 * Trains `net` in place on `x` ([N, D]) with integer `labels`; returns the mean training loss of
 * the last 10% of steps.
 */
export async function trainNet(
  tf: typeof tfjs,
  net: DenseNet,
  x: tfjs.Tensor2D,
  labels: ArrayLike<number>,
  classes: number,
  o: TrainOptions,
): Promise<number> {
  const shape = o.imageShape;
  if (o.augment && !shape) throw new Error("trainNet: augmentation needs imageShape");
  const augment = o.augment;
  const augRng = o.augmentRng ?? o.rng;
  const prepare = augment && shape
    ? (xb: tfjs.Tensor) =>
      tf.reshape(augment(tf.reshape(xb, [xb.shape[0], ...shape]) as tfjs.Tensor4D, augRng), [xb.shape[0], -1])
    : undefined;
  return await trainSoftmaxClassifier(
    tf,
    net.layers,
    (xb) => {
      if (o.stepCounter) o.stepCounter.count++;
      return forward(tf, net, xb as tfjs.Tensor2D);
    },
    x,
    labels,
    classes,
    o,
    prepare,
  );
}

/** Class probabilities (softmax of the logits) for `x`. */
export function predictProbs(tf: typeof tfjs, net: DenseNet, x: tfjs.Tensor2D): tfjs.Tensor2D {
  return tf.tidy(() => tf.softmax(forward(tf, net, x)));
}

/** Per example of `x`: 1 when it is classified as its label, else 0. */
export async function correctness(
  tf: typeof tfjs,
  net: DenseNet,
  x: tfjs.Tensor2D,
  labels: ArrayLike<number>,
): Promise<number[]> {
  const pred = tf.tidy(() => tf.argMax(forward(tf, net, x), 1));
  const p = await pred.data();
  pred.dispose();
  return Array.from(p, (c, i) => (c === labels[i] ? 1 : 0));
}

/** Fraction of `x` classified as `labels`. */
export async function accuracy(
  tf: typeof tfjs,
  net: DenseNet,
  x: tfjs.Tensor2D,
  labels: ArrayLike<number>,
): Promise<number> {
  const ok = await correctness(tf, net, x, labels);
  return ok.reduce((a, b) => a + b, 0) / ok.length;
}
