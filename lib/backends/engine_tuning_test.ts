/**
 * Saving tensors for the gradient without the Identity dispatch (engine_tuning.ts) must give the
 * same gradients bit for bit, keep second derivatives right, leak nothing, and actually skip the
 * clones on cpu-blas.
 */
import * as tf from "@tensorflow/tfjs";
import { assert, assertEquals } from "../std.ts";
import { initBackend } from "../backend.ts";
import { createRng } from "../rng.ts";
import { bitsOf as floatBits } from "./bits_test_util.ts";
import { softmaxCrossEntropy } from "../nn/softmax_cross_entropy.ts";
import { engineTuning } from "./engine_tuning.ts";

const onBlas = await initBackend("cpu-blas").then(() => true, () => false);

/** Loss and gradients of a 2-layer net with a shared weight used twice (so saved tensors repeat). */
function netGradients(): number[][] {
  const rng = createRng(11);
  const x = tf.tensor2d(rng.normals(30 * 40), [30, 40]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from({ length: 30 }, () => rng.int(5)), "int32"), 5).toFloat());
  const w1 = tf.tidy(() => tf.variable(tf.tensor2d(rng.normals(40 * 20, 0.3), [40, 20])));
  const w2 = tf.tidy(() => tf.variable(tf.tensor2d(rng.normals(20 * 5, 0.3), [20, 5])));
  const { value, grads } = tf.variableGrads(() => {
    const h = tf.relu(tf.matMul(x, w1));
    const z = tf.matMul(tf.mul(h, tf.sigmoid(h)), w2);
    return tf.add(softmaxCrossEntropy(tf, y, z), tf.mul(0.01, tf.sum(tf.square(w1)))) as tf.Scalar;
  }, [w1, w2]);
  const bitsOf = (t: tf.Tensor) => floatBits(t.dataSync() as Float32Array);
  const out = [bitsOf(value), bitsOf(grads[w1.name]), bitsOf(grads[w2.name])];
  tf.dispose([x, y, w1, w2, value, ...Object.values(grads)]);
  return out;
}

function withTuning<T>(enabled: boolean, f: () => T): T {
  const saved = engineTuning.enabled;
  engineTuning.enabled = enabled;
  try {
    return f();
  } finally {
    engineTuning.enabled = saved;
  }
}

Deno.test({
  name: "saving for the gradient without Identity gives the same loss and gradients, and leaks nothing",
  ignore: !onBlas,
  fn() {
    const dataIds = () => tf.backend().numDataIds();
    const before = [tf.memory().numTensors, dataIds()];
    const own = withTuning(false, netGradients);
    const direct = withTuning(true, netGradients);
    assertEquals(direct, own);
    assertEquals([tf.memory().numTensors, dataIds()], before, "tensors or data left over");
  },
});

Deno.test({
  name: "second derivatives still flow through the saved tensors (gradient depth 2 takes the engine's way)",
  ignore: !onBlas,
  fn() {
    const x = tf.tensor1d([-1.5, -0.25, 0.5, 2]);
    // the derivative of Σ d/du u³ = Σ 3u² is 6x: the inner gradient uses Mul's saved inputs
    const second = tf.grad((t: tf.Tensor) => tf.sum(tf.grad((u: tf.Tensor) => tf.sum(tf.mul(tf.mul(u, u), u)))(t)));
    const got = withTuning(true, () => second(x));
    assertEquals(Array.from(got.dataSync()), [-9, -1.5, 3, 12]);
    tf.dispose([x, got]);
  },
});

Deno.test({
  name: "on cpu-blas a recorded step saves its tensors without Identity kernels",
  ignore: !onBlas,
  async fn() {
    const a = tf.variable(tf.randomNormal([8, 8])), b = tf.tensor2d(createRng(2).normals(64), [8, 8]);
    const step = () => tf.variableGrads(() => tf.sum(tf.relu(tf.matMul(b, a))) as tf.Scalar, [a]);
    const count = async (enabled: boolean) => {
      const info = await withTuning(enabled, () => tf.profile(() => tf.dispose(Object.values(step().grads))));
      return info.kernels.filter((k) => k.name === "Identity").length;
    };
    assert(await count(false) > 0, "the engine's own way clones through Identity");
    assertEquals(await count(true), 0);
    tf.dispose([a, b]);
  },
});
