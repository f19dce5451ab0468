/**
 * The run of the regularization family: one seed's D1–D7 measurements.
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { type Dataset, split, toTensors } from "../../lib/data/dataset.ts";
import { greyToRgb, padImages, poolImages } from "../../lib/data/reshape.ts";
import { maskCountLog10 } from "./dropout.ts";
import { dropoutExpectation, neuronMasks, regularizedLoss, zeroFractions } from "./dropout_measures.ts";
import { createMlp, disposeMlp, evaluateMlp, mcDropoutGap, trainMlp } from "./dropout_mlp.ts";
import { batchNormPattern } from "../../lib/nn/batchnorm_pattern.ts";
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import type { P } from "./params.ts";
import type { D7Pair, RegData, TrainedNet } from "./types.ts";

type Progress = (d: number, t: number, l?: string) => void;

/**
 * One D7 comparison on its own split of `digits` (rng streams "split", "init", "masks-i"): the same initial
 * weights trained without and with dropout; with `mc`, also D6's Monte-Carlo average on the dropout net.
 */
async function trainPair(tf: typeof tfjs, p: P, rng: Rng, digits: Dataset, progress: Progress, mc: boolean) {
  const parts = split(digits, { train: p.trainSize, val: p.valSize, test: 0 }, rng.fork("split"));
  const tr = toTensors(tf, parts.train, { flatten: true }), va = toTensors(tf, parts.val, { flatten: true });
  const dims = [tr.x.shape[1] as number, ...p.hidden, 10];
  const every = Math.max(1, Math.floor(p.steps / 30));
  const pair = {} as D7Pair;
  let d6: RegData["d6"] | undefined;
  try {
    for (const [i, keep] of [null, p.keep].entries()) {
      if (mc) progress(3 + i, 6, keep === null ? "training without dropout" : "training with dropout");
      const net = createMlp(tf, rng.fork("init"), dims); // the same initial weights for both
      try {
        const curve = await trainMlp(tf, net, tr.x as tfjs.Tensor2D, tr.y, rng.fork(`masks-${i}`), {
          steps: p.steps,
          lr: p.lr,
          keep,
          every,
          fault: p.fault,
        });
        const train = await evaluateMlp(tf, net, tr.x as tfjs.Tensor2D, tr.y);
        const val = await evaluateMlp(tf, net, va.x as tfjs.Tensor2D, va.y);
        pair[keep === null ? "none" : "dropout"] = { curve, train, val };
        if (keep !== null && mc) {
          progress(5, 6, "Monte-Carlo average over masks");
          const x = tf.tidy(() => tf.slice(va.x, 0, Math.min(p.mcInputs, p.valSize))) as tfjs.Tensor2D;
          const r = rng.fork("mc"), f = p.fault;
          const control = [...p.mcSamples.filter((n) => n < p.mcControl), p.mcControl];
          d6 = {
            relu: await mcDropoutGap(tf, net, x, "relu", "inverted", keep, r.fork("relu"), p.mcSamples, f),
            linear: await mcDropoutGap(tf, net, x, "linear", "inverted", keep, r.fork("linear"), control, f),
          };
          x.dispose();
        }
      } finally {
        disposeMlp(tf, net);
      }
    }
    const bnPool = mc ? tf.tidy(() => tf.slice(va.x, 0, Math.min(p.valSize, 4 * p.bnBatch))) : undefined;
    return { pair, d6, bnPool };
  } finally {
    tf.dispose([tr.x, tr.y, va.x, va.y]);
  }
}

