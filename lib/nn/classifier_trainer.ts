/**
 * The lecture's `ClassifierTrainer.train`: minibatch SGD (or momentum) on a hand-written model,
 * learning-rate decay per epoch, and after every epoch the cost, the training accuracy (on at
 * most 1,000 sampled training examples) and the validation accuracy, as the slides print them.
 * @module
 */
import type { Rng } from "../rng.ts";
import type { Matrix } from "../data/matrix.ts";
import { argmax, lossAndGrads, PARAM_NAMES, type TwoLayerModel } from "./two_layer_net.ts";
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

/** Accuracy, loss and logit spread of a model on a set of rows. */
export function evaluate(
  m: TwoLayerModel,
  data: Matrix,
  reg: number,
): { acc: number; loss: number; logitRange: number } {
  const r = lossAndGrads(m, data, data.y, reg, false);
  const pred = argmax(r.scores, data.N, m.C);
  let correct = 0, range = 0;
  for (let i = 0; i < data.N; i++) {
    if (pred[i] === data.y[i]) correct++;
    let lo = Infinity, hi = -Infinity;
    for (let c = 0; c < m.C; c++) {
      const v = r.scores[i * m.C + c];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    range += hi - lo;
  }
  return { acc: correct / data.N, loss: r.loss, logitRange: range / data.N };
}

function sampleRows(data: Matrix, idx: Uint32Array, out: { X: Float32Array; y: Uint8Array }): void {
  for (let i = 0; i < idx.length; i++) {
    out.X.set(data.X.subarray(idx[i] * data.D, (idx[i] + 1) * data.D), i * data.D);
    out.y[i] = data.y[idx[i]];
  }
}

/**
 * Trains `model` in place and returns one row per epoch (row 0 before training). Sampling uses
 * `rng` only. `onEpoch` is called after every epoch (for progress).
 */
export function train(
  model: TwoLayerModel,
  trainSet: Matrix,
  valSet: Matrix,
  o: TrainOptions,
  rng: Rng,
  onEpoch?: (epoch: number) => void,
): EpochRow[] {
  const batchSize = o.sampleBatches === false ? trainSet.N : (o.batchSize ?? 100);
  const itersPerEpoch = o.sampleBatches === false ? 1 : Math.max(1, Math.floor(trainSet.N / batchSize));
  const decay = o.learningRateDecay ?? 1, momentum = o.momentum ?? 0;
  const evalSize = o.trainEvalSize ?? 1000;
  const step = Object.fromEntries(PARAM_NAMES.map((p) => [p, new Float64Array(model[p].length)]));
  const batch = { X: new Float32Array(batchSize * trainSet.D), y: new Uint8Array(batchSize), N: batchSize };
  const idx = new Uint32Array(batchSize);
  const draw = () => {
    if (o.sampleBatches === false) return trainSet;
    for (let i = 0; i < batchSize; i++) idx[i] = rng.int(trainSet.N);
    sampleRows(trainSet, idx, batch);
    return batch;
  };
  const evalRows = (): Matrix => {
    if (trainSet.N <= evalSize) return trainSet;
    const sel = new Uint32Array(evalSize);
    for (let i = 0; i < evalSize; i++) sel[i] = rng.int(trainSet.N);
    const out = { X: new Float32Array(evalSize * trainSet.D), y: new Uint8Array(evalSize), N: evalSize, D: trainSet.D };
    sampleRows(trainSet, sel, out);
    return out;
  };
  const row = (epoch: number, cost: number, lr: number): EpochRow => {
    const t = evaluate(model, evalRows(), o.reg), v = evaluate(model, valSet, o.reg);
    return {
      epoch,
      cost: real(cost),
      trainAcc: t.acc,
      valAcc: v.acc,
      lr,
      trainLoss: real(t.loss),
      logitRange: real(v.logitRange),
    };
  };
  let lr = o.learningRate;
  const first = draw();
  const history = [row(0, lossAndGrads(model, first, first.y, o.reg, false).loss, lr)];
  for (let epoch = 1; epoch <= o.numEpochs; epoch++) {
    let cost = NaN;
    for (let it = 0; it < itersPerEpoch; it++) {
      const b = draw();
      const r = lossAndGrads(model, b, b.y, o.reg);
      cost = r.loss;
      for (const p of PARAM_NAMES) {
        const w = model[p], g = r.grads![p], s = step[p];
        for (let i = 0; i < w.length; i++) {
          s[i] = momentum * s[i] - lr * g[i];
          w[i] += s[i];
        }
      }
    }
    history.push(row(epoch, cost, lr));
    lr *= decay;
    onEpoch?.(epoch);
    if (o.stopOnNonFinite && !isFiniteModel(model)) break;
  }
  return history;
}
