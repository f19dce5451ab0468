import { assert } from "../../lib/std.ts";
import * as T from "@tensorflow/tfjs";
import type * as tfjs from "@tensorflow/tfjs";
import { initBackend } from "../../lib/backend.ts";
import { createStack, disposeStack, scaled, trainStack } from "./deep_net.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

function draws(seed: number, dims: number[]): Float32Array[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  return dims.slice(0, -1).map((d, l) => new Float32Array(d * dims[l + 1]).map(next));
}

Deno.test("a stack of nets trains each net as if alone (no coupling through the summed loss)", async () => {
  const dims = [5, 4, 4, 3], B = 2;
  const [a, b] = [draws(1, dims), draws(2, dims)];
  const xAll = T.tensor2d(Array.from({ length: 40 }, (_, i) => Math.sin(i)), [8, 5]);
  const yAll = T.oneHot(T.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], "int32"), 3).toFloat() as tfjs.Tensor2D;
  const evalOf = (nets: number) =>
    T.tidy(() => [
      T.reshape(T.tile(T.slice(xAll, 0, 4), [nets, 1]), [nets, 4, 5]),
      T.reshape(T.tile(T.slice(yAll, 0, 4), [nets, 1]), [nets, 4, 3]),
    ]) as [tfjs.Tensor3D, tfjs.Tensor3D];
  const train = async (weights: Float32Array[][], rows: (s: number) => Int32Array) => {
    const s = createStack(T, dims, weights), [xEval, yEval] = evalOf(weights.length);
    const curve = await trainStack(T, s, { xAll, yAll, xEval, yEval }, {
      steps: 5,
      lr: 0.1,
      momentum: 0.9,
      every: 1,
      batch: B,
      batchRows: rows,
    });
    const w = await s.weights[0].data();
    disposeStack(T, s);
    T.dispose([xEval, yEval]);
    return { curve, w };
  };
  const rowsA = (s: number) => Int32Array.from([s % 8, (s + 3) % 8]);
  const rowsB = (s: number) => Int32Array.from([(s + 5) % 8, (s + 1) % 8]);
  const before = T.memory().numTensors;
  const both = await train([a, b], (s) => Int32Array.from([...rowsA(s), ...rowsB(s)]));
  const alone = await train([a], rowsA);
  assert(T.memory().numTensors === before, "no tensor leaked");
  alone.curve.forEach((c, i) => assert(Math.abs(c.loss[0] - both.curve[i].loss[0]) < 1e-6, `loss at step ${i}`));
  const n = alone.w.length;
  for (let i = 0; i < n; i++) assert(Math.abs(alone.w[i] - both.w[i]) < 1e-6, `weight ${i}`);
  assert(both.curve[5].loss[0] < both.curve[0].loss[0], "the loss went down");
  T.dispose([xAll, yAll]);
});

Deno.test("scaled std survives values whose squares underflow float32", async () => {
  const t = T.tensor3d([1e-26, -1e-26, 3e-26, -3e-26, 0, 0, 0, 0], [2, 2, 2]);
  const s = scaled(T, t, (u) => T.sqrt(T.moments(u, [1, 2]).variance));
  const [tiny, zero] = await s.data();
  assert(Math.abs(tiny / Math.sqrt(5e-52) - 1) < 1e-4, `std ${tiny}`);
  assert(zero === 0);
  T.dispose([t, s]);
});
