import { assert, assertEquals } from "../std.ts";
import { initBackend, tf } from "../backend.ts";
import { createRng } from "../rng.ts";
import { cropScale, flipHorizontal, flipVertical, rotate } from "./geometric.ts";
import { warpAffine } from "./sample.ts";
import { colourJitter } from "./colour.ts";
import { cubicInterpolationMatrix, displacementField, elasticDeform, keysKernel } from "./elastic.ts";
import { augmentBatch } from "./pipeline.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

const ramp = () => {
  const v = new Float32Array(2 * 6 * 6);
  for (let i = 0; i < v.length; i++) v[i] = (i % 36) / 36 + (i >= 36 ? 0.01 : 0);
  return tf.tensor4d(v, [2, 6, 6, 1]);
};
const values = async (t: tf.Tensor) => {
  const v = Array.from(await t.data());
  t.dispose();
  return v;
};

Deno.test("flips are involutions and mirror the right axis", async () => {
  const x = ramp();
  assertEquals(await values(flipHorizontal(tf, flipHorizontal(tf, x))), await values(x.clone()));
  const h = await values(flipHorizontal(tf, x));
  assertEquals(h[0], (await values(x.clone()))[5]);
  const v = await values(flipVertical(tf, x));
  assertEquals(v[0], (await values(x.clone()))[30]);
  x.dispose();
});

Deno.test("the identity map and zero rotation return the input exactly", async () => {
  const x = ramp();
  const id = await values(warpAffine(tf, x, [{ a: [1, 0, 0, 1], t: [0, 0] }, { a: [1, 0, 0, 1], t: [0, 0] }]));
  assertEquals(id, await values(x.clone()));
  assertEquals(await values(rotate(tf, x, [0, 0])), await values(x.clone()));
  x.dispose();
});

Deno.test("rotation by 90° moves the top row to the left column", async () => {
  const x = ramp();
  const r = await values(rotate(tf, x, [Math.PI / 2, Math.PI / 2]));
  const src = await values(x.clone());
  // Counter-clockwise: output (row i, col 0) reads the source at (row 0, col 5 − i).
  for (let i = 0; i < 6; i++) assert(Math.abs(r[i * 6] - src[5 - i]) < 1e-5, `row ${i}`);
  x.dispose();
});

Deno.test("crop and scale of a linear ramp is the scaled ramp (bilinear is exact on linear functions)", async () => {
  const x = ramp();
  const out = await values(cropScale(tf, x, [{ zoom: 2, dx: 0, dy: 0 }, { zoom: 2, dx: 0, dy: 0 }]));
  const f = (r: number, c: number) => (r * 6 + c) / 36; // the first image as a function of position
  for (let r = 0; r < 6; r++) {
    for (let c = 0; c < 6; c++) {
      const want = f(2.5 + (r - 2.5) / 2, 2.5 + (c - 2.5) / 2);
      assert(Math.abs(out[r * 6 + c] - want) < 1e-5, `${r},${c}: ${out[r * 6 + c]} vs ${want}`);
    }
  }
  x.dispose();
});

Deno.test("colour jitter with contrast 1 and brightness 0 is the identity; large brightness clips to 1", async () => {
  const x = ramp();
  const same = await values(colourJitter(tf, x, [{ brightness: 0, contrast: 1 }, { brightness: 0, contrast: 1 }]));
  const src = await values(x.clone());
  same.forEach((v, i) => assert(Math.abs(v - src[i]) < 1e-6));
  const bright = await values(colourJitter(tf, x, [{ brightness: 2, contrast: 1 }, { brightness: 2, contrast: 1 }]));
  assert(bright.every((v) => v === 1));
  x.dispose();
});

Deno.test("Keys kernel interpolates: the matrix is the identity at nodes and rows sum to 1", () => {
  assertEquals(keysKernel(0), 1);
  assertEquals(keysKernel(1), 0);
  assertEquals(keysKernel(2), 0);
  const m = cubicInterpolationMatrix(10, 4); // nodes at pixels 0, 3, 6, 9
  for (let i = 0; i < 10; i++) {
    const row = Array.from(m.subarray(i * 4, i * 4 + 4));
    assert(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-6);
    if (i % 3 === 0) row.forEach((w, k) => assert(Math.abs(w - (k === i / 3 ? 1 : 0)) < 1e-6));
  }
});

Deno.test("elastic: zero offsets are the identity, equal offsets a pure shift", async () => {
  const x = ramp();
  const zero = { n: 2, grid: 3, values: new Float32Array(2 * 3 * 3 * 2) };
  assertEquals(await values(elasticDeform(tf, x, zero)), await values(x.clone()));
  const shift = { n: 2, grid: 3, values: new Float32Array(2 * 3 * 3 * 2).map((_, i) => (i % 2 === 0 ? 1 : 0)) };
  const field = await values(displacementField(tf, shift, 6, 6));
  field.forEach((v, i) => assert(Math.abs(v - (i % 2 === 0 ? 1 : 0)) < 1e-6));
  const out = await values(elasticDeform(tf, x, shift));
  const src = await values(x.clone());
  for (let r = 0; r < 6; r++) for (let c = 0; c < 5; c++) assert(Math.abs(out[r * 6 + c] - src[r * 6 + c + 1]) < 1e-6);
  x.dispose();
});

Deno.test("augmentBatch is deterministic for a seed and keeps shape and range", async () => {
  const x = ramp();
  const o = {
    zoom: [0.9, 1.2] as [number, number],
    pad: 1,
    maxDegrees: 20,
    grid: 3,
    sigma: 1,
    brightness: 0.1,
    contrast: 0.2,
  };
  const a = augmentBatch(tf, x, createRng(3), o), b = augmentBatch(tf, x, createRng(3), o);
  assertEquals(a.shape, x.shape);
  const av = await values(a), bv = await values(b);
  assertEquals(av, bv);
  assert(av.every((v) => v >= 0 && v <= 1));
  assert(av.some((v, i) => Math.abs(v - (i % 36) / 36) > 1e-3));
  x.dispose();
});
