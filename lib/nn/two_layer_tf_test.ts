import { assert, assertEquals } from "../std.ts";
import { initBackend, tf } from "../backend.ts";
import { createRng } from "../rng.ts";
import { initTwoLayerModel, lossAndGrads, PARAM_NAMES } from "./two_layer_net.ts";
import { downloadModel, lossAndGradsTf, oneHotTf, uploadModel } from "./two_layer_tf.ts";

await initBackend("auto");

function batch(N: number, D: number, C: number, seed: number) {
  const r = createRng(seed);
  return { X: r.normals(N * D, 2), y: Uint8Array.from({ length: N }, () => r.int(C)), N };
}

Deno.test("lossAndGradsTf matches the float64 reference net (loss and every gradient, to float32 rounding)", async () => {
  const [N, D, H, C] = [7, 12, 9, 4];
  const m = initTwoLayerModel(D, H, C, createRng(1), 0.5);
  const b = batch(N, D, C, 2);
  const ref = lossAndGrads(m, b, b.y, 0.3);
  const p = uploadModel(tf, m);
  const out = tf.tidy(() => {
    const r = lossAndGradsTf(tf, p, tf.tensor2d(b.X, [N, D]), oneHotTf(tf, b.y, C), 0.3);
    return [r.loss!, ...PARAM_NAMES.map((k) => r.grads![k])];
  });
  const [loss, ...grads] = await Promise.all(out.map((t) => t.data()));
  tf.dispose([...out, ...Object.values(p)]);
  assert(Math.abs(loss[0] - ref.loss) <= 1e-5 * Math.abs(ref.loss), `loss ${loss[0]} vs ${ref.loss}`);
  PARAM_NAMES.forEach((k, i) => {
    const want = ref.grads![k], scale = Math.max(...want.map(Math.abs));
    for (let j = 0; j < want.length; j++) {
      assert(Math.abs(grads[i][j] - want[j]) <= 1e-5 * scale, `${k}[${j}]: ${grads[i][j]} vs ${want[j]}`);
    }
  });
});

Deno.test("lossAndGradsTf: an underflowing probability gives an infinite cost, as numpy's would", async () => {
  const m = initTwoLayerModel(2, 3, 2, createRng(3), 0);
  m.b2.set([0, 1000]); // p(class 0) = exp(−1000) underflows to 0
  const p = uploadModel(tf, m);
  const loss = tf.tidy(() => lossAndGradsTf(tf, p, tf.tensor2d([[1, 1]]), oneHotTf(tf, [0], 2), 0, false).loss!);
  assertEquals((await loss.data())[0], Infinity);
  tf.dispose([loss, ...Object.values(p)]);
});

Deno.test("uploadModel and downloadModel round-trip a model (to float32)", async () => {
  const m = initTwoLayerModel(5, 4, 3, createRng(4), 1);
  const copy = structuredClone(m);
  const p = uploadModel(tf, m);
  m.W1.fill(0);
  await downloadModel(p, m);
  tf.dispose(Object.values(p));
  for (let i = 0; i < m.W1.length; i++) assertEquals(m.W1[i], Math.fround(copy.W1[i]));
});
