/**
 * The fused Relu gradient (kernels_relu_grad.ts) must give what tfjs's `dy · cast(step(x))` gives,
 * bit for bit, on random and special values (±0, ±Inf, NaN in x and in dy), through first and
 * second derivatives; it must be the kernel that runs on cpu-blas; and the stock backends must still
 * get the composite.
 */
import * as tf from "@tensorflow/tfjs";
import { assert, assertEquals } from "../std.ts";
import { initBackend } from "../backend.ts";
import { createRng } from "../rng.ts";
import { bitsOf } from "./bits_test_util.ts";
import { RELU_GRAD } from "./kernels_relu_grad.ts";

const onBlas = await initBackend("cpu-blas").then(() => true, () => false);

/** Signed zeros, the smallest subnormals and the largest finite values: the kernel's fast loop. */
const finiteSpecials = [0, -0, 1e-45, -1e-45, 3.4e38, -3.4e38];
/** With NaN and the infinities: its exact loop. */
const specials = [...finiteSpecials, Infinity, -Infinity, NaN];

/** n values: normals, with one of `special` at every third place. */
function values(n: number, seed: number, special: readonly number[] = []): Float32Array {
  const rng = createRng(seed);
  const v = Float32Array.from(rng.normals(n, 1));
  for (let i = 0; i < n && special.length > 0; i += 3) v[i] = special[rng.int(special.length)];
  return v;
}

/** The gradient of sum(relu(x) · dy) by x: dy · step(x), through whichever Relu gradient is registered. */
function reluVjp(x: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.relu(t), dy)))(x);
}

function composite(x: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.mul(dy, tf.cast(tf.step(x), "float32"));
}

const cases: { name: string; n: number; special: readonly number[] }[] = [
  { name: "random, 100", n: 100, special: [] },
  { name: "random, 5000 (pooled output)", n: 5000, special: [] },
  { name: "signed zeros, subnormals, huge values", n: 999, special: finiteSpecials },
  { name: "with NaN and ±Inf", n: 999, special: specials },
  { name: "with NaN and ±Inf, 20000", n: 20000, special: specials },
];

Deno.test({
  name: "the fused Relu gradient equals dy · cast(step(x)) bit for bit",
  ignore: !onBlas,
  fn() {
    for (const c of cases) {
      for (const [inX, inDy] of [[true, false], [false, true], [true, true]]) {
        const x = tf.tensor1d(values(c.n, 1, inX ? c.special : []));
        const dy = tf.tensor1d(values(c.n, 2, inDy ? c.special : []));
        const fused = reluVjp(x, dy), want = composite(x, dy);
        assertEquals(
          bitsOf(fused.dataSync() as Float32Array),
          bitsOf(want.dataSync() as Float32Array),
          `${c.name} (special values in x: ${inX}, in dy: ${inDy})`,
        );
        tf.dispose([x, dy, fused, want]);
      }
    }
  },
});

Deno.test({
  name: "the fused Relu gradient runs on cpu-blas, one kernel instead of Step, Cast and Multiply",
  ignore: !onBlas,
  async fn() {
    const x = tf.tensor1d(values(4000, 3)), dy = tf.tensor1d(values(4000, 4));
    const info = await tf.profile(() => reluVjp(x, dy));
    const names = info.kernels.map((k) => k.name);
    assert(names.includes(RELU_GRAD), names.join(", "));
    assert(!names.includes("Step"), names.join(", "));
    tf.dispose([x, dy, info.result as tf.Tensor]);
  },
});

Deno.test({
  name: "second derivatives through the fused Relu gradient: by dy the same mask, by x zero",
  ignore: !onBlas,
  fn() {
    const x = tf.tensor1d(values(3000, 5, specials)), dy = tf.tensor1d(values(3000, 6));
    const v = tf.tensor1d(values(3000, 7));
    // h(dy, x) = Σ v · vjp(x, dy): dh/d(dy) = v · step(x); dh/dx = 0
    const [byDy, byX] = tf.grads((d: tf.Tensor, t: tf.Tensor) => tf.sum(tf.mul(v, reluVjp(t, d))))([dy, x]);
    const want = composite(x, v);
    assertEquals(bitsOf(byDy.dataSync() as Float32Array), bitsOf(want.dataSync() as Float32Array));
    assert((byX.dataSync() as Float32Array).every((e) => e === 0), "the derivative by x must be zero");
    tf.dispose([x, dy, v, byDy, byX, want]);
  },
});

Deno.test({
  name: "the stock cpu backend still gets tfjs's composite Relu gradient",
  ignore: !onBlas,
  async fn() {
    const before = tf.getBackend();
    await tf.setBackend("cpu");
    try {
      const x = tf.tensor1d(values(500, 8, specials)), dy = tf.tensor1d(values(500, 9, specials));
      const info = await tf.profile(() => reluVjp(x, dy));
      const names = info.kernels.map((k) => k.name);
      assert(names.includes("Step") && !names.includes(RELU_GRAD), names.join(", "));
      const want = composite(x, dy);
      assertEquals(
        bitsOf((info.result as tf.Tensor).dataSync() as Float32Array),
        bitsOf(want.dataSync() as Float32Array),
      );
      tf.dispose([x, dy, want, info.result as tf.Tensor]);
    } finally {
      await tf.setBackend(before);
    }
  },
});
