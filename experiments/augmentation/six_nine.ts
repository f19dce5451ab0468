/**
 * Label preservation (claim E1): a classifier of 6 vs 9 is trained on upright digits, then
 * evaluated on flipped and rotated test digits. If a transformation preserves labels the
 * accuracy stays high; a 180° rotation turns a 6 into a 9, so the accuracy falls below chance.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { type Dataset, split, subset } from "../../lib/data/dataset.ts";
import { accuracy, createDenseNet, disposeNet, trainNet } from "./dense_classifier.ts";
import { flipHorizontal as hflip, flipVertical, rotate } from "../../lib/augment/geometric.ts";

/** Options of {@link sixNine}. */
export interface SixNineOptions {
  train: number;
  test: number;
  hidden: number;
  steps: number;
  lr: number;
  /** Rotation angles of the sweep, in degrees. */
  angles: number[];
  /** A planted bug (falsifier tests): "flip-off-by-one" reads column w − j instead of w − 1 − j. */
  fault?: string;
}

/** What {@link sixNine} measures. */
export interface SixNineResult {
  /** max |f(f(x)) − x| for the horizontal and the vertical flip, over the test digits and uniform noise. */
  involution: { horizontal: number; vertical: number };
  /** max |rotate(x, 180°) − vflip(hflip(x))|. */
  rotation180VsFlips: number;
  accuracy: { original: number; hflip: number; vflip: number; rot180: number };
  /** Accuracy against rotation angle. */
  sweep: { degrees: number; accuracy: number }[];
  /** Training steps the classifier executed (counted in the training loop). */
  trainSteps: number;
}

/** Trains the 6-vs-9 classifier and measures it on transformed test digits. */
export async function sixNine(tf: typeof tfjs, ds: Dataset, rng: Rng, o: SixNineOptions): Promise<SixNineResult> {
  const idx: number[] = [];
  for (let i = 0; i < ds.count; i++) if (ds.labels[i] === 6 || ds.labels[i] === 9) idx.push(i);
  const pair = subset(ds, idx);
  pair.labels = pair.labels.map((l) => (l === 6 ? 0 : 1));
  pair.classNames = ["6", "9"];
  const s = split(pair, { train: o.train, val: 0, test: o.test }, rng.fork("split"));
  const shape: [number, number] = [-1, ds.width * ds.height * ds.channels];
  const xTrain = tf.tensor2d(s.train.images, [s.train.count, ds.width * ds.height * ds.channels]);
  const xTest = tf.tensor4d(s.test.images, [s.test.count, ds.height, ds.width, ds.channels]);
  const net = createDenseNet(tf, [ds.width * ds.height * ds.channels, o.hidden, 2], rng.fork("init"));
  const flipHorizontal = (t: tfjs.Tensor4D, w = ds.width): tfjs.Tensor4D =>
    o.fault === "flip-off-by-one"
      ? tf.tidy(() => {
        // out[j] = in[min(w − 1, w − j)]: the mirrored image shifted by one column, edge repeated.
        const r = hflip(tf, t);
        return tf.concat(
          [tf.slice(r, [0, 0, 0, 0], [-1, -1, 1, -1]), tf.slice(r, [0, 0, 0, 0], [-1, -1, w - 1, -1])],
          2,
        );
      })
      : hflip(tf, t);
  try {
    const counter = { count: 0 };
    await trainNet(tf, net, xTrain, s.train.labels, 2, {
      lr: o.lr,
      steps: o.steps,
      batch: 50,
      rng: rng.fork("train"),
      stepCounter: counter,
    });
    const acc = async (t: tfjs.Tensor4D) => {
      const flat = tf.reshape(t, shape) as tfjs.Tensor2D;
      const a = await accuracy(tf, net, flat, s.test.labels);
      tf.dispose([flat, t]);
      return a;
    };
    const maxDiff = async (a: tfjs.Tensor, b: tfjs.Tensor) => {
      const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
      const v = (await d.data())[0];
      tf.dispose([a, b, d]);
      return v;
    };
    // Digits have empty borders, so the involution is also measured on uniform noise (ink up to every edge).
    const noiseRng = rng.fork("noise");
    const noise = tf.tensor4d(Array.from({ length: 8 * ds.height * ds.width }, () => noiseRng.next()), [
      8,
      ds.height,
      ds.width,
      1,
    ]);
    const involution = {
      horizontal: Math.max(
        await maxDiff(tf.tidy(() => flipHorizontal(flipHorizontal(xTest))), xTest.clone()),
        await maxDiff(tf.tidy(() => flipHorizontal(flipHorizontal(noise))), noise.clone()),
      ),
      vertical: Math.max(
        await maxDiff(tf.tidy(() => flipVertical(tf, flipVertical(tf, xTest))), xTest.clone()),
        await maxDiff(tf.tidy(() => flipVertical(tf, flipVertical(tf, noise))), noise.clone()),
      ),
    };
    noise.dispose();
    const rotation180VsFlips = await maxDiff(
      rotate(tf, xTest, new Array(s.test.count).fill(Math.PI)),
      tf.tidy(() => flipVertical(tf, flipHorizontal(xTest))),
    );
    const accuracyOf = {
      original: await acc(xTest.clone()),
      hflip: await acc(flipHorizontal(xTest)),
      vflip: await acc(flipVertical(tf, xTest)),
      rot180: await acc(rotate(tf, xTest, new Array(s.test.count).fill(Math.PI))),
    };
    const sweep = [];
    for (const degrees of o.angles) {
      sweep.push({
        degrees,
        accuracy: await acc(rotate(tf, xTest, new Array(s.test.count).fill((degrees * Math.PI) / 180))),
      });
    }
    return { involution, rotation180VsFlips, accuracy: accuracyOf, sweep, trainSteps: counter.count };
  } finally {
    disposeNet(net);
    tf.dispose([xTrain, xTest]);
  }
}