/** D6 and D7: the MLP trained without and with dropout (d7Repeats times), its Monte-Carlo average, BatchNorm's pattern. */
async function runD6D7(tf: typeof tfjs, p: P, rng: Rng, progress: Progress) {
  const digits = poolImages(loadEmbeddedMnist(), p.pool);
  const first = await trainPair(tf, p, rng, digits, progress, true);
  const bnPool = first.bnPool!;
  try {
    const bn = await batchNormPattern(tf, bnPool, rng.fork("bn"), {
      batch: Math.min(p.bnBatch, bnPool.shape[0]),
      batches: p.bnBatches,
      momentum: 0.9,
      epsilon: 1e-3,
    });
    const d7More: D7Pair[] = [];
    for (let k = 1; k < p.d7Repeats; k++) {
      progress(5, 6, `D7 repeat ${k + 1} of ${p.d7Repeats}`);
      d7More.push((await trainPair(tf, p, rng.fork(`d7-repeat-${k}`), digits, progress, false)).pair);
    }
    return { d6: first.d6!, d7: first.pair, d7More, bn };
  } finally {
    bnPool.dispose();
  }
}

/** D2–D4 at keep probability `keep`: zeroed fractions, the single neuron, the expectations (rng streams by label). */
async function masksAt(tf: typeof tfjs, p: P, keep: number, rng: (label: string) => Rng) {
  const d2 = await zeroFractions(tf, rng("d2"), {
    units: p.maskUnits,
    batch: p.maskBatch,
    p: keep,
    passes: p.maskPasses,
    fault: p.fault,
  });
  const checkpoints = [];
  for (let n = 10; n < p.neuronSamples; n *= 10) checkpoints.push(n, 3 * n);
  const d3 = await neuronMasks(tf, rng("d3"), {
    w: [p.neuronW[0], p.neuronW[1]],
    input: [p.neuronInput[0], p.neuronInput[1]],
    p: keep,
    checkpoints: [...checkpoints.filter((n) => n < p.neuronSamples), p.neuronSamples],
    fault: p.fault,
  });
  const h = tf.tidy(() => tf.exp(tf.tensor1d(rng("d4-h").normals(p.expectUnits)))) as tfjs.Tensor1D;
  const d4 = await dropoutExpectation(tf, h, rng("d4"), { p: keep, samples: p.expectSamples, fault: p.fault });
  h.dispose();
  return { d2, d3, d4 };
}

/** One seed: the weight penalties (D1), the masks (D2, D3), the expectations (D4), D5 and the trained nets. */
export async function run({ tf, params: p, rng, progress }: RunContext<P>): Promise<RegData> {
  progress(0, 6, "L2 / L1 terms at tiny init");
  const grey = split(loadEmbeddedMnist(), { train: p.regBatch, val: 0, test: 0 }, rng.fork("reg-split")).train;
  const reg = toTensors(tf, greyToRgb(padImages(grey, p.regInputPad)), { flatten: true }); // 32·32·3 = 3072
  const d1 = await regularizedLoss(tf, reg.x as tfjs.Tensor2D, reg.y, rng.fork("reg"), {
    hidden: p.regHidden,
    scale: p.regScale,
    l2: p.l2,
    l1: p.l1,
    fault: p.fault,
  });
  tf.dispose([reg.x, reg.y]);
  progress(1, 6, "masks and the expectation of vanilla and inverted dropout");
  const { d2, d3, d4 } = await masksAt(tf, p, p.keep, (label) => rng.fork(label));
  progress(2, 6, `the same at p = ${p.asymKeep}`);
  const asym = { keep: p.asymKeep, ...await masksAt(tf, p, p.asymKeep, (label) => rng.fork(`asym-${label}`)) };
  const d5 = maskCountLog10(p.maskUnits, p.fault);
  const rest = await runD6D7(tf, p, rng, progress);
  return { d1, d2, d3, d4, asym, d5, ...rest };
}

/** Adam steps of one D7 net: its curve's last recorded step (0-based, always recorded) + 1; 0 for an empty curve. */
const netSteps = (n: TrainedNet) => (n.curve.at(-1)?.step ?? -1) + 1;

/** The Adam steps of every D7 net (with and without dropout, d7 and d7More) over the runs, for the run-state guard. */
export function trainedSteps(runs: readonly SeedRun<RegData>[]): number {
  return runs.reduce(
    (sum, r) => sum + [r.data.d7, ...r.data.d7More].reduce((s, d) => s + netSteps(d.none) + netSteps(d.dropout), 0),
    0,
  );
}
