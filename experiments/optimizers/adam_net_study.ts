/**
 * The practical tip (B13): Adam with β1 = 0.9, β2 = 0.999 and α = 1e-3 or 5e-4 trains the
 * lecture's 2-layer net without tuning. Mini-batch training on MNIST digits, validation loss
 * measured along the way.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Dataset } from "../../lib/data/dataset.ts";
import { twoLayerNet } from "../../lib/nn/two_layer.ts";
import { adam } from "../../lib/nn/optim/adam.ts";
import { range } from "../../lib/nn/softmax_regression.ts";
import { miniBatch } from "./library_study.ts";
import type { Rng } from "../../lib/rng.ts";

/** Settings of {@link adamNetStudy}. */
export interface AdamNetSettings {
  lrs: number[];
  beta1: number;
  beta2: number;
  hidden: number;
  steps: number;
  batch: number;
  /** Validation-loss evaluations along the run. */
  evals: number;
}

/** Validation loss curves of the 2-layer net trained with Adam at each learning rate. */
export async function adamNetStudy(
  tf: typeof tfjs,
  train: Dataset,
  val: Dataset,
  s: AdamNetSettings,
  rng: Rng,
) {
  const net = twoLayerNet(tf, train, s.hidden), valNet = twoLayerNet(tf, val, s.hidden);
  const start = net.init(rng.fork("init"));
  const every = Math.max(1, Math.floor(s.steps / s.evals));
  const out = [];
  for (const lr of s.lrs) {
    const opt = adam({ lr, beta1: s.beta1, beta2: s.beta2 });
    const batches = rng.fork(`batches ${lr}`);
    let params: Float32Array = start, state = opt.init(net.size);
    const curve: { step: number; val: number; train: number }[] = [];
    let trainAvg = 0, n = 0;
    for (let t = 0; t <= s.steps; t++) {
      if (t % every === 0 || t === s.steps) {
        curve.push({ step: t, val: await valNet.loss(params, range(val.count)), train: n ? trainAvg / n : NaN });
        trainAvg = 0;
        n = 0;
      }
      if (t === s.steps) break;
      const { loss, grad } = await net.lossGrad(params, miniBatch(batches, train.count, s.batch));
      trainAvg += loss;
      n++;
      ({ state, params } = opt.step(state, params, grad));
    }
    out.push({ lr, curve: curve.map((c) => ({ ...c, train: Number.isFinite(c.train) ? c.train : null })) });
  }
  return out;
}
