/**
 * A stack of independent deep ReLU nets trained side by side: net n's weights are slice n of one
 * [nets, Din, Dout] tensor per layer, so one batched matMul runs every net's layer (tiny nets are
 * dominated by tfjs's per-kernel cost, not by arithmetic). The nets share nothing: the loss is the sum
 * of their own mean cross-entropies, so each slice's gradient is that net's own gradient, and SGD with
 * momentum updates every element on its own.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";

/**
 * The nets' parameters: per layer, weights [nets, Din, Dout]. No biases, as in the lecture's
 * `x = relu(x.dot(W))` (and their gradients, batch-axis sums, would cost more than the matMuls here).
 */
export interface NetStack {
  nets: number;
  dims: number[];
  weights: tfjs.Variable[];
}

/**
 * Builds the stack from per-net, per-layer weights (`weights[n][l]`, row-major [Din, Dout], the
 * caller's draws already scaled).
 */
export function createStack(tf: typeof tfjs, dims: number[], weights: Float32Array[][]): NetStack {
  const nets = weights.length, w: tfjs.Variable[] = [];
  for (let l = 0; l + 1 < dims.length; l++) {
    const size = dims[l] * dims[l + 1], all = new Float32Array(nets * size);
    weights.forEach((net, n) => {
      if (net[l].length !== size) throw new RangeError(`net ${n}, layer ${l}: ${net[l].length} weights, not ${size}`);
      all.set(net[l], n * size);
    });
    w.push(tf.tidy(() => tf.variable(tf.tensor3d(all, [nets, dims[l], dims[l + 1]]))));
  }
  return { nets, dims, weights: w };
}

/** Disposes the stack's variables. */
export function disposeStack(tf: typeof tfjs, s: NetStack): void {
  tf.dispose(s.weights);
}

/** The logits [nets, B, classes] of `x` [nets, B, Din] (each net its own rows); `hidden` receives the ReLU outputs. */
export function logits(
  tf: typeof tfjs,
  s: NetStack,
  x: tfjs.Tensor3D,
  hidden?: (l: number, h: tfjs.Tensor3D) => void,
): tfjs.Tensor3D {
  let h = x;
  const last = s.weights.length - 1;
  for (let l = 0; l <= last; l++) {
    const z = tf.matMul(h, s.weights[l]) as tfjs.Tensor3D;
    h = l === last ? z : tf.relu(z);
    if (l < last) hidden?.(l, h);
  }
  return h;
}

/** Each net's mean cross-entropy [nets] of its logits against one-hot `y` [nets, B, classes]. */
export function netLosses(tf: typeof tfjs, out: tfjs.Tensor3D, y: tfjs.Tensor3D): tfjs.Tensor1D {
  return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(out)), -1), -1)) as tfjs.Tensor1D;
}

/** Each net's loss and accuracy on its rows of `x` / `y`. */
export async function evaluate(
  tf: typeof tfjs,
  s: NetStack,
  x: tfjs.Tensor3D,
  y: tfjs.Tensor3D,
): Promise<{ loss: number[]; accuracy: number[] }> {
  const [loss, acc] = tf.tidy(() => {
    const out = logits(tf, s, x);
    const correct = tf.cast(tf.equal(tf.argMax(out, -1), tf.argMax(y, -1)), "float32");
    return [netLosses(tf, out, y), tf.mean(correct, -1)];
  });
  const result = { loss: [...await loss.data()], accuracy: [...await acc.data()] };
  tf.dispose([loss, acc]);
  return result;
}

/** Per-layer scales of every net at one point (before training): activation std and gradient RMS. */
export interface LayerScales {
  /** actStd[n][l]: std of hidden layer l's ReLU outputs of net n (over the batch and the units). */
  actStd: number[][];
  /** gradRms[n][l]: RMS of dL/dW of weight layer l of net n (the logits layer last). */
  gradRms: number[][];
}

/**
 * A per-net scale statistic (std, RMS: homogeneous of degree 1) of `t` [nets, …], computed on `t / max|t|`
 * and scaled back: the 0.01·randn net's deep activations (~1e-26) would underflow to 0 when squared in float32.
 */
