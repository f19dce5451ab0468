/**
 * The transfer-learning strategies of the slides, on a pretrained small CNN: a linear classifier
 * on frozen features (of the top hidden layer or of the first conv layer), fine-tuning the top
 * layer or all layers (with a learning-rate multiplier for the pretrained ones), or training the
 * same architecture from scratch.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Dataset } from "../../lib/data/dataset.ts";
import type { Rng } from "../../lib/rng.ts";
import {
  cnnCorrectness,
  copyCnnLayers,
  createDenseLayer,
  createSmallCnn,
  disposeCnn,
  forwardCnn,
  type SmallCnn,
  trainCnn,
} from "./small_cnn.ts";
import { imagesOf } from "./pretrain.ts";

/** The strategies, as on the slides. */
export type Strategy = "scratch" | "linear-top" | "linear-layer1" | "finetune-top" | "finetune-all";

/** Words for the report. */
export const STRATEGY_NAMES: Record<Strategy, string> = {
  "scratch": "train the same CNN from scratch",
  "linear-top": "linear classifier on top features (frozen)",
  "linear-layer1": "linear classifier on conv-1 features (frozen)",
  "finetune-top": "fine-tune top hidden layer + new head",
  "finetune-all": "fine-tune all layers + new head",
};

/**
 * Pretrained layers each strategy keeps frozen ([0, frozen)) and keeps at all ([0, keep)), for a
 * pretrained body of `body` layers (all but the source head).
 */
export function layersOf(strategy: Exclude<Strategy, "scratch">, body: number): { frozen: number; keep: number } {
  switch (strategy) {
    case "linear-top":
      return { frozen: body, keep: body };
    case "linear-layer1":
      return { frozen: 1, keep: 1 };
    case "finetune-top":
      return { frozen: body - 1, keep: body };
    case "finetune-all":
      return { frozen: 0, keep: body };
  }
}

/** Options of {@link runStrategy}. */
export interface StrategyOptions {
  steps: number;
  batch: number;
  /** The base learning rate (the pretraining one); the new head always trains at it. */
  lr: number;
  /** Multiplier of the learning rate of the pretrained layers that are fine-tuned. */
  lrMult: number;
  rng: Rng;
  /** A planted bug (falsifier tests): "features-zeros" computes the frozen features from zeros. */
  fault?: string;
}

/** What {@link runStrategy} measures on the test set. */
export interface StrategyResult {
  accuracy: number;
  /** Per test image, "1" when classified correctly, else "0" (for paired comparisons). */
  correct: string;
  /** Training steps executed (counted in the training loop). */
  steps: number;
}

/** Number of features of the first `keep` layers of `pre` for one image of `ds`'s shape. */
function featureSize(tf: typeof tfjs, pre: SmallCnn, keep: number, ds: Dataset): number {
  const f = tf.tidy(() => forwardCnn(tf, pre, tf.zeros([1, ds.height, ds.width, ds.channels]), 0, keep));
  const size = f.size;
  f.dispose();
  return size;
}

/** Trains one strategy on `train` and measures it on `test`. `pre` has ≥ 2 layers before its head. */
export async function runStrategy(
  tf: typeof tfjs,
  pre: SmallCnn,
  strategy: Strategy,
  train: Dataset,
  test: Dataset,
  o: StrategyOptions,
): Promise<StrategyResult> {
  const classes = train.classNames.length;
  const body = pre.layers.length - 1;
  if (body < 2) throw new RangeError(`runStrategy: the pretrained net has ${body} layers before its head, needs 2`);
  const xTrain = imagesOf(tf, train), xTest = imagesOf(tf, test);
  let net: SmallCnn, fTrain: tfjs.Tensor, fTest: tfjs.Tensor, lrScale: number[];
  if (strategy === "scratch") {
    const spec = {
      input: [train.height, train.width, train.channels] as [number, number, number],
      channels: pre.layers.filter((l) => l.kind === "conv").map((l) => l.w.shape[3] as number),
      dense: [...pre.layers.filter((l) => l.kind === "dense").slice(0, -1).map((l) => l.w.shape[1] as number), classes],
    };
    net = createSmallCnn(tf, spec, o.rng.fork("init"));
    [fTrain, fTest, lrScale] = [xTrain.clone(), xTest.clone(), net.layers.map(() => 1)];
  } else {
    const { frozen, keep } = layersOf(strategy, body);
    const head = createDenseLayer(tf, featureSize(tf, pre, keep, train), classes, o.rng.fork("head"), true);
    net = copyCnnLayers(tf, pre, frozen, keep, [head]);
    // Frozen features: the pretrained layers [0, frozen), each followed by its ReLU (and pooling).
    // The "features-zeros" fault feeds them a zero tensor of the images' shape instead of the images.
    const feed = (x: tfjs.Tensor) => o.fault === "features-zeros" ? tf.zerosLike(x) : x;
    fTrain = frozen === 0 ? xTrain.clone() : tf.tidy(() => forwardCnn(tf, pre, feed(xTrain), 0, frozen));
    fTest = frozen === 0 ? xTest.clone() : tf.tidy(() => forwardCnn(tf, pre, feed(xTest), 0, frozen));
    lrScale = net.layers.map((_, i) => (i < keep - frozen ? o.lrMult : 1));
  }
  const counter = { count: 0 };
  await trainCnn(tf, net, fTrain, train.labels, classes, {
    lr: o.lr,
    lrScale,
    steps: o.steps,
    batch: o.batch,
    rng: o.rng.fork("order"),
    stepCounter: counter,
  });
  const ok = await cnnCorrectness(tf, net, fTest, test.labels);
  disposeCnn(net);
  tf.dispose([xTrain, xTest, fTrain, fTest]);
  return {
    accuracy: ok.reduce((a, b) => a + b, 0) / Math.max(1, ok.length),
    correct: ok.join(""),
    steps: counter.count,
  };
}
