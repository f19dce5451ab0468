/**
 * The transfer-learning strategies of the slides, on a pretrained dense net: a linear classifier
 * on frozen features (of the top or of an earlier layer), fine-tuning the top layers or all
 * layers (with a learning-rate multiplier for the pretrained ones), or training from scratch.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../rng.ts";
import type { Dataset } from "../data/dataset.ts";
import {
  accuracy,
  copyLayers,
  createDenseNet,
  createLayer,
  type DenseNet,
  disposeNet,
  forward,
  trainNet,
} from "../nn/dense_classifier.ts";

/** The strategies, as on the slides. */
export type Strategy = "scratch" | "linear-top" | "linear-layer1" | "finetune-top" | "finetune-all";

/** Words for the report. */
export const STRATEGY_NAMES: Record<Strategy, string> = {
  "scratch": "train from scratch",
  "linear-top": "linear classifier on top features (frozen)",
  "linear-layer1": "linear classifier on layer-1 features (frozen)",
  "finetune-top": "fine-tune top layer + new head",
  "finetune-all": "fine-tune all layers + new head",
};

/** Pretrained layers each strategy keeps frozen (the rest of the pretrained body is trained or dropped). */
const FROZEN: Record<Exclude<Strategy, "scratch">, { frozen: number; keep: number }> = {
  "linear-top": { frozen: 2, keep: 2 },
  "linear-layer1": { frozen: 1, keep: 1 },
  "finetune-top": { frozen: 1, keep: 2 },
  "finetune-all": { frozen: 0, keep: 2 },
};

/** Options of {@link runStrategy}. */
export interface StrategyOptions {
  steps: number;
  batch: number;
  /** The base learning rate (the pretraining one); the new head always trains at it. */
  lr: number;
  /** Multiplier of the learning rate of the pretrained layers that are fine-tuned. */
  lrMult: number;
  rng: Rng;
}

/** Trains one strategy on `train` and returns its accuracy on `test`. `pre` has ≥ 2 hidden layers. */
export async function runStrategy(
  tf: typeof tfjs,
  pre: DenseNet,
  strategy: Strategy,
  train: Dataset,
  test: Dataset,
  o: StrategyOptions,
): Promise<number> {
  const classes = train.classNames.length;
  const d = train.width * train.height * train.channels;
  const xTrain = tf.tensor2d(train.images, [train.count, d]), xTest = tf.tensor2d(test.images, [test.count, d]);
  let net: DenseNet, fTrain: tfjs.Tensor2D, fTest: tfjs.Tensor2D, lrScale: number[];
  if (strategy === "scratch") {
    const sizes = [d, ...pre.layers.slice(0, 2).map((l) => l.w.shape[1] as number), classes];
    net = createDenseNet(tf, sizes, o.rng.fork("init"));
    [fTrain, fTest, lrScale] = [xTrain.clone(), xTest.clone(), net.layers.map(() => 1)];
  } else {
    const { frozen, keep } = FROZEN[strategy];
    const width = pre.layers[keep - 1].w.shape[1] as number;
    const head = createLayer(tf, width, classes, o.rng.fork("head"), true);
    net = copyLayers(tf, pre, frozen, keep, [head]);
    // Frozen features: the pretrained layers [0, frozen), each followed by its ReLU.
    fTrain = frozen === 0 ? xTrain.clone() : forward(tf, pre, xTrain, 0, frozen);
    fTest = frozen === 0 ? xTest.clone() : forward(tf, pre, xTest, 0, frozen);
    lrScale = net.layers.map((_, i) => (i < keep - frozen ? o.lrMult : 1));
  }
  await trainNet(tf, net, fTrain, train.labels, classes, {
    lr: o.lr,
    lrScale,
    steps: o.steps,
    batch: o.batch,
    rng: o.rng.fork("order"),
  });
  const acc = await accuracy(tf, net, fTest, test.labels);
  disposeNet(net);
  tf.dispose([xTrain, xTest, fTrain, fTest]);
  return acc;
}
