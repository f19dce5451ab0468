import { assert, assertEquals, assertThrows } from "../../lib/std.ts";

const assertAlmostEquals = (a: number, b: number, tol: number) => assert(Math.abs(a - b) <= tol, `${a} vs ${b}`);
import { initBackend, tf } from "../../lib/backend.ts";
import { createRng } from "../../lib/rng.ts";
import {
  cnnAccuracy,
  cnnFromJSON,
  cnnToJSON,
  copyCnnLayers,
  createSmallCnn,
  disposeCnn,
  flatSize,
  forwardCnn,
  trainCnn,
} from "./small_cnn.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

const spec = { input: [8, 8, 1] as [number, number, number], channels: [3, 4], dense: [6, 2] };

/** Images with a bright left (class 0) or right (class 1) half, plus noise. */
function halves(n: number) {
  const rng = createRng(5);
  const px: number[] = [], labels: number[] = [];
  for (let i = 0; i < n; i++) {
    labels.push(i % 2);
    for (let r = 0; r < 8; r++) {
      for (let c = 0; c < 8; c++) px.push(((c < 4) === (i % 2 === 0) ? 0.8 : 0) + rng.uniform(0, 0.2));
    }
  }
  return { x: tf.tensor4d(px, [n, 8, 8, 1]), labels };
}

Deno.test("small CNN: shapes, conv+pool feature sizes, JSON round trip, copies", async () => {
  const before = tf.memory().numTensors;
  const net = createSmallCnn(tf, spec, createRng(1));
  assertEquals(net.layers.map((l) => l.kind), ["conv", "conv", "dense", "dense"]);
  assertEquals(flatSize(spec), 2 * 2 * 4);
  assertEquals(net.layers[2].w.shape, [16, 6]);
  const x = tf.ones([2, 8, 8, 1]);
  const f1 = forwardCnn(tf, net, x, 0, 1), out = forwardCnn(tf, net, x);
  assertEquals(f1.shape, [2, 4, 4, 3]);
  assertEquals(out.shape, [2, 2]);
  const lo = tf.min(f1);
  assert((await lo.data())[0] >= 0, "ReLU after a hidden layer");
  lo.dispose();
  const flat = tf.ones([2, 64]);
  assertThrows(() => forwardCnn(tf, net, flat, 0, 1), Error, "needs [N, H, W, C]");
  flat.dispose();
  const back = cnnFromJSON(tf, await cnnToJSON(net));
  const out2 = forwardCnn(tf, back, x);
  const od = await out.data(), o2 = await out2.data();
  od.forEach((v, i) => assertAlmostEquals(o2[i], v, 1e-6));
  const tail = copyCnnLayers(tf, net, 1, 4);
  const viaTail = forwardCnn(tf, tail, f1);
  const vt = await viaTail.data();
  od.forEach((v, i) => assertAlmostEquals(vt[i], v, 1e-5));
  tf.dispose([x, f1, out, out2, viaTail]);
  [net, back, tail].forEach((n) => disposeCnn(n));
  assertEquals(tf.memory().numTensors, before, "no leaked tensors");
});

Deno.test("small CNN: training learns a spatial task; lrScale 0 freezes a layer", async () => {
  const { x, labels } = halves(64);
  const net = createSmallCnn(tf, spec, createRng(2));
  const w0 = await net.layers[0].w.data();
  const before = tf.memory().numTensors;
  const loss = await trainCnn(tf, net, x, labels, 2, {
    lr: 0.05,
    lrScale: [0, 1, 1, 1],
    steps: 80,
    batch: 16,
    rng: createRng(3),
  });
  assertEquals(tf.memory().numTensors, before, "training leaks no tensors");
  assertEquals(Array.from(await net.layers[0].w.data()), Array.from(w0));
  assert(loss < 0.3, `final loss ${loss}`);
  const acc = await cnnAccuracy(tf, net, x, labels);
  assert(acc > 0.95, `accuracy ${acc}`);
  x.dispose();
  disposeCnn(net);
});
