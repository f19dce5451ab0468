/**
 * The fused softmax cross-entropy (kernels_loss.ts, dispatched by lib/nn/softmax_cross_entropy.ts)
 * must give what `tf.losses.softmaxCrossEntropy` gives on cpu-blas, bit for bit: the loss and the
 * gradients for logits and labels, on random, extreme and non-finite inputs, under any upstream
 * gradient; and the fused kernel must actually be the one that runs there.
 */
import * as tf from "@tensorflow/tfjs";
import { assert, assertEquals } from "../std.ts";
import { initBackend } from "../backend.ts";
import { createRng } from "../rng.ts";
import { bitsOf } from "./bits_test_util.ts";
import { softmaxCrossEntropy } from "../nn/softmax_cross_entropy.ts";
import { SOFTMAX_XENT, SOFTMAX_XENT_GRAD } from "./kernels_loss.ts";

const onBlas = await initBackend("cpu-blas").then(() => true, () => false);

type Loss = (labels: tf.Tensor, logits: tf.Tensor) => tf.Scalar;
const composite: Loss = (y, z) => tf.losses.softmaxCrossEntropy(y, z) as tf.Scalar;
const fused: Loss = (y, z) => softmaxCrossEntropy(tf, y, z);

/** Loss value and both gradients of `outer(loss)` as bit patterns. */
function evaluate(loss: Loss, labels: Float32Array, logits: Float32Array, shape: [number, number], outer: string) {
  const y = tf.variable(tf.tensor2d(labels, shape)), z = tf.variable(tf.tensor2d(logits, shape));
  const { value, grads } = tf.variableGrads(() => {
    const l = loss(y, z);
    if (outer === "scaled") return tf.add(tf.mul(l, 0.37), tf.sum(tf.square(z))) as tf.Scalar;
    if (outer === "twice") return tf.add(l, tf.mul(l, l)) as tf.Scalar;
    return l;
  }, [y, z]);
  const out = {
    loss: bitsOf(loss(y, z).dataSync() as Float32Array),
    total: bitsOf(value.dataSync() as Float32Array),
    dLogits: bitsOf(grads[z.name].dataSync() as Float32Array),
    dLabels: bitsOf(grads[y.name].dataSync() as Float32Array),
  };
  tf.dispose([y, z, value, ...Object.values(grads)]);
  return out;
}

function oneHot(rows: number, cols: number, rng: ReturnType<typeof createRng>): Float32Array {
  const y = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) y[i * cols + rng.int(cols)] = 1;
  return y;
}

const cases: { name: string; shape: [number, number]; logits: (n: number) => Float32Array; soft?: boolean }[] = [
  { name: "random [100, 10]", shape: [100, 10], logits: (n) => Float32Array.from(createRng(1).normals(n, 3)) },
  {
    name: "random [2000, 10]",
    shape: [2000, 10],
    logits: (n) => Float32Array.from(createRng(6).normals(n, 7)),
    soft: true,
  },
  { name: "random [37, 3]", shape: [37, 3], logits: (n) => Float32Array.from(createRng(2).normals(n, 1)) },
  { name: "one row", shape: [1, 7], logits: (n) => Float32Array.from(createRng(3).normals(n, 10)) },
  { name: "one class", shape: [5, 1], logits: (n) => Float32Array.from(createRng(4).normals(n, 1)) },
  {
    name: "huge and tied",
    shape: [6, 4],
    logits: () => Float32Array.from([80, -80, 80, 0, 1e30, -1e30, 3, 3, ...Array(16).fill(2)]),
  },
  {
    name: "non-finite",
    shape: [5, 3],
    logits: () =>
      Float32Array.from([Infinity, 0, 1, -Infinity, 0, 1, NaN, 0, 1, -Infinity, -Infinity, -Infinity, 0, 1, 2]),
  },
  { name: "soft labels", shape: [20, 5], logits: (n) => Float32Array.from(createRng(5).normals(n, 2)), soft: true },
];

Deno.test({
  name: "fused softmax cross-entropy equals tf.losses.softmaxCrossEntropy bit for bit on cpu-blas",
  ignore: !onBlas,
  fn() {
    for (const c of cases) {
      const n = c.shape[0] * c.shape[1];
      const rng = createRng(9);
      const labels = c.soft ? Float32Array.from(rng.normals(n, 0.5)) : oneHot(c.shape[0], c.shape[1], rng);
      const logits = c.logits(n);
      for (const outer of ["plain", "scaled", "twice"]) {
        assertEquals(
          evaluate(fused, labels, logits, c.shape, outer),
          evaluate(composite, labels, logits, c.shape, outer),
          `${c.name}, ${outer}`,
        );
      }
    }
  },
});

Deno.test({
  name: "the gradient kernel without a recorded forward pass (no kept softmax) gives the same bits",
  ignore: !onBlas,
  fn() {
    for (const c of cases) {
      const n = c.shape[0] * c.shape[1];
      const labels = c.soft
        ? Float32Array.from(createRng(9).normals(n, 0.5))
        : oneHot(c.shape[0], c.shape[1], createRng(9));
      const logits = c.logits(n);
      const want = evaluate(composite, labels, logits, c.shape, "plain");
      const y = tf.tensor2d(labels, c.shape), z = tf.tensor2d(logits, c.shape), dy = tf.scalar(1);
      for (const wrt of ["logits", "labels"] as const) {
        const g = tf.engine().runKernel(SOFTMAX_XENT_GRAD, { dy, labels: y, logits: z }, { wrt }) as tf.Tensor;
        const key = wrt === "logits" ? "dLogits" : "dLabels";
        assertEquals(bitsOf(g.dataSync() as Float32Array), want[key], `${c.name}, ${wrt}`);
        g.dispose();
      }
      tf.dispose([y, z, dy]);
    }
  },
});

Deno.test({
  name: "on cpu-blas the fused kernel runs (2 loss kernels instead of ~36); elsewhere tfjs's composite",
  ignore: !onBlas,
  async fn() {
    const y = tf.oneHot(tf.tensor1d([0, 2, 1], "int32"), 3).toFloat(),
      z = tf.variable(tf.randomNormal([3, 3], 0, 1, "float32", 7));
    const names = async (loss: Loss) =>
      (await tf.profile(() => {
        const g = tf.variableGrads(() => loss(y, z), [z]);
        tf.dispose([g.value, ...Object.values(g.grads)]);
      })).kernels.map((k) => k.name);
    const withFused = await names(fused), withComposite = await names(composite);
    assert(withFused.includes(SOFTMAX_XENT), withFused.join(" "));
    assert(withFused.length < withComposite.length - 25, `${withFused.length} kernels vs ${withComposite.length}`);
    await tf.setBackend("cpu");
    try {
      assert(!(await names(fused)).includes(SOFTMAX_XENT), "the cpu backend has no fused kernel: the composite runs");
      assertEquals(fused(y, z).dataSync(), composite(y, z).dataSync());
    } finally {
      await tf.setBackend("cpu-blas");
      tf.dispose([y, z]);
    }
  },
});
