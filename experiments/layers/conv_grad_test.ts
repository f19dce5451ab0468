import { assert } from "../../lib/std.ts";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../lib/backend.ts";
import { createRng } from "../../lib/rng.ts";
import { conv2dSame, conv2dSameByMatMul } from "./conv_grad.ts";

await initBackend("cpu").catch(() => initBackend("auto"));

Deno.test("conv2dSameByMatMul equals tf.conv2d 'same', and its gradients equal the library's", async () => {
  const rng = createRng(2);
  for (const f of [1, 3, 5]) {
    const x = tf.tensor4d(rng.normals(2 * 6 * 7 * 3), [2, 6, 7, 3]);
    const w = tf.tensor4d(rng.normals(f * f * 3 * 4), [f, f, 3, 4]);
    const u = tf.tensor4d(rng.normals(2 * 6 * 7 * 4), [2, 6, 7, 4]);
    const ours = (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(conv2dSameByMatMul(tf, a as tf.Tensor4D, b as tf.Tensor4D), u));
    const lib = (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, "same"), u));
    const [gx, gw] = tf.grads(ours)([x, w]), [lx, lw] = tf.grads(lib)([x, w]);
    const diff = async (a: tf.Tensor, b: tf.Tensor) => (await tf.max(tf.abs(tf.sub(a, b))).data())[0];
    assert(await diff(conv2dSameByMatMul(tf, x, w), tf.conv2d(x, w, 1, "same")) < 1e-4, `forward, F=${f}`);
    assert(await diff(gx, lx) < 1e-4, `dx, F=${f}`);
    assert(await diff(gw, lw) < 1e-3, `dW, F=${f}: ${await diff(gw, lw)}`);
  }
});

Deno.test("conv2dSame is tf.conv2d on a backend with a filter-gradient kernel", async () => {
  const rng = createRng(3);
  const x = tf.tensor4d(rng.normals(2 * 5 * 5 * 2), [2, 5, 5, 2]),
    w = tf.tensor4d(rng.normals(3 * 3 * 2 * 3), [3, 3, 2, 3]);
  assert(tf.getKernel("Conv2DBackpropFilter", tf.getBackend()) !== undefined);
  const f = (a: tf.Tensor) => tf.sum(tf.square(conv2dSame(tf, x, a as tf.Tensor4D)));
  const g = (a: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, a as tf.Tensor4D, 1, "same")));
  const [a, b] = [await tf.grad(f)(w).data(), await tf.grad(g)(w).data()];
  assert(a.every((v, i) => v === b[i]), "same gradient, bit for bit");
});
