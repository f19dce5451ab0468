/**
 * `tf.train.sgd`'s `minimize` on cpu-blas without a fresh tensor per variable and step.
 *
 * The stock update of a variable v with gradient g is `v.assign(add(mul(-lr, g), v))`: two kernels
 * through the engine, each a copy and a BLAS pass over a new output buffer, and the old buffer
 * dropped: four passes over W1 (153,600 floats) in the lecture's 2-layer-net step, ~0.16 ms of its
 * ~1.1 ms. numpy's `p -= lr * gp` makes two. Here, when `minimize` owns the gradients (it disposes
 * them right after), g is scaled in place and added in place into v's own buffer: `sscal` then
 * `saxpy` with factor 1 on BLAS level 1 (below `elementwiseTuning.blasMin` elements, one loop that
 * leaves g as it is). Each
 * element gets the same two roundings as the stock kernels — round(−lr·g), then round(v + that) —
 * so the numbers are the same bit for bit (sgd_in_place_test.ts).
 *
 * Writing in place is done only when nothing else can see the buffers written: the backend is the
 * pooled cpu-blas backend; the variable's buffer (and the gradient's, where BLAS scales it in place)
 * was allocated by its pool, or, below the pool's `minLength`, is the fresh output of a stock update
 * adopted right after it; neither was read out since (`data()`, `dataSync()`); each is one tensor's
 * data (`refCount` 1: no clone shares it); both are float32 of the same size; and −lr is finite and
 * non-zero. Anything else — a variable still on its initial values, one read out, a gradient passed
 * to `applyGradients` by the caller, a momentum optimizer, an outer gradient being recorded — takes
 * the stock update.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Blas } from "./blas_ffi.ts";
import { PooledCpuBackend } from "./buffer_pool.ts";
import { elementwiseTuning } from "./kernels_elementwise.ts";

/** Off: the stock update everywhere (for A/B measurements and tests). */
export const sgdTuning = { inPlace: true };

type Level1 = NonNullable<Blas["level1"]>;
type NamedGradients = tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[];

/** The parts of tfjs this touches that are not in its public types. */
interface SgdInternals {
  learningRate: number;
  c: tf.Scalar;
  incrementIterations(): void;
  /** set while this module's `minimize` runs: the gradients are its own */
  ownsGradients?: boolean;
}
interface EngineInternals {
  backend: unknown;
  registeredVariables: Record<string, tf.Variable>;
  state: { gradientDepth: number };
}

let installed = false;

/** Installs the in-place update for plain SGD optimizers while the pooled cpu-blas backend runs. Once per process. */
export function updateSgdInPlace(level1: Level1 | undefined): void {
  if (installed || !level1) return;
  installed = true;
  const proto = tf.SGDOptimizer.prototype as unknown as tf.SGDOptimizer & SgdInternals;
  const ownMinimize = proto.minimize;
  const ownApply = proto.applyGradients;
  proto.minimize = function (this: tf.SGDOptimizer & SgdInternals, f, returnCost, varList) {
    if (Object.getPrototypeOf(this) !== proto || !sgdTuning.inPlace) {
      return ownMinimize.call(this, f, returnCost, varList);
    }
    this.ownsGradients = true;
    try {
      return ownMinimize.call(this, f, returnCost, varList);
    } finally {
      this.ownsGradients = false;
    }
  };
  proto.applyGradients = function (this: tf.SGDOptimizer & SgdInternals, gradients: NamedGradients) {
    if (!this.ownsGradients) return ownApply.call(this, gradients);
    const engine = tf.engine() as unknown as EngineInternals;
    const entries = Array.isArray(gradients)
      ? gradients.map((g) => [g.name, g.tensor] as const)
      : Object.entries(gradients);
    for (const [name, gradient] of entries) {
      if (gradient == null) continue;
      const value = engine.registeredVariables[name];
      if (!addInPlace(engine, level1, Math.fround(-this.learningRate), value, gradient)) {
        tf.tidy(() => value.assign(tf.add(tf.mul(this.c, gradient), value)));
        adoptSmall(engine, value);
      }
    }
    this.incrementIterations();
  };
}

/**
 * After the stock update, a small variable (below the pool's `minLength`, so not tracked by the pool) holds the Add
 * kernel's fresh output, one tensor's data that nobody has read: adopted, its next update can be made in place.
 */
function adoptSmall(engine: EngineInternals, v: tf.Variable): void {
  const backend = engine.backend;
  if (!(backend instanceof PooledCpuBackend) || engine.state.gradientDepth !== 0) return;
  const d = backend.data.get(v.dataId);
  if (d && d.refCount === 1 && d.values instanceof Float32Array) backend.pool.adopt(d.values);
}

/** v += round(c·g) in v's own buffer, g scaled in its own; false (nothing written) when that is not safe. */
function addInPlace(engine: EngineInternals, l1: Level1, c: number, v: tf.Variable, g: tf.Tensor): boolean {
  const backend = engine.backend;
  if (!(backend instanceof PooledCpuBackend) || engine.state.gradientDepth !== 0) return false;
  if (c === 0 || !Number.isFinite(c) || v.dtype !== "float32" || g.dtype !== "float32") return false;
  const vd = backend.data.get(v.dataId);
  const gd = backend.data.get(g.dataId);
  if (!vd || !gd || vd.refCount !== 1 || gd.refCount !== 1) return false; // one tensor each (a clone adds one)
  const vv = vd.values, gv = gd.values;
  if (!(vv instanceof Float32Array) || !(gv instanceof Float32Array) || vv.length !== gv.length || vv === gv) {
    return false;
  }
  const n = vv.length;
  const scaleG = n >= elementwiseTuning.blasMin; // BLAS scales g in place; the loop leaves it as it is
  if (!backend.pool.isPrivate(vv) || (scaleG && !backend.pool.isPrivate(gv))) return false;
  if (scaleG) {
    l1.sscal(n, c, gv);
    l1.saxpy(n, 1, gv, vv);
  } else {
    for (let i = 0; i < n; i++) vv[i] = Math.fround(vv[i] + Math.fround(c * gv[i]));
  }
  return true;
}
