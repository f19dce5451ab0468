import * as tf from "@tensorflow/tfjs";
import { assert, assertEquals } from "../std.ts";
import { CPU_BLAS, registerCpuBlas } from "./cpu_blas.ts";
import { loadBlas } from "./blas_ffi.ts";
import { BufferPool, PooledCpuBackend, poolTuning } from "./buffer_pool.ts";

const registered = registerCpuBlas();
const noBlas = typeof loadBlas() === "string";
tf.env().set("PROD", true);

const N = 8192; // above poolTuning.minLength: every output of this size goes through the pool

/** Runs `f` on cpu-blas with the pool enabled, checks that it recycled arrays, and leaks nothing. */
async function onPooledBackend(f: () => Promise<void>): Promise<void> {
  assertEquals(typeof registered === "string" ? registered : "", "");
  await tf.setBackend(CPU_BLAS);
  assert(tf.backend() instanceof PooledCpuBackend);
  assert(poolTuning.enabled && N >= poolTuning.minLength);
  const before = tf.memory().numTensors;
  await f();
  assertEquals(tf.memory().numTensors, before);
}

/** Fills the pool with freed outputs of length N and takes them back with other values. */
function churn(value: number): void {
  for (let i = 0; i < 3; i++) {
    tf.tidy(() => {
      const a = tf.fill([N], value);
      for (let j = 0; j < 4; j++) tf.add(a, a).mul(tf.scalar(2));
    });
  }
}

const ramp = () => tf.tensor1d(Float32Array.from({ length: N }, (_, i) => i));

Deno.test({
  name: "pool: arrays read out with data() and dataSync() keep their values after dispose",
  ignore: noBlas,
  fn: () =>
    onPooledBackend(async () => {
      const x = ramp();
      const y = tf.add(x, x);
      const z = tf.tidy(() => tf.mul(x, tf.scalar(3)));
      const yv = await y.data();
      const zv = z.dataSync();
      tf.dispose([x, y, z]);
      churn(-1);
      assertEquals(yv[5], 10);
      assertEquals(zv[7], 21);
      assert(yv.every((v, i) => v === 2 * i) && zv.every((v, i) => v === 3 * i));
    }),
});

Deno.test({
  name: "pool: a user's array wrapped by tf.tensor is never reused",
  ignore: noBlas,
  fn: () =>
    onPooledBackend(async () => {
      const mine = new Float32Array(N).fill(7);
      const t = tf.tensor1d(mine);
      const u = tf.add(t, t); // pooled output, disposed below
      tf.dispose([t, u]);
      churn(-1);
      assert(mine.every((v) => v === 7));
      await Promise.resolve();
    }),
});

Deno.test({
  name: "pool: tensors sharing data (reshape, clone, variable) keep it until the last one is disposed",
  ignore: noBlas,
  fn: () =>
    onPooledBackend(async () => {
      const x = ramp();
      const y = tf.add(x, x);
      const r = y.reshape([N / 2, 2]);
      const c = y.clone();
      const v = tf.variable(y);
      y.dispose();
      churn(-1);
      r.dispose();
      churn(-2);
      c.dispose();
      churn(-3);
      const got = await v.data();
      assert(got.every((e, i) => e === 2 * i));
      tf.dispose([x, v]);
    }),
});

Deno.test({
  name: "pool: a complex tensor that aliases a real output keeps it after that output is disposed",
  ignore: noBlas,
  fn: () =>
    onPooledBackend(async () => {
      const x = ramp();
      const re = tf.add(x, x); // a pooled array, aliased by the complex tensor's real part
      const im = tf.neg(x);
      const c = tf.complex(re, im);
      tf.dispose([re, im]);
      churn(-1);
      const real = tf.real(c);
      const got = await real.data();
      assert(got.every((e, i) => e === 2 * i));
      tf.dispose([x, c, real]);
    }),
});

Deno.test({
  name: "pool: outputs are recycled and training gives the same bits with and without it",
  ignore: noBlas,
  fn: () =>
    onPooledBackend(async () => {
      const train = async () => {
        const w0 = tf.tensor2d(Float32Array.from({ length: 96 * 100 }, (_, i) => Math.sin(i)), [96, 100]);
        const w = tf.variable(w0);
        w0.dispose();
        const x = tf.tensor2d(Float32Array.from({ length: 50 * 96 }, (_, i) => Math.cos(i)), [50, 96]);
        const opt = tf.train.sgd(0.01);
        for (let i = 0; i < 5; i++) opt.minimize(() => tf.relu(x.matMul(w)).square().mean() as tf.Scalar);
        const values = Array.from(await w.data());
        tf.dispose([w, x]);
        opt.dispose();
        return values;
      };
      const pool = (tf.backend() as PooledCpuBackend).pool;
      pool.clear();
      poolTuning.enabled = false;
      const plain = await train();
      assertEquals(pool.pooledBytes, 0);
      poolTuning.enabled = true;
      const pooled = await train();
      assert(pool.pooledBytes > 0, "nothing was pooled");
      assertEquals(pooled, plain);
    }),
});

Deno.test("BufferPool counts references and respects its limits", () => {
  const pool = new BufferPool();
  const a = pool.take(N);
  pool.registered(a);
  pool.registered(a.subarray(10)); // a view of it as a second tensor's data
  pool.released(a);
  assertEquals(pool.pooledBytes, 0);
  pool.released(a.subarray(10));
  assertEquals(pool.pooledBytes, N * 4);
  assert(pool.take(N) === a);
  assertEquals(pool.pooledBytes, 0);
  pool.registered(a);
  pool.escaped(a);
  pool.released(a);
  assertEquals(pool.pooledBytes, 0, "an array that was read out is not pooled");
  const small = pool.take(16);
  pool.registered(small);
  pool.released(small);
  assertEquals(pool.pooledBytes, 0, "small arrays are not pooled");
  const foreign = new Float32Array(N);
  pool.registered(foreign);
  pool.released(foreign);
  assertEquals(pool.pooledBytes, 0, "arrays the pool did not make are not pooled");
  const many = Array.from({ length: poolTuning.perLength + 2 }, () => pool.take(N));
  for (const m of many) {
    pool.registered(m);
    pool.released(m);
  }
  assertEquals(pool.pooledBytes, poolTuning.perLength * N * 4);
  assert(pool.zeros(N).every((v) => v === 0));
});
