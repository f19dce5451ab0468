/**
 * Batch, mini-batch and stochastic gradient descent on MNIST softmax regression, as on the
 * slides' quizzes: timing to a loss (B1), loss increases (B1), sorted vs shuffled data (B1),
 * mini-batch = batch GD when B = m (B2), learning rates and schedules (B3), and the variance
 * of the mini-batch gradient against b (B5).
 * @module
 */
import type { BatchModel } from "../../lib/nn/softmax_regression.ts";
import { range, type softmaxRegression } from "../../lib/nn/softmax_regression.ts";
import type { Rng } from "../../lib/rng.ts";
import type { GradientNoise, MinibatchTrajectories, TimedPoint, TimedRun } from "./types.ts";

/** θ ← θ − α·g, in place. */
function descend(params: Float32Array, grad: Float32Array, lr: number): void {
  for (let i = 0; i < params.length; i++) params[i] -= lr * grad[i];
}

/**
 * Runs batch GD (`batch` = m) or mini-batch / stochastic GD (cycling through shuffled epochs)
 * until the full training loss is ≤ `target`. Only the gradient and update work is timed; the
 * full loss is evaluated every `evalEvery` updates, outside the clock.
 */
export async function timeToLoss(
  model: BatchModel,
  m: number,
  o: { batch: number; lr: number; target: number; maxUpdates: number; evalEvery: number; rng: Rng },
): Promise<TimedRun> {
  const params = new Float32Array(model.size), all = range(m);
  const curve: TimedPoint[] = [{ updates: 0, seconds: 0, loss: await model.loss(params, all) }];
  let order: number[] = [], pos = m, seconds = 0;
  for (let u = 1; u <= o.maxUpdates; u++) {
    const t0 = performance.now();
    let idx: number[];
    if (o.batch >= m) idx = all;
    else {
      if (pos + o.batch > m) {
        order = o.rng.shuffle(range(m));
        pos = 0;
      }
      idx = order.slice(pos, pos += o.batch);
    }
    const { grad } = await model.lossGrad(params, idx);
    descend(params, grad, o.lr);
    seconds += (performance.now() - t0) / 1000;
    if (u % o.evalEvery === 0 || u === o.maxUpdates) {
      const loss = await model.loss(params, all);
      curve.push({ updates: u, seconds, loss });
      if (loss <= o.target) return { reached: true, updates: u, seconds, curve };
    }
  }
  return { reached: false, updates: null, seconds: null, curve };
}

/** Full training loss after every update (for counting increases, B1). */
export async function lossAfterEachUpdate(
  model: BatchModel,
  m: number,
  o: { batch: number; lr: number; updates: number; rng: Rng },
): Promise<number[]> {
  const params = new Float32Array(model.size), all = range(m);
  const out = [await model.loss(params, all)];
  let order: number[] = [], pos = m;
  for (let u = 0; u < o.updates; u++) {
    let idx = all;
    if (o.batch < m) {
      if (pos + o.batch > m) {
        order = o.rng.shuffle(range(m));
        pos = 0;
      }
      idx = order.slice(pos, pos += o.batch);
    }
    descend(params, (await model.lossGrad(params, idx)).grad, o.lr);
    out.push(await model.loss(params, all));
  }
  return out;
}

/** Number of increases in a series. */
export function increases(xs: readonly number[]): number {
  let n = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[i - 1]) n++;
  return n;
}

/**
 * One pass of per-sample SGD over `order`, with learning rate `lr(t)`; returns the loss of each
 * sample before its update (the slide's "loss contribution of the current sample") and the
 * final parameters.
 */
export async function sgdPass(
  model: BatchModel,
  start: Float32Array,
  order: readonly number[],
  lr: (t: number) => number,
) {
  const params = Float32Array.from(start), sampleLoss: number[] = [];
  for (let t = 0; t < order.length; t++) {
    const { loss, grad } = await model.lossGrad(params, [order[t]]);
    sampleLoss.push(loss);
    descend(params, grad, lr(t));
  }
  return { params, sampleLoss };
}

