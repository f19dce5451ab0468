/**
 * The lecture's `ClassifierTrainer.train`: minibatch SGD (or momentum) on the hand-written 2-layer
 * net, learning-rate decay per epoch, and after every epoch the cost, the training accuracy (on at
 * most 1,000 sampled training examples) and the validation accuracy, as the slides print them.
 * The steps run on the tfjs backend (two_layer_tf.ts); sampling uses the project's RNG only.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";
import type { Matrix } from "../data/matrix.ts";
import { argmax, PARAM_NAMES, type ParamName, softmax, type TwoLayerModel } from "./two_layer_net.ts";
import {
  downloadModel,
  lossAndGradsTf,
  oneHotTf,
  regLossTf,
  scoresTf,
  type TfParams,
  uploadModel,
} from "./two_layer_tf.ts";
import { type Real, real } from "./real.ts";

/** Options of {@link train}, named as in the lecture's trainer. */
export interface TrainOptions {
  reg: number;
  learningRate: number;
  /** Momentum coefficient of the `momentum` update (the trainer's default 0 makes it plain SGD). */
  momentum?: number;
  /** Factor applied to the learning rate after every epoch (1 = none). */
  learningRateDecay?: number;
  /** true: minibatches of `batchSize` drawn with replacement, N / batchSize per epoch; false: full batch. */
  sampleBatches?: boolean;
  batchSize?: number;
  numEpochs: number;
  /** Training examples sampled to measure the training accuracy (the trainer's 1,000). */
  trainEvalSize?: number;
  /** Stop after the first epoch that leaves a parameter NaN or infinite (later epochs cannot recover). */
  stopOnNonFinite?: boolean;
}

/** Whether every parameter of the model is finite. */
export function isFiniteModel(m: TwoLayerModel): boolean {
  for (const p of PARAM_NAMES) for (const v of m[p]) if (!Number.isFinite(v)) return false;
  return true;
}

/** One line of the lecture's "Finished epoch …" log, plus what the checks need (JSON-safe: see {@link Real}). */
export interface EpochRow {
  /** 0 is before the first update. */
  epoch: number;
  /** The last minibatch's cost (what the slides print); at epoch 0 the first batch's, before any update. */
  cost: Real;
  trainAcc: number;
  valAcc: number;
  /** The learning rate used in this epoch. */
  lr: number;
  /** Loss (data + L2) on the sampled training examples. */
  trainLoss: Real;
  /** Mean over validation examples of max − min of the scores. */
  logitRange: Real;
}

/** Accuracy, loss (float64 softmax of the scores, plus the L2 term) and logit spread on `rows` of `X`. */
async function evaluate(
  tf: typeof tfjs,
  p: TfParams,
  X: tfjs.Tensor2D,
  rows: Int32Array | null,
  y: ArrayLike<number>,
  reg: number,
): Promise<{ acc: number; loss: number; logitRange: number }> {
  const [sT, rT] = tf.tidy(() => {
    const xs = rows ? tf.gather(X, tf.tensor1d(rows, "int32")) as tfjs.Tensor2D : X;
    return [scoresTf(tf, p, xs), regLossTf(tf, p, reg)];
  });
  const [s32, r] = await Promise.all([sT.data(), rT.data()]);
  tf.dispose([sT, rT]);
  const N = sT.shape[0], C = sT.shape[1]!, s = Float64Array.from(s32 as Float32Array);
  const probs = softmax(s, N, C), pred = argmax(s, N, C);
  let correct = 0, range = 0, data = 0;
  for (let i = 0; i < N; i++) {
    if (pred[i] === y[i]) correct++;
    data -= Math.log(probs[i * C + y[i]]);
    let lo = Infinity, hi = -Infinity;
    for (let c = 0; c < C; c++) {
      lo = Math.min(lo, s[i * C + c]);
      hi = Math.max(hi, s[i * C + c]);
    }
    range += hi - lo;
  }
  return { acc: correct / N, loss: data / N + r[0], logitRange: range / N };
}

/**
 * Trains `model` (its values are replaced by the trained float32 ones) and returns one row per
 * epoch (row 0 before training). `onEpoch` is called after every epoch (for progress).
 */
