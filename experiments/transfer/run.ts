/**
 * The run of the transfer family: pretrain (or load) the source CNN, then train every strategy
 * in every cell of the lecture's table (E6).
 * @module
 */
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { type Dataset, subset } from "../../lib/data/dataset.ts";
import { disposeCnn } from "./small_cnn.ts";
import { fashionAvailable, loadFashionTest } from "./fashion_reader.ts";
import { makeTarget, permutePixels, selectClasses } from "./targets.ts";
import { pretrainedNet } from "./pretrain.ts";
import { runStrategy } from "./strategies.ts";
import { DIGIT_AUGMENTATION } from "../../lib/augment/pipeline.ts";
import { type StoredImage, storeImages } from "../../lib/report/image_grids.ts";
import { strategies } from "./cells.ts";
import type { P } from "./params.ts";
import type { Amount, Cell, Domain, TransferData } from "./types.ts";

async function differentData(p: P, digits: Dataset): Promise<Dataset> {
  const fashion = p.different === "fashion-mnist" || (p.different === "auto" && fashionAvailable());
  if (fashion) return selectClasses(await loadFashionTest(), p.differentClasses);
  return permutePixels(selectClasses(digits, p.targetClasses));
}

/** One seed: pretrains the source net (or takes it from the cache) and measures every cell. */
export async function run(
  { tf, params: p, rng, seed, cache, progress, backend, code }: RunContext<P>,
): Promise<TransferData> {
  if (p.channels.length < 1) throw new RangeError("channels must list at least one conv layer");
  const digits = loadEmbeddedMnist();
  const source = selectClasses(digits, p.sourceClasses, "mnist-source");
  const order = rng.fork("source").shuffle(Array.from({ length: source.count }, (_, i) => i));
  const held = Math.min(500, source.count - p.pretrainSize);
  if (held < 50) {
    throw new RangeError(`pretrainSize ${p.pretrainSize} leaves ${held} of ${source.count} source images`);
  }
  progress(0, 5, "pretraining (or cache)");
  const pre = await pretrainedNet(
    tf,
    cache,
    subset(source, order.slice(0, p.pretrainSize)),
    subset(source, order.slice(p.pretrainSize, p.pretrainSize + held)),
    {
      spec: { input: [28, 28, 1], channels: p.channels, dense: [p.denseWidth, p.sourceClasses.length] },
      steps: p.pretrainSteps,
      batch: p.pretrainBatch,
      lr: p.lr,
      seed,
      rngLabel: "pretrain",
      backend: backend.name,
      fault: p.fault,
      code,
      ...(p.pretrainAugment ? { augment: DIGIT_AUGMENTATION } : {}),
    },
    rng.fork("pretrain"),
  );
  const different = await differentData(p, digits);
  const domains: Record<Domain, Dataset> = {
    similar: selectClasses(digits, p.targetClasses, "mnist-target"),
    different,
  };
  const cells: Cell[] = [];
  const samples: StoredImage[] = [];
  try {
    let k = 1;
    for (const domain of ["similar", "different"] as Domain[]) {
      const target = makeTarget(domains[domain], p.much, p.testSize, rng.fork(`target-${domain}`));
      for (const amount of ["little", "much"] as Amount[]) {
        progress(k++, 5, `${domain} target, ${amount} data`);
        const perClass = amount === "little" ? Math.min(p.little, p.much) : p.much;
        const classes = domains[domain].classNames.length;
        const train = subset(target.pool, Array.from({ length: perClass * classes }, (_, i) => i));
        const acc: Record<string, number> = {}, correct: Record<string, string> = {};
        const steps: Record<string, number> = {};
        for (const [key, strategy, lrMult] of strategies(p)) {
          const r = await runStrategy(tf, pre.net, strategy, train, target.test, {
            steps: p.steps,
            batch: 50,
            lr: p.lr,
            lrMult,
            rng: rng.fork(`${domain}-${amount}-${strategy}`),
            fault: p.fault,
          });
          acc[key] = r.accuracy;
          correct[key] = r.correct;
          steps[key] = r.steps;
        }
        cells.push({ domain, amount, perClass, acc, correct, steps });
      }
      const show = tf.tensor4d(target.pool.images.slice(0, 8 * 784), [8, 28, 28, 1]);
      samples.push(
        ...await storeImages(show, Array.from(target.pool.labels.slice(0, 8), (l) => domains[domain].classNames[l])),
      );
      show.dispose();
    }
    const src = tf.tensor4d(source.images.slice(0, 8 * 784), [8, 28, 28, 1]);
    samples.unshift(...await storeImages(src, Array.from(source.labels.slice(0, 8), (l) => source.classNames[l])));
    src.dispose();
  } finally {
    disposeCnn(pre.net);
  }
  return {
    sourceAccuracy: pre.sourceAccuracy,
    pretrainKey: pre.key.replace(/^(transfer-pretrained; code )\w+/, "$1<the family's code>"),
    differentName: different.source,
    cells,
    samples,
  };
}

/**
 * The training steps every strategy executed in every cell, as the cells record them (the pretraining,
 * often taken from the cache, is not counted). 0 when no training loop ran a step; NaN (unknown, so not
 * flagged) for a result recorded before the counters existed.
 */
export function trainedSteps(runs: readonly SeedRun<TransferData>[]): number {
  const ofCell = (c: Cell) => (c.steps ? Object.values(c.steps).reduce((a, b) => a + b, 0) : NaN);
  return runs.reduce((sum, r) => sum + r.data.cells.reduce((s, c) => s + ofCell(c), 0), 0);
}
