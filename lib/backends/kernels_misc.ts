/**
 * Cast, Softmax and FusedBatchNorm for the cpu-blas backend. The stock Cast converts through `Int32Array.from`
 * (the iterator protocol), and the stock Softmax runs five stock kernels whose broadcasting
 * subtraction and division compute a multi-index per element. Both overrides compute exactly
 * what the stock kernels compute: the same conversions, and the same float32 roundings in the
 * same order.
 * @module
 */
import { f32, type FastKernel, out } from "./kernel_util.ts";

/** float32 → int32 with ToInt32 (truncation modulo 2^32; NaN and ±Inf give 0), as `Int32Array.from`. */
function toInt32(v: Float32Array, r: Int32Array): void {
  for (let i = 0; i < v.length; i++) r[i] = v[i];
}

/** Anything → bool: 1 where the value is not 0 (NaN included), as the stock `a !== 0`. */
function toBool(v: Float32Array | Int32Array, r: Uint8Array): void {
  for (let i = 0; i < v.length; i++) r[i] = v[i] !== 0 ? 1 : 0;
}

/** Cast float32 → int32 and float32/int32 → bool; every other cast (mostly free) goes to the stock kernel. */
export const cast: FastKernel = ({ inputs, backend, attrs }) => {
  const x = inputs.x!;
  const values = backend.data.get(x.dataId)?.values;
  const dtype = attrs.dtype;
  if (dtype === "int32" && x.dtype === "float32" && values instanceof Float32Array) {
    const r = new Int32Array(values.length);
    toInt32(values, r);
    return backend.makeTensorInfo(x.shape, "int32", r);
  }
  const numeric = values instanceof Float32Array || values instanceof Int32Array;
  if (dtype === "bool" && (x.dtype === "float32" || x.dtype === "int32") && numeric) {
    const r = new Uint8Array(values.length);
    toBool(values, r);
    return backend.makeTensorInfo(x.shape, "bool", r);
  }
  return undefined;
};

/**
 * Softmax over rows of `n`: per row the stock max (NaN wins), then x − max, exp, their sum in
 * double rounded to float32, and the division, each result rounded to float32 as the stock
 * kernels store it.
 */
function softmaxRows(v: Float32Array, r: Float32Array, n: number): void {
  const e = new Float32Array(n);
  for (let row = 0; row < v.length; row += n) {
    let max = v[row];
    for (let j = 0; j < n; j++) {
      const x = v[row + j];
      if (x !== x || x > max) max = x;
    }
    let sum = 0;
    for (let j = 0; j < n; j++) {
      e[j] = v[row + j] - max;
      e[j] = Math.exp(e[j]);
      sum += e[j];
    }
    const s = Math.fround(sum);
    for (let j = 0; j < n; j++) r[row + j] = e[j] / s;
  }
}

/** Softmax along the last axis (the only one the stock kernel supports). */
export const softmax: FastKernel = ({ inputs, backend, attrs }) => {
  const logits = inputs.logits!;
  const v = f32(backend, logits);
  const rank = logits.shape.length;
  const dim = attrs.dim as number;
  if (!v || rank === 0 || (dim !== -1 && dim !== rank - 1)) return undefined;
  const n = logits.shape[rank - 1];
  if (n === 0 || v.length === 0) return undefined;
  const r = new Float32Array(v.length);
  softmaxRows(v, r, n);
  return out(backend, logits.shape, r);
};

/**
 * FusedBatchNorm as the stock kernel computes it, `offset + (x − mean)·scale / sqrt(variance + ε)`
 * in double with each parameter array cycling on its own, but with the square roots computed once
 * per variance value instead of once per element (the same doubles).
 */
export const fusedBatchNorm: FastKernel = ({ inputs, backend, attrs }) => {
  const x = f32(backend, inputs.x), m = f32(backend, inputs.mean), v = f32(backend, inputs.variance);
  const sc = inputs.scale ? f32(backend, inputs.scale) : Float32Array.of(1);
  const of = inputs.offset ? f32(backend, inputs.offset) : Float32Array.of(0);
  if (!x || !m || !v || !sc || !of || m.length === 0 || v.length === 0 || sc.length === 0 || of.length === 0) {
    return undefined;
  }
  const eps = attrs.varianceEpsilon == null ? 0.001 : attrs.varianceEpsilon as number;
  const root = new Float64Array(v.length);
  for (let j = 0; j < v.length; j++) root[j] = Math.sqrt(v[j] + eps);
  const r = new Float32Array(x.length);
  batchNormLoop(x, m, sc, of, root, r);
  return out(backend, inputs.x!.shape, r);
};

function batchNormLoop(
  x: Float32Array,
  m: Float32Array,
  sc: Float32Array,
  of: Float32Array,
  root: Float64Array,
  r: Float32Array,
): void {
  let oi = 0, mi = 0, si = 0, vi = 0;
  for (let i = 0; i < x.length; i++) {
    r[i] = of[oi] + (x[i] - m[mi]) * sc[si] / root[vi];
    if (++oi >= of.length) oi = 0;
    if (++mi >= m.length) mi = 0;
    if (++si >= sc.length) si = 0;
    if (++vi >= root.length) vi = 0;
  }
}

/** The overrides of this file, by kernel name. */
export const miscKernels: Record<string, FastKernel> = {
  Cast: cast,
  Softmax: softmax,
  FusedBatchNorm: fusedBatchNorm,
};
