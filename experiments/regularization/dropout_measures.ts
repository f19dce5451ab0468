/**
 * The measurements behind the dropout and weight-penalty claims (D1–D4): the regularized loss at
 * tiny init, the fraction of units a mask zeroes, the slide's single neuron under all masks and
 * under random masks, and the expectation property of vanilla, inverted and the library's dropout.
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { Rng } from "../../lib/rng.ts";
import { softmaxCrossEntropy } from "../../lib/nn/softmax_cross_entropy.ts";
import {
  type DropoutKind,
  dropoutTest,
  dropoutTrain,
  enumerateNeuronMasks,
  type Fault,
  keepMask,
  rateFromKeep,
} from "./dropout.ts";

/** D1: the losses of the lecture's 2-layer net at `W = scale·randn`. */
export interface RegLoss {
  dataLoss: number;
  /** `0.5·λ2·ΣW²`, computed by the backend. */
  l2Term: number;
  /** `λ1·Σ|W|`, computed by the backend. */
  l1Term: number;
  /** ΣW² and Σ|W| of the same weights, summed in float64 from the drawn numbers. */
  sumSq: number;
  sumAbs: number;
  weights: number;
}

/** D1: data loss and penalty terms of a 2-layer ReLU net (`hidden` units) on the batch `x`, `y`. */
export async function regularizedLoss(
  tf: typeof tfjs,
  x: tfjs.Tensor2D,
  y: tfjs.Tensor2D,
  rng: Rng,
  o: { hidden: number; scale: number; l2: number; l1: number; fault?: Fault },
): Promise<RegLoss> {
  const [din, classes] = [x.shape[1], y.shape[1]];
  const w1 = rng.normals(din * o.hidden, o.scale), w2 = rng.normals(o.hidden * classes, o.scale);
  let sumSq = 0, sumAbs = 0;
  for (const w of [w1, w2]) {
    for (let i = 0; i < w.length; i++) {
      sumSq += w[i] * w[i];
      sumAbs += Math.abs(w[i]);
    }
  }
  const out = tf.tidy(() => {
    const W1 = tf.tensor2d(w1, [din, o.hidden]), W2 = tf.tensor2d(w2, [o.hidden, classes]);
    const logits = tf.matMul(tf.relu(tf.matMul(x, W1)), W2);
    const sq = tf.add(tf.sum(tf.square(W1)), tf.sum(tf.square(W2)));
    const abs = tf.add(tf.sum(tf.abs(W1)), tf.sum(tf.abs(W2)));
    const half = o.fault === "l2-no-half" ? 1 : o.fault === "l2-minus" ? -0.5 : 0.5; // the code's ½ (or a bug)
    return [softmaxCrossEntropy(tf, y, logits), tf.mul(half * o.l2, sq), tf.mul(o.l1, abs)];
  });
  const [dataLoss, l2Term, l1Term] = await Promise.all(out.map(async (t) => (await t.data())[0]));
  tf.dispose(out);
  return { dataLoss, l2Term, l1Term, sumSq, sumAbs, weights: w1.length + w2.length };
}

/** D2: the fraction of units zeroed in each of `passes` forward passes, by the slides' mask and by `tf.dropout`. */
export async function zeroFractions(
  tf: typeof tfjs,
  rng: Rng,
  o: { units: number; batch: number; p: number; passes: number; fault?: Fault },
): Promise<{ slides: number[]; library: number[] }> {
  const ones = tf.ones([o.batch, o.units]);
  const slides: number[] = [], library: number[] = [];
  const zeros = async (t: tfjs.Tensor) => {
    const z = tf.tidy(() => tf.mean(tf.cast(tf.equal(t, 0), "float32")));
    const v = (await z.data())[0];
    tf.dispose([z, t]);
    return v;
  };
  for (let i = 0; i < o.passes; i++) {
    const mask = tf.tensor2d(keepMask(rng, o.batch * o.units, o.p, o.fault), [o.batch, o.units]);
    slides.push(await zeros(dropoutTrain(tf, ones, mask, o.p, "inverted", o.fault)));
    mask.dispose();
    library.push(await zeros(tf.dropout(ones, rateFromKeep(o.p, o.fault), undefined, rng.seedInt())));
  }
  ones.dispose();
  return { slides, library };
}

/** D3: the single neuron, exactly over its four masks and by Monte Carlo. */
export interface NeuronResult {
  masks: { mask: [number, number]; prob: number; a: number }[];
  /** Σ prob·a over the four masks, the outputs computed by the backend. */
  exact: number;
  /** The exact std of a over masks. */
  exactStd: number;
  /** The running Monte-Carlo mean and its standard error at each checkpoint. */
  mc: { samples: number; mean: number; stdErr: number }[];
}

