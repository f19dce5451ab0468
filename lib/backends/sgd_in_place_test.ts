/**
 * The in-place SGD update (sgd_in_place.ts) must give the stock update's numbers bit for bit, write
 * in place only where nothing else can see the buffers, and actually write in place on cpu-blas.
 */
import * as tf from "@tensorflow/tfjs";
import { assert, assertEquals } from "../std.ts";
import { initBackend } from "../backend.ts";
import { createRng } from "../rng.ts";
import { bitsOf } from "./bits_test_util.ts";
import { softmaxCrossEntropy } from "../nn/softmax_cross_entropy.ts";
import { sgdTuning } from "./sgd_in_place.ts";

const onBlas = await initBackend("cpu-blas").then(() => true, () => false);
const test = (name: string, fn: () => void | Promise<void>) => Deno.test({ name, ignore: !onBlas, fn });

/** A net whose variables take each path: W1 3000 floats (BLAS level 1), W2 400 (the loop), b 20 (adopted). */
function net(seed: number) {
  const rng = createRng(seed);
  const x = tf.tensor2d(rng.normals(40 * 150), [40, 150]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from({ length: 40 }, () => rng.int(20)), "int32"), 20).toFloat());
  const w1 = tf.tidy(() => tf.variable(tf.tensor2d(rng.normals(150 * 20, 0.1), [150, 20])));
  const w2 = tf.tidy(() => tf.variable(tf.tensor2d(rng.normals(20 * 20, 0.1), [20, 20])));
  const b = tf.tidy(() => tf.variable(tf.zeros([20])));
  const loss = () => softmaxCrossEntropy(tf, y, tf.relu(x.matMul(w1)).matMul(w2).add(b)) as tf.Scalar;
  return { vars: [w1, w2, b], loss, dispose: () => tf.dispose([x, y, w1, w2, b]) };
}

/** The variables' bits after `steps` SGD steps, with the in-place update on or off. */
function train(inPlace: boolean, steps: number): number[][] {
  const saved = sgdTuning.inPlace;
  sgdTuning.inPlace = inPlace;
  try {
    const { vars, loss, dispose } = net(3);
    const opt = tf.train.sgd(0.3);
    for (let i = 0; i < steps; i++) opt.minimize(loss, false, vars);
    const bits = vars.map((v) => bitsOf(v.dataSync() as Float32Array));
    assertEquals(opt.iterations, steps);
    opt.dispose();
    dispose();
    return bits;
  } finally {
    sgdTuning.inPlace = saved;
  }
}

test("in-place SGD: the same bits as the stock update, every path (level 1, loop, adopted small)", () => {
  const before = tf.memory().numTensors;
  assertEquals(train(true, 12), train(false, 12));
  assertEquals(tf.memory().numTensors, before, "no tensor leaks");
});

test("in-place SGD writes into the variables' own buffers once they hold pool data; off, it does not", () => {
  for (const inPlace of [true, false]) {
    sgdTuning.inPlace = inPlace;
    const { vars: [w1, w2, b], loss, dispose } = net(5);
    const opt = tf.train.sgd(0.1);
    opt.minimize(loss, false, [w1, w2, b]); // the first update replaces the initial (user) arrays
    const ids = [w1.dataId, w2.dataId, b.dataId];
    opt.minimize(loss, false, [w1, w2, b]);
    assertEquals(w1.dataId === ids[0], inPlace, `W1 kept its buffer: inPlace ${inPlace}`);
    assertEquals(w2.dataId === ids[1], inPlace, `W2 kept its buffer: inPlace ${inPlace}`);
    assertEquals(b.dataId === ids[2], inPlace, `b (20 floats, adopted after its first update): inPlace ${inPlace}`);
    opt.dispose();
    dispose();
  }
  sgdTuning.inPlace = true;
});

test("in-place SGD never writes where someone else can see: clones, read-out arrays, caller's gradients", async () => {
  const { vars: [w1, w2, b], loss, dispose } = net(7);
  const opt = tf.train.sgd(0.1);
  opt.minimize(loss, false, [w1, w2, b]);
  const clone = w1.clone(); // the same buffer, one more reference
  // read through a copy (×1), since reading the clone itself would mark the buffer as handed out
  const copyBits = () => tf.tidy(() => bitsOf(tf.mul(clone, 1).dataSync() as Float32Array));
  const cloneBits = copyBits();
  opt.minimize(loss, false, [w1, w2, b]);
  assertEquals(copyBits(), cloneBits, "a clone keeps its values");
  assert(bitsOf(w1.dataSync() as Float32Array).some((x, i) => x !== cloneBits[i]), "W1 moved");
  clone.dispose();
  for (const v of [w1, b]) { // pooled, and small (adopted)
    const readOut = await v.data() as Float32Array;
    const readBits = bitsOf(readOut.slice());
    opt.minimize(loss, false, [w1, w2, b]);
    assertEquals(bitsOf(readOut), readBits, `an array data() handed out keeps its values (${v.size} floats)`);
    assert(bitsOf(v.dataSync() as Float32Array).some((x, i) => x !== readBits[i]), "the variable moved");
  }
  // gradients the caller passes to applyGradients stay the caller's
  const { grads } = tf.variableGrads(loss, [w1, w2, b]);
  const gradBits = bitsOf(grads[w1.name].dataSync() as Float32Array);
  opt.applyGradients(grads);
  assertEquals(bitsOf(grads[w1.name].dataSync() as Float32Array), gradBits, "the caller's gradient is untouched");
  tf.dispose(grads);
  opt.dispose();
  dispose();
});

test("in-place SGD leaves momentum to the stock optimizer", () => {
  const { vars, loss, dispose } = net(9);
  const opt = tf.train.momentum(0.1, 0.9);
  opt.minimize(loss, false, vars);
  const id = vars[0].dataId;
  opt.minimize(loss, false, vars);
  assert(vars[0].dataId !== id, "momentum: a new buffer per step");
  opt.dispose();
  dispose();
});