export function scaled(tf: typeof tfjs, t: tfjs.Tensor3D, stat: (u: tfjs.Tensor3D) => tfjs.Tensor): tfjs.Tensor1D {
  return tf.tidy(() => {
    const m = tf.max(tf.abs(t), [1, 2], true);
    const safe = tf.where(tf.greater(m, 0), m, tf.onesLike(m));
    return tf.mul(stat(tf.div(t, safe) as tfjs.Tensor3D), tf.reshape(safe, [-1])) as tfjs.Tensor1D;
  });
}

/** The activation std per hidden layer and the RMS of each weight layer's loss gradient, per net. */
export async function layerScales(
  tf: typeof tfjs,
  s: NetStack,
  x: tfjs.Tensor3D,
  y: tfjs.Tensor3D,
): Promise<LayerScales> {
  const stds: tfjs.Tensor1D[] = [];
  const { grads, value } = tf.variableGrads(() => {
    const out = logits(tf, s, x, (_, h) => {
      stds.push(tf.keep(scaled(tf, h, (u) => tf.sqrt(tf.moments(u, [1, 2]).variance))));
    });
    return tf.sum(netLosses(tf, out, y)) as tfjs.Scalar;
  }, s.weights);
  const rms = s.weights.map((w) =>
    tf.tidy(() => scaled(tf, grads[w.name] as tfjs.Tensor3D, (u) => tf.sqrt(tf.mean(tf.square(u), [1, 2]))))
  );
  const perLayer = (ts: tfjs.Tensor[]) => Promise.all(ts.map(async (t) => [...await t.data()]));
  const act = await perLayer(stds), grad = await perLayer(rms);
  tf.dispose([...stds, ...rms, ...Object.values(grads), value]);
  const byNet = (perL: number[][]) => Array.from({ length: s.nets }, (_, n) => perL.map((layer) => layer[n]));
  return { actStd: byNet(act), gradRms: byNet(grad) };
}

/** Options of {@link trainStack}. */
export interface TrainOptions {
  steps: number;
  lr: number;
  momentum: number;
  /** Measures the loss every `every` steps (and after the last). */
  every: number;
  /** The minibatch of step `s`: for each net, row indices into `xAll` / `yAll` (nets × B, net-major). */
  batchRows: (step: number) => Int32Array;
  batch: number;
}

/** One measurement of every net during training. */
export interface CurvePoint {
  step: number;
  loss: number[];
  accuracy: number[];
}

/**
 * Minibatch SGD with momentum on every net of the stack, measuring each net's loss and accuracy on
 * its rows of (`xEval`, `yEval`) every `every` steps, from step 0 (the untrained nets) to `steps`.
 */
export async function trainStack(
  tf: typeof tfjs,
  s: NetStack,
  data: { xAll: tfjs.Tensor2D; yAll: tfjs.Tensor2D; xEval: tfjs.Tensor3D; yEval: tfjs.Tensor3D },
  o: TrainOptions,
): Promise<CurvePoint[]> {
  const opt = o.momentum > 0 ? tf.train.momentum(o.lr, o.momentum) : tf.train.sgd(o.lr);
  const vars = s.weights;
  const curve: CurvePoint[] = [];
  const [din, classes] = [data.xAll.shape[1], data.yAll.shape[1]];
  try {
    for (let step = 0; step <= o.steps; step++) {
      if (step % o.every === 0 || step === o.steps) {
        curve.push({ step, ...await evaluate(tf, s, data.xEval, data.yEval) });
      }
      if (step === o.steps) break;
      const rows = tf.tensor1d(o.batchRows(step), "int32");
      const loss = opt.minimize(
        () => {
          const x = tf.reshape(tf.gather(data.xAll, rows), [s.nets, o.batch, din]) as tfjs.Tensor3D;
          const y = tf.reshape(tf.gather(data.yAll, rows), [s.nets, o.batch, classes]) as tfjs.Tensor3D;
          return tf.sum(netLosses(tf, logits(tf, s, x), y)) as tfjs.Scalar;
        },
        false,
        vars,
      );
      tf.dispose([rows, loss ?? []]);
    }
  } finally {
    opt.dispose();
    // tfjs 4.22's MomentumOptimizer.dispose() does not call SGD's, which disposes the scalar `c` (−lr).
    if (o.momentum > 0) (opt as unknown as { c?: tfjs.Tensor }).c?.dispose();
  }
  return curve;
}
