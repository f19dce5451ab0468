import * as tf from "@tensorflow/tfjs";
import { assert, assertEquals } from "../std.ts";
import { CPU_BLAS, registerCpuBlas } from "./cpu_blas.ts";
import { loadBlas } from "./blas_ffi.ts";
import { compareValues } from "./self_check.ts";
import { createRng } from "../rng.ts";
import { convTuning } from "./kernels_conv.ts";

const registered = registerCpuBlas();
/** Skip only when no BLAS library is installed; a failed self-check fails the tests. */
const noBlas = typeof loadBlas() === "string";
tf.env().set("PROD", true);

/** Loss and gradients of a small CNN (conv, bias, relu, max-pool with ties, dense) on `backend`. */
async function cnnGradients(backend: string): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const rng = createRng(3);
  // inputs quantised to a few levels so that max-pool windows have ties
  const x = tf.tensor4d(rng.normals(2 * 8 * 8 * 2).map((v) => Math.round(v)), [2, 8, 8, 2]);
  const k1 = tf.tensor4d(rng.normals(3 * 3 * 2 * 4, 0.5), [3, 3, 2, 4]);
  const b1 = tf.tensor1d(rng.normals(4, 0.1));
  const k2 = tf.tensor4d(rng.normals(3 * 3 * 4 * 3, 0.5), [3, 3, 4, 3]);
  const w = tf.tensor2d(rng.normals(2 * 2 * 3 * 5, 0.5), [12, 5]);
  const y = tf.oneHot(tf.tensor1d([1, 3], "int32"), 5);
  const f = (k1: tf.Tensor, b1: tf.Tensor, k2: tf.Tensor, w: tf.Tensor) => {
    const h = tf.maxPool(tf.relu(tf.conv2d(x, k1 as tf.Tensor4D, 1, "same").add(b1)) as tf.Tensor4D, 2, 2, "valid");
    const g = tf.maxPool(tf.relu(tf.conv2d(h, k2 as tf.Tensor4D, 2, "same")) as tf.Tensor4D, 2, 1, "same");
    const z = tf.fused.matMul({ a: g.reshape([2, 12]), b: w, activation: "relu" });
    return tf.losses.softmaxCrossEntropy(y, z) as tf.Scalar;
  };
  const grads = tf.grads(f)([k1, b1, k2, w]);
  const values = await Promise.all([f(k1, b1, k2, w), ...grads].map(async (t) => new Float32Array(await t.data())));
  tf.dispose([x, k1, b1, k2, w, y, ...grads]);
  return values;
}

Deno.test({
  name: "cpu-blas gives the cpu backend's loss and gradients on a small CNN",
  ignore: noBlas,
  async fn() {
    assertEquals(
      typeof registered === "string" ? registered : "selfCheckFailed" in registered ? registered.selfCheckFailed : "",
      "",
    );
    const want = await cnnGradients("cpu");
    const got = await cnnGradients(CPU_BLAS);
    assertEquals(got.length, want.length);
    got.forEach((g, i) => assertEquals(compareValues(g, want[i], 16), undefined, `output ${i}`));
    assert(want[1].some((v) => v !== 0), "the gradient of the first kernel is not all zero");
  },
});

Deno.test({
  name: "cpu-blas convolutions give the same bits whether their columns are kept, evicted or recycled",
  ignore: noBlas,
  async fn() {
    const bits = (values: Float32Array[]) => values.map((v) => Array.from(new Int32Array(v.buffer)));
    const kept = bits(await cnnGradients(CPU_BLAS));
    const saved = convTuning.cachedCols;
    try {
      // 1: the first convolution's columns are given back to the pool (and reused by the second
      // convolution) before its filter gradient, which must build them again; 0: none are kept
      for (const cachedCols of [1, 0, saved]) {
        convTuning.cachedCols = cachedCols;
        assertEquals(bits(await cnnGradients(CPU_BLAS)), kept, `cachedCols ${cachedCols}`);
      }
    } finally {
      convTuning.cachedCols = saved;
    }
  },
});

Deno.test({
  name: "cpu-blas max-pool gradient after its forward pass routes ties to the first maximum",
  ignore: noBlas,
  async fn() {
    assertEquals(
      typeof registered === "string" ? registered : "selfCheckFailed" in registered ? registered.selfCheckFailed : "",
      "",
    );
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const x = tf.tensor4d([1, 1, 0, 2, 1, 1, 2, 2, 3, 0, NaN, -1, 3, 3, -1, NaN], [1, 4, 4, 1]);
      const dx = tf.grad((x: tf.Tensor) =>
        tf.maxPool(x as tf.Tensor4D, 2, 2, "valid").mul(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1])).sum()
      )(x);
      const values = await dx.data();
      tf.dispose([x, dx]);
      return Array.from(values);
    };
    const want = await run("cpu");
    assertEquals(await run(CPU_BLAS), want);
    assertEquals(want, [1, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 4, 0, 0, 0, 0]);
  },
});

Deno.test({
  name:
    "cpu-blas max-pool outside a gradient (no positions kept) gives the cpu backend's maxima, and a later gradient still routes right",
  ignore: noBlas,
  async fn() {
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const rng = createRng(5);
      const v = rng.normals(2 * 6 * 6 * 3).map((e) => Math.round(e * 2) / 2); // ties
      v[4] = NaN, v[9] = -Infinity, v[40] = Infinity;
      const x = tf.tensor4d(v, [2, 6, 6, 3]);
      const pooled = tf.maxPool(x, 2, 2, "valid"); // inference: no tape
      const same = tf.maxPool(x, 3, 2, "same");
      const dx = tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, 2, 2, "valid").sum())(x);
      const out = await Promise.all([pooled, same, dx].map(async (t) => Array.from(await t.data())));
      tf.dispose([x, pooled, same, dx]);
      return out;
    };
    const want = await run("cpu");
    assertEquals(await run(CPU_BLAS), want);
  },
});
