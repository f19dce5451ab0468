/**
 * The run of the augmentation experiment: the 6-vs-9 classifier (E1), the augmentation
 * measurements (E2, E3), the image grids, training with and without augmentation (E4) and
 * test-time augmentation (E5).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import type { Rng } from "../../lib/rng.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { type Dataset, subset } from "../../lib/data/dataset.ts";
import { augmentBatch, type AugmentOptions } from "../../lib/augment/pipeline.ts";
import { fitPcaColour } from "../../lib/augment/colour.ts";
import { colouriseDigits, readAsPlanar } from "./colour_digits.ts";
import { correctness, createDenseNet, type DenseNet, disposeNet, trainNet } from "./dense_classifier.ts";
import { measureCropSampler, measurePcaFit } from "./fit_checks.ts";
import { pairedSums } from "./paired.ts";
import { measureCropScale, measureElastic, measureJitter, measurePca } from "./measure.ts";
import { sixNine } from "./six_nine.ts";
import { testTimeAugmentation } from "./tta.ts";
import { makeShowcase } from "./showcase.ts";
import type { P } from "./params.ts";
import type { AugData, SizeResult } from "./types.ts";

/** The training augmentation; `strength` scales every range (zoom in log space). */
const augOptions = (p: P, strength = 1): AugmentOptions => ({
  // The "crop-noop" fault: the crop options are lost on the way (zoom [1, 1], no shift).
  zoom: p.fault === "crop-noop" ? [1, 1] : [p.zoom[0] ** strength, (p.zoom[1] ?? p.zoom[0]) ** strength],
  pad: p.fault === "crop-noop" ? 0 : p.pad * strength,
  maxDegrees: p.maxDegrees * strength,
  grid: p.grid,
  sigma: p.sigma * strength,
  brightness: 0,
  contrast: 0,
});

/** Disjoint indices: a training pool and a test set, seeded. */
function pickIndices(ds: Dataset, rng: Rng, train: number, test: number) {
  const order = rng.shuffle(Array.from({ length: ds.count }, (_, i) => i));
  return { train: order.slice(0, train), test: order.slice(train, train + test) };
}

const tensor4 = (tf: typeof tfjs, ds: Dataset) => tf.tensor4d(ds.images, [ds.count, ds.height, ds.width, ds.channels]);

