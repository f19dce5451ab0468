/**
 * The run of the layers family: one seed's A1–A5 measurements.
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { split, subset, toTensors } from "../../lib/data/dataset.ts";
import { poolImages } from "../../lib/data/reshape.ts";
import { convShapes, featureMaps, normsOnBatch, paramCounts } from "./measure.ts";
import { batchNormPattern } from "../../lib/nn/batchnorm_pattern.ts";
import { createClassicNet, disposeClassicNet, stepsToTarget } from "./classic_convnet.ts";
import type { P } from "./params.ts";
import type { LayersData, TargetRun } from "./types.ts";
import { SLIDE_SETTINGS } from "./claims.ts";
import type { Rng } from "../../lib/rng.ts";
import type * as tfjs from "@tensorflow/tfjs";

/** A5: steps to the target loss of the classic conv net without and with BatchNorm. */
async function a5(tf: typeof tfjs, p: P, rng: Rng, progress: (d: number, t: number, l?: string) => void) {
  const digits = poolImages(loadEmbeddedMnist(), p.pool);
  const train = split(digits, { train: p.trainSize, val: 0, test: 0 }, rng.fork("a5-split")).train;
  const { x, y } = toTensors(tf, train);
  const out = {} as LayersData["a5"];
  try {
    for (const [i, bn] of [false, true].entries()) {
      progress(3 + i, 5, bn ? "conv net with BatchNorm" : "conv net without BatchNorm");
      // The same rng label: the same initial conv and FC weights for both nets.
      const net = createClassicNet(tf, {
        input: [digits.height, digits.width, 1],
        n: p.convN,
        filters: p.convFilters,
        fc: p.fc,
        classes: 10,
        batchNorm: bn,
        fault: p.fault,
      }, rng.fork("a5-init"));
      try {
        const run: TargetRun = await stepsToTarget(tf, net, x as tfjs.Tensor4D, y, rng.fork("a5-batches"), {
          batch: p.batch,
          lr: p.lr,
          momentum: p.momentum,
          maxSteps: p.maxSteps,
          target: p.target,
          window: p.window,
        });
        out[bn ? "batchNorm" : "plain"] = run;
      } finally {
        disposeClassicNet(tf, net);
      }
    }
  } finally {
    tf.dispose([x, y]);
  }
  return out;
}

/** One seed: conv sizes and parameter counts (A1, A2), the normalizations (A3), BatchNorm's modes (A4), A5. */
export async function run({ tf, params: p, rng, progress }: RunContext<P>): Promise<LayersData> {
  if (p.normChannels % p.groups !== 0) {
    throw new Error(`layers.groups = ${p.groups} must divide layers.normChannels = ${p.normChannels}`);
  }
  progress(0, 5, "conv output sizes and parameter counts");
  const mnist = loadEmbeddedMnist();
  const one = tf.tensor3d(mnist.images.slice(0, 784), [28, 28, 1]);
  const a1 = convShapes(tf, one, SLIDE_SETTINGS, p.sizes, {
    depthIn: p.depthIn,
    filters: p.filters,
    rng: rng.fork("a1"),
    fault: p.fault,
  });
  one.dispose();
  const a2 = paramCounts(tf, [...new Set(SLIDE_SETTINGS.map((s) => s.f))], p.countDepths, p.countFilters, p.fault);
  progress(1, 5, "normalizations");
  const small = poolImages(mnist, 2);
  const order = rng.fork("a3-batch").shuffle(Array.from({ length: small.count }, (_, i) => i));
  const poolSize = 4 * Math.max(...p.bnBatchSizes);
  const images = toTensors(tf, subset(small, order.slice(0, Math.max(poolSize, p.normBatch))));
  const features = featureMaps(tf, images.x as tfjs.Tensor4D, p.normChannels, rng.fork("a3-conv"));
  tf.dispose([images.x, images.y]);
  const batch = tf.tidy(() => tf.slice(features, 0, p.normBatch)) as tfjs.Tensor4D;
  const a3 = await normsOnBatch(tf, batch, { groups: p.groups, eps: p.eps, fault: p.fault });
  batch.dispose();
  progress(2, 5, "BatchNorm: training vs inference");
  const a4 = [];
  for (const b of p.bnBatchSizes) {
    const pattern = await batchNormPattern(tf, features, rng.fork(`a4-${b}`), {
      batch: b,
      batches: p.bnBatches,
      momentum: p.bnMomentum,
      epsilon: 1e-3,
    });
    a4.push({ batch: b, pattern });
  }
  features.dispose();
  return { a1, a2, a3, a4, a5: await a5(tf, p, rng, progress) };
}

/** The training steps of A5's two nets over the runs (one loss per step), for the run-state guard. */
export function trainedSteps(runs: readonly SeedRun<LayersData>[]): number {
  return runs.reduce((sum, r) => sum + r.data.a5.plain.losses.length + r.data.a5.batchNorm.losses.length, 0);
}