/** Running average of the last `k` values (shorter at the start), every `every` items. */
export function runningAverage(xs: readonly number[], k: number, every: number): { t: number; avg: number }[] {
  const out: { t: number; avg: number }[] = [];
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += xs[i];
    if (i >= k) sum -= xs[i - k];
    if ((i + 1) % every === 0) out.push({ t: i + 1, avg: sum / Math.min(k, i + 1) });
  }
  return out;
}

/**
 * B2: the slide's mini-batch GD (θ −= α·(1/b)·Σ over each mini-batch of a shuffled epoch)
 * with the given B, against batch GD and per-sample SGD over the same orders.
 */
export async function minibatchTrajectories(
  model: BatchModel,
  m: number,
  o: { lr: number; epochs: number; batches: number[]; rng: Rng; fault?: string },
): Promise<MinibatchTrajectories> {
  const all = range(m);
  const orders = Array.from({ length: o.epochs }, () => o.rng.shuffle(range(m)));
  const gd = new Float32Array(model.size);
  for (let e = 0; e < o.epochs; e++) descend(gd, (await model.lossGrad(gd, all)).grad, o.lr);
  const sgd = new Float32Array(model.size);
  for (const order of orders) for (const i of order) descend(sgd, (await model.lossGrad(sgd, [i])).grad, o.lr);
  const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((w, x, i) => Math.max(w, Math.abs(x - b[i])), 0);
  const out = [];
  for (const b of o.batches) {
    const p = new Float32Array(model.size);
    for (const order of orders) {
      // The slide's step is α·(1/b)·Σ (lossGrad averages); the "batch-sum" fault forgets the 1/b.
      const lr = o.fault === "batch-sum" ? o.lr * b : o.lr;
      for (let s = 0; s + b <= m; s += b) descend(p, (await model.lossGrad(p, order.slice(s, s + b))).grad, lr);
    }
    out.push({ batch: b, diffToBatchGD: maxDiff(p, gd), diffToSGD: maxDiff(p, sgd) });
  }
  return { scale: gd.reduce((w, x) => Math.max(w, Math.abs(x)), 0), runs: out };
}

/**
 * B5: E‖g_b − g‖² of mini-batch gradients (b samples without replacement) at fixed parameters,
 * against the finite-population prediction σ²/b · (m − b)/(m − 1), σ² from all per-sample gradients.
 * Each row also carries the standard error of its mean over the draws (sample std / √draws).
 */
export async function gradientNoise(
  model: ReturnType<typeof softmaxRegression>,
  m: number,
  params: Float32Array,
  o: { batches: number[]; draws: number; rng: Rng; fault?: string },
): Promise<GradientNoise> {
  const full = (await model.lossGrad(params, range(m))).grad;
  let sumSq = 0;
  for (let i = 0; i < m; i++) {
    const acc = new Float64Array(model.size);
    model.accumulate(params, i, acc, 1);
    for (let j = 0; j < acc.length; j++) sumSq += (acc[j] - full[j]) ** 2;
  }
  const sigma2 = sumSq / m;
  const rows = [];
  for (const b of o.batches) {
    let v = 0, sq = 0;
    for (let r = 0; r < o.draws; r++) {
      const idx = o.fault === "replace"
        ? Array.from({ length: b }, () => o.rng.int(m))
        : o.rng.shuffle(range(m)).slice(0, b);
      const g = (await model.lossGrad(params, idx)).grad;
      let d = 0;
      for (let j = 0; j < g.length; j++) {
        const e = (g[j] - full[j]) ** 2;
        v += e;
        d += e;
      }
      sq += d * d;
    }
    const variance = v / o.draws;
    const spread = Math.max(0, (sq - o.draws * variance * variance) / (o.draws - 1));
    rows.push({
      batch: b,
      variance,
      se: Math.sqrt(spread / o.draws),
      predicted: (sigma2 / b) * ((m - b) / (m - 1)),
    });
  }
  return { sigma2, rows };
}
