import { assert, assertEquals } from "../std.ts";
import { createRng } from "../rng.ts";
import { argmax, hidden, initTwoLayerModel, lossAndGrads, regLoss, softmax } from "./two_layer_net.ts";

function randomBatch(N: number, D: number, seed: number) {
  const r = createRng(seed);
  return { X: Float32Array.from(r.normals(N * D, 50)), N, y: Uint8Array.from({ length: N }, () => r.int(3)) };
}

Deno.test("initTwoLayerModel: shapes, zero biases, weights of the given std", () => {
  const m = initTwoLayerModel(100, 50, 10, createRng(1));
  assertEquals([m.W1.length, m.b1.length, m.W2.length, m.b2.length], [5000, 50, 500, 10]);
  assert(m.b1.every((b) => b === 0) && m.b2.every((b) => b === 0));
  const std = Math.sqrt(m.W1.reduce((s, w) => s + w * w, 0) / m.W1.length);
  assert(Math.abs(std / 1e-4 - 1) < 0.05, `std ${std}`);
});

Deno.test("hidden: the four-row kernel equals the plain sum for every row", () => {
  const m = initTwoLayerModel(9, 5, 3, createRng(2), 1);
  const { X, N } = randomBatch(7, 9, 3);
  const h = hidden(m, { X, N });
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < 5; j++) {
      let s = m.b1[j];
      for (let k = 0; k < 9; k++) s += X[i * 9 + k] * m.W1[k * 5 + j];
      assertEquals(h[i * 5 + j], Math.max(0, s));
    }
  }
});

Deno.test("lossAndGrads: ln(C) at tiny weights, plus exactly the L2 term", () => {
  const m = initTwoLayerModel(20, 8, 3, createRng(4));
  const b = randomBatch(30, 20, 5);
  const r0 = lossAndGrads(m, b, b.y, 0, false), r1 = lossAndGrads(m, b, b.y, 1e3, false);
  assert(Math.abs(r0.loss - Math.log(3)) < 1e-4);
  assertEquals(r1.loss, r1.dataLoss + regLoss(m, 1e3));
  let s = 0;
  for (const w of [...m.W1, ...m.W2]) s += w * w;
  assert(Math.abs(regLoss(m, 1e3) - 500 * s) < 1e-15);
});

Deno.test("softmax and loss behave like numpy's: NaN propagates, an underflowing probability gives Inf", () => {
  const p = softmax(Float64Array.from([NaN, 0, 1, 2000, 0, -2000]), 2, 3);
  assert(Number.isNaN(p[0]) && Number.isNaN(p[2]));
  assertEquals(p[3], 1);
  const m = initTwoLayerModel(2, 2, 2, createRng(1), 1e3);
  const r = lossAndGrads(m, { X: Float32Array.from([1e3, -1e3, -1e3, 1e3]), N: 2 }, [0, 1], 0, false);
  assert(!Number.isFinite(r.loss) || r.loss > 1e3, `loss ${r.loss}`);
  assertEquals(Array.from(argmax(Float64Array.from([NaN, NaN, 1, 3]), 2, 2)), [0, 1]);
});