export async function train(
  tf: typeof tfjs,
  model: TwoLayerModel,
  trainSet: Matrix,
  valSet: Matrix,
  o: TrainOptions,
  rng: Rng,
  onEpoch?: (epoch: number) => void,
): Promise<EpochRow[]> {
  const full = o.sampleBatches === false;
  const batchSize = full ? trainSet.N : (o.batchSize ?? 100);
  const itersPerEpoch = full ? 1 : Math.max(1, Math.floor(trainSet.N / batchSize));
  const decay = o.learningRateDecay ?? 1, momentum = o.momentum ?? 0;
  const evalSize = Math.min(o.trainEvalSize ?? 1000, trainSet.N);
  const Xtr = tf.tensor2d(trainSet.X, [trainSet.N, trainSet.D]);
  const Xval = valSet === trainSet ? Xtr : tf.tensor2d(valSet.X, [valSet.N, valSet.D]);
  const fullOneHot = full ? oneHotTf(tf, trainSet.y, model.C) : null;
  let p = uploadModel(tf, model);
  let velocity: TfParams | null = null;
  const idx = new Int32Array(batchSize), yb = new Uint8Array(batchSize);
  /** A step's inputs: the whole set, or a minibatch drawn with replacement (call inside tf.tidy). */
  const draw = (): [tfjs.Tensor2D, tfjs.Tensor2D] => {
    if (fullOneHot) return [Xtr, fullOneHot];
    for (let i = 0; i < batchSize; i++) yb[i] = trainSet.y[idx[i] = rng.int(trainSet.N)];
    return [tf.gather(Xtr, tf.tensor1d(idx, "int32")), oneHotTf(tf, yb, model.C)];
  };
  const row = async (epoch: number, cost: tfjs.Scalar, lr: number): Promise<EpochRow> => {
    let sel: Int32Array | null = null, ySel: ArrayLike<number> = trainSet.y;
    if (evalSize < trainSet.N) {
      sel = new Int32Array(evalSize);
      const ys = new Uint8Array(evalSize);
      for (let i = 0; i < evalSize; i++) ys[i] = trainSet.y[sel[i] = rng.int(trainSet.N)];
      ySel = ys;
    }
    const t = await evaluate(tf, p, Xtr, sel, ySel, o.reg), v = await evaluate(tf, p, Xval, null, valSet.y, o.reg);
    const c = (await cost.data())[0];
    cost.dispose();
    return {
      epoch,
      cost: real(c),
      trainAcc: t.acc,
      valAcc: v.acc,
      lr,
      trainLoss: real(t.loss),
      logitRange: real(v.logitRange),
    };
  };
  try {
    let lr = o.learningRate;
    const first = tf.tidy(() => lossAndGradsTf(tf, p, ...draw(), o.reg, false).loss!);
    const history = [await row(0, first, lr)];
    for (let epoch = 1; epoch <= o.numEpochs; epoch++) {
      let cost: tfjs.Scalar | undefined;
      for (let it = 0; it < itersPerEpoch; it++) {
        const next = keptTidy(tf, () => sgdStep(tf, p, velocity, draw, o.reg, lr, momentum, it === itersPerEpoch - 1));
        tf.dispose([...Object.values(p), ...(velocity ? Object.values(velocity) : [])]);
        [p, velocity, cost] = [next.w, next.v, next.loss];
      }
      history.push(await row(epoch, cost!, lr));
      lr *= decay;
      onEpoch?.(epoch);
      if (o.stopOnNonFinite) {
        await downloadModel(p, model);
        if (!isFiniteModel(model)) break;
      }
    }
    await downloadModel(p, model);
    return history;
  } finally {
    tf.dispose([Xtr, Xval, ...(fullOneHot ? [fullOneHot] : []), ...Object.values(p)]);
    if (velocity) tf.dispose(Object.values(velocity));
  }
}

/** The parameters, the velocity (momentum only) and the batch's loss after one step. */
interface StepResult {
  w: TfParams;
  v: TfParams | null;
  /** Only when asked for. */
  loss?: tfjs.Scalar;
}

/** One update: plain SGD `w −= lr·g` when μ = 0, else `v = μ·v − lr·g; w += v`. Call inside a tidy. */
function sgdStep(
  tf: typeof tfjs,
  p: TfParams,
  velocity: TfParams | null,
  draw: () => [tfjs.Tensor2D, tfjs.Tensor2D],
  reg: number,
  lr: number,
  momentum: number,
  withLoss: boolean,
): StepResult {
  const r = lossAndGradsTf(tf, p, ...draw(), reg, true, withLoss);
  const g = r.grads!;
  const each = (f: (k: ParamName) => tfjs.Tensor) => Object.fromEntries(PARAM_NAMES.map((k) => [k, f(k)])) as TfParams;
  if (momentum === 0) return { w: each((k) => tf.sub(p[k], tf.mul(lr, g[k]))), v: null, loss: r.loss };
  const v = each((k) => velocity ? tf.add(tf.mul(momentum, velocity[k]), tf.mul(-lr, g[k])) : tf.mul(-lr, g[k]));
  return { w: each((k) => tf.add(p[k], v[k])), v, loss: r.loss };
}

/** Runs `f` in a tidy scope and keeps the tensors of its result. */
function keptTidy(tf: typeof tfjs, f: () => StepResult): StepResult {
  let out!: StepResult;
  tf.tidy(() => {
    out = f();
    for (const t of [...Object.values(out.w), ...(out.v ? Object.values(out.v) : []), out.loss]) if (t) tf.keep(t);
  });
  return out;
}