/** D3: `a = w1·x + w2·y` with (vanilla) dropout on its two inputs. */
export async function neuronMasks(
  tf: typeof tfjs,
  rng: Rng,
  o: { w: [number, number]; input: [number, number]; p: number; checkpoints: number[]; fault?: Fault },
): Promise<NeuronResult> {
  const masks = enumerateNeuronMasks(o.w, o.input, o.p);
  const n = o.checkpoints[o.checkpoints.length - 1];
  const [aEnum, running, runningSq] = tf.tidy(() => {
    const w = tf.tensor1d(o.w), inp = tf.tensor1d(o.input);
    const neuron = (m: tfjs.Tensor2D) =>
      tf.sum(tf.mul(dropoutTrain(tf, tf.mul(inp, tf.onesLike(m)), m, o.p, "vanilla"), w), 1);
    const a = neuron(tf.tensor2d(masks.flatMap((m) => m.mask), [4, 2]));
    const sample = neuron(tf.tensor2d(keepMask(rng, 2 * n, o.p, o.fault), [n, 2]));
    return [a, tf.cumsum(sample), tf.cumsum(tf.square(sample))];
  });
  const [av, rv, qv] = await Promise.all([aEnum.data(), running.data(), runningSq.data()]);
  tf.dispose([aEnum, running, runningSq]);
  masks.forEach((m, i) => (m.a = av[i]));
  const exact = masks.reduce((s, m) => s + m.prob * m.a, 0);
  const second = masks.reduce((s, m) => s + m.prob * m.a * m.a, 0);
  const mc = o.checkpoints.map((k) => {
    const mean = rv[k - 1] / k, variance = Math.max(0, qv[k - 1] / k - mean * mean);
    return { samples: k, mean, stdErr: Math.sqrt(variance / k) };
  });
  return { masks, exact, exactStd: Math.sqrt(Math.max(0, second - exact * exact)), mc };
}

/** D4: how far the mean of K training-time outputs is from the test-time output, in standard errors. */
export interface ExpectationResult {
  /** Mean of z² over units, z = (MC mean − test output) / expected standard error; ≈ 1 when unbiased. */
  meanZ2: Record<DropoutKind, number>;
  /** The same for the wrong pairings: vanilla without test scaling, inverted with it. */
  wrongZ2: Record<DropoutKind, number>;
  library: {
    rate: number;
    /** Largest relative error of the kept outputs against h / p. */
    keptMaxRelErr: number;
    zeroFraction: number;
    /** Largest |output − input| at inference. */
    testMaxDiff: number;
    /** Whether one layer with a fixed seed drew the same mask on two calls. */
    sameMaskTwice: boolean;
  };
}

/** D4 on the activations `h` (1-D, positive): vanilla and inverted dropout by the slides, and `tf.layers.dropout`. */
export async function dropoutExpectation(
  tf: typeof tfjs,
  h: tfjs.Tensor1D,
  rng: Rng,
  o: { p: number; samples: number; fault?: Fault },
): Promise<ExpectationResult> {
  const units = h.shape[0], p = o.p, k = o.samples;
  const hv = await h.data();
  const meanZ2 = {} as Record<DropoutKind, number>, wrongZ2 = {} as Record<DropoutKind, number>;
  for (const kind of ["vanilla", "inverted"] as DropoutKind[]) {
    const mask = tf.tensor2d(keepMask(rng, k * units, p, o.fault), [k, units]);
    const mc = tf.tidy(() => tf.mean(dropoutTrain(tf, tf.mul(tf.onesLike(mask), h), mask, p, kind, o.fault), 0));
    const test = dropoutTest(tf, h, p, kind),
      other = dropoutTest(tf, h, p, kind === "vanilla" ? "inverted" : "vanilla");
    const [m, t, w] = await Promise.all([mc.data(), test.data(), other.data()]);
    tf.dispose([mask, mc, test, other]);
    // Var of one training output: h²·p(1−p) (vanilla), h²·(1−p)/p (inverted).
    const sd = (i: number) => Math.abs(hv[i]) * Math.sqrt((kind === "vanilla" ? p * (1 - p) : (1 - p) / p) / k);
    let z2 = 0, zw = 0, count = 0;
    for (let i = 0; i < units; i++) {
      if (hv[i] === 0) continue;
      z2 += ((m[i] - t[i]) / sd(i)) ** 2;
      zw += ((m[i] - w[i]) / sd(i)) ** 2;
      count++;
    }
    meanZ2[kind] = z2 / count;
    wrongZ2[kind] = zw / count;
  }
  const layer = tf.layers.dropout({ rate: rateFromKeep(p, o.fault), seed: rng.seedInt() });
  const outs = [
    layer.apply(h, { training: true }),
    layer.apply(h, { training: true }),
    layer.apply(h, { training: false }),
  ] as tfjs.Tensor[];
  const [a, b, c] = await Promise.all(outs.map((t) => t.data()));
  tf.dispose(outs);
  let keptMaxRelErr = 0, zeros = 0, testMaxDiff = 0, same = true;
  for (let i = 0; i < units; i++) {
    if (a[i] === 0) zeros++;
    else keptMaxRelErr = Math.max(keptMaxRelErr, Math.abs(a[i] - hv[i] / p) / Math.abs(hv[i] / p));
    testMaxDiff = Math.max(testMaxDiff, Math.abs(c[i] - hv[i]));
    if (a[i] !== b[i]) same = false;
  }
  return {
    meanZ2,
    wrongZ2,
    library: {
      rate: rateFromKeep(p, o.fault),
      keptMaxRelErr,
      zeroFraction: zeros / units,
      testMaxDiff,
      sameMaskTwice: same,
    },
  };
}
