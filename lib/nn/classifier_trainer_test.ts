import { assert, assertEquals } from "../std.ts";
import { createRng } from "../rng.ts";
import { initTwoLayerModel } from "./two_layer_net.ts";
import { isFiniteModel, train } from "./classifier_trainer.ts";
import { num, real } from "./real.ts";
import { initBackend, tf } from "../backend.ts";

await initBackend("auto");

function blobs(N: number, seed: number) {
  const r = createRng(seed), D = 8, X = new Float32Array(N * D), y = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    y[i] = i % 3;
    for (let k = 0; k < D; k++) X[i * D + k] = r.normal(k === y[i] ? 3 : 0, 1);
  }
  return { X, y, N, D };
}

Deno.test("train: full-batch SGD overfits a small set; one row per epoch, decayed lr", async () => {
  const data = blobs(30, 1);
  const m = initTwoLayerModel(8, 10, 3, createRng(2), 0.1);
  const rows = await train(tf, m, data, data, {
    reg: 0,
    learningRate: 0.5,
    sampleBatches: false,
    numEpochs: 200,
    learningRateDecay: 0.99,
  }, createRng(3));
  assertEquals(rows.length, 201);
  assertEquals(rows[0].epoch, 0);
  assert(rows[200].trainAcc === 1 && num(rows[200].cost) < 0.05, `acc ${rows[200].trainAcc}, cost ${rows[200].cost}`);
  assert(Math.abs(rows[3].lr - 0.5 * 0.99 ** 2) < 1e-12);
});

Deno.test("train: minibatch runs are reproducible from the seed", async () => {
  const data = blobs(300, 4);
  const run = () =>
    train(tf, initTwoLayerModel(8, 10, 3, createRng(5), 0.1), data, data, {
      reg: 1e-3,
      learningRate: 0.05,
      numEpochs: 3,
      batchSize: 50,
    }, createRng(6));
  assertEquals(await run(), await run());
});

Deno.test("train: a huge learning rate gives NaN/Inf and stops once the parameters are not finite", async () => {
  const data = blobs(300, 7);
  const m = initTwoLayerModel(8, 10, 3, createRng(8), 1e-4);
  const rows = await train(
    tf,
    m,
    data,
    data,
    { reg: 1e-6, learningRate: 1e300, numEpochs: 20, stopOnNonFinite: true },
    createRng(9),
  );
  assert(!Number.isFinite(num(rows[1].trainLoss)), `loss ${rows[1].trainLoss}`);
  assert(!isFiniteModel(m));
  assert(rows.length < 21, `${rows.length} rows`);
  const m2 = initTwoLayerModel(8, 10, 3, createRng(8), 1e-4);
  assertEquals(
    (await train(tf, m2, data, data, { reg: 1e-6, learningRate: 1e300, numEpochs: 20 }, createRng(9))).length,
    21,
  );
});

Deno.test("Real values survive JSON where NaN and Inf would not", () => {
  const xs = [1.5, NaN, Infinity, -Infinity];
  assertEquals(JSON.parse(JSON.stringify(xs.map(real))).map(num), xs);
});
