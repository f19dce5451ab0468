/**
 * The run of the regularization family: one seed's D1–D7 measurements.
 * @module
 */
import type { RunContext } from "../../lib/experiment.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { split, toTensors } from "../../lib/data/dataset.ts";
import { greyToRgb, padImages, poolImages } from "../../lib/data/reshape.ts";
import { maskCountLog10 } from "./dropout.ts";
import { dropoutExpectation, neuronMasks, regularizedLoss, zeroFractions } from "./dropout_measures.ts";
import { createMlp, disposeMlp, evaluateMlp, mcDropoutGap, trainMlp } from "./dropout_mlp.ts";
import { batchNormPattern } from "../../lib/nn/batchnorm_pattern.ts";
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import type { P } from "./params.ts";
import type { RegData } from "./types.ts";

/** D6 and D7: the MLP trained without and with dropout, its Monte-Carlo average, and BatchNorm's pattern. */
async function runD6D7(tf: typeof tfjs, p: P, rng: Rng, progress: (d: number, t: number, l?: string) => void) {
  const digits = poolImages(loadEmbeddedMnist(), p.pool);
  const parts = split(digits, { train: p.trainSize, val: p.valSize, test: 0 }, rng.fork("split"));
  const tr = toTensors(tf, parts.train, { flatten: true }), va = toTensors(tf, parts.val, { flatten: true });
  const dims = [tr.x.shape[1] as number, ...p.hidden, 10];
  const every = Math.max(1, Math.floor(p.steps / 30));
  const result = {} as RegData["d7"];
  let d6: RegData["d6"] | undefined;
  try {
    for (const [i, keep] of [null, p.keep].entries()) {
      progress(3 + i, 6, keep === null ? "training without dropout" : "training with dropout");
      const net = createMlp(tf, rng.fork("init"), dims); // the same initial weights for both
      try {
        const curve = await trainMlp(tf, net, tr.x as tfjs.Tensor2D, tr.y, rng.fork(`masks-${i}`), {
          steps: p.steps,
          lr: p.lr,
          keep,
          every,
        });
        const train = await evaluateMlp(tf, net, tr.x as tfjs.Tensor2D, tr.y);
        const val = await evaluateMlp(tf, net, va.x as tfjs.Tensor2D, va.y);
        result[keep === null ? "none" : "dropout"] = { curve, train, val };
        if (keep !== null) {
          progress(5, 6, "Monte-Carlo average over masks");
          const x = tf.tidy(() => tf.slice(va.x, 0, Math.min(p.mcInputs, p.valSize))) as tfjs.Tensor2D;
          const mc = rng.fork("mc");
          d6 = {
            relu: await mcDropoutGap(tf, net, x, "relu", "inverted", keep, mc.fork("relu"), p.mcSamples),
            linear: await mcDropoutGap(tf, net, x, "linear", "inverted", keep, mc.fork("linear"), p.mcSamples),
          };
          x.dispose();
        }
      } finally {
        disposeMlp(tf, net);
      }
    }
    const bnPool = tf.tidy(() => tf.slice(va.x, 0, Math.min(p.valSize, 4 * p.bnBatch)));
    const bn = await batchNormPattern(tf, bnPool, rng.fork("bn"), {
      batch: Math.min(p.bnBatch, bnPool.shape[0]),
      batches: p.bnBatches,
      momentum: 0.9,
      epsilon: 1e-3,
    });
    bnPool.dispose();
    return { d6: d6!, d7: result, bn };
  } finally {
    tf.dispose([tr.x, tr.y, va.x, va.y]);
  }
}

/** One seed: the weight penalties (D1), the masks (D2, D3), the expectations (D4), D5 and the trained nets. */
export async function run({ tf, params: p, rng, progress }: RunContext<P>): Promise<RegData> {
  progress(0, 6, "L2 / L1 terms at tiny init");
  const rgb = greyToRgb(padImages(loadEmbeddedMnist(), p.regInputPad));
  const regPart = split(rgb, { train: p.regBatch, val: 0, test: 0 }, rng.fork("reg-split")).train;
  const reg = toTensors(tf, regPart, { flatten: true });
  const d1 = await regularizedLoss(tf, reg.x as tfjs.Tensor2D, reg.y, rng.fork("reg"), {
    hidden: p.regHidden,
    scale: p.regScale,
    l2: p.l2,
    l1: p.l1,
  });
  tf.dispose([reg.x, reg.y]);
  progress(1, 6, "masks");
  const d2 = await zeroFractions(tf, rng.fork("d2"), {
    units: p.maskUnits,
    batch: p.maskBatch,
    p: p.keep,
    passes: p.maskPasses,
  });
  const checkpoints = [];
  for (let n = 10; n < p.neuronSamples; n *= 10) checkpoints.push(n, 3 * n);
  const d3 = await neuronMasks(tf, rng.fork("d3"), {
    w: [p.neuronW[0], p.neuronW[1]],
    input: [p.neuronInput[0], p.neuronInput[1]],
    p: p.keep,
    checkpoints: [...checkpoints.filter((n) => n < p.neuronSamples), p.neuronSamples],
  });
  progress(2, 6, "expectation of vanilla and inverted dropout");
  const h = tf.tidy(() => tf.exp(tf.tensor1d(rng.fork("d4-h").normals(p.expectUnits)))) as tfjs.Tensor1D;
  const d4 = await dropoutExpectation(tf, h, rng.fork("d4"), { p: p.keep, samples: p.expectSamples });
  h.dispose();
  const d5 = maskCountLog10(p.maskUnits);
  const rest = await runD6D7(tf, p, rng, progress);
  return { d1, d2, d3, d4, d5, ...rest };
}
