/**
 * A fully connected net with dropout after every hidden layer, as in the slides' 3-layer example
 * (`H1 = max(0, W1·X + b1); H1 *= U1; …; out = W3·H2 + b3`), with training by Adam on the
 * softmax loss, test-time evaluation, and a Monte-Carlo average over dropout masks.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { softmaxCrossEntropy } from "../../lib/nn/softmax_cross_entropy.ts";
import { type DropoutKind, dropoutTest, dropoutTrain, type Fault, maskTensor } from "./dropout.ts";

/** The parameters of the net: one weight matrix [Din, Dout] and bias per layer. */
export interface Mlp {
  weights: tfjs.Variable[];
  biases: tfjs.Variable[];
}

/** Hidden activation: ReLU as on the slides, or none (a linear net, for control). */
export type HiddenActivation = "relu" | "linear";

/** How dropout acts in one forward pass. */
export type DropoutMode =
  | { kind: DropoutKind; p: number; masks: tfjs.Tensor[]; fault?: Fault }
  | { kind: DropoutKind; p: number; test: true }
  | null;

/** A net with layer sizes `dims` (input first), Kaiming-initialised weights and zero biases. */
export function createMlp(tf: typeof tfjs, rng: Rng, dims: number[]): Mlp {
  const weights: tfjs.Variable[] = [], biases: tfjs.Variable[] = [];
  for (let l = 0; l + 1 < dims.length; l++) {
    const [din, dout] = [dims[l], dims[l + 1]];
    const w = rng.normals(din * dout, Math.sqrt(2 / din));
    weights.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [din, dout]))));
    biases.push(tf.tidy(() => tf.variable(tf.zeros([dout]))));
  }
  return { weights, biases };
}

/** Disposes the variables of a net. */
export function disposeMlp(tf: typeof tfjs, net: Mlp): void {
  tf.dispose([...net.weights, ...net.biases]);
}

/** Fresh keep masks for every hidden layer of `net` on a batch of `batch` rows. */
export function hiddenMasks(
  tf: typeof tfjs,
  net: Mlp,
  rng: Rng,
  batch: number,
  p: number,
  fault: Fault = "none",
): tfjs.Tensor[] {
  return net.weights.slice(0, -1).map((w) => maskTensor(tf, rng, [batch, w.shape[1] as number], p, fault));
}

/** The logits of `x` [batch, Din]: dropout (train masks or test scaling) after every hidden layer. */
export function mlpLogits(
  tf: typeof tfjs,
  net: Mlp,
  x: tfjs.Tensor2D,
  act: HiddenActivation,
  drop: DropoutMode,
): tfjs.Tensor2D {
  return tf.tidy(() => {
    let h: tfjs.Tensor2D = x;
    const last = net.weights.length - 1;
    net.weights.forEach((w, l) => {
      const z = tf.add(tf.matMul(h, w), net.biases[l]) as tfjs.Tensor2D;
      if (l === last) {
        h = z;
        return;
      }
      h = act === "relu" ? tf.relu(z) : z;
      if (drop && "masks" in drop) h = dropoutTrain(tf, h, drop.masks[l], drop.p, drop.kind, drop.fault);
      else if (drop) h = dropoutTest(tf, h, drop.p, drop.kind);
    });
    return h;
  });
}

/** Options of {@link trainMlp}. */
export interface TrainOptions {
  steps: number;
  lr: number;
  /** Keep probability of inverted dropout on every hidden layer; null trains without dropout. */
  keep: number | null;
  /** Records the training loss every `every` steps. */
  every: number;
  /** The family's planted bug, if any. */
  fault?: Fault;
}

/** Full-batch Adam on the softmax loss; returns the training loss (with dropout active) every `every` steps. */
export async function trainMlp(
  tf: typeof tfjs,
  net: Mlp,
  x: tfjs.Tensor2D,
  y: tfjs.Tensor2D,
  rng: Rng,
  o: TrainOptions,
): Promise<{ step: number; loss: number }[]> {
  const opt = tf.train.adam(o.lr);
  const vars = [...net.weights, ...net.biases];
  const curve: { step: number; loss: number }[] = [];
  try {
    for (let s = 0; s < o.steps; s++) {
      const masks = o.keep === null ? [] : hiddenMasks(tf, net, rng, x.shape[0], o.keep, o.fault);
      const drop: DropoutMode = o.keep === null ? null : { kind: "inverted", p: o.keep, masks, fault: o.fault };
      const loss = opt.minimize(
        () => softmaxCrossEntropy(tf, y, mlpLogits(tf, net, x, "relu", drop)),
        true,
        vars,
      );
      tf.dispose(masks);
      if (loss && (s % o.every === 0 || s === o.steps - 1)) curve.push({ step: s, loss: (await loss.data())[0] });
      loss?.dispose();
    }
  } finally {
    opt.dispose();
  }
  return curve;
}