/** One seed's run of the augmentation experiment. */
export async function run({ tf, params: p, rng, progress }: RunContext<P>): Promise<AugData> {
  const ds = loadEmbeddedMnist();
  const total = 4 + p.trainSizes.length;
  progress(0, total, "6 vs 9 classifier (E1)");
  const e1 = await sixNine(tf, ds, rng.fork("e1"), {
    train: p.sixNineTrain,
    test: p.sixNineTest,
    hidden: 32,
    steps: 150,
    lr: p.lr,
    angles: [0, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180],
    fault: p.fault,
  });
  progress(1, total, "crops, jitter, PCA colour, elastic (E2, E3)");
  const picked = pickIndices(ds, rng.fork("check"), p.checkImages, 0).train;
  const check = subset(ds, picked);
  const colourAll = colouriseDigits(
    subset(ds, pickIndices(ds, rng.fork("pca"), p.pcaImages, 0).train),
    rng.fork("ink"),
  );
  const pcaFit = fitPcaColour(p.fault === "pca-planar" ? readAsPlanar(colourAll) : colourAll);
  const pcaFitCheck = measurePcaFit(colourAll, pcaFit);
  const colourCheck = subset(
    colourAll,
    Array.from({ length: Math.min(p.checkImages, colourAll.count) }, (_, i) => i),
  );
  const grey = tensor4(tf, check), colour = tensor4(tf, colourCheck);
  const crop = await measureCropScale(tf, grey, rng.fork("crop"), [Math.min(p.zoom[0], 1), 1]);
  const [maxB, maxC] = p.fault === "jitter-swapped"
    ? [p.maxContrast, p.maxBrightness]
    : [p.maxBrightness, p.maxContrast];
  const jitter = await measureJitter(tf, colour, rng.fork("jitter"), maxB, maxC);
  const opts = augOptions(p);
  const sampler = measureCropSampler(rng.fork("crop-sampler"), 2000, ds.height, opts, {
    zoom: [p.zoom[0], p.zoom[1] ?? p.zoom[0]],
    pad: p.pad,
  });
  const pca = await measurePca(tf, colour, pcaFit, rng.fork("pca-alpha"), p.alphaStd);
  const elastic = await measureElastic(tf, grey, rng.fork("elastic"), p.grid, p.sigma);
  tf.dispose([grey, colour]);

  progress(2, total, "image grids");
  const sixes = [], nines = [];
  for (let i = 0; i < ds.count && (sixes.length < 2 || nines.length < 2); i++) {
    if (ds.labels[i] === 6 && sixes.length < 2) sixes.push(i);
    if (ds.labels[i] === 9 && nines.length < 2) nines.push(i);
  }
  const showGrey = tensor4(tf, subset(ds, [...sixes, ...nines]));
  const showColour = tensor4(tf, subset(colourAll, [0, 1, 2, 3]));
  const showcase = await makeShowcase(tf, showGrey, showColour, pcaFit, rng.fork("show"), {
    ...augOptions(p),
    alphaStd: p.alphaStd,
    maxBrightness: p.maxBrightness,
    maxContrast: p.maxContrast,
  });
  tf.dispose([showGrey, showColour]);

  const maxSize = Math.max(...p.trainSizes);
  const split = pickIndices(ds, rng.fork("e4-split"), maxSize, p.testSize);
  const test = subset(ds, split.test);
  const xTest = tf.tensor2d(test.images, [test.count, 784]);
  const augment = (x: tfjs.Tensor4D, r: Rng) => augmentBatch(tf, x, r, opts);
  const sizes: SizeResult[] = [];
  let tta: AugData["tta"] | undefined;
  const smallest = Math.min(...p.trainSizes);
  for (const [k, size] of [...p.trainSizes].sort((a, b) => a - b).entries()) {
    progress(3 + k, total, `train on ${size} digits with and without augmentation (E4)`);
    const train = subset(ds, split.train.slice(0, size));
    const xTrain = tf.tensor2d(train.images, [size, 784]);
    const nets: DenseNet[] = [];
    const steps = { none: { count: 0 }, aug: { count: 0 } };
    for (const withAug of [false, true]) {
      // Common random numbers: both arms start from the same weights and see the same batch order;
      // the augmentation draws from its own stream.
      const net = createDenseNet(tf, [784, p.hidden, 10], rng.fork(`init-${size}`));
      await trainNet(tf, net, xTrain, train.labels, 10, {
        lr: p.lr,
        steps: p.steps,
        batch: 50,
        rng: rng.fork(`order-${size}`),
        stepCounter: withAug ? steps.aug : steps.none,
        ...(withAug
          ? { augment, imageShape: [28, 28, 1] as [number, number, number], augmentRng: rng.fork(`augment-${size}`) }
          : {}),
      });
      nets.push(net);
    }
    const [okNone, okAug] = [
      await correctness(tf, nets[0], xTest, test.labels),
      await correctness(tf, nets[1], xTest, test.labels),
    ];
    sizes.push({
      size,
      accNone: okNone.reduce((a, b) => a + b, 0) / okNone.length,
      accAug: okAug.reduce((a, b) => a + b, 0) / okAug.length,
      paired: pairedSums(okAug, okNone),
      steps: { none: steps.none.count, aug: steps.aug.count },
    });
    if (size === smallest) {
      progress(3 + k, total, `test-time augmentation, n = ${p.ttaCopies} (E5)`);
      const ttaSet = subset(test, Array.from({ length: Math.min(p.ttaSize, test.count) }, (_, i) => i));
      const x4 = tensor4(tf, ttaSet);
      const mild = augOptions(p, p.ttaStrength);
      const run = (net: DenseNet, label: string, o: AugmentOptions) =>
        testTimeAugmentation(
          tf,
          net,
          x4,
          ttaSet.labels,
          10,
          p.ttaCopies,
          (x, r) => augmentBatch(tf, x, r, o),
          rng.fork(label),
          15,
          p.fault,
        );
      tta = {
        augmented: await run(nets[1], "tta-aug", mild),
        plainModel: await run(nets[0], "tta-plain", mild),
        fullStrength: await run(nets[1], "tta-full", opts),
      };
      x4.dispose();
    }
    nets.forEach(disposeNet);
    xTrain.dispose();
  }
  xTest.dispose();
  return { e1, crop, sampler, jitter, pca, pcaFit: pcaFitCheck, elastic, sizes, tta: tta!, showcase };
}

/**
 * The training steps the runs executed, as their data records them: the 6-vs-9 classifier's (E1) and
 * both arms' at every training-set size (E4). 0 when every training loop ran no step; NaN (unknown, so
 * not flagged) for a result recorded before the counters existed.
 */
export function trainedSteps(runs: readonly SeedRun<AugData>[]): number {
  const arms = (z: SizeResult) => (z.steps ? z.steps.none + z.steps.aug : NaN);
  return runs.reduce(
    (sum, r) => sum + (r.data.e1.trainSteps ?? NaN) + r.data.sizes.reduce((s, z) => s + arms(z), 0),
    0,
  );
}
