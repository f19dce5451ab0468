/**
 * The run of the deep-init family: one seed's comparisons of Kaiming, Xavier and 0.01·randn on a deep
 * ReLU net trained on real digits, all nets side by side in one stack (deep_net.ts).
 * @module
 */
import type * as tfjs from "@tensorflow/tfjs";
import type { RunContext, SeedRun } from "../../lib/experiment.ts";
import { loadEmbeddedMnist } from "../../lib/data/mnist.ts";
import { split } from "../../lib/data/dataset.ts";
import { poolImages } from "../../lib/data/reshape.ts";
import { createStack, disposeStack, layerScales, trainStack } from "./deep_net.ts";
import { INITS, initStd } from "./inits.ts";
import { standardize } from "./standardize.ts";
import type { P } from "./params.ts";
import type { Comparison, DeepInitData } from "./types.ts";

/** One seed: `repeats` comparisons, each with its own subset ("split-r"), draws ("init-r") and batches ("batches-r"). */
export async function run({ tf, params: p, rng, progress }: RunContext<P>): Promise<DeepInitData> {
  const digits = poolImages(loadEmbeddedMnist(), p.pool);
  const D = digits.width * digits.height * digits.channels, classes = digits.classNames.length;
  const dims = [D, ...new Array<number>(p.depth).fill(p.width), classes];
  const R = p.repeats, K = INITS.length, N = p.trainSize, E = Math.min(p.evalSize, N);
  progress(0, 3, "digits and initial weights");
  const pixels = new Float32Array(R * N * D), labels = new Int32Array(R * N);
  let pixelStd = 0;
  const weights: Float32Array[][] = [], drawn: number[][] = [];
  for (let r = 0; r < R; r++) {
    const part = split(digits, { train: N, val: 0, test: 0 }, rng.fork(`split-${r}`)).train;
    const s = standardize(part.images, N, D);
    pixelStd += s.std / R;
    pixels.set(s.x, r * N * D);
    part.labels.forEach((c, j) => (labels[r * N + j] = c));
    const draws = rng.fork(`init-${r}`);
    const z = dims.slice(0, -1).map((din, l) => draws.normals(din * dims[l + 1]));
    for (const init of INITS) {
      const stds = dims.slice(0, -1).map((din) => initStd(init, din, D, p.fault));
      weights.push(z.map((zl, l) => zl.map((v) => v * stds[l])));
      drawn.push(stds);
    }
  }
  // Net n = r·K + i (repeat r, init i) sees repeat r's digits: rows r·N + j of xAll.
  const evalRows = new Int32Array(R * K * E).map((_, k) => Math.floor(k / (K * E)) * N + (k % E));
  const batchRng = Array.from({ length: R }, (_, r) => rng.fork(`batches-${r}`));
  const batchRows = () => {
    const rows = new Int32Array(R * K * p.batch);
    for (let r = 0; r < R; r++) {
      for (let b = 0; b < p.batch; b++) {
        const j = r * N + batchRng[r].int(N);
        for (let i = 0; i < K; i++) rows[(r * K + i) * p.batch + b] = j;
      }
    }
    return rows;
  };
  const [xAll, yAll] = tf.tidy(() => [
    tf.tensor2d(pixels, [R * N, D]),
    tf.oneHot(tf.tensor1d(labels, "int32"), classes).toFloat(),
  ]) as [tfjs.Tensor2D, tfjs.Tensor2D];
  const [xEval, yEval] = tf.tidy(() => {
    const rows = tf.tensor1d(evalRows, "int32");
    return [tf.reshape(tf.gather(xAll, rows), [R * K, E, D]), tf.reshape(tf.gather(yAll, rows), [R * K, E, classes])];
  }) as [tfjs.Tensor3D, tfjs.Tensor3D];
  const stack = createStack(tf, dims, weights);
  try {
    progress(1, 3, "per-layer scales before training");
    const scales = await layerScales(tf, stack, xEval, yEval);
    progress(2, 3, `${R * K} nets of depth ${p.depth}, ${p.steps} SGD steps`);
    const curve = await trainStack(tf, stack, { xAll, yAll, xEval, yEval }, {
      steps: p.steps,
      lr: p.lr,
      momentum: p.momentum,
      every: p.every,
      batch: p.batch,
      batchRows,
    });
    const comparisons: Comparison[] = [];
    for (let r = 0; r < R; r++) {
      const net = (i: number) => {
        const n = r * K + i;
        return {
          loss: curve.map((c) => c.loss[n]),
          accuracy: curve.map((c) => c.accuracy[n]),
          actStd: scales.actStd[n],
          gradRms: scales.gradRms[n],
          drawnStd: drawn[n],
        };
      };
      comparisons.push({ steps: curve.map((c) => c.step), kaiming: net(0), xavier: net(1), small: net(2) });
    }
    return { inputs: D, pixelStd, comparisons };
  } finally {
    disposeStack(tf, stack);
    tf.dispose([xAll, yAll, xEval, yEval]);
  }
}

/** The training steps the runs executed (the last measured step of every comparison), for the run-state guard. */
export function trainedSteps(runs: readonly SeedRun<DeepInitData>[]): number {
  return runs.reduce((sum, r) => sum + r.data.comparisons.reduce((s, c) => s + (c.steps.at(-1) ?? 0), 0), 0);
}
