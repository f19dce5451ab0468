/**
 * Test-time augmentation (claim E5): predict n randomly augmented copies of each test image and
 * average the predicted probabilities. Measures the accuracy with and without, per example (for a
 * paired confidence interval), and the time of the forward passes and of the augmentation.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { type DenseNet, predictProbs } from "./dense_classifier.ts";

/** What {@link testTimeAugmentation} measures. */
export interface TtaResult {
  accPlain: number;
  accTta: number;
  /** Per-example paired differences (correct with TTA − correct without): their sum, sum of squares, count. */
  paired: { sum: number; sumSq: number; count: number };
  /** Best-of-`repeats` milliseconds (plain and n-copy passes alternate, so both see the same machine load): one forward pass of the test set, the n-copy forward pass, and making the copies. */
  ms: { plainForward: number; ttaForward: number; augment: number };
}

/** Runs each function `repeats` times, alternating between them, and keeps the best time of each. */
async function timedPair(
  fs: [() => tfjs.Tensor, () => tfjs.Tensor],
  repeats: number,
): Promise<{ ms: number; out: ArrayLike<number> }[]> {
  const res = fs.map(() => ({ ms: Infinity, out: [] as ArrayLike<number> }));
  for (let r = 0; r < repeats; r++) {
    for (const [i, f] of fs.entries()) {
      const t0 = performance.now();
      const t = f();
      res[i].out = await t.data();
      res[i].ms = Math.min(res[i].ms, performance.now() - t0);
      t.dispose();
    }
  }
  return res;
}

const argmaxRows = (p: ArrayLike<number>, classes: number) =>
  Array.from({ length: p.length / classes }, (_, i) => {
    let best = 0;
    for (let c = 1; c < classes; c++) if (p[i * classes + c] > p[i * classes + best]) best = c;
    return best;
  });

/**
 * Evaluates `net` on `images` ([N, H, W, C]) plainly and with `copies` augmented copies averaged;
 * `fault` plants a bug for the falsifier tests ("none" in real runs).
 */
export async function testTimeAugmentation(
  tf: typeof tfjs,
  net: DenseNet,
  images: tfjs.Tensor4D,
  labels: ArrayLike<number>,
  classes: number,
  copies: number,
  augment: (x: tfjs.Tensor4D, rng: Rng) => tfjs.Tensor4D,
  rng: Rng,
  repeats = 7,
  fault = "none",
): Promise<TtaResult> {
  const n = images.shape[0];
  const flat = tf.reshape(images, [n, -1]) as tfjs.Tensor2D;
  const t0 = performance.now();
  const parts = tf.tidy(() =>
    Array.from({ length: copies }, () => {
      const copy = tf.reshape(augment(images, rng), [n, -1]) as tfjs.Tensor2D;
      // The "tta-misaligned" fault: copy i belongs to image n − 1 − i.
      return fault === "tta-misaligned" ? tf.reverse(copy, 0) : copy;
    })
  );
  await Promise.all(parts.map((t) => t.data()));
  const augmentMs = performance.now() - t0;
  // n forward passes of the same size as the plain one, probabilities averaged.
  const [plain, tta] = await timedPair([
    () => predictProbs(tf, net, flat),
    () => tf.tidy(() => tf.div(tf.addN(parts.map((x) => predictProbs(tf, net, x))), copies)),
  ], repeats);
  tf.dispose([flat, ...parts]);
  const pPlain = argmaxRows(plain.out, classes), pTta = argmaxRows(tta.out, classes);
  let okPlain = 0, okTta = 0, sum = 0, sumSq = 0;
  for (let i = 0; i < n; i++) {
    const a = pPlain[i] === labels[i] ? 1 : 0, b = pTta[i] === labels[i] ? 1 : 0;
    okPlain += a;
    okTta += b;
    sum += b - a;
    sumSq += (b - a) ** 2;
  }
  return {
    accPlain: okPlain / n,
    accTta: okTta / n,
    paired: { sum, sumSq, count: n },
    ms: { plainForward: plain.ms, ttaForward: tta.ms, augment: augmentMs },
  };
}
