/**
 * Gradient checking of the net that trains: the tfjs 2-layer net's analytic gradients
 * (lib/nn/two_layer_tf.ts, float32, the ones every SGD step of lib/nn/classifier_trainer.ts
 * applies) against centred finite differences of the same net's own loss.
 *
 * The loss is the one the trainer reports (lib/nn/classifier_trainer.ts): the net's float32 scores
 * (`scoresTf`), their softmax loss in float64, plus the float32 L2 term. A float32 loss of ~2.3 has
 * an ulp of ~2e-7, and a single entry's difference quotient would drown in it, so each parameter
 * array is checked along directions: the analytic gradient `g` itself (the direction a training
 * step takes) and `g` on a random half of its entries. For a unit direction `u` the step is
 * `h = min(delta / (g·u), 1e-3)` (the loss moves by at most `delta` to first order; small, so that few ReLUs
 * switch — the cap keeps a tiny gradient such as b1's from taking a long step),
 * and the check compares `g·u` with `(L(w + h·u) − L(w − h·u)) / 2h`. A dropped ReLU mask or a
 * missing factor changes `g` by a large part of itself, i.e. a relative error ~0.1–1.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { PARAM_NAMES, type ParamName, softmax, type TwoLayerModel } from "../../lib/nn/two_layer_net.ts";
import {
  lossAndGradsTf,
  oneHotTf,
  regLossTf,
  scoresTf,
  type TfParams,
  uploadModel,
} from "../../lib/nn/two_layer_tf.ts";
import { real } from "../../lib/nn/real.ts";
import type { TfGradCheckResult } from "./types.ts";

/** The inputs of one check: `N` rows of `D` values and their labels. */
export interface TfBatch {
  X: Float32Array;
  N: number;
  D: number;
  y: ArrayLike<number>;
}

/** The trainer's loss of the tfjs net at `q`: float64 softmax loss of its float32 scores + the L2 term. */
async function netLoss(tf: typeof tfjs, q: TfParams, X: tfjs.Tensor2D, batch: TfBatch, reg: number): Promise<number> {
  const [sT, rT] = tf.tidy(() => [scoresTf(tf, q, X), regLossTf(tf, q, reg)]);
  const [s32, r] = await Promise.all([sT.data(), rT.data()]);
  tf.dispose([sT, rT]);
  const C = sT.shape[1]!, probs = softmax(Float64Array.from(s32 as Float32Array), batch.N, C);
  let data = 0;
  for (let i = 0; i < batch.N; i++) data -= Math.log(probs[i * C + batch.y[i]]);
  return data / batch.N + r[0];
}

/**
 * Checks every parameter array of `m`, uploaded to the tfjs net, at `batch` and `reg` along the
 * gradient direction and along the gradient on a random half of the entries (drawn with `rng`).
 */
export async function tfGradCheck(
  tf: typeof tfjs,
  m: TwoLayerModel,
  batch: TfBatch,
  reg: number,
  o: { delta: number; rng: Rng },
): Promise<TfGradCheckResult[]> {
  const p = uploadModel(tf, m);
  const X = tf.tensor2d(batch.X, [batch.N, batch.D]), oneHot = oneHotTf(tf, batch.y, m.C);
  const loss = (q: TfParams) => netLoss(tf, q, X, batch, reg);
  try {
    const grads = tf.tidy(() => {
      const g = lossAndGradsTf(tf, p, X, oneHot, reg).grads!;
      return PARAM_NAMES.map((k) => g[k]);
    });
    const out: TfGradCheckResult[] = [];
    for (const [i, name] of PARAM_NAMES.entries()) {
      const g = Float64Array.from(await grads[i].data() as Float32Array);
      const half = Float64Array.from(g, (v) => (o.rng.next() < 0.5 ? v : 0));
      for (const [direction, d] of [["gradient", g], ["gradient on half the entries", half]] as const) {
        out.push(await along(tf, p, name, d, direction, loss, o.delta));
      }
    }
    tf.dispose(grads);
    return out;
  } finally {
    tf.dispose([X, oneHot, ...Object.values(p)]);
  }
}

/** The longest directional step: well below the hidden units' pre-activations (~0.1–1). */
const MAX_STEP = 1e-3;

async function along(
  tf: typeof tfjs,
  p: TfParams,
  name: ParamName,
  d: Float64Array,
  direction: string,
  loss: (q: TfParams) => Promise<number>,
  delta: number,
): Promise<TfGradCheckResult> {
  const norm = Math.sqrt(d.reduce((s, v) => s + v * v, 0));
  if (!(norm > 0)) return { param: name, direction, analytic: 0, numerical: 0, h: 0, relError: real(NaN) };
  // g·u for u = d/|d|: the analytic directional derivative, from the float32 gradient itself.
  const analytic = norm; // d is g masked to some entries, so g·d = |d|²
  const h = Math.min(delta / analytic, MAX_STEP);
  const u = tf.tensor(Float32Array.from(d, (v) => v / norm), p[name].shape);
  const lossAt = async (sign: number) => {
    const q = tf.tidy(() => tf.add(p[name], tf.mul(sign * h, u)));
    const v = await loss({ ...p, [name]: q });
    q.dispose();
    return v;
  };
  const plus = await lossAt(1), minus = await lossAt(-1);
  u.dispose();
  const numerical = (plus - minus) / (2 * h);
  const relError = Math.abs(analytic - numerical) / Math.max(1e-30, Math.abs(analytic) + Math.abs(numerical));
  return { param: name, direction, analytic, numerical, h, relError: real(relError) };
}