/** Test-time loss and accuracy (inverted dropout: no scaling at test time). */
export async function evaluateMlp(
  tf: typeof tfjs,
  net: Mlp,
  x: tfjs.Tensor2D,
  y: tfjs.Tensor2D,
): Promise<{ loss: number; accuracy: number }> {
  const [loss, acc] = tf.tidy(() => {
    const logits = mlpLogits(tf, net, x, "relu", null);
    const correct = tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1));
    return [softmaxCrossEntropy(tf, y, logits), tf.mean(tf.cast(correct, "float32"))];
  });
  const out = { loss: (await loss.data())[0], accuracy: (await acc.data())[0] };
  tf.dispose([loss, acc]);
  return out;
}

/** One checkpoint of {@link mcDropoutGap}. */
export interface McPoint {
  /** Number of masks averaged. */
  samples: number;
  /** RMS over outputs of (MC average − test-time output). */
  gap: number;
  /** RMS Monte-Carlo standard error of the average (sampling noise alone). */
  stdErr: number;
}

/** What {@link mcDropoutGap} measures. */
export interface McGap {
  points: McPoint[];
  /** RMS of the test-time outputs (the scale the gap is relative to). */
  outputRms: number;
  /** RMS deviation of one training-time pass from the test-time output. */
  singlePass: number;
  /** RMS spread (std) of one output across masks: the randomness training adds. */
  spread: number;
  /** Fraction of inputs whose predicted class agrees between MC average and test-time output. */
  agreement: number;
}

/**
 * Averages the logits of `x` over `samples` random masks (training-time forward passes) and compares
 * the average with the test-time output at each of `checkpoints` (sorted sample counts).
 */
export async function mcDropoutGap(
  tf: typeof tfjs,
  net: Mlp,
  x: tfjs.Tensor2D,
  act: HiddenActivation,
  kind: DropoutKind,
  p: number,
  rng: Rng,
  checkpoints: number[],
  fault: Fault = "none",
): Promise<McGap> {
  const test = mlpLogits(tf, net, x, act, { kind, p, test: true });
  let sum: tfjs.Tensor = tf.zerosLike(test), sumSq: tfjs.Tensor = tf.zerosLike(test);
  const points: McPoint[] = [];
  let singlePass = NaN;
  const scalar = async (t: tfjs.Tensor) => {
    const v = (await t.data())[0];
    t.dispose();
    return v;
  };
  const total = checkpoints[checkpoints.length - 1];
  for (let k = 1; k <= total; k++) {
    const masks = hiddenMasks(tf, net, rng, x.shape[0], p, fault);
    const out = mlpLogits(tf, net, x, act, { kind, p, masks, fault });
    const [s, q] = tf.tidy(() => [tf.add(sum, out), tf.add(sumSq, tf.square(out))]);
    if (k === 1) singlePass = await scalar(tf.tidy(() => tf.sqrt(tf.mean(tf.square(tf.sub(out, test))))));
    tf.dispose([sum, sumSq, out, ...masks]);
    [sum, sumSq] = [s, q];
    if (checkpoints.includes(k)) {
      const [gap, stdErr] = tf.tidy(() => {
        const m = tf.div(sum, k);
        const variance = tf.relu(tf.sub(tf.div(sumSq, k), tf.square(m)));
        return [tf.sqrt(tf.mean(tf.square(tf.sub(m, test)))), tf.sqrt(tf.div(tf.mean(variance), k))];
      });
      points.push({ samples: k, gap: await scalar(gap), stdErr: await scalar(stdErr) });
    }
  }
  const [rms, spread, agree] = tf.tidy(() => {
    const m = tf.div(sum, total);
    const variance = tf.relu(tf.sub(tf.div(sumSq, total), tf.square(m)));
    return [
      tf.sqrt(tf.mean(tf.square(test))),
      tf.sqrt(tf.mean(variance)),
      tf.mean(tf.cast(tf.equal(tf.argMax(m, 1), tf.argMax(test, 1)), "float32")),
    ];
  });
  const result = {
    points,
    outputRms: await scalar(rms),
    singlePass,
    spread: await scalar(spread),
    agreement: await scalar(agree),
  };
  tf.dispose([test, sum, sumSq]);
  return result;
}
