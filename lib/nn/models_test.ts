import { assert } from "../std.ts";
import * as tf from "@tensorflow/tfjs";
import { type BatchModel, range, softmaxRegression } from "./softmax_regression.ts";
import { twoLayerNet } from "./two_layer.ts";
import { loadEmbeddedMnist } from "../data/mnist.ts";
import { subset } from "../data/dataset.ts";
import { createRng } from "../rng.ts";

const ds = subset(loadEmbeddedMnist(), range(40));

/** Centred finite differences on a few coordinates; returns the worst relative error. */
async function gradCheck(
  model: BatchModel,
  params: Float32Array,
  coords: number[],
) {
  const idx = range(20);
  const { grad } = await model.lossGrad(params, idx);
  let worst = 0;
  for (const c of coords) {
    const up = Float32Array.from(params), down = Float32Array.from(params);
    const h = 1e-3;
    up[c] += h;
    down[c] -= h;
    const num = ((await model.loss(up, idx)) - (await model.loss(down, idx))) / (up[c] - down[c]);
    worst = Math.max(worst, Math.abs(num - grad[c]) / Math.max(1e-3, Math.abs(num) + Math.abs(grad[c])));
  }
  return worst;
}

Deno.test("softmax regression: loss ln 10 at zero, gradient matches finite differences", async () => {
  const m = softmaxRegression(ds);
  const zero = new Float32Array(m.size);
  assert(Math.abs((await m.loss(zero, range(40))) - Math.log(10)) < 1e-9);
  const p = createRng(1).normals(m.size, 0.05);
  // pixels with ink in several images (around the centre), and biases
  const worst = await gradCheck(m, p, [14 * 28 * 10 + 14 * 10 + 3, 13 * 28 * 10 + 15 * 10 + 7, m.size - 1, m.size - 5]);
  assert(worst < 1e-3, `relative error ${worst}`);
});

Deno.test("two-layer net: tfjs gradient of the flat vector matches finite differences, no leaks", async () => {
  await tf.setBackend("cpu");
  const net = twoLayerNet(tf, ds, 8);
  const p = net.init(createRng(2));
  const before = tf.memory().numTensors;
  const coords = [14 * 28 * 8 + 14 * 8 + 1, 784 * 8 + 3, 784 * 8 + 8 + 5, net.size - 2];
  const worst = await gradCheck(net, p, coords);
  assert(worst < 1e-2, `relative error ${worst}`);
  assert(tf.memory().numTensors === before, "tensors leaked");
});
